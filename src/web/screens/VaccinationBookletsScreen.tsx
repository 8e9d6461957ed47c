import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { DateField } from '../components/DateField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MakeMailing } from '../components/mailings/MakeMailing.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatCount } from '../lib/format.ts';
import { useEnterToNext } from '../lib/useEnterToNext.ts';
import { useSave } from '../lib/useSave.ts';
import {
  type BookletCriteria,
  type BookletPreview,
  type BookletPreviewRow,
  bookletsApi,
} from '../lib/vaccination-booklets-api.ts';
import { formatWareki, parseDateInput } from '../lib/wareki.ts';

type Draft = {
  basis: 'birth' | 'age';
  from: string;
  to: string;
  months: string;
  includeNonRegistered: boolean;
  excludeSent: boolean;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of last month (the births registered since the last run, as a start). */
function lastMonth(now = new Date()): { from: string; to: string } {
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const last = new Date(now.getFullYear(), now.getMonth(), 0);
  const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { from: iso(first), to: iso(last) };
}

const statusLabels: Record<string, string> = { resident: '住民', non_registered: '住登外' };

function sendState(r: BookletPreviewRow) {
  if (r.sentOn) return <Badge variant="light" color="gray">{`送付済み（${formatWareki(r.sentOn)}）`}</Badge>;
  if (r.inMailing)
    return (
      <Badge variant="light" color="orange">
        郵送物を作成済み
      </Badge>
    );
  return null;
}

/**
 * 予診票冊子の一括発行 (F10a-01 予診票一括発行（冊子渡し）): 予防接種対象児抽出 — born in a range (after the 出生届) or
 * reaching 生後N月 in a period — with a preview (count and the first rows), then 「郵送物を作成」 (a job) makes the
 * mailing of 予診票冊子; on the mailing's screen staff pull out (引き抜き), print the 送付状 and the 予診票貼付用宛名シール,
 * export the CSV for an outside printer and register the send (送付情報).
 */
export function VaccinationBookletsScreen() {
  const { can } = useAuth();
  const onKeyDown = useEnterToNext();
  const [draft, setDraft] = useState<Draft>({
    basis: 'birth',
    ...lastMonth(),
    months: '2',
    includeNonRegistered: false,
    excludeSent: true,
  });
  const [found, setFound] = useState<{ criteria: BookletCriteria; data: BookletPreview } | null>(null);
  const search = useSave();
  const birth = draft.basis === 'birth';

  function criteriaOf(d: Draft): BookletCriteria | string {
    const what = d.basis === 'birth' ? '出生日' : '生後N月に至る日';
    const from = parseDateInput(d.from);
    if (!from.ok) return `${what}（から）: ${from.message}`;
    const to = parseDateInput(d.to);
    if (!to.ok) return `${what}（まで）: ${to.message}`;
    const c: BookletCriteria = {
      basis: d.basis,
      from: from.date,
      to: to.date,
      includeNonRegistered: d.includeNonRegistered,
      excludeSent: d.excludeSent,
    };
    if (d.basis === 'birth') return c;
    const months = Number(d.months.normalize('NFKC'));
    if (!Number.isInteger(months) || months < 1 || months > 72)
      return '生後の月数: 1〜72の数を入力してください（例: 2）。';
    return { ...c, months };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const c = criteriaOf(draft);
    if (typeof c === 'string') {
      search.setError(c);
      return;
    }
    void search.run(async () => setFound({ criteria: c, data: await bookletsApi.preview(c) }));
  }

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        予診票冊子の一括発行
      </Title>
      <VaccinationNav />
      <Paper
        withBorder
        p="sm"
        component="form"
        onSubmit={submit}
        onKeyDown={onKeyDown}
        aria-label="対象児の抽出"
      >
        <Stack gap="xs">
          <Group align="flex-start" gap="sm">
            <NativeSelect
              label="抽出のしかた"
              value={draft.basis}
              onChange={(e) => setDraft({ ...draft, basis: e.currentTarget.value as Draft['basis'] })}
              data={[
                { value: 'birth', label: '出生日で抽出（出生届の後に送る）' },
                { value: 'age', label: '生後の月数で抽出（決まった月齢で送る）' },
              ]}
            />
            {!birth && (
              <TextInput
                label="生後の月数"
                value={draft.months}
                onChange={(e) => setDraft({ ...draft, months: e.currentTarget.value })}
                inputMode="numeric"
                w={110}
                rightSection={<Text size="sm">か月</Text>}
              />
            )}
            <DateField
              label={birth ? '出生日（から）' : '生後N月に至る日（から）'}
              value={draft.from}
              onChange={(from) => setDraft({ ...draft, from })}
              required
            />
            <DateField
              label={birth ? '出生日（まで）' : '生後N月に至る日（まで）'}
              value={draft.to}
              onChange={(to) => setDraft({ ...draft, to })}
              required
            />
          </Group>
          {!birth && (
            <Text size="xs" c="dimmed">
              生後N月に至った日（N
              か月後の応当日の前日。応当日がない月はその月の末日）が期間内のお子さんを抽出します。
            </Text>
          )}
          <Group gap="lg">
            <Checkbox
              label="住登外者も含める"
              checked={draft.includeNonRegistered}
              onChange={(e) => setDraft({ ...draft, includeNonRegistered: e.currentTarget.checked })}
            />
            <Checkbox
              label="予診票冊子を送付済み・作成中の方を除く"
              checked={draft.excludeSent}
              onChange={(e) => setDraft({ ...draft, excludeSent: e.currentTarget.checked })}
            />
            <Button type="submit" loading={search.busy}>
              抽出
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={search.error} title="抽出できません" />
      {found && (
        <Paper withBorder p="sm" component="section" aria-label="対象児">
          <Stack gap="xs">
            <Text size="sm" role="status">
              {found.data.label} {formatCount(found.data.total)}人
              {found.data.total > found.data.rows.length ? `（先頭${found.data.rows.length}人を表示）` : ''}
              {found.data.leftOut > 0
                ? `　送付済み・作成中で除いた方 ${formatCount(found.data.leftOut)}人`
                : ''}
            </Text>
            {found.data.total > 0 && (
              <Table striped withTableBorder fz="sm" aria-label="対象児">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>宛名番号</Table.Th>
                    <Table.Th>氏名</Table.Th>
                    <Table.Th>生年月日</Table.Th>
                    <Table.Th>区分</Table.Th>
                    <Table.Th>住所</Table.Th>
                    <Table.Th>予診票冊子</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {found.data.rows.map((r) => (
                    <Table.Tr key={r.residentId}>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{r.atenaNo}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/residents/${r.residentId}`}>
                          {r.name}
                        </Anchor>
                        <Text span size="xs" c="dimmed" ml={6}>
                          {r.nameKana}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatWareki(r.birthDate)}</Table.Td>
                      <Table.Td>{statusLabels[r.status] ?? r.status}</Table.Td>
                      <Table.Td>{r.address}</Table.Td>
                      <Table.Td>{sendState(r)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {found.data.total === 0 && <Text size="sm">条件に合うお子さんはいません。</Text>}
            {can('mailings.manage') && found.data.total > 0 && (
              <>
                <Text size="sm" c="dimmed">
                  郵送物を作成すると、その画面で引き抜き・送付状の印刷・予診票貼付用宛名シール（12面・21面）・
                  印刷業者向けCSV・送付情報の登録ができます。
                </Text>
                <MakeMailing
                  key={JSON.stringify(found.criteria)}
                  what="予診票冊子"
                  start={(sendDate, method) => bookletsApi.startMailing(found.criteria, sendDate, method)}
                />
              </>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
