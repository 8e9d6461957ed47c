import { Alert, Badge, Button, Group, List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { VaccineCode } from '../../../server/modules/vaccination/master-types.ts';
import { checkMunicipalRecord } from '../../../server/modules/vaccination/municipal-records.ts';
import { checkRecord, type RecordCheck } from '../../../server/modules/vaccination/rules-check.ts';
import type { VaccinationPerson } from '../../../server/modules/vaccination/types.ts';
import { municipalLabel } from '../../lib/municipal-vaccines-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import {
  doseLabelsOf,
  type RecordInput,
  type VaccinationRecord,
  type VaccinationView,
  vaccinationApi,
  vaccines,
} from '../../lib/vaccination-api.ts';
import { parseDateInput } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ChoiceInput } from '../results/ChoiceInput.tsx';

/** What stays from one record to the next (the same 母子手帳, the same clinic). */
export type Sticky = { source: 'manual' | 'handbook'; institution: string; doctor: string };

const sourceChoices = [
  { code: 'manual', label: '手入力' },
  { code: 'handbook', label: '母子手帳転記' },
];
const vaccineChoices = vaccines.map((v) => ({ code: v.code, label: v.name }));

type Props = {
  view: VaccinationView;
  /** the record to correct (null = a new one) */
  current: VaccinationRecord | null;
  sticky: Sticky;
  onSaved(r: VaccinationRecord, check: RecordCheck, sticky: Sticky): void;
  onCancel(): void;
};

const sexOf = (code: string) => (code === '1' ? 'M' : code === '2' ? 'F' : undefined);

/**
 * One vaccination typed in: ワクチン (number, code or name), 接種日 (和暦・西暦), 回 (the engine's next dose
 * preselected), 製品, ロット, 実施機関 (医療機関コード or name), 医師, 予診票番号, 出所 — Enter moves on, Enter on the
 * last field saves. The engine's warnings (間隔不足, 対象期間外 …) show as typed; with warnings the first Enter
 * asks to confirm and the second saves (what happened is recorded, 任意接種扱い).
 */
export function RecordForm({ view, current, sticky, onSaved, onCancel }: Props) {
  const [v, setV] = useState(() => ({
    vaccine: current?.vaccine ?? '',
    dose: current?.dose ?? '',
    vaccinatedOn: current?.vaccinatedOn ?? '',
    product: current?.product ?? '',
    lot: current?.lot ?? '',
    institution: current ? current.institutionName : sticky.institution,
    doctor: current?.doctor ?? sticky.doctor,
    formNo: current?.formNo ?? '',
    source: (current?.source === 'handbook' ? 'handbook' : current ? 'manual' : sticky.source) as
      | 'manual'
      | 'handbook',
    note: current?.note ?? '',
  }));
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const onKeyDown = useEnterToNext();
  const { busy, error, fieldErrors, run } = useSave();
  const inst = view.institutions.find(
    (i) => i.code === v.institution.trim() || i.name === v.institution.trim(),
  );
  const vaccine = vaccines.find((x) => x.code === v.vaccine) ?? null;
  // 市町村独自の予防接種 (任意接種助成): the active ones are offered (and the one of the record being corrected)
  const municipal = view.municipalVaccines.find((d) => d.code === v.vaccine) ?? null;
  const choices = useMemo(
    () => [
      ...vaccineChoices,
      ...view.municipalVaccines
        .filter((d) => d.active || d.code === current?.vaccine)
        .map((d) => ({ code: d.code, label: municipalLabel(d.name) })),
    ],
    [view.municipalVaccines, current?.vaccine],
  );

  const check = useMemo(() => {
    const on = parseDateInput(v.vaccinatedOn);
    if ((!vaccine && !municipal) || !on.ok) return null;
    const sex = sexOf(view.person.sex);
    const person: VaccinationPerson = sex
      ? { birthDate: view.person.birthDate, sex }
      : { birthDate: view.person.birthDate };
    if (municipal) {
      const others = view.records.filter((r) => r.id !== current?.id);
      return checkMunicipalRecord(municipal, view.municipalVaccines, person, others, on.date);
    }
    if (!vaccine) return null;
    const history = view.records
      .filter((r) => r.id !== current?.id)
      .map((r) => ({
        vaccine: r.vaccine as VaccineCode,
        date: r.vaccinatedOn,
        product: r.product || undefined,
      }));
    return checkRecord(
      sex ? { birthDate: view.person.birthDate, sex } : { birthDate: view.person.birthDate },
      history,
      { vaccine: vaccine.code, date: on.date, product: v.product.trim() || undefined },
    );
  }, [vaccine, municipal, v.vaccinatedOn, v.product, view, current]);
  const dose = v.dose || check?.dose || '';
  const issuesKey = check?.issues.map((i) => i.code).join(',') ?? '';

  function save() {
    if (check && check.issues.length > 0 && confirmed !== issuesKey) {
      setConfirmed(issuesKey);
      return;
    }
    const input: RecordInput = {
      vaccine: v.vaccine,
      dose,
      vaccinatedOn: v.vaccinatedOn,
      product: v.product,
      lot: v.lot,
      institutionId: inst?.id ?? null,
      institutionName: inst ? '' : v.institution,
      doctor: v.doctor,
      formNo: v.formNo,
      source: v.source,
      note: v.note,
      id: current?.id ?? null,
      version: current?.version ?? null,
    };
    void run(async () => {
      const saved = await vaccinationApi.save(view.person.id, input);
      onSaved(saved.record, saved.check, { source: v.source, institution: v.institution, doctor: v.doctor });
    });
  }

  const products = vaccine?.versions.flatMap((ver) => ver.products ?? []) ?? [];
  return (
    <form
      aria-label="接種の記録の入力"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Text fw={700}>接種の記録</Text>
          {current ? (
            <Badge color="indigo.9" variant="dot" radius="sm">
              記録を修正
            </Badge>
          ) : (
            <Badge color="teal.9" variant="dot" radius="sm">
              新規
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <ChoiceInput
            label="ワクチン"
            choices={choices}
            value={v.vaccine}
            onChange={(c) => setV({ ...v, vaccine: c, dose: '', product: '' })}
            error={fieldErrors.vaccine}
            required
            autoFocus
          />
          <DateField
            label="接種日"
            value={v.vaccinatedOn}
            onChange={(x) => setV({ ...v, vaccinatedOn: x })}
            error={fieldErrors.vaccinatedOn}
            required
          />
          <ChoiceInput
            label="回"
            choices={(municipal
              ? Array.from({ length: municipal.doses }, (_, i) => `${i + 1}回目`)
              : doseLabelsOf(v.vaccine)
            ).map((l) => ({ code: l, label: l }))}
            value={dose}
            onChange={(c) => setV({ ...v, dose: c })}
            error={fieldErrors.dose}
          />
          <TextInput
            label="ワクチン名（製品）"
            description={products.map((p) => `${p.code} ${p.name}`).join(' / ') || '\u00a0'}
            value={v.product}
            onChange={(e) => setV({ ...v, product: e.currentTarget.value })}
            autoComplete="off"
          />
          <TextInput
            label="ロット番号"
            value={v.lot}
            onChange={(e) => setV({ ...v, lot: e.currentTarget.value })}
            autoComplete="off"
          />
          <TextInput
            label="実施機関（医療機関コード・名称）"
            description={
              inst ? `登録済み: ${inst.name}` : v.institution.trim() ? '名称のまま記録します' : '\u00a0'
            }
            value={v.institution}
            onChange={(e) => setV({ ...v, institution: e.currentTarget.value })}
            error={fieldErrors.institutionId}
            autoComplete="off"
          />
          <TextInput
            label="医師名"
            value={v.doctor}
            onChange={(e) => setV({ ...v, doctor: e.currentTarget.value })}
            autoComplete="off"
          />
          <TextInput
            label="予診票番号"
            value={v.formNo}
            onChange={(e) => setV({ ...v, formNo: e.currentTarget.value })}
            autoComplete="off"
          />
          <ChoiceInput
            label="記録の出所"
            choices={sourceChoices}
            value={v.source}
            onChange={(c) => setV({ ...v, source: (c || 'manual') as 'manual' | 'handbook' })}
          />
          <TextInput
            label="備考"
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
            autoComplete="off"
          />
        </SimpleGrid>
        {check && check.issues.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            p="xs"
            title={`確認してください（${municipal ? '助成の対象になりません' : '定期接種として扱えません'}）`}
            role="alert"
          >
            <List size="sm">
              {check.issues.map((i) => (
                <List.Item key={i.code}>{i.message}</List.Item>
              ))}
            </List>
            {confirmed === issuesKey && (
              <Text size="sm" fw={700} mt={4}>
                この内容で記録するときは、もう一度 Enter（保存）を押してください。
              </Text>
            )}
          </Alert>
        )}
        <ErrorAlert error={error} title="保存できません" />
        <Group>
          <Button type="submit" loading={busy}>
            {check && check.issues.length > 0 && confirmed === issuesKey
              ? '警告を確認して保存（Enter）'
              : '保存（Enter）'}
          </Button>
          {current && (
            <Button variant="default" onClick={onCancel}>
              修正をやめる
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
