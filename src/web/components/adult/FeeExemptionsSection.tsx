import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { feeExemptionKinds } from '../../../server/modules/programs/types.ts';
import { today } from '../../../server/platform/calendar/date-age.ts';
import { adultKeys, type FeeExemptionRow } from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const kindLabel = (k: string) => feeExemptionKinds[k as keyof typeof feeExemptionKinds] ?? k;

/**
 * 宛名画面 › 成人検診 › 自己負担金の免除: registered kinds (生活保護受給者, 市町村民税非課税世帯 …) with their
 * period. Tickets printed for a 年度 the period overlaps read 「免除」 for the programs the 事業マスタ exempts.
 * A registration is not edited: it is deleted and registered again (both audited).
 */
export function FeeExemptionsSection(props: {
  residentId: number;
  rows: FeeExemptionRow[];
  canEdit: boolean;
}) {
  const { residentId, rows, canEdit } = props;
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<FeeExemptionRow | null>(null);
  const remove = useSave();

  function confirmDelete() {
    if (!deleting) return;
    void remove.run(async () => {
      await api.del(`/api/adult/residents/${residentId}/fee-exemptions/${deleting.id}`);
      await queryClient.invalidateQueries({ queryKey: adultKeys.resident(residentId) });
      setDeleting(null);
    });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="adult-tab-exemptions">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} id="adult-tab-exemptions">
            自己負担金の免除
          </Text>
          {canEdit && (
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              免除を登録
            </Button>
          )}
        </Group>
        {rows.length === 0 ? (
          <Text size="sm">自己負担金の免除の登録はありません。</Text>
        ) : (
          <Table striped withTableBorder verticalSpacing={3} fz="sm" aria-labelledby="adult-tab-exemptions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>免除の種類</Table.Th>
                <Table.Th>開始日</Table.Th>
                <Table.Th>終了日</Table.Th>
                <Table.Th>備考</Table.Th>
                {canEdit && <Table.Th>操作</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{kindLabel(r.kind)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.validFrom)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.validUntil ? formatWareki(r.validUntil) : '期限なし'}
                  </Table.Td>
                  <Table.Td>{r.note}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button size="compact-xs" variant="light" color="red" onClick={() => setDeleting(r)}>
                        削除
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          登録した期間にかかる年度の受診票（券）は、事業マスタで免除にしている検診の自己負担金が「免除」と印字されます。
        </Text>
      </Stack>
      {adding && <AddModal residentId={residentId} onClose={() => setAdding(false)} />}
      <AppModal opened={deleting !== null} onClose={() => setDeleting(null)} title="自己負担金の免除の削除">
        {deleting && (
          <Stack gap="sm">
            <Text size="sm">
              自己負担金の免除（{kindLabel(deleting.kind)}・{formatWareki(deleting.validFrom)}
              から）を削除します。 よろしいですか。
            </Text>
            <ErrorAlert error={remove.error} title="削除できません" />
            <Group>
              <Button color="red" loading={remove.busy} onClick={confirmDelete} data-autofocus>
                削除する
              </Button>
              <Button variant="default" onClick={() => setDeleting(null)}>
                キャンセル
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </Paper>
  );
}

function AddModal({ residentId, onClose }: { residentId: number; onClose(): void }) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [kind, setKind] = useState('');
  const [validFrom, setValidFrom] = useState(today());
  const [validUntil, setValidUntil] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, setError, fieldErrors, run } = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!kind) {
      setError('免除の種類を選んでください。');
      return;
    }
    void run(async () => {
      await api.post(`/api/adult/residents/${residentId}/fee-exemptions`, {
        kind,
        note,
        validFrom,
        validUntil: validUntil.trim() ? validUntil : null,
      });
      await queryClient.invalidateQueries({ queryKey: adultKeys.resident(residentId) });
      onClose();
    });
  }

  return (
    <AppModal opened onClose={onClose} title="自己負担金の免除の登録" size="lg">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="自己負担金の免除">
        <Stack gap="sm">
          <ErrorAlert
            error={error}
            title="保存できません"
            fieldsShown={['kind', 'validFrom', 'validUntil', 'note']}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="免除の種類"
              required
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              error={fieldErrors.kind}
              data={[
                { value: '', label: '選んでください' },
                ...Object.entries(feeExemptionKinds).map(([value, label]) => ({ value, label })),
              ]}
              data-autofocus
            />
            <div />
            <DateField
              label="開始日"
              required
              value={validFrom}
              onChange={setValidFrom}
              error={fieldErrors.validFrom}
            />
            <DateField
              label="終了日（任意）"
              value={validUntil}
              onChange={setValidUntil}
              error={fieldErrors.validUntil}
              placeholder="空欄: 期限なし（例: R9.3.31）"
            />
          </SimpleGrid>
          <TextInput
            label="備考（任意）"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldErrors.note}
            autoComplete="off"
            placeholder="例: 受給者証 確認済み"
          />
          <Group>
            <Button type="submit" loading={busy}>
              登録
            </Button>
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
