import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApplicationForm } from '../components/adult/ApplicationForm.tsx';
import { ApplicationHistoryTable } from '../components/adult/ApplicationHistoryTable.tsx';
import { ApplicationIssue } from '../components/adult/ApplicationIssue.tsx';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { ResidentPicker } from '../components/adult/ResidentPicker.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fiscalYearLabel } from '../lib/adult-api.ts';
import {
  type Application,
  applicationKeys,
  fetchCheck,
  useApplicationsMeta,
} from '../lib/applications-api.ts';
import { useAuth } from '../lib/auth.tsx';
import type { Resident } from '../lib/types.ts';
import { formatWareki } from '../lib/wareki.ts';

/**
 * 申込受付 (F02-03 電話・はがき, F02-05 窓口): find the person → 受診歴の確認 (今年度受診可/不可 and why) →
 * 申込の登録 → 受診票（券）の発行 (窓口で渡す / 郵送). `?channel=counter` starts with 窓口.
 */
export function ApplicationNewScreen() {
  const { can } = useAuth();
  const meta = useApplicationsMeta();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const [resident, setResident] = useState<Resident | null>(null);
  const [fyChoice, setFy] = useState<number | null>(null);
  const [registered, setRegistered] = useState<Application | null>(null);
  const [round, setRound] = useState(0);
  const fy = fyChoice ?? meta.data?.currentFiscalYear ?? null;
  const check = useQuery({
    queryKey: applicationKeys.check(resident?.id ?? 0, fy ?? 0),
    queryFn: () => fetchCheck(resident!.id, fy!),
    enabled: resident !== null && fy !== null && registered === null,
  });

  if (meta.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (meta.error || fy === null) return <ErrorAlert error={meta.error} />;
  const channel = searchParams.get('channel') === 'counter' ? 'counter' : 'phone';
  const programName = (code: string) => check.data?.history.find((h) => h.program === code)?.name ?? code;

  function next() {
    setRegistered(null);
    setResident(null);
    setRound((n) => n + 1);
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="md">
          <Title order={1} size="h3">
            申込受付
          </Title>
          <FiscalYearSelect value={fy} current={meta.data.currentFiscalYear} onChange={setFy} />
        </Group>
        <Anchor component={Link} to="/adult/applications">
          申込一覧
        </Anchor>
      </Group>
      <Paper withBorder p="sm" component="section" aria-label="申込者">
        <ResidentPicker key={round} id="app-resident" value={resident} onChange={setResident} autoFocus />
      </Paper>
      {registered && <ApplicationIssue application={registered} programName={programName} onNext={next} />}
      {!registered && resident && (
        <>
          <ErrorAlert error={check.error} />
          {check.isPending && <Loader size="sm" aria-label="読み込み中" />}
          {check.data && (
            <>
              <Paper withBorder p="sm" component="section" aria-labelledby="app-history-title">
                <Stack gap="xs">
                  <Text fw={700} id="app-history-title">
                    受診歴の確認（{fiscalYearLabel(fy)}）
                  </Text>
                  <ApplicationHistoryTable rows={check.data.history} />
                  {check.data.applications.length > 0 && (
                    <Text size="sm" role="note">
                      この年度の申込:{' '}
                      {check.data.applications
                        .map(
                          (a) =>
                            `申込番号${a.id} ${a.programs.map(programName).join('・')}（${formatWareki(a.appliedOn)} ${meta.data.channels[a.channel]}・${meta.data.statuses[a.status]}）`,
                        )
                        .join('、')}
                    </Text>
                  )}
                  <Text size="sm">
                    <Anchor component={Link} to={`/residents/${resident.id}?tab=adult`}>
                      受診票の再発行（紛失）
                    </Anchor>
                    は宛名画面の成人検診タブで行います。
                  </Text>
                </Stack>
              </Paper>
              {can('adult.edit') && (
                <Paper withBorder p="sm" component="section" aria-label="申込の入力">
                  <ApplicationForm
                    key={`${resident.id}-${fy}`}
                    check={check.data}
                    channels={meta.data.channels}
                    defaultChannel={channel}
                    onRegistered={(a) => {
                      setRegistered(a);
                      void queryClient.invalidateQueries({ queryKey: ['applications'] });
                    }}
                  />
                </Paper>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
