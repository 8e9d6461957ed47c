import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import {
  type Child,
  type FindingValue,
  type InfantResult,
  type InfantResultsMeta,
  infantResultsApi,
  type SaveOutcome,
} from '../../lib/infant-results-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  meta: InfantResultsMeta;
  child: Child;
  checkup: string;
  mode: 'individual' | 'group';
  sessionId: number | null;
  /** 集団: the session date (the 受診日 unless changed) */
  defaultDate: string;
  result: InfantResult | null;
  onSaved(outcome: SaveOutcome): void;
};

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * The result of one child's 乳幼児健診 (F07-04/F07-05) as on the 結果票: 受診日 (個別: 医療機関・受診票番号), 計測, the
 * 法定 items (所見なし/所見あり; 所見 and 判定 shown when 所見あり), 歯科, 総合判定 (empty: proposed from the items) and
 * 備考. Enter moves from field to field; Enter on the last saves. Saved at the version read.
 */
export function InfantResultForm({
  meta,
  child,
  checkup,
  mode,
  sessionId,
  defaultDate,
  result,
  onSaved,
}: Props) {
  const def = meta.checkups.find((c) => c.code === checkup)!;
  const [examinedOn, setExaminedOn] = useState(result?.examinedOn ?? defaultDate);
  const [institutionName, setInstitution] = useState(result?.institutionName ?? '');
  const [ticketNo, setTicketNo] = useState(result?.ticketNo ?? '');
  const [measures, setMeasures] = useState<Record<string, string>>(
    Object.fromEntries(def.measures.map((m) => [m.code, str(result?.items.measures[m.code])])),
  );
  const [findings, setFindings] = useState<Record<string, FindingValue>>(
    Object.fromEntries(
      def.findings.map((f) => [
        f.code,
        result?.items.findings[f.code] ?? { finding: 'none', note: '', judgement: 'normal' },
      ]),
    ),
  );
  const [dental, setDental] = useState<Record<string, string>>(() => {
    const d = result?.dental ?? {};
    return {
      teeth: str(d.teeth),
      cariesUntreated: str(d.cariesUntreated ?? '0'),
      cariesTreated: str(d.cariesTreated ?? '0'),
      plaque: str(d.plaque ?? 'none'),
      occlusion: str(d.occlusion ?? 'normal'),
      riskType: str(d.riskType ?? def.dental?.riskTypes[0] ?? ''),
      fluoride: str(d.fluoride ?? 'not_applied'),
      judgement: str(d.judgement ?? 'normal'),
      note: str(d.note),
    };
  });
  const [judgement, setJudgement] = useState(result?.judgement ?? '');
  const [note, setNote] = useState(result?.note ?? '');
  const save = useSave();
  const onKeyDown = useEnterToNext();
  const err = save.fieldErrors;
  const judgementOptions = options(meta.judgements);

  function submit() {
    void save.run(async () => {
      const out = await infantResultsApi.save({
        childResidentId: child.id,
        checkup,
        mode,
        sessionId,
        examinedOn,
        institutionName,
        ticketNo,
        measures,
        findings,
        dental: def.dental ? dental : null,
        judgement,
        note,
        resultId: result?.id ?? null,
        version: result?.version ?? null,
      });
      onSaved(out);
    });
  }
  const setFinding = (code: string, v: Partial<FindingValue>) =>
    setFindings((f) => ({ ...f, [code]: { ...f[code]!, ...v } }));
  const setD = (k: string) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDental((d) => ({ ...d, [k]: value }));
  };

  const title = `${child.name}さんの${def.name}の結果${result ? 'を修正' : 'を入力'}`;
  return (
    <Paper withBorder p="sm" component="section" aria-label="健診結果の入力">
      <form
        aria-label={title}
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h5">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            宛名番号 {child.atenaNo}、{formatWareki(child.birthDate)}生。Enter で次の項目へ、最後の項目で
            Enter を押すと保存します。
          </Text>
          <Group align="flex-start">
            <DateField
              label="受診日"
              value={examinedOn}
              onChange={setExaminedOn}
              error={err.examinedOn}
              w={200}
              autoFocus
            />
            {mode === 'individual' && (
              <>
                <TextInput
                  label="医療機関"
                  value={institutionName}
                  onChange={(e) => setInstitution(e.currentTarget.value)}
                  error={err.institutionName}
                  w={240}
                />
                <TextInput
                  label="受診票番号"
                  value={ticketNo}
                  onChange={(e) => setTicketNo(e.currentTarget.value)}
                  w={160}
                />
              </>
            )}
          </Group>
          <SimpleGrid cols={4} spacing="xs">
            {def.measures.map((m) => (
              <TextInput
                key={m.code}
                label={`${m.label}（${m.unit}）`}
                inputMode="decimal"
                value={measures[m.code] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setMeasures((x) => ({ ...x, [m.code]: value }));
                }}
                error={err[`measures.${m.code}`]}
              />
            ))}
          </SimpleGrid>
          <Stack gap={4} role="group" aria-label="診察項目">
            {def.findings.map((f) => {
              const v = findings[f.code]!;
              return (
                <Group key={f.code} gap="xs" align="flex-start" wrap="nowrap">
                  <NativeSelect
                    label={f.label}
                    w={300}
                    data={options(meta.findings)}
                    value={v.finding}
                    onChange={(e) => setFinding(f.code, { finding: e.currentTarget.value })}
                    error={err[`findings.${f.code}`]}
                  />
                  {v.finding === 'present' && (
                    <>
                      <TextInput
                        label={`${f.label}の所見`}
                        w={280}
                        value={v.note}
                        onChange={(e) => setFinding(f.code, { note: e.currentTarget.value })}
                      />
                      <NativeSelect
                        label={`${f.label}の判定`}
                        w={140}
                        data={judgementOptions}
                        value={v.judgement}
                        onChange={(e) => setFinding(f.code, { judgement: e.currentTarget.value })}
                      />
                    </>
                  )}
                </Group>
              );
            })}
          </Stack>
          {def.dental && (
            <Stack gap={4} role="group" aria-label="歯科">
              <Text fw={600} size="sm">
                歯科健診
              </Text>
              <SimpleGrid cols={5} spacing="xs">
                <TextInput
                  label="歯数"
                  inputMode="numeric"
                  value={dental.teeth}
                  onChange={setD('teeth')}
                  error={err['dental.teeth']}
                />
                <TextInput
                  label="むし歯（未処置）"
                  inputMode="numeric"
                  value={dental.cariesUntreated}
                  onChange={setD('cariesUntreated')}
                  error={err['dental.cariesUntreated']}
                />
                <TextInput
                  label="むし歯（処置）"
                  inputMode="numeric"
                  value={dental.cariesTreated}
                  onChange={setD('cariesTreated')}
                  error={err['dental.cariesTreated']}
                />
                <NativeSelect
                  label="歯垢"
                  data={options(meta.plaque)}
                  value={dental.plaque}
                  onChange={setD('plaque')}
                />
                <NativeSelect
                  label="咬合"
                  data={options(meta.occlusion)}
                  value={dental.occlusion}
                  onChange={setD('occlusion')}
                />
                <NativeSelect
                  label="むし歯のリスク分類"
                  data={def.dental.riskTypes.map((t) => ({ value: t, label: `${t}型` }))}
                  value={dental.riskType}
                  onChange={setD('riskType')}
                  error={err['dental.riskType']}
                />
                <NativeSelect
                  label="フッ化物塗布"
                  data={options(meta.fluoride)}
                  value={dental.fluoride}
                  onChange={setD('fluoride')}
                />
                <NativeSelect
                  label="歯科の判定"
                  data={judgementOptions}
                  value={dental.judgement}
                  onChange={setD('judgement')}
                />
                <TextInput label="歯科の所見" value={dental.note} onChange={setD('note')} />
              </SimpleGrid>
            </Stack>
          )}
          <Group align="flex-start">
            <NativeSelect
              label="総合判定"
              w={220}
              data={[{ value: '', label: '（項目の判定から）' }, ...judgementOptions]}
              value={judgement}
              onChange={(e) => setJudgement(e.currentTarget.value)}
              error={err.judgement}
            />
            <TextInput label="備考" w={400} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </Group>
          <ErrorAlert error={save.error} title="保存できません" />
          <Group>
            <Button type="submit" loading={save.busy}>
              保存（Enter）
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
