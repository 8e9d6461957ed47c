import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DateField } from '../components/DateField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';
import { PregnancyVouchers } from '../components/maternal/PregnancyVouchers.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { RevealModal } from '../components/residents/RevealModal.tsx';
import { useAuth } from '../lib/auth.tsx';
import { maternalApi, type PregnancyDetail, type PregnancyMeta, pregnancyKeys } from '../lib/maternal-api.ts';
import { openPdfInTab } from '../lib/pdf.ts';
import { useSave } from '../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../lib/wareki.ts';

const answerText = (meta: PregnancyMeta, code: string, value: unknown) => {
  const q = meta.questions.find((x) => x.code === code);
  return q?.options?.[String(value)] ?? String(value);
};

/** 結果 (出産・流産・死産・中絶・転出) and the confirmed risk flags / 特定妊婦. */
function OutcomeAndFlags({
  meta,
  d,
  onChanged,
}: {
  meta: PregnancyMeta;
  d: PregnancyDetail;
  onChanged(x: PregnancyDetail): void;
}) {
  const p = d.pregnancy;
  const [outcome, setOutcome] = useState(p.outcome ?? '');
  const [outcomeOn, setOutcomeOn] = useState(p.outcomeOn ?? '');
  const [flags, setFlags] = useState<string[]>(p.riskFlags);
  const [specific, setSpecific] = useState(p.specificPregnant);
  const saveOutcome = useSave();
  const saveFlags = useSave();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="sm" component="section" aria-label="リスク要因・特定妊婦">
        <Stack gap="xs">
          <Title order={2} size="h5">
            リスク要因・特定妊婦
          </Title>
          <Group gap="md">
            {Object.entries(meta.riskFlags).map(([f, label]) => (
              <Checkbox
                key={f}
                label={`${label}${d.suggestedFlags.includes(f) ? '（該当）' : ''}`}
                checked={flags.includes(f)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setFlags((cur) => (on ? [...cur, f] : cur.filter((x) => x !== f)));
                }}
              />
            ))}
          </Group>
          <Checkbox
            label="特定妊婦として支援する"
            checked={specific}
            onChange={(e) => setSpecific(e.currentTarget.checked)}
          />
          <ErrorAlert error={saveFlags.error} title="保存できません" />
          <Group>
            <Button
              variant="light"
              loading={saveFlags.busy}
              onClick={() =>
                void saveFlags.run(async () =>
                  onChanged(
                    await maternalApi.flags(p.id, {
                      riskFlags: flags,
                      specificPregnant: specific,
                      version: p.version,
                    }),
                  ),
                )
              }
            >
              確認してフォロー対象に登録
            </Button>
          </Group>
          {d.followUps.map((f) => (
            <Text key={f.id} size="sm" c="orange.8">
              フォロー対象（{formatWareki(f.registeredOn)}登録・{f.status === 'open' ? '対応中' : '終了'}）:{' '}
              {f.reasons.join('、')}
            </Text>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="sm" component="section" aria-label="妊娠の結果">
        <Stack gap="xs">
          <Title order={2} size="h5">
            妊娠の結果
          </Title>
          <Group align="flex-start">
            <NativeSelect
              label="結果"
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
              data={[
                { value: '', label: '（妊娠中）' },
                ...Object.entries(meta.outcomes).map(([value, label]) => ({ value, label })),
              ]}
            />
            <DateField
              label="結果の日付"
              value={outcomeOn}
              onChange={setOutcomeOn}
              error={saveOutcome.fieldErrors.outcomeOn}
            />
          </Group>
          <Text size="xs" c="dimmed">
            流産・死産・中絶では未使用の妊婦健診の受診券を無効にします（産婦健診は残します）。出生の記録は出生連絡票で入力します。
          </Text>
          <ErrorAlert error={saveOutcome.error} title="保存できません" />
          <Group>
            <Button
              variant="light"
              loading={saveOutcome.busy}
              disabled={!outcome}
              onClick={() => {
                const r = parseDateInput(outcomeOn);
                if (!r.ok) {
                  saveOutcome.setError(`結果の日付: ${r.message}`);
                  return;
                }
                void saveOutcome.run(async () =>
                  onChanged(
                    await maternalApi.outcome(p.id, { outcome, outcomeOn: r.date, version: p.version }),
                  ),
                );
              }}
            >
              結果を記録
            </Button>
          </Group>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

/** 妊娠 (F06-01): the 届, the mother (個人番号 masked), handbooks, 受診券, outcome and follow-up flags. */
export function PregnancyScreen() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const { can } = useAuth();
  const qc = useQueryClient();
  const meta = useQuery({ queryKey: pregnancyKeys.meta, queryFn: maternalApi.meta });
  const q = useQuery({ queryKey: pregnancyKeys.one(id), queryFn: () => maternalApi.get(id) });
  const [reveal, setReveal] = useState(false);
  const [handbook, setHandbook] = useState<null | 'additional' | 'reissue'>(null);
  const sheet = useSave();
  const d = q.data;
  const set = (x: PregnancyDetail) => qc.setQueryData(pregnancyKeys.one(id), x);
  const canEdit = can('maternal.edit');
  if (!d || !meta.data)
    return (
      <Stack>
        <MaternalNav />
        <ErrorAlert error={q.error ?? meta.error} />
      </Stack>
    );
  const p = d.pregnancy;
  const m = d.mother;
  const age = d.gestationalAgeToday;
  const rows: [string, string][] = [
    ['届出日', `${formatWareki(p.notifiedOn)}（${meta.data.sources[p.source] ?? p.source}）`],
    ['出産予定日', formatWareki(p.dueDate)],
    ['届出日の妊娠週数', p.weeksAtNotification !== null ? `${p.weeksAtNotification}週` : '—'],
    ['今日の妊娠週数', age ? `妊娠${age.weeks}週${age.days}日` : '—'],
    ['胎児数', String(p.fetusCount)],
    ['診断', [p.diagnosedBy, p.diagnosisInstitution].filter(Boolean).join('・') || '—'],
    ['職業', p.occupation || '—'],
  ];
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        妊娠届 {p.notificationNo}
      </Title>
      <MaternalNav />
      {params.get('registered') && (
        <Alert color="green" variant="light" role="status">
          妊娠届を登録し、母子健康手帳 {d.handbooks.length}冊と受診券 {d.vouchers.length}枚を発行しました。
        </Alert>
      )}
      <Paper withBorder p="sm" component="section" aria-label="妊婦の情報">
        <Stack gap={4}>
          <Text fw={600}>
            <Link to={`/maternal?mother=${m.id}`}>{m.name}</Link>（{m.nameKana}、宛名番号 {m.atenaNo}、
            {formatWareki(m.birthDate)}生）
            {p.specificPregnant && (
              <Badge color="red" ml="xs">
                特定妊婦
              </Badge>
            )}
          </Text>
          <Group gap="xs">
            <Text size="sm" aria-label="個人番号">
              個人番号 {m.myNumberMasked ?? '登録なし'}
            </Text>
            {m.myNumberMasked && can('residents.my_number') && (
              <Button size="compact-xs" variant="default" onClick={() => setReveal(true)}>
                個人番号を表示
              </Button>
            )}
          </Group>
          <Table fz="sm" withTableBorder aria-label="届出の内容">
            <Table.Tbody>
              {rows.map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={160}>{k}</Table.Th>
                  <Table.Td>{v}</Table.Td>
                </Table.Tr>
              ))}
              {Object.entries(p.questionnaire).map(([code, v]) => (
                <Table.Tr key={code}>
                  <Table.Th>{meta.data.questions.find((x) => x.code === code)?.label ?? code}</Table.Th>
                  <Table.Td>{answerText(meta.data, code, v)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ErrorAlert error={sheet.error} title="印刷できません" />
          {canEdit && (
            <Group>
              <Button
                size="xs"
                variant="default"
                loading={sheet.busy}
                onClick={() => void sheet.run(() => openPdfInTab(() => maternalApi.printSheet(id)))}
              >
                妊娠届出書（記録票）を印刷
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="sm" component="section" aria-label="母子健康手帳">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h5">
              母子健康手帳（{d.handbooks.length}冊）
            </Title>
            {canEdit && (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setHandbook('additional')}>
                  追加交付（胎児数を増やす）
                </Button>
                <Button size="xs" variant="default" onClick={() => setHandbook('reissue')}>
                  第1子の手帳を再交付
                </Button>
              </Group>
            )}
          </Group>
          <Table withTableBorder fz="sm" aria-label="母子健康手帳の一覧">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>手帳番号</Table.Th>
                <Table.Th>子</Table.Th>
                <Table.Th>区分</Table.Th>
                <Table.Th>交付日</Table.Th>
                <Table.Th>理由・備考</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.handbooks.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>{h.handbookNo}</Table.Td>
                  <Table.Td>第{h.childIndex}子</Table.Td>
                  <Table.Td>{meta.data.handbookKinds[h.kind] ?? h.kind}</Table.Td>
                  <Table.Td>{formatWareki(h.issuedOn)}</Table.Td>
                  <Table.Td>{h.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
      <PregnancyVouchers detail={d} canEdit={canEdit} onChanged={set} />
      {canEdit && <OutcomeAndFlags key={p.version} meta={meta.data} d={d} onChanged={set} />}
      {handbook && (
        <ReasonModal
          title={handbook === 'additional' ? '母子健康手帳の追加交付' : '母子健康手帳の再交付'}
          text={
            handbook === 'additional'
              ? `胎児数を${p.fetusCount + 1}にし、第${p.fetusCount + 1}子の手帳と新生児聴覚検査の受診券を発行します。`
              : '第1子の手帳を再交付します（紛失・破損など）。'
          }
          reasonLabel="理由"
          reasonMissing="理由を入力してください（例: 多胎と判明、紛失）。"
          action="交付する"
          failure="交付できません"
          onClose={() => setHandbook(null)}
          onSubmit={async (reason) => {
            set(
              await maternalApi.handbook(id, { kind: handbook, childIndex: 1, reason, version: p.version }),
            );
            setHandbook(null);
          }}
        />
      )}
      <RevealModal
        opened={reveal}
        onClose={() => setReveal(false)}
        title="個人番号の表示"
        endpoint={`/api/residents/${m.id}/reveal-my-number`}
        fields={[{ key: 'myNumber', label: '個人番号' }]}
      />
    </Stack>
  );
}
