import {
  Alert,
  Button,
  Code,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { detailedImportFields } from '../../server/modules/infant/detailed-import-row.ts';
import { standardResultHeader } from '../../server/modules/infant/results-import-row.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ImportPanel } from '../components/imports/ImportPanel.tsx';
import {
  ChildResults,
  DetailedEntry,
  ReferralIssueForm,
} from '../components/maternal/InfantReferralPanel.tsx';
import { InfantResultForm } from '../components/maternal/InfantResultForm.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';
import {
  type ChildView,
  type InfantResultsMeta,
  infantDetailedImportsBase,
  infantResultImportsBase,
  infantResultKeys,
  infantResultsApi,
  type RosterPerson,
  type SaveOutcome,
} from '../lib/infant-results-api.ts';
import { useSave } from '../lib/useSave.ts';
import { formatWareki } from '../lib/wareki.ts';

const isoToday = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const isoAddDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** What was saved: follow-ups, warnings (age window), the referral proposed for 要精密 and, once issued, its record. */
function Outcome({
  meta,
  out,
  onIssued,
  showRecord,
}: {
  meta: InfantResultsMeta;
  out: SaveOutcome;
  onIssued(): void;
  /** show the child's referrals and 送付記録 once issued (集団: the roster has no child view) */
  showRecord: boolean;
}) {
  const [view, setView] = useState<ChildView | null>(null);
  const [issued, setIssued] = useState(false);
  const load = async () => {
    setIssued(true);
    if (showRecord) setView(await infantResultsApi.child(out.result.childResidentId));
  };
  return (
    <Stack gap="xs">
      <Alert color="green" role="status" variant="light">
        {`${out.name}さんの結果を保存しました（${out.age}、判定: ${meta.judgements[out.result.judgement]}）。`}
        {out.followUpReasons.length
          ? ` フォロー対象者に登録しました（${out.followUpReasons.join('、')}）。`
          : ''}
      </Alert>
      {out.warnings.map((w) => (
        <Alert key={w} color="yellow" variant="light" title="対象月齢の確認">
          {w}
        </Alert>
      ))}
      {out.result.judgement === 'detailed' && !issued && (
        <ReferralIssueForm
          resultId={out.result.id}
          areas={out.referralAreas}
          onIssued={() => {
            void load();
            onIssued();
          }}
        />
      )}
      {view && <ChildResults meta={meta} view={view} onChanged={() => void load()} />}
    </Stack>
  );
}

/** 集団健診 (F07-05): a session → its roster → each booked child in turn (the next without a result follows). */
function GroupEntry({ meta }: { meta: InfantResultsMeta }) {
  const qc = useQueryClient();
  const to = isoToday();
  const from = isoAddDays(to, -90);
  const sessions = useQuery({
    queryKey: infantResultKeys.sessions(from, to),
    queryFn: () => infantResultsApi.sessions(from, to),
  });
  const [sessionId, setSessionId] = useState<number | null>(null);
  const roster = useQuery({
    queryKey: infantResultKeys.roster(sessionId ?? 0),
    queryFn: () => infantResultsApi.roster(sessionId!),
    enabled: sessionId !== null,
  });
  const [current, setCurrent] = useState<RosterPerson | null>(null);
  const [out, setOut] = useState<SaveOutcome | null>(null);
  const r = roster.data;

  async function saved(o: SaveOutcome) {
    setOut(o);
    const fresh = await qc.fetchQuery({
      queryKey: infantResultKeys.roster(sessionId!),
      queryFn: () => infantResultsApi.roster(sessionId!),
    });
    // 要精密: stay for the referral; otherwise the next child without a result
    if (o.result.judgement === 'detailed') setCurrent(null);
    else setCurrent(fresh.people.find((p) => !p.result) ?? null);
  }

  return (
    <Stack gap="sm">
      <NativeSelect
        label="集団健診の日程（過去90日）"
        w={480}
        data={[
          { value: '', label: '日程を選んでください' },
          ...(sessions.data?.sessions ?? []).map((s) => ({
            value: String(s.id),
            label: `${formatWareki(s.sessionDate)}（${s.weekday}）${s.startTime} ${s.venueName} ${s.checkup}（${s.booked}人）`,
          })),
        ]}
        value={sessionId ? String(sessionId) : ''}
        onChange={(e) => {
          setSessionId(e.currentTarget.value ? Number(e.currentTarget.value) : null);
          setCurrent(null);
          setOut(null);
        }}
      />
      <ErrorAlert error={sessions.error ?? roster.error} />
      {r && (
        <Table withTableBorder fz="sm" aria-label="受診者名簿">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>氏名</Table.Th>
              <Table.Th>宛名番号</Table.Th>
              <Table.Th>月齢</Table.Th>
              <Table.Th>判定</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.people.map((p) => (
              <Table.Tr
                key={p.bookingId}
                aria-current={current?.residentId === p.residentId ? 'true' : undefined}
              >
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.atenaNo}</Table.Td>
                <Table.Td>{p.age}</Table.Td>
                <Table.Td>{p.result ? meta.judgements[p.result.judgement] : '未入力'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setCurrent(p);
                      setOut(null);
                    }}
                  >
                    {p.result ? '修正' : '入力'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {out && (
        <Outcome
          key={out.result.id}
          meta={meta}
          out={out}
          onIssued={() => void roster.refetch()}
          showRecord
        />
      )}
      {r && current && (
        <InfantResultForm
          key={`${current.residentId}:${current.result?.version ?? 0}`}
          meta={meta}
          child={{
            id: current.residentId,
            atenaNo: current.atenaNo,
            name: current.name,
            nameKana: current.nameKana,
            birthDate: current.birthDate,
            sex: '',
          }}
          checkup={r.checkup.code}
          mode="group"
          sessionId={r.session.id}
          defaultDate={r.session.sessionDate}
          result={current.result}
          onSaved={(o) => void saved(o)}
        />
      )}
    </Stack>
  );
}

/** 個別健診 (F07-04): the child by 宛名番号 or 受診票番号, the checkup, the result from the 医療機関's 結果票. */
function IndividualEntry({ meta }: { meta: InfantResultsMeta }) {
  const [key, setKey] = useState({ atenaNo: '', ticketNo: '' });
  const [view, setView] = useState<ChildView | null>(null);
  const [checkup, setCheckup] = useState('y3');
  const [editing, setEditing] = useState(false);
  const [out, setOut] = useState<SaveOutcome | null>(null);
  const find = useSave();
  const refresh = async () => view && setView(await infantResultsApi.child(view.child.id));
  const existing = view?.results.find((r) => r.checkup === checkup) ?? null;
  return (
    <Stack gap="sm">
      <form
        aria-label="児を探す"
        onSubmit={(e) => {
          e.preventDefault();
          setOut(null);
          setEditing(false);
          void find.run(async () =>
            setView(
              await infantResultsApi.find(
                key.atenaNo.trim() ? { atenaNo: key.atenaNo.trim() } : { ticketNo: key.ticketNo.trim() },
              ),
            ),
          );
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="宛名番号"
            w={180}
            value={key.atenaNo}
            onChange={(e) => setKey({ ...key, atenaNo: e.currentTarget.value })}
            autoFocus
          />
          <TextInput
            label="または 受診票番号"
            w={180}
            value={key.ticketNo}
            onChange={(e) => setKey({ ...key, ticketNo: e.currentTarget.value })}
          />
          <Button type="submit" variant="light" loading={find.busy}>
            探す
          </Button>
        </Group>
      </form>
      <ErrorAlert error={find.error} title="児が見つかりません" />
      {view && (
        <Paper withBorder p="sm" component="section" aria-label="児の情報">
          <Stack gap="xs">
            <Text fw={600}>
              {view.child.name}（{view.child.nameKana}、宛名番号 {view.child.atenaNo}、
              {formatWareki(view.child.birthDate)}生）
            </Text>
            <ChildResults meta={meta} view={view} onChanged={() => void refresh()} />
            <Group align="flex-end">
              <NativeSelect
                label="健診"
                w={240}
                data={meta.checkups.map((c) => ({ value: c.code, label: c.name }))}
                value={checkup}
                onChange={(e) => {
                  setCheckup(e.currentTarget.value);
                  setEditing(false);
                }}
              />
              <Button
                onClick={() => {
                  setEditing(true);
                  setOut(null);
                }}
              >
                {existing ? '結果を修正' : '結果を入力'}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {out && (
        <Outcome
          key={out.result.id}
          meta={meta}
          out={out}
          onIssued={() => void refresh()}
          showRecord={false}
        />
      )}
      {view && editing && (
        <InfantResultForm
          key={`${view.child.id}:${checkup}:${existing?.version ?? 0}`}
          meta={meta}
          child={view.child}
          checkup={checkup}
          mode="individual"
          sessionId={null}
          defaultDate=""
          result={existing}
          onSaved={(o) => {
            setOut(o);
            setEditing(false);
            void refresh();
          }}
        />
      )}
    </Stack>
  );
}

/**
 * 乳幼児健診の結果・精密健診 (F07-04…F07-06): 集団 from the session roster, 個別 by the child, the 精密健診依頼書 for a
 * 要精密 result, and the 精密健診結果 by 依頼書番号; the results (infant.results) and the 精密健診結果 (infant.detailed)
 * from a file through the shared import panel.
 */
export function InfantResultsScreen() {
  const meta = useQuery({ queryKey: infantResultKeys.meta, queryFn: infantResultsApi.meta });
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        乳幼児健診の結果・精密健診
      </Title>
      <MaternalNav />
      <ErrorAlert error={meta.error} />
      {meta.data && (
        <Tabs defaultValue="group" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="group">集団健診（名簿から入力）</Tabs.Tab>
            <Tabs.Tab value="individual">個別健診</Tabs.Tab>
            <Tabs.Tab value="import">健診結果の取込</Tabs.Tab>
            <Tabs.Tab value="detailed">精密健診の結果</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="group" pt="sm">
            <GroupEntry meta={meta.data} />
          </Tabs.Panel>
          <Tabs.Panel value="individual" pt="sm">
            <IndividualEntry meta={meta.data} />
          </Tabs.Panel>
          <Tabs.Panel value="import" pt="sm">
            <Stack gap="md">
              <List size="sm" type="ordered">
                <List.Item>
                  1行が1人の児の1回の健診です（宛名番号・健診の種類・受診日で照合）。検査・判定は画面の入力と同じです。
                </List.Item>
                <List.Item>
                  登録済みの結果と同じ受診日の行は、値が違えば「更新」です（手入力の結果を上書きするときは注意を表示）。別の受診日の結果がある行、見つからない宛名番号、未来の受診日、範囲外の値は誤りになり、「エラーの行をダウンロード」で取り出して直します。
                </List.Item>
                <List.Item>
                  要観察・要精密・要治療はフォロー対象者に登録します。要精密の精密健診依頼書は「個別健診」で児を開いて発行します。
                </List.Item>
              </List>
              <Text size="xs" c="dimmed">
                標準の列: <Code>{standardResultHeader.join(',')}</Code>
              </Text>
              <ImportPanel base={infantResultImportsBase} title="乳幼児健診の結果" canEdit />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="detailed" pt="sm">
            <Stack gap="md">
              <DetailedEntry />
              <List size="sm" type="ordered">
                <List.Item>1行が1枚の精密健診依頼書の結果です（依頼書番号で照合）。</List.Item>
                <List.Item>
                  登録されていない依頼書番号、入力済みの結果と違う行、読めない結果は誤りになります。誤りの行は「エラーの行をダウンロード」で取り出して直します。
                </List.Item>
              </List>
              <Text size="xs" c="dimmed">
                標準の列: <Code>{detailedImportFields.map((f) => f.label).join(',')}</Code>
              </Text>
              <ImportPanel base={infantDetailedImportsBase} title="乳幼児精密健診の結果" canEdit />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
