import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import { type EApplication, eApplicationKeys, eApplicationsApi } from '../../lib/e-applications-api.ts';
import { programLabels } from '../../lib/programs-api.ts';
import type { Resident } from '../../lib/types.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ResidentPicker } from './ResidentPicker.tsx';

const programsText = (codes: string[]) =>
  codes.map((c) => (programLabels as Record<string, string>)[c] ?? c).join('・');

/** 確認待ち: each pending applicant with the candidates → 「この方で登録」 or 「取込まない」 with a reason. */
export function EApplicationReview() {
  const q = useQuery({ queryKey: eApplicationKeys.review, queryFn: eApplicationsApi.review });
  const rows = q.data?.rows ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="e-review-title">
      <Text fw={700} id="e-review-title">
        確認待ちの申込（{rows.length}件）
      </Text>
      <ErrorAlert error={q.error} title="確認待ちの一覧を読めません" />
      {q.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          確認待ちの申込はありません。
        </Text>
      )}
      {rows.map((r) => (
        <ReviewItem key={r.id} row={r} />
      ))}
    </Stack>
  );
}

function ReviewItem({ row }: { row: EApplication }) {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSave();
  const d = row.data;
  const done = () => queryClient.invalidateQueries({ queryKey: eApplicationKeys.all });
  const resolve = (residentId: number) =>
    run(async () => {
      await eApplicationsApi.resolve(row.id, residentId, row.version);
      await done();
    });
  const reject = () => {
    if (!reason.trim()) {
      setError('取込まない理由を入力してください。');
      return;
    }
    void run(async () => {
      await eApplicationsApi.reject(row.id, reason.trim(), row.version);
      await done();
    });
  };
  return (
    <Paper withBorder p="sm" role="group" aria-label={`申込番号 ${row.applicationNo}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>申込番号 {row.applicationNo}</Text>
          <Badge color={row.matchStatus === 'unmatched' ? 'red' : 'yellow'}>
            {row.matchStatus === 'unmatched' ? '該当なし' : '要確認'}
          </Badge>
          <Text size="sm">{row.matchReasons.join('、')}</Text>
        </Group>
        {row.outcomeMessage && (
          <Text size="sm" c="red.9">
            {row.outcomeMessage}
          </Text>
        )}
        <Text size="sm">
          申込者: {d.name}（{d.nameKana}） 生年月日 {formatWareki(d.birthDate)}（{d.birthDate}） 住所{' '}
          {d.address}
          {d.atenaNo ? ` 宛名番号 ${d.atenaNo}` : ''} ／ {programsText(d.programs)}（
          {d.form === 'group'
            ? `集団 ${d.preferredDate ? formatWareki(d.preferredDate) : ''} ${d.venue}`
            : `個別 ${d.clinic}`}
          ）
        </Text>
        {row.candidates.length > 0 ? (
          <Table withTableBorder fz="sm" aria-label={`申込番号 ${row.applicationNo} の候補`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>宛名番号</Table.Th>
                <Table.Th>氏名</Table.Th>
                <Table.Th>カナ</Table.Th>
                <Table.Th>生年月日</Table.Th>
                <Table.Th>住所</Table.Th>
                <Table.Th>照合</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {row.candidates.map((c) => (
                <Table.Tr key={c.residentId}>
                  <Table.Td>{c.atenaNo}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.nameKana}</Table.Td>
                  <Table.Td>{formatWareki(c.birthDate)}</Table.Td>
                  <Table.Td>
                    {c.address} {c.addressExtra}
                  </Table.Td>
                  <Table.Td>{c.reasons.join('、')}</Table.Td>
                  <Table.Td>
                    {can('adult.edit') && (
                      <Button size="xs" loading={busy} onClick={() => void resolve(c.residentId)}>
                        この方で登録
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            カナ氏名・生年月日の合う宛名がありません。下の宛名番号で選ぶか、取込まないでください。
          </Text>
        )}
        {can('adult.edit') && (
          <PickOther id={`e-pick-${row.id}`} busy={busy} onPick={(id) => void resolve(id)} />
        )}
        {can('adult.edit') && (
          <Group align="end">
            <TextInput
              label="取込まない理由"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              w={320}
            />
            <Button variant="default" color="red" loading={busy} onClick={reject}>
              取込まない
            </Button>
          </Group>
        )}
        <ErrorAlert error={error} title="登録できません" />
      </Stack>
    </Paper>
  );
}

/** 候補にない方: any person found by 宛名番号・氏名・カナ・生年月日. */
function PickOther({ id, busy, onPick }: { id: string; busy: boolean; onPick(residentId: number): void }) {
  const [person, setPerson] = useState<Resident | null>(null);
  return (
    <Stack gap={4}>
      <Text size="sm" component="label" htmlFor={id}>
        候補にない方を探して選ぶ
      </Text>
      <ResidentPicker id={id} value={person} onChange={setPerson} />
      {person && (
        <Button w="fit-content" variant="light" loading={busy} onClick={() => onPick(person.id)}>
          {person.name}さんで登録
        </Button>
      )}
    </Stack>
  );
}
