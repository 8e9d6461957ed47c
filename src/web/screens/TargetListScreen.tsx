import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { AddEntryModal } from '../components/adult/AddEntryModal.tsx';
import { ExcludeModal } from '../components/adult/ExcludeModal.tsx';
import { JudgementModal } from '../components/adult/JudgementModal.tsx';
import { ListCsvModal } from '../components/adult/ListCsvModal.tsx';
import { ListStatusCell } from '../components/adult/ListStatus.tsx';
import { MailingModal } from '../components/adult/MailingModal.tsx';
import { TargetEntriesTable } from '../components/adult/TargetEntriesTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { EntriesSearchForm, type EntryShow, includedParam } from '../components/lists/EntriesSearchForm.tsx';
import { ListCountBadges } from '../components/lists/ListCountBadges.tsx';
import { ListPager } from '../components/lists/ListPager.tsx';
import {
  adultKeys,
  type EntryFilter,
  fetchEntries,
  fetchList,
  fiscalYearLabel,
  type ListEntry,
  methodNamer,
  sessionLabel,
  useAdultMeta,
  useSessions,
} from '../lib/adult-api.ts';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { formatCount, formatJst } from '../lib/format.ts';
import type { Resident } from '../lib/types.ts';
import { formatWareki } from '../lib/wareki.ts';

const pageSize = 100;
type Show = EntryShow;

type Filters = { show: Show; program: string; coupon: boolean; q: string; page: number };

function filtersOf(sp: URLSearchParams): Filters {
  const show = sp.get('show');
  const page = Number(sp.get('page'));
  return {
    show: show === 'send' || show === 'excluded' ? show : 'all',
    program: sp.get('program') ?? '',
    coupon: sp.get('coupon') === '1',
    q: sp.get('q') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function paramsOf(f: Filters): URLSearchParams {
  const sp = new URLSearchParams();
  if (f.show !== 'all') sp.set('show', f.show);
  if (f.program) sp.set('program', f.program);
  if (f.coupon) sp.set('coupon', '1');
  if (f.q.trim()) sp.set('q', f.q.trim());
  if (f.page > 1) sp.set('page', String(f.page));
  return sp;
}

type Modal =
  | { kind: 'exclude'; entry: ListEntry }
  | { kind: 'add'; person: Resident | null }
  | { kind: 'judgement' }
  | { kind: 'csv' }
  | { kind: 'mailing' }
  | null;

/** 対象者リスト: header, filters in the URL, the people (100 a page), 引き抜き, 追加, 判定, CSV, 郵送物. */
export function TargetListScreen() {
  const { id: idParam = '' } = useParams();
  const id = Number(idParam);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const meta = useAdultMeta();
  const [searchParams, setSearchParams] = useSearchParams();
  const paramKey = searchParams.toString();
  const filters = useMemo(() => filtersOf(searchParams), [searchParams]);
  const [q, setQ] = useState(filters.q);
  const [modal, setModal] = useState<Modal>(null);
  const [rowError, setRowError] = useState<unknown>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: paramKey stands for searchParams
  useEffect(() => setQ(filtersOf(searchParams).q), [paramKey]);

  const list = useQuery({
    queryKey: adultKeys.list(id),
    queryFn: () => fetchList(id),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: (query) =>
      !can('jobs.view') && query.state.data?.status === 'extracting' ? 3000 : false,
  });
  const entryFilter: EntryFilter = {
    included: includedParam(filters.show),
    program: filters.program || undefined,
    coupon: filters.coupon,
    q: filters.q || undefined,
    offset: (filters.page - 1) * pageSize,
    limit: pageSize,
  };
  const entries = useQuery({
    queryKey: [...adultKeys.entries(id), entryFilter, list.data?.status],
    queryFn: () => fetchEntries(id, entryFilter),
    enabled: Boolean(list.data),
    placeholderData: keepPreviousData,
  });
  const preferenceSession = list.data?.criteria.sessionId ?? null;
  const sessions = useSessions(preferenceSession ? (list.data?.fiscalYear ?? null) : null);

  const setFilters = (patch: Partial<Filters>) =>
    setSearchParams(paramsOf({ ...filters, page: 1, ...patch }), { replace: false });

  async function restore(entry: ListEntry) {
    setRowError(null);
    setRestoring(entry.residentId);
    try {
      await api.post(`/api/adult/lists/${id}/entries/${entry.residentId}/restore`);
      await queryClient.invalidateQueries({ queryKey: adultKeys.entries(id) });
    } catch (e) {
      setRowError(e);
    } finally {
      setRestoring(null);
    }
  }

  if (!Number.isInteger(id) || id <= 0) return <ErrorAlert error="リストの番号が正しくありません。" />;
  if (list.isPending || meta.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (list.error || meta.error) return <ErrorAlert error={list.error ?? meta.error} />;
  const l = list.data;
  const m = meta.data;
  const names: Record<string, string> = Object.fromEntries(m.programs.map((p) => [p.code, p.name]));
  const programName = (code: string) => names[code] ?? code;
  const short = (code: string) => programName(code).replace(/検診$/, '');
  const methodName = methodNamer(l.settings);
  const ready = l.status === 'ready';
  const session = preferenceSession ? sessions.data?.find((s) => s.id === preferenceSession) : undefined;
  const counts = l.counts;
  const total = entries.data?.total ?? 0;
  const from = total === 0 ? 0 : (filters.page - 1) * pageSize + 1;
  const to = Math.min(total, filters.page * pageSize);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const showActions = can('adult.extract') && ready;
  const liveIncluded =
    filters.show === 'send' && !filters.program && !filters.coupon && !filters.q && entries.data
      ? entries.data.total
      : null;

  return (
    <Stack gap="sm">
      <Anchor
        component={Link}
        to={`/adult${l.fiscalYear === m.currentFiscalYear ? '' : `?fy=${l.fiscalYear}`}`}
        size="sm"
      >
        ← 成人保健（対象者リスト一覧）
      </Anchor>
      <Paper withBorder p="sm" component="section" aria-label="リストの概要">
        <Stack gap={6}>
          <Group justify="space-between" align="flex-start">
            <Title order={1} size="h3">
              {l.title}
            </Title>
            <ListStatusCell list={l} compact={false} />
          </Group>
          <Group gap="lg">
            <Text size="sm">年度: {fiscalYearLabel(l.fiscalYear)}</Text>
            <Text size="sm">種類: {m.purposes[l.purpose] ?? l.purpose}</Text>
            <Text size="sm">
              抽出日: {l.criteria.extractedOn ? formatWareki(l.criteria.extractedOn) : formatJst(l.createdAt)}
            </Text>
            {preferenceSession && (
              <Text size="sm">
                集団検診日程:{' '}
                {session ? sessionLabel(session, names, formatWareki) : `日程 ${preferenceSession}`}
              </Text>
            )}
          </Group>
          {ready && (
            <ListCountBadges
              label="抽出時の人数"
              heading
              includedLabel="対象"
              included={counts.included ?? 0}
              excluded={counts.excluded ?? 0}
              byProgram={l.programs.map((p) => [p, short(p), counts.byProgram?.[p] ?? 0])}
            />
          )}
        </Stack>
      </Paper>

      <Group gap="xs">
        {showActions && (
          <Button variant="light" onClick={() => setModal({ kind: 'add', person: null })}>
            対象者を追加
          </Button>
        )}
        {can('residents.search') && (
          <Button variant="light" onClick={() => setModal({ kind: 'judgement' })}>
            判定を確認
          </Button>
        )}
        {can('residents.export') && ready && (
          <Button variant="default" onClick={() => setModal({ kind: 'csv' })}>
            CSV出力
          </Button>
        )}
        {can('mailings.manage') && ready && (
          <Button onClick={() => setModal({ kind: 'mailing' })}>郵送物を作成</Button>
        )}
      </Group>

      <EntriesSearchForm
        show={filters.show}
        onShow={(show) => setFilters({ show })}
        q={q}
        onQ={setQ}
        onSearch={() => setFilters({ q })}
        after={
          (filters.q || filters.program || filters.coupon || filters.show !== 'all') && (
            <Button variant="subtle" onClick={() => setSearchParams(new URLSearchParams())}>
              条件をクリア
            </Button>
          )
        }
      >
        <NativeSelect
          label="検診"
          value={filters.program}
          onChange={(e) => setFilters({ program: e.currentTarget.value })}
          data={[
            { value: '', label: 'すべて' },
            ...l.programs.map((p) => ({ value: p, label: programName(p) })),
          ]}
          w={180}
        />
        <Checkbox
          label="クーポンのみ"
          checked={filters.coupon}
          onChange={(e) => setFilters({ coupon: e.currentTarget.checked })}
          mb={8}
        />
      </EntriesSearchForm>

      <ErrorAlert error={rowError} title="戻せません" />
      <ErrorAlert error={entries.error} />
      {entries.isPending && list.data && <Loader size="sm" aria-label="読み込み中" />}
      {entries.data && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={700} role="status">
              該当 {formatCount(total)}人{total > 0 ? `（${formatCount(from)}〜${formatCount(to)}人目）` : ''}
              {l.status === 'extracting' ? ' — 抽出中のため増えていきます' : ''}
            </Text>
            <ListPager
              page={filters.page}
              lastPage={lastPage}
              pageSize={pageSize}
              onPage={(page) => setFilters({ page })}
            />
          </Group>
          {entries.data.rows.length === 0 ? (
            <Text size="sm">該当する方はいません。</Text>
          ) : (
            <TargetEntriesTable
              rows={entries.data.rows}
              short={short}
              showActions={showActions}
              restoring={restoring}
              onExclude={(entry) => setModal({ kind: 'exclude', entry })}
              onRestore={(entry) => void restore(entry)}
            />
          )}
        </Stack>
      )}

      {modal?.kind === 'exclude' && (
        <ExcludeModal
          listId={id}
          entry={modal.entry}
          reasons={m.exclusionReasons}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'add' && (
        <AddEntryModal
          list={l}
          programName={programName}
          methodName={methodName}
          initial={modal.person}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'judgement' && (
        <JudgementModal
          list={l}
          programName={programName}
          methodName={methodName}
          onAdd={showActions ? (person) => setModal({ kind: 'add', person }) : undefined}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'csv' && (
        <ListCsvModal list={l} programName={programName} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'mailing' && (
        <MailingModal
          list={l}
          sendMethods={m.sendMethods}
          included={liveIncluded}
          onClose={() => setModal(null)}
        />
      )}
    </Stack>
  );
}
