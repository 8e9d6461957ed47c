import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { formatPostal } from '../../lib/format.ts';
import { type Destination, destinationKinds } from '../../lib/mailings.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const kindOptions = (['proxy', 'facility', 'other'] as const).map((k) => ({
  value: k,
  label: destinationKinds[k],
}));

type Form = {
  kind: string;
  name: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  validFrom: string;
  validUntil: string;
  note: string;
};

const emptyForm: Form = {
  kind: 'proxy',
  name: '',
  postalCode: '',
  address: '',
  addressExtra: '',
  validFrom: '',
  validUntil: '',
  note: '',
};

const toForm = (d: Destination): Form => ({
  kind: d.kind,
  name: d.name,
  postalCode: formatPostal(d.postalCode),
  address: d.address,
  addressExtra: d.addressExtra,
  validFrom: formatWareki(d.validFrom),
  validUntil: d.validUntil ? formatWareki(d.validUntil) : '',
  note: d.note,
});

const conflictLabels = {
  kindLabel: '種別',
  name: '宛名',
  postalCode: '郵便番号',
  address: '住所',
  addressExtra: '方書',
  validFrom: '開始日',
  validUntil: '終了日',
  note: 'メモ',
};

/** Adds or changes a 送付先 (代理人・施設・その他) with its period. */
function DestinationModal({
  residentId,
  editing,
  onClose,
  onDone,
}: {
  residentId: number;
  editing: Destination | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form, setForm] = useState<Form>(editing ? toForm(editing) : emptyForm);
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const save = useVersionedSave<Destination>(editing?.version ?? 0);
  const set = (k: keyof Form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!form.name.trim()) next.name = '宛名（代理人の氏名または施設名）を入力してください。';
    if (!form.address.trim()) next.address = '住所を入力してください。';
    const postal = form.postalCode.replace(/[-－\s]/g, '');
    if (postal && !/^\d{7}$/.test(postal)) next.postalCode = '郵便番号は7桁の数字です（例: 123-4567）。';
    const from = parseDateInput(form.validFrom);
    if (!form.validFrom.trim()) next.validFrom = '開始日を入力してください。';
    else if (!from.ok) next.validFrom = from.message;
    const until = form.validUntil.trim() ? parseDateInput(form.validUntil) : null;
    if (until && !until.ok) next.validUntil = until.message;
    setErrors(next);
    if (Object.keys(next).length || !from.ok) return;
    const body = {
      kind: form.kind,
      name: form.name.trim(),
      postalCode: postal,
      address: form.address.trim(),
      addressExtra: form.addressExtra.trim(),
      validFrom: from.date,
      validUntil: until?.ok ? until.date : null,
      note: form.note.trim(),
    };
    void save.run(async () => {
      if (editing) {
        await api.put(`/api/residents/${residentId}/destinations/${editing.id}`, {
          ...body,
          version: save.version,
        });
      } else {
        await api.post(`/api/residents/${residentId}/destinations`, body);
      }
      onDone();
      onClose();
    });
  }

  const err = (k: keyof Form) => errors[k] ?? save.fieldErrors[k];
  return (
    <AppModal opened onClose={onClose} title={editing ? '送付先の変更' : '送付先の追加'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group label="種別" value={form.kind} onChange={set('kind')}>
            <Group gap="md" mt={4}>
              {kindOptions.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label={form.kind === 'facility' ? '施設名' : '宛名（氏名）'}
            value={form.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={err('name')}
            description={
              form.kind === 'facility'
                ? '帳票には「施設名 気付」と本人の氏名を印字します。'
                : '帳票にはこの方を宛名とし、その上に「本人の氏名 様 分」を印字します。'
            }
            data-autofocus
          />
          <TextInput
            label="郵便番号"
            value={form.postalCode}
            onChange={(e) => set('postalCode')(e.currentTarget.value)}
            error={err('postalCode')}
            w={160}
            inputMode="numeric"
          />
          <TextInput
            label="住所"
            value={form.address}
            onChange={(e) => set('address')(e.currentTarget.value)}
            error={err('address')}
          />
          <TextInput
            label="方書"
            value={form.addressExtra}
            onChange={(e) => set('addressExtra')(e.currentTarget.value)}
          />
          <Group grow align="flex-start">
            <DateField
              label="開始日"
              value={form.validFrom}
              onChange={set('validFrom')}
              error={err('validFrom')}
            />
            <DateField
              label="終了日（空欄 = 期限なし）"
              value={form.validUntil}
              onChange={set('validUntil')}
              error={err('validUntil')}
              placeholder="例: R9.3.31"
            />
          </Group>
          <Textarea
            label="メモ"
            value={form.note}
            onChange={(e) => set('note')(e.currentTarget.value)}
            autosize
          />
          {save.current && (
            <ConflictCurrent
              current={{
                ...save.current,
                validFrom: formatWareki(save.current.validFrom),
                validUntil: save.current.validUntil ? formatWareki(save.current.validUntil) : '（期限なし）',
              }}
              labels={conflictLabels}
              onLoad={() => {
                if (save.current) setForm(toForm(save.current));
                save.dismissConflict();
              }}
            />
          )}
          <ErrorAlert error={save.error} fieldsShown={Object.keys(emptyForm)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
            <Button type="submit" loading={save.busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Ends a 送付先 on a date (the last day it applies). */
function EndModal({
  residentId,
  destination,
  onClose,
  onDone,
}: {
  residentId: number;
  destination: Destination;
  onClose(): void;
  onDone(): void;
}) {
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useVersionedSave<Destination>(destination.version);

  function submit(e: FormEvent) {
    e.preventDefault();
    const d = parseDateInput(until);
    if (!d.ok) {
      setError(until.trim() ? d.message : '終了日を入力してください。');
      return;
    }
    setError(null);
    void save.run(async () => {
      await api.post(`/api/residents/${residentId}/destinations/${destination.id}/end`, {
        validUntil: d.date,
        version: save.version,
      });
      onDone();
      onClose();
    });
  }

  return (
    <AppModal opened onClose={onClose} title="送付先の終了">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {destination.kindLabel}「{destination.name}
            」への送付を終了します。終了日の翌日からは住民票の住所に送ります。
          </Text>
          <DateField
            label="終了日"
            value={until}
            onChange={setUntil}
            error={error ?? undefined}
            data-autofocus
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
            <Button type="submit" loading={save.busy}>
              終了する
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** 送付先（代理人・施設）: where letters go instead of the resident's own address, over a period. */
export function DestinationsPanel({ residentId, canManage }: { residentId: number; canManage: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Destination | 'new' | null>(null);
  const [ending, setEnding] = useState<Destination | null>(null);
  const q = useQuery({
    queryKey: ['destinations', residentId],
    queryFn: () =>
      api.get<{ hidden: boolean; destinations: Destination[] }>(`/api/residents/${residentId}/destinations`),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['destinations', residentId] });

  return (
    <Paper withBorder p="sm" component="section" aria-label="送付先（代理人・施設）">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>送付先（代理人・施設）</Text>
          {canManage && (
            <Button size="xs" variant="light" onClick={() => setEditing('new')}>
              送付先を追加
            </Button>
          )}
        </Group>
        {q.isPending ? (
          <Loader size="sm" aria-label="読み込み中" />
        ) : q.error ? (
          <ErrorAlert error={q.error} />
        ) : (
          <>
            {q.data.hidden && (
              <Alert color="red" variant="light">
                支援措置対象者のため、送付先の住所は表示しません。変更する場合は終了してから新しく登録してください。
              </Alert>
            )}
            {q.data.destinations.length === 0 ? (
              <Text size="sm">登録された送付先はありません（住民票の住所に送付します）。</Text>
            ) : (
              <Table withTableBorder verticalSpacing={4} fz="sm" aria-label="送付先">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>種別</Table.Th>
                    <Table.Th>宛名</Table.Th>
                    <Table.Th>住所</Table.Th>
                    <Table.Th>期間</Table.Th>
                    <Table.Th>メモ</Table.Th>
                    {canManage && <Table.Th>操作</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.destinations.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{d.kindLabel}</Table.Td>
                      <Table.Td>{d.name}</Table.Td>
                      <Table.Td>
                        {d.postalCode && `〒${formatPostal(d.postalCode)} `}
                        {d.address}
                        {d.addressExtra ? ` ${d.addressExtra}` : ''}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatWareki(d.validFrom)}〜{d.validUntil ? formatWareki(d.validUntil) : ''}
                      </Table.Td>
                      <Table.Td>{d.note}</Table.Td>
                      {canManage && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            {!d.hidden && (
                              <Button size="compact-xs" variant="default" onClick={() => setEditing(d)}>
                                変更
                              </Button>
                            )}
                            <Button size="compact-xs" variant="light" onClick={() => setEnding(d)}>
                              終了
                            </Button>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
      {editing && (
        <DestinationModal
          residentId={residentId}
          editing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={refresh}
        />
      )}
      {ending && (
        <EndModal
          residentId={residentId}
          destination={ending}
          onClose={() => setEnding(null)}
          onDone={refresh}
        />
      )}
    </Paper>
  );
}
