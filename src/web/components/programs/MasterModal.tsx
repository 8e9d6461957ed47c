import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatPostal } from '../../lib/format.ts';
import {
  type Institution,
  type InstitutionValues,
  type ProgramCode,
  programCodes,
  programLabels,
  programsApi,
  programsKeys,
  type Venue,
} from '../../lib/programs-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

export type MasterKind = 'venue' | 'institution';

const words = {
  venue: { what: '会場', code: '会場コード', codeHint: '半角英数字10文字以内（例: V01）', name: '会場名' },
  institution: {
    what: '医療機関',
    code: '医療機関コード',
    codeHint: '10桁（都道府県2桁＋点数表1桁＋医療機関7桁）',
    name: '医療機関名',
  },
} as const;

type Props = { kind: MasterKind; row: Venue | Institution | null; canEdit: boolean; onClose(): void };

const toValues = (row: Venue | Institution | null): InstitutionValues => ({
  code: row?.code ?? '',
  name: row?.name ?? '',
  nameKana: row?.nameKana ?? '',
  postalCode: formatPostal(row?.postalCode ?? ''),
  address: row?.address ?? '',
  phone: row?.phone ?? '',
  active: row?.active ?? true,
  programs: row && 'programs' in row ? row.programs : [],
});

/** 会場 / 医療機関 の登録・変更 (with the version; on a conflict the input stays and the stored values are shown). */
export function MasterModal({ kind, row, canEdit, onClose }: Props) {
  const w = words[kind];
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [v, setV] = useState<InstitutionValues>(() => toValues(row));
  const { busy, error, fieldErrors, run, version, current, dismissConflict } = useVersionedSave<Venue>(
    row?.version ?? 0,
  );
  const isNew = row === null;
  const set = <K extends keyof InstitutionValues>(k: K, value: InstitutionValues[K]) =>
    setV((x) => ({ ...x, [k]: value }));
  const fields = ['code', 'name', 'nameKana', 'postalCode', 'address', 'phone', 'active', 'programs'];

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!canEdit) return;
    void run(async () => {
      if (kind === 'venue') {
        const { programs: _p, ...venue } = v;
        if (isNew) await programsApi.createVenue(venue);
        else await programsApi.updateVenue(row.id, venue, version);
      } else if (isNew) await programsApi.createInstitution(v);
      else await programsApi.updateInstitution(row.id, v, version);
      await queryClient.invalidateQueries({ queryKey: programsKeys.all });
      onClose();
    });
  }

  const labels: Record<string, string> = {
    code: w.code,
    name: w.name,
    nameKana: 'カナ',
    postalCode: '郵便番号',
    address: '所在地',
    phone: '電話番号',
    active: '有効',
    ...(kind === 'institution' ? { programs: '実施する検診' } : {}),
  };
  const text = (k: 'code' | 'name' | 'nameKana' | 'postalCode' | 'address' | 'phone', extra = {}) => (
    <TextInput
      label={labels[k]}
      name={k}
      value={v[k]}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={fieldErrors[k]}
      autoComplete="off"
      readOnly={!canEdit}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...extra}
    />
  );

  return (
    <AppModal
      opened
      onClose={onClose}
      size="lg"
      title={isNew ? `${w.what}の登録` : `${w.what}の${canEdit ? '変更' : '詳細'}（${row.name}）`}
    >
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={error} title="保存できません" fieldsShown={fields} />
          {current && (
            <>
              <ConflictCurrent
                current={{ ...current, postalCode: formatPostal(current.postalCode) }}
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
            {text('code', {
              description: w.codeHint,
              'data-autofocus': true,
            })}
            {text('name')}
            {text('nameKana', { description: 'カタカナ（ひらがなも可）' })}
            {text('postalCode', { description: '例: 123-4567', inputMode: 'numeric' })}
            {text('address')}
            {text('phone', { type: 'tel', inputMode: 'tel', description: '例: 012-345-6789' })}
          </SimpleGrid>
          {kind === 'institution' && (
            <Checkbox.Group
              label="実施する検診"
              value={v.programs}
              onChange={(x) => canEdit && set('programs', x as ProgramCode[])}
              error={fieldErrors.programs}
            >
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={4} mt={4}>
                {programCodes.map((c) => (
                  <Checkbox key={c} value={c} label={programLabels[c]} size="sm" disabled={!canEdit} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          {!isNew && (
            <Checkbox
              label={kind === 'venue' ? '有効（日程の会場に選べる）' : '有効（受診先に選べる）'}
              checked={v.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
              disabled={!canEdit}
              error={fieldErrors.active}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {canEdit ? 'キャンセル' : '閉じる'}
            </Button>
            {canEdit && (
              <Button type="submit" loading={busy}>
                {isNew ? '登録' : '保存'}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
