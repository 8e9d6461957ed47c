import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AllocationModal } from '../components/adult/AllocationModal.tsx';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { type EditRequest, PreferenceForm } from '../components/adult/PreferenceForm.tsx';
import { PreferenceImport } from '../components/adult/PreferenceImport.tsx';
import { PreferenceTable, type PreferenceTableFilter } from '../components/adult/PreferenceTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { type ProgramCode, useAdultMeta, usePrograms, useSessions } from '../lib/adult-api.ts';
import { useAuth } from '../lib/auth.tsx';

/**
 * 受診希望の登録 (F02-01 step 7): keyboard entry of returned forms and calls, the 年度's answers, 集団検診の日程割当,
 * import.
 */
export function PreferencesScreen() {
  const { can } = useAuth();
  const meta = useAdultMeta();
  const [searchParams, setSearchParams] = useSearchParams();
  const [editRequest, setEditRequest] = useState<EditRequest | null>(null);
  const [allocating, setAllocating] = useState(false);
  const current = meta.data?.currentFiscalYear ?? null;
  const fyParam = Number(searchParams.get('fy'));
  const fy = Number.isInteger(fyParam) && fyParam >= 2000 && fyParam <= 2100 ? fyParam : current;
  const progs = usePrograms(fy);
  const sessions = useSessions(fy);

  // programs run in the 年度 (事業マスタ order); every program when the master cannot be read
  const programs = useMemo<{ code: ProgramCode; name: string }[]>(() => {
    if (progs.data)
      return progs.data.programs
        .filter((p) => p.settings.enabled)
        .map((p) => ({ code: p.settings.code, name: p.settings.name }));
    return meta.data?.programs ?? [];
  }, [progs.data, meta.data]);

  const page = Number(searchParams.get('page'));
  const tableFilter: PreferenceTableFilter = {
    program: searchParams.get('program') ?? '',
    session: searchParams.get('session') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };

  function setParams(patch: Record<string, string | number | null>) {
    const next = new URLSearchParams(searchParams);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '' || (k === 'page' && v === 1)) next.delete(k);
      else next.set(k, String(v));
    }
    setSearchParams(next, { replace: true });
  }

  if (meta.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (meta.error || fy === null || current === null) return <ErrorAlert error={meta.error} />;
  const canEdit = can('adult.edit');

  return (
    <Stack gap="sm">
      <Anchor component={Link} to={`/adult${fy === current ? '' : `?fy=${fy}`}`} size="sm">
        ← 成人保健
      </Anchor>
      <Group align="flex-end" gap="md">
        <Title order={1} size="h3">
          受診希望の登録
        </Title>
        <FiscalYearSelect
          value={fy}
          current={current}
          onChange={(v) =>
            setParams({ fy: v === current ? null : v, program: null, session: null, page: null })
          }
        />
      </Group>
      <ErrorAlert error={progs.error} title="事業マスタを読み込めません（すべての検診を表示しています）" />
      <ErrorAlert error={sessions.error} title="集団検診の日程を読み込めません" />
      {progs.isPending && can('programs.view') ? (
        <Loader size="sm" aria-label="読み込み中" />
      ) : programs.length === 0 ? (
        <Text size="sm">この年度に実施する検診がありません。事業マスタで「実施する」にしてください。</Text>
      ) : (
        <PreferenceForm
          fiscalYear={fy}
          programs={programs}
          sessions={sessions.data ?? []}
          channels={meta.data.preferenceChannels}
          editRequest={editRequest}
          canEdit={canEdit}
        />
      )}
      <PreferenceTable
        fiscalYear={fy}
        programs={meta.data.programs}
        sessions={sessions.data ?? []}
        channels={meta.data.preferenceChannels}
        filter={tableFilter}
        onFilter={(f) => setParams({ program: f.program, session: f.session, page: f.page })}
        onEdit={(row) => {
          setEditRequest({ row, nonce: Date.now() });
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
        canEdit={canEdit}
      />
      <Paper withBorder p="sm" component="section" aria-labelledby="pref-allocation-title">
        <Group justify="space-between" gap="sm">
          <Stack gap={2}>
            <Text fw={700} id="pref-allocation-title">
              集団検診の日程割当
            </Text>
            <Text size="xs" c="dimmed">
              集団検診を希望して日程が未定（集団（未割当））の方に、定員の空いている日程を割り当てます。
            </Text>
          </Stack>
          <Button variant="light" onClick={() => setAllocating(true)}>
            日程割当…
          </Button>
        </Group>
      </Paper>
      {allocating && (
        <AllocationModal
          fiscalYear={fy}
          sessions={sessions.data ?? []}
          names={Object.fromEntries(meta.data.programs.map((p) => [p.code, p.name]))}
          canEdit={canEdit}
          onClose={() => setAllocating(false)}
        />
      )}
      {canEdit && <PreferenceImport fiscalYear={fy} />}
    </Stack>
  );
}
