import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  type ChildView,
  detailedResultLabels,
  type InfantResultsMeta,
  infantResultsApi,
  type Referral,
  sendMethodLabels,
} from '../../lib/infant-results-api.ts';
import { openPdfInTab } from '../../lib/pdf.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const statusLabels: Record<string, string> = { issued: '依頼済', examined: '結果あり', cancelled: '取消' };

/** 精密健診依頼書の発行 (F07-05 step 5): areas (proposed from the 要精密 items), reason, institution → PDF + 送付記録. */
export function ReferralIssueForm(props: { resultId: number; areas: string[]; onIssued(): void }) {
  const [areas, setAreas] = useState(props.areas.join('、'));
  const [reason, setReason] = useState('');
  const [institutionName, setInstitution] = useState('');
  const [method, setMethod] = useState('counter');
  const issue = useSave();
  const onKeyDown = useEnterToNext();
  return (
    <Paper withBorder p="sm" component="section" aria-label="精密健診依頼書の発行">
      <form
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void issue.run(async () => {
            await openPdfInTab(() =>
              infantResultsApi.issueReferral(props.resultId, {
                areas: areas
                  .split(/[、,]/)
                  .map((a) => a.trim())
                  .filter(Boolean),
                reason,
                institutionName,
                method,
              }),
            );
            props.onIssued();
          });
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h6">
            精密健診依頼書（要精密）
          </Title>
          <Group align="flex-start">
            <TextInput
              label="精密健診の部位・項目（、区切り）"
              w={320}
              value={areas}
              onChange={(e) => setAreas(e.currentTarget.value)}
              error={issue.fieldErrors.areas}
            />
            <TextInput
              label="依頼の理由・所見"
              w={280}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <TextInput
              label="依頼先の医療機関"
              w={220}
              value={institutionName}
              onChange={(e) => setInstitution(e.currentTarget.value)}
            />
            <NativeSelect
              label="渡し方"
              w={120}
              data={Object.entries(sendMethodLabels).map(([value, label]) => ({ value, label }))}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value)}
            />
          </Group>
          <ErrorAlert error={issue.error} title="発行できません" />
          <Group>
            <Button type="submit" loading={issue.busy}>
              依頼書を発行して印刷
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The child's results, referrals (with their 送付記録) and open follow-ups. */
export function ChildResults({
  meta,
  view,
  onChanged,
}: {
  meta: InfantResultsMeta;
  view: ChildView;
  onChanged(): void;
}) {
  const reprint = useSave();
  const [issuing, setIssuing] = useState<number | null>(null);
  const name = (code: string) => meta.checkups.find((c) => c.code === code)?.name ?? code;
  // a 要精密 result without a 依頼書 (imported, or the 依頼書 not issued when it was saved)
  const needsReferral = (r: ChildView['results'][number]) =>
    r.judgement === 'detailed' &&
    !view.referrals.some((f) => f.resultId === r.id && f.status !== 'cancelled');
  const pending = view.results.find((r) => r.id === issuing);
  return (
    <Stack gap="xs">
      {view.followUps.length > 0 && (
        <Text size="sm" fw={600}>
          フォロー対象: {view.followUps.flatMap((f) => f.reasons).join('、')}
        </Text>
      )}
      {view.results.length > 0 && (
        <Table withTableBorder fz="sm" aria-label="乳幼児健診の結果">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>健診</Table.Th>
              <Table.Th>受診日</Table.Th>
              <Table.Th>月齢</Table.Th>
              <Table.Th>区分</Table.Th>
              <Table.Th>判定</Table.Th>
              <Table.Th>精密健診依頼書</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.results.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{name(r.checkup)}</Table.Td>
                <Table.Td>{formatWareki(r.examinedOn)}</Table.Td>
                <Table.Td>
                  {r.ageMonths}か月{r.ageDays}日
                </Table.Td>
                <Table.Td>{r.mode === 'group' ? '集団' : `個別（${r.institutionName}）`}</Table.Td>
                <Table.Td>{meta.judgements[r.judgement]}</Table.Td>
                <Table.Td>
                  {needsReferral(r) && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setIssuing(r.id)}
                      aria-label={`${name(r.checkup)}の精密健診依頼書を発行`}
                    >
                      依頼書を発行
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pending && (
        <ReferralIssueForm
          key={pending.id}
          resultId={pending.id}
          areas={pending.referralAreas}
          onIssued={() => {
            setIssuing(null);
            onChanged();
          }}
        />
      )}
      {view.referrals.length > 0 && (
        <Table withTableBorder fz="sm" aria-label="精密健診依頼">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>依頼書番号</Table.Th>
              <Table.Th>発行日</Table.Th>
              <Table.Th>部位・項目</Table.Th>
              <Table.Th>状態</Table.Th>
              <Table.Th>送付記録</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.referrals.map((f: Referral) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.referralNo}</Table.Td>
                <Table.Td>{formatWareki(f.issuedOn)}</Table.Td>
                <Table.Td>{f.areas.join('、')}</Table.Td>
                <Table.Td>
                  {statusLabels[f.status]}
                  {f.result ? `（${detailedResultLabels[f.result]}）` : ''}
                </Table.Td>
                <Table.Td>
                  {view.sends
                    .filter((s) => s.referralNo === f.referralNo)
                    .map((s) => `${formatWareki(s.sentOn)} ${sendMethodLabels[s.method] ?? s.method}`)
                    .join('、')}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      void reprint.run(async () => {
                        await openPdfInTab(() => infantResultsApi.reprint(f.referralNo));
                        onChanged();
                      })
                    }
                  >
                    再印刷
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ErrorAlert error={reprint.error} title="印刷できません" />
    </Stack>
  );
}

/** 精密健診結果の入力 (F07-06) by 依頼書番号: the referral is shown, then the result. */
export function DetailedEntry() {
  const [no, setNo] = useState('');
  const [referral, setReferral] = useState<Referral | null>(null);
  const [v, setV] = useState({
    examinedOn: '',
    institutionName: '',
    result: 'normal',
    diagnosis: '',
    note: '',
  });
  const [saved, setSaved] = useState<string | null>(null);
  const find = useSave();
  const save = useSave();
  const onKeyDown = useEnterToNext();
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((x) => ({ ...x, [k]: value }));
  };
  return (
    <Stack gap="sm">
      <form
        aria-label="依頼書番号で探す"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          void find.run(async () => {
            const r = await infantResultsApi.referral(no.trim());
            setReferral(r);
            setV({
              examinedOn: r.examinedOn ?? '',
              institutionName: r.resultInstitutionName || r.toInstitutionName,
              result: r.result ?? 'normal',
              diagnosis: r.diagnosis,
              note: r.note,
            });
          });
        }}
      >
        <Group align="flex-end">
          <TextInput label="依頼書番号" w={240} value={no} onChange={(e) => setNo(e.currentTarget.value)} />
          <Button type="submit" variant="light" loading={find.busy} disabled={!no.trim()}>
            探す
          </Button>
        </Group>
      </form>
      <ErrorAlert error={find.error} title="依頼が見つかりません" />
      {saved && (
        <Alert color="green" role="status" variant="light">
          {saved}
        </Alert>
      )}
      {referral && (
        <Paper withBorder p="sm" component="section" aria-label="精密健診結果の入力">
          <form
            onKeyDown={onKeyDown}
            onSubmit={(e) => {
              e.preventDefault();
              void save.run(async () => {
                const r = await infantResultsApi.saveDetailed({
                  referralNo: referral.referralNo,
                  ...v,
                  version: referral.status === 'examined' ? referral.version : null,
                });
                setSaved(
                  `${r.name}さんの精密健診結果（依頼書番号 ${r.referralNo}、${detailedResultLabels[r.result ?? '']}）を登録しました。`,
                );
                setReferral(null);
                setNo('');
              });
            }}
          >
            <Stack gap="xs">
              <Text size="sm">
                {referral.name}（宛名番号 {referral.atenaNo}）／ 依頼書番号 {referral.referralNo}（
                {formatWareki(referral.issuedOn)}発行）／
                {referral.areas.join('、')} ／ {statusLabels[referral.status]}
              </Text>
              <Group align="flex-start">
                <DateField
                  label="精密健診の受診日"
                  w={200}
                  value={v.examinedOn}
                  onChange={(x) => setV((o) => ({ ...o, examinedOn: x }))}
                  error={save.fieldErrors.examinedOn}
                  autoFocus
                />
                <TextInput
                  label="医療機関"
                  w={220}
                  value={v.institutionName}
                  onChange={set('institutionName')}
                />
                <NativeSelect
                  label="結果"
                  w={140}
                  data={Object.entries(detailedResultLabels).map(([value, label]) => ({ value, label }))}
                  value={v.result}
                  onChange={set('result')}
                />
                <TextInput label="診断名・所見" w={260} value={v.diagnosis} onChange={set('diagnosis')} />
                <TextInput label="備考" w={200} value={v.note} onChange={set('note')} />
              </Group>
              <ErrorAlert error={save.error} title="保存できません" />
              <Group>
                <Button type="submit" loading={save.busy}>
                  精密健診結果を保存
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
