import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  ageInMonths,
  ageWindowLabel,
  kindLabels,
  type MunicipalVaccine,
  type MunicipalVaccineValues,
  municipalKeys,
  municipalVaccinesApi,
} from '../../lib/municipal-vaccines-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { NumberField } from '../NumberField.tsx';

const toValues = (r: MunicipalVaccine | null): MunicipalVaccineValues => ({
  code: r?.code ?? '',
  name: r?.name ?? '',
  kind: r?.kind ?? 'INACT',
  ageFromUnit: r?.ageFromUnit ?? 'years',
  ageFromValue: r ? String(r.ageFromValue) : '',
  ageToUnit: r?.ageToUnit ?? 'years',
  ageToValue: r ? String(r.ageToValue) : '',
  sex: r?.sex ?? null,
  doses: r ? String(r.doses) : '1',
  minIntervalDays: r ? String(r.minIntervalDays) : '0',
  subsidyYen: r ? String(r.subsidyYen) : '0',
  validFrom: r ? formatWareki(r.validFrom) : '',
  validTo: r?.validTo ? formatWareki(r.validTo) : '',
  sortOrder: r ? String(r.sortOrder) : '0',
  note: r?.note ?? '',
});

const labels: Record<string, string> = {
  code: 'コード',
  name: '名称',
  kind: '種類',
  ageFromValue: '対象年齢（から）',
  ageToValue: '対象年齢（まで）',
  doses: '助成回数',
  minIntervalDays: '接種間隔（日以上）',
  subsidyYen: '助成額（円/回）',
  validFrom: '助成の開始日',
  validTo: '助成の終了日',
  note: '備考',
};

const unitChoices = [
  { value: 'months', label: '生後…月' },
  { value: 'years', label: '…歳' },
];

/** The age wording of what is typed (「1歳から3歳に至るまで」), or '' while the numbers are not complete. */
function preview(v: MunicipalVaccineValues): string {
  const from = Number(v.ageFromValue);
  const to = Number(v.ageToValue);
  if (!v.ageFromValue.trim() || !v.ageToValue.trim() || !Number.isInteger(from) || !Number.isInteger(to))
    return '';
  if (ageInMonths(v.ageFromUnit, from) >= ageInMonths(v.ageToUnit, to)) return '';
  return ageWindowLabel({ ...v, ageFromValue: from, ageToValue: to });
}

type Props = { row: MunicipalVaccine | null; onClose(): void };

/**
 * 市町村独自の予防接種の登録・変更: keyboard first (Enter moves on, Enter on the last field saves); numbers as
 * typed, dates in 和暦 or 西暦; the age wording is shown as typed; on a version conflict the input stays and the
 * stored values are shown.
 */
export function MunicipalVaccineModal({ row, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [v, setV] = useState<MunicipalVaccineValues>(() => toValues(row));
  const { busy, error, fieldErrors, run, version, current, dismissConflict } =
    useVersionedSave<MunicipalVaccine>(row?.version ?? 0);
  const set = <K extends keyof MunicipalVaccineValues>(k: K, value: MunicipalVaccineValues[K]) =>
    setV((x) => ({ ...x, [k]: value }));
  const isNew = row === null;

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const body = { ...v, validTo: v.validTo?.trim() ? v.validTo : null };
      if (isNew) await municipalVaccinesApi.create(body);
      else await municipalVaccinesApi.update(row.id, body, version);
      await queryClient.invalidateQueries({ queryKey: municipalKeys.all });
      onClose();
    });
  }

  const wording = preview(v);
  return (
    <AppModal
      opened
      onClose={onClose}
      size="lg"
      title={isNew ? '市町村独自の予防接種の登録' : `市町村独自の予防接種の変更（${row.name}）`}
    >
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="市町村独自の予防接種">
        <Stack gap="sm">
          <ErrorAlert error={error} title="保存できません" fieldsShown={Object.keys(labels)} />
          {current && (
            <>
              <ConflictCurrent
                current={current}
                labels={labels}
                onLoad={() => {
                  setV(toValues(current));
                  dismissConflict();
                }}
              />
              <Text size="sm">入力内容で上書きする場合は、そのまま「保存」を押してください。</Text>
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={labels.code}
              description="半角英大文字・数字・_ 2〜20文字（例: MUMPS）。定期接種のコードは使えません"
              value={v.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={fieldErrors.code}
              autoComplete="off"
              data-autofocus
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <TextInput
              label={labels.name}
              description="例: おたふくかぜ"
              value={v.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={fieldErrors.name}
              autoComplete="off"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <NativeSelect
              label={labels.kind}
              description="注射生ワクチンは他の注射生ワクチンから27日以上の間隔が必要です"
              value={v.kind}
              onChange={(e) => set('kind', e.currentTarget.value as MunicipalVaccineValues['kind'])}
              data={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
              error={fieldErrors.kind}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <NativeSelect
              label="対象の性別"
              value={v.sex ?? ''}
              onChange={(e) => set('sex', (e.currentTarget.value || null) as MunicipalVaccineValues['sex'])}
              data={[
                { value: '', label: '男女とも' },
                { value: 'M', label: '男性のみ' },
                { value: 'F', label: '女性のみ' },
              ]}
              error={fieldErrors.sex}
            />
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <NativeSelect
                label="単位（から）"
                value={v.ageFromUnit}
                onChange={(e) => set('ageFromUnit', e.currentTarget.value as 'months' | 'years')}
                data={unitChoices}
                w={120}
              />
              <NumberField
                label={labels.ageFromValue}
                unit={v.ageFromUnit === 'months' ? '月' : '歳'}
                description="に至った日から"
                value={v.ageFromValue}
                onChange={(x) => set('ageFromValue', x)}
                error={fieldErrors.ageFromValue}
                style={{ flex: 1 }}
              />
            </Group>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <NativeSelect
                label="単位（まで）"
                value={v.ageToUnit}
                onChange={(e) => set('ageToUnit', e.currentTarget.value as 'months' | 'years')}
                data={unitChoices}
                w={120}
              />
              <NumberField
                label={labels.ageToValue}
                unit={v.ageToUnit === 'months' ? '月' : '歳'}
                description="に至るまで（誕生日の前日まで）"
                value={v.ageToValue}
                onChange={(x) => set('ageToValue', x)}
                error={fieldErrors.ageToValue}
                style={{ flex: 1 }}
              />
            </Group>
          </SimpleGrid>
          <Text size="sm" role="status" aria-label="対象年齢の表示">
            対象年齢: {wording || '（数字を入力すると表示します）'}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberField
              label={labels.doses}
              unit="回"
              description="1〜10回"
              value={v.doses}
              onChange={(x) => set('doses', x)}
              error={fieldErrors.doses}
            />
            <NumberField
              label={labels.minIntervalDays}
              unit="日"
              description="間隔の定めがなければ0"
              value={v.minIntervalDays}
              onChange={(x) => set('minIntervalDays', x)}
              error={fieldErrors.minIntervalDays}
            />
            <NumberField
              label={labels.subsidyYen}
              unit="円"
              description="全額助成・定額なしは0"
              value={v.subsidyYen}
              onChange={(x) => set('subsidyYen', x)}
              error={fieldErrors.subsidyYen}
            />
            <DateField
              label={labels.validFrom}
              value={v.validFrom}
              onChange={(x) => set('validFrom', x)}
              error={fieldErrors.validFrom}
            />
            <DateField
              label={labels.validTo}
              placeholder="終わりが決まっていなければ空欄"
              value={v.validTo ?? ''}
              onChange={(x) => set('validTo', x)}
              error={fieldErrors.validTo}
            />
            <NumberField
              label="表示順"
              value={v.sortOrder}
              onChange={(x) => set('sortOrder', x)}
              error={fieldErrors.sortOrder}
            />
          </SimpleGrid>
          <TextInput
            label={labels.note}
            description="Enter で保存します"
            value={v.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={fieldErrors.note}
            autoComplete="off"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
            <Button type="submit" loading={busy}>
              {isNew ? '登録' : '保存'}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
