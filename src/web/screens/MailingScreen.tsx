import {
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ConfirmSupportModal, PullOutModal } from '../components/mailings/ItemActionModals.tsx';
import { MailingActions } from '../components/mailings/MailingActions.tsx';
import { MailingItemsTable } from '../components/mailings/MailingItemsTable.tsx';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { formatCount } from '../lib/format.ts';
import {
  activeStep,
  fiscalYearLabel,
  type ItemStatus,
  isActiveJob,
  type MailingDetail,
  type MailingItem,
  mailingStatusLabel,
  mailingSteps,
  methodLabel,
} from '../lib/mailings.ts';
import { formatWareki } from '../lib/wareki.ts';

const tabs: { value: ItemStatus; label: string; count: (c: MailingDetail['mailing']['counts']) => number }[] =
  [
    { value: 'included', label: '印刷対象', count: (c) => c.included },
    { value: 'pulled_out', label: '引き抜きリスト', count: (c) => c.pulledOut },
    { value: 'pending', label: '要確認（支援措置）', count: (c) => c.pendingConfirmation },
  ];

function Count({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs">{label}</Text>
      <Text fw={700} size="xl" c={tone} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCount(value)}
        <Text span size="sm" fw={400} c="var(--mantine-color-text)">
          {' '}
          人
        </Text>
      </Text>
    </Paper>
  );
}

/** 郵送物: 引き抜き確認 → プレビュー → 印刷（PDF作成） → 送付情報の登録, with the three lists of people. */
export function MailingScreen() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (tabs.find((t) => t.value === params.get('tab'))?.value ?? 'included') as ItemStatus;
  const [pullOut, setPullOut] = useState<MailingItem | null>(null);
  const [confirm, setConfirm] = useState<MailingItem | null>(null);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const canManage = can('mailings.manage');

  const q = useQuery({
    queryKey: ['mailing', id],
    queryFn: () => api.get<MailingDetail>(`/api/mailings/${encodeURIComponent(id)}`),
    // while a check or print job runs, follow its progress every second
    refetchInterval: (query) => {
      const d = query.state.data;
      return d && (d.mailing.status === 'printing' || isActiveJob(d.checkJob) || isActiveJob(d.printJob))
        ? 1000
        : false;
    },
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['mailing', id] });
    void queryClient.invalidateQueries({ queryKey: ['mailing-items', Number(id)] });
  };

  async function restore(item: MailingItem) {
    setRestoreError(null);
    try {
      await api.post(`/api/mailings/${id}/items/${item.residentId}/restore`);
    } catch (e) {
      setRestoreError(e);
    }
    refresh();
  }

  if (q.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const detail = q.data;
  const m = detail.mailing;
  const c = m.counts;
  const locked = m.status === 'sent' || m.status === 'printing' || m.status === 'cancelled';
  // the lists are read again whenever the mailing changes (check, pull-out, print …)
  const listVersion = m.version + (detail.checkJob ? detail.checkJob.progressDone : 0);

  return (
    <Stack gap="sm">
      <Anchor
        component={Link}
        to="/mailings"
        size="sm"
        onClick={(e) => {
          if (location.key === 'default') return;
          e.preventDefault();
          navigate(-1);
        }}
      >
        ← 戻る
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            郵送物
          </Text>
          <Group gap="sm">
            <Title order={1} size="h3">
              {m.title}
            </Title>
            <Badge variant="outline" radius="sm" color="blue.9">
              {mailingStatusLabel(m.status)}
            </Badge>
          </Group>
          <Text size="sm">
            帳票名 {detail.purposeTitle}
            {m.fiscalYear ? `　年度 ${fiscalYearLabel(m.fiscalYear)}` : ''}
            {`　発送日 ${formatWareki(m.sendDate)}　送付方法 ${methodLabel(m.method)}`}
          </Text>
        </Stack>
      </Group>

      <Stepper
        active={activeStep(m.status)}
        size="sm"
        allowNextStepsSelect={false}
        aria-label={`進み具合: ${mailingStatusLabel(m.status)}`}
      >
        {mailingSteps.map((s, i) => (
          <Stepper.Step
            key={s}
            label={s}
            description={
              i < activeStep(m.status)
                ? '済'
                : i === activeStep(m.status)
                  ? m.status === 'printing'
                    ? '作成中'
                    : 'これから'
                  : ''
            }
            loading={m.status === 'printing' && i === 2}
          />
        ))}
      </Stepper>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Count label="対象" value={c.items} />
        <Count label="印刷対象" value={c.included} />
        <Count label="引き抜き" value={c.pulledOut} />
        <Count
          label="要確認（支援措置）"
          value={c.pendingConfirmation}
          tone={c.pendingConfirmation ? 'orange.9' : undefined}
        />
      </SimpleGrid>

      <MailingActions detail={detail} canManage={canManage} onChanged={refresh} />

      <ErrorAlert error={restoreError} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'included' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}（{formatCount(t.count(c))}）
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs
          .filter((t) => t.value === tab)
          .map((t) => (
            <Tabs.Panel key={t.value} value={t.value} pt="sm">
              {t.value === 'pulled_out' && m.status === 'printed' && (
                <Text size="sm" mb={6}>
                  印刷後に引き抜いた方は、連番をもとに印刷物から抜き取ってください。印刷前に引き抜いた方は印刷物がないため戻せません（再発行または再印刷）。
                </Text>
              )}
              <MailingItemsTable
                mailingId={m.id}
                status={t.value}
                version={listVersion}
                canManage={canManage}
                locked={locked}
                onPullOut={setPullOut}
                onRestore={(item) => void restore(item)}
                onConfirm={setConfirm}
              />
            </Tabs.Panel>
          ))}
      </Tabs>

      <PullOutModal mailingId={m.id} item={pullOut} onClose={() => setPullOut(null)} onDone={refresh} />
      <ConfirmSupportModal
        mailingId={m.id}
        item={confirm}
        onClose={() => setConfirm(null)}
        onDone={refresh}
      />
    </Stack>
  );
}
