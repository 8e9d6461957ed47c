import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type DetailedMeta,
  type DetailedRow,
  type DetailedValues,
  detailedApi,
} from '../../lib/detailed-exams-api.ts';
import type { ResultsMeta } from '../../lib/results-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  row: DetailedRow;
  meta: DetailedMeta;
  programName: string;
  institutions: ResultsMeta['institutions'];
  onClose(): void;
};

/**
 * 精密検査結果の入力 (F04-01): 精検受診 needs 精検日, 医療機関, 精検法 and 精検結果 and who reported it (§2.5);
 * 精検未受診 (known not to have gone); 精検未把握 (not known). A 精検 still going on is 精検受診 with
 * 「がんの疑いのある者又は未確定」.
 */
export function DetailedExamModal({ row, meta, programName, institutions, onClose }: Props) {
  const queryClient = useQueryClient();
  const known = institutions.find((i) => i.id === row.institutionId);
  const [v, setV] = useState<DetailedValues>({
    status: row.detailedId ? row.status : 'examined',
    examinedOn: row.examinedOn ?? '',
    institutionId: row.institutionId,
    institutionName: known ? '' : row.institutionName,
    method: row.method,
    outcome: row.outcome,
    reportedBy: row.reportedBy ?? 'institution',
    lesion: row.details.lesion ?? null,
    stage: row.details.stage ?? '',
    note: row.note,
    version: row.version,
  });
  const [institution, setInstitution] = useState(known ? `${known.code} ${known.name}` : row.institutionName);
  const { busy, error, fieldErrors, run } = useSave();
  const examined = v.status === 'examined';
  const parsed = v.examinedOn ? parseDateInput(v.examinedOn) : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const code = institution.trim().split(/\s+/)[0] ?? '';
    const inst = institutions.find((i) => i.code === code || i.name === institution.trim());
    void run(async () => {
      await detailedApi.save(row.recordId, {
        ...v,
        institutionId: inst?.id ?? null,
        institutionName: inst ? '' : institution.trim(),
      });
      await queryClient.invalidateQueries({ queryKey: ['detailed', 'list'] });
      onClose();
    });
  }

  return (
    <AppModal opened onClose={onClose} title="精密検査結果の入力" size="lg">
      <form onSubmit={submit} noValidate aria-label="精密検査結果の入力">
        <Stack gap="sm">
          <Text size="sm">
            {row.name}（宛名番号 {row.atenaNo}）{programName} {formatWareki(row.screenedOn)} 受診・要精検
          </Text>
          <Radio.Group
            label="精検の状況"
            value={v.status}
            onChange={(status) => setV({ ...v, status })}
            error={fieldErrors.status}
          >
            <Group mt={4}>
              {Object.entries(meta.statuses).map(([code, label]) => (
                <Radio key={code} value={code} label={label} />
              ))}
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="精検日"
              description={parsed?.ok ? formatWareki(parsed.date) : '例: R8.7.1 / 2026-07-01'}
              value={v.examinedOn}
              onChange={(e) => setV({ ...v, examinedOn: e.currentTarget.value })}
              error={fieldErrors.examinedOn}
              required={examined}
              autoComplete="off"
            />
            <TextInput
              label="精検機関（医療機関コード・名称）"
              description="マスタにない医療機関は名称をそのまま入力"
              value={institution}
              onChange={(e) => setInstitution(e.currentTarget.value)}
              error={fieldErrors.institution}
              required={examined}
              autoComplete="off"
              list="detailed-institutions"
            />
            <datalist id="detailed-institutions">
              {institutions.map((i) => (
                <option key={i.id} value={`${i.code} ${i.name}`} />
              ))}
            </datalist>
            <NativeSelect
              label="精検法"
              value={v.method}
              onChange={(e) => setV({ ...v, method: e.currentTarget.value })}
              error={fieldErrors.method}
              required={examined}
              data={[
                { value: '', label: '（選んでください）' },
                ...(meta.methods[row.program] ?? []).map((m) => ({
                  value: m.code,
                  label: m.inappropriate ? `${m.label}（不適切：精検未受診）` : m.label,
                })),
              ]}
            />
            <NativeSelect
              label="精検結果"
              value={v.outcome ?? ''}
              onChange={(e) => setV({ ...v, outcome: e.currentTarget.value || null })}
              error={fieldErrors.outcome}
              required={examined}
              disabled={!examined}
              data={[
                { value: '', label: '（選んでください）' },
                ...Object.entries(meta.outcomes).map(([value, label]) => ({ value, label })),
              ]}
            />
            {row.program === 'cervical' && (
              <NativeSelect
                label="病変"
                value={v.lesion ?? ''}
                onChange={(e) => setV({ ...v, lesion: e.currentTarget.value || null })}
                error={fieldErrors.lesion}
                disabled={!examined}
                data={[{ value: '', label: '（なし）' }, ...meta.lesions]}
              />
            )}
            <TextInput
              label="病期・所見"
              value={v.stage}
              onChange={(e) => setV({ ...v, stage: e.currentTarget.value })}
              disabled={!examined}
              autoComplete="off"
            />
          </SimpleGrid>
          <Radio.Group
            label="報告"
            value={v.reportedBy ?? ''}
            onChange={(reportedBy) => setV({ ...v, reportedBy })}
            error={fieldErrors.reportedBy}
          >
            <Group mt={4}>
              <Radio value="institution" label="精検機関からの報告" />
              <Radio value="person" label="本人の申告（4項目すべて）" />
            </Group>
          </Radio.Group>
          <TextInput
            label="備考"
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
            autoComplete="off"
          />
          <ErrorAlert
            error={error}
            title="保存できません"
            fieldsShown={['status', 'examinedOn', 'institution', 'method', 'outcome', 'reportedBy', 'lesion']}
          />
          <Group>
            <Button type="submit" loading={busy}>
              保存
            </Button>
            <Button variant="default" onClick={onClose}>
              閉じる
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
