import { Anchor, Button, Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CsvDownloadModal } from '../components/CsvDownloadModal.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { EntriesSearchForm, type EntryShow, includedParam } from '../components/lists/EntriesSearchForm.tsx';
import { ListCountBadges } from '../components/lists/ListCountBadges.tsx';
import { ListPager } from '../components/lists/ListPager.tsx';
import { ListExcludeModal, ListMailingModal } from '../components/vaccination/ListModals.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatCount } from '../lib/format.ts';
import {
  type EntriesFilter,
  useListsMeta,
  type VaccinationListEntry,
  vaccinationListKeys,
  vaccinationListsApi,
} from '../lib/vaccination-lists-api.ts';
import { formatWareki } from '../lib/wareki.ts';
import { VaccinationListStatus } from './VaccinationListsScreen.tsx';

const pageSize = 100;
type Modal =
  | { kind: 'exclude'; entry: VaccinationListEntry }
  | { kind: 'csv' }
  | { kind: 'calls' }
  | { kind: 'mailing' }
  | null;

/** 予防接種の対象者リスト: the people (100 a page) with filters, 除外・戻す, CSV, 架電リスト, 郵送物を作成. */
export function VaccinationListScreen() {
  const { id: idParam = '' } = useParams();
  const id = Number(idParam);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const meta = useListsMeta();
  const [show, setShow] = useState<EntryShow>('all');
  const [vaccine, setVaccine] = useState('');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [modal, setModal] = useState<Modal>(null);
  const [rowError, setRowError] = useState<unknown>(null);

  const list = useQuery({
    queryKey: vaccinationListKeys.list(id),
    queryFn: () => vaccinationListsApi.list(id),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: (query) => (query.state.data?.status === 'extracting' ? 2000 : false),
  });
  const filter: EntriesFilter = {
    included: includedParam(show),
    vaccine: vaccine || undefined,
    q: search || undefined,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  };
  const entries = useQuery({
    queryKey: [...vaccinationListKeys.entries(id), filter, list.data?.status, list.data?.counts],
    queryFn: () => vaccinationListsApi.entries(id, filter),
    enabled: Boolean(list.data),
    placeholderData: keepPreviousData,
  });

  async function restore(entry: VaccinationListEntry) {
    setRowError(null);
    try {
      await vaccinationListsApi.restore(id, entry.residentId);
      await queryClient.invalidateQueries({ queryKey: vaccinationListKeys.list(id) });
    } catch (e) {
      setRowError(e);
    }
  }

  if (!Number.isInteger(id) || id <= 0) return <ErrorAlert error="リストの番号が正しくありません。" />;
  if (list.isPending || meta.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (list.error || meta.error) return <ErrorAlert error={list.error ?? meta.error} />;
  const l = list.data;
  const m = meta.data;
  const name = (code: string) => m.vaccines.find((v) => v.code === code)?.name ?? code;
  const ready = l.status === 'ready';
  const total = entries.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const s = l.settings;

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/vaccination/lists" size="sm">
        ← 対象者抽出（リスト一覧）
      </Anchor>
      <Paper withBorder p="sm" component="section" aria-label="リストの概要">
        <Stack gap={6}>
          <Group justify="space-between" align="flex-start">
            <Title order={1} size="h3">
              {l.title}
            </Title>
            <VaccinationListStatus list={l} compact={false} />
          </Group>
          <VaccinationNav />
          <Group gap="lg">
            <Text size="sm">種類: {m.kinds[l.purpose] ?? l.purpose}</Text>
            <Text size="sm">基準日: {formatWareki(s.on)}</Text>
            {s.kind === 'vaccination.dose' && (
              <Text size="sm">
                ワクチン: {name(s.vaccine ?? '')} {s.dose ?? '（まだ受けていない最初の回）'}
                {s.startsBy ? `／期間が${formatWareki(s.startsBy)}までに始まる方を含む` : ''}
              </Text>
            )}
            {s.kind === 'vaccination.reminder' && (
              <Text size="sm">期間が終わるまで {s.withinDays}日以内の回も勧奨</Text>
            )}
            {(s.bornFrom || s.bornTo) && (
              <Text size="sm">
                生年月日: {s.bornFrom ? formatWareki(s.bornFrom) : ''}〜
                {s.bornTo ? formatWareki(s.bornTo) : ''}
              </Text>
            )}
          </Group>
          {ready && (
            <ListCountBadges
              label="人数"
              includedLabel="送付"
              included={l.counts.included ?? 0}
              excluded={l.counts.excluded ?? 0}
              byProgram={Object.entries(l.counts.byProgram ?? {}).map(([code, n]) => [code, name(code), n])}
            />
          )}
        </Stack>
      </Paper>

      {ready && (
        <Group gap="xs">
          {can('residents.export') && (
            <>
              <Button variant="default" onClick={() => setModal({ kind: 'csv' })}>
                CSV出力
              </Button>
              <Button variant="default" onClick={() => setModal({ kind: 'calls' })}>
                架電リスト（CSV）
              </Button>
            </>
          )}
          {can('mailings.manage') && (
            <Button onClick={() => setModal({ kind: 'mailing' })}>郵送物を作成</Button>
          )}
        </Group>
      )}

      <EntriesSearchForm
        show={show}
        onShow={(v) => {
          setShow(v);
          setPage(1);
        }}
        q={q}
        onQ={setQ}
        onSearch={() => {
          setSearch(q.trim());
          setPage(1);
        }}
      >
        {l.programs.length > 1 && (
          <NativeSelect
            label="ワクチン"
            value={vaccine}
            onChange={(e) => {
              setVaccine(e.currentTarget.value);
              setPage(1);
            }}
            data={[{ value: '', label: 'すべて' }, ...l.programs.map((p) => ({ value: p, label: name(p) }))]}
            w={220}
          />
        )}
      </EntriesSearchForm>

      <ErrorAlert error={rowError} title="戻せません" />
      <ErrorAlert error={entries.error} />
      {entries.data && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={700} role="status">
              該当 {formatCount(total)}人{l.status === 'extracting' ? ' — 抽出中のため増えていきます' : ''}
            </Text>
            <ListPager page={page} lastPage={lastPage} pageSize={pageSize} onPage={setPage} />
          </Group>
          {entries.data.rows.length === 0 ? (
            <Text size="sm">該当する方はいません。</Text>
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label="対象者">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>宛名番号</Table.Th>
                    <Table.Th>氏名</Table.Th>
                    <Table.Th>生年月日（年齢）</Table.Th>
                    <Table.Th>住所</Table.Th>
                    <Table.Th>{l.purpose === 'vaccination.dose' ? '回・状態' : '勧奨する予防接種'}</Table.Th>
                    <Table.Th>送付</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.data.rows.map((r) => (
                    <Table.Tr key={r.residentId}>
                      <Table.Td>{r.atenaNo}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/residents/${r.residentId}`}>
                          {r.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {r.nameKana}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatWareki(r.birthDate)}（{r.age}歳）
                      </Table.Td>
                      <Table.Td>{[r.address, r.addressExtra].filter(Boolean).join(' ')}</Table.Td>
                      <Table.Td>{r.what}</Table.Td>
                      <Table.Td>
                        {r.included ? (
                          '送付'
                        ) : (
                          <Text size="sm" c="red.9">
                            除外: {r.exclusionLabel}
                            {r.exclusionNote ? `（${r.exclusionNote}）` : ''}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {ready &&
                          (r.included ? (
                            <Button
                              size="compact-sm"
                              variant="light"
                              color="red"
                              onClick={() => setModal({ kind: 'exclude', entry: r })}
                            >
                              除外
                            </Button>
                          ) : (
                            !r.exclusionReason?.startsWith('auto:') && (
                              <Button size="compact-sm" variant="light" onClick={() => void restore(r)}>
                                戻す
                              </Button>
                            )
                          ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}

      {modal?.kind === 'exclude' && (
        <ListExcludeModal
          listId={id}
          entry={modal.entry}
          reasons={m.exclusionReasons}
          onClose={() => setModal(null)}
        />
      )}
      {(modal?.kind === 'csv' || modal?.kind === 'calls') && (
        <CsvDownloadModal
          title={modal.kind === 'csv' ? 'CSV出力' : '架電リスト（CSV）'}
          url={(encoding) =>
            vaccinationListsApi.csvUrl(id, {
              encoding,
              format: modal.kind === 'csv' ? 'list' : 'calls',
              included: modal.kind === 'csv' ? filter.included : undefined,
            })
          }
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'mailing' && <ListMailingModal list={l} onClose={() => setModal(null)} />}
    </Stack>
  );
}
