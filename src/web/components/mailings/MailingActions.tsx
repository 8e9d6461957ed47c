import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api } from '../../lib/api.ts';
import { formatCount, formatJst } from '../../lib/format.ts';
import { isActiveJob, jobPercent, type MailingDetail } from '../../lib/mailings.ts';
import type { Job } from '../../lib/types.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { DateField } from '../DateField.tsx';
import { type CsvEncoding, EncodingRadio } from '../EncodingRadio.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

function JobProgress({ job, label }: { job: Job; label: string }) {
  const pct = jobPercent(job);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Progress.Root size="lg" style={{ flex: 1 }}>
          <Progress.Section value={pct} aria-label={`${label}の進捗`} animated={job.status === 'running'} />
        </Progress.Root>
        <Text size="xs" w={40} ta="right">
          {pct}%
        </Text>
      </Group>
      <Text size="xs" aria-live="polite">
        {job.status === 'queued' ? '開始を待っています…' : job.message}
      </Text>
    </Stack>
  );
}

type Props = { detail: MailingDetail; canManage: boolean; onChanged(): void };

/**
 * The work of a mailing, in order: 引き抜き確認 → プレビュー → 印刷（PDF作成） (or 宛名シール / CSV for an
 * outside printer) → 送付情報を登録.
 */
export function MailingActions({ detail, canManage, onChanged }: Props) {
  const { mailing: m, printJob, checkJob } = detail;
  const action = useSave();
  const [sheet, setSheet] = useState<'12' | '21'>('12');
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8');
  const [sentOn, setSentOn] = useState(formatWareki(m.sendDate));
  const [sentOnError, setSentOnError] = useState<string | null>(null);
  const [confirmSent, setConfirmSent] = useState<string | null>(null);
  const [confirmReprint, setConfirmReprint] = useState(false);

  const c = m.counts;
  const pending = c.pendingConfirmation ?? 0;
  const checking = isActiveJob(checkJob);
  const printing = m.status === 'printing';
  const done = m.status === 'sent' || m.status === 'cancelled';
  const checked = m.status === 'checked' || m.status === 'printed' || m.status === 'sent';
  const base = `/api/mailings/${m.id}`;

  const check = () => void action.run(async () => api.post(`${base}/check`).then(onChanged));
  const print = () =>
    void action.run(async () => {
      setConfirmReprint(false);
      await api.post(`${base}/print`);
      onChanged();
    });

  function askSent(e: FormEvent) {
    e.preventDefault();
    const d = parseDateInput(sentOn);
    if (!d.ok) {
      setSentOnError(d.message);
      return;
    }
    setSentOnError(null);
    setConfirmSent(d.date);
  }

  const registerSent = (date: string) =>
    void action.run(async () => {
      await api.post(`${base}/sent`, { sentOn: date });
      setConfirmSent(null);
      onChanged();
    });

  return (
    <Stack gap="sm">
      <ErrorAlert error={action.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Paper withBorder p="sm" component="section" aria-label="引き抜き確認">
          <Stack gap={6}>
            <Text fw={700}>1. 引き抜き確認</Text>
            <Text size="sm">
              転出・死亡・消除などで対象でなくなった方を引き抜きリストに移します。印刷（PDF作成）のときにも自動でもう一度確認します。
              {m.checkedAt ? `（前回の確認: ${formatJst(m.checkedAt)}）` : ''}
            </Text>
            {canManage && (
              <Group>
                <Button
                  onClick={check}
                  loading={action.busy && !printing}
                  disabled={done || printing || checking}
                >
                  引き抜き確認
                </Button>
              </Group>
            )}
            {checkJob && checking && <JobProgress job={checkJob} label="引き抜き確認" />}
            {pending > 0 && (
              <Alert color="orange" variant="light" title="要確認">
                支援措置対象者の送付確認が済んでいない方が{formatCount(pending)}
                人います。「要確認（支援措置）」タブで確認するまで印刷・出力できません。
              </Alert>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="sm" component="section" aria-label="プレビューと印刷">
          <Stack gap={6}>
            <Text fw={700}>2. プレビューと印刷（PDF作成）</Text>
            <Group gap="xs">
              <Button
                component="a"
                href={`${base}/preview?first=1`}
                target="_blank"
                rel="noopener"
                variant="default"
              >
                1人分をプレビュー
              </Button>
              <Button
                component="a"
                href={`${base}/preview?first=10`}
                target="_blank"
                rel="noopener"
                variant="default"
              >
                先頭10件をプレビュー
              </Button>
              <Text size="xs" c="dimmed">
                新しいタブでPDFを開きます。プレビューでは支援措置対象者の住所を表示しません。
              </Text>
            </Group>
            {canManage && (
              <Group>
                <Button
                  onClick={() => (m.status === 'printed' ? setConfirmReprint(true) : print())}
                  disabled={!checked || done || printing || checking || pending > 0 || c.included === 0}
                  loading={printing}
                >
                  印刷（PDF作成）
                </Button>
                {m.status === 'draft' && <Text size="sm">先に「引き抜き確認」を行ってください。</Text>}
              </Group>
            )}
            {printJob && (isActiveJob(printJob) || printing) && <JobProgress job={printJob} label="印刷" />}
            {printJob?.status === 'failed' && (
              <Alert color="red" variant="light" title="印刷できませんでした">
                {printJob.message}
              </Alert>
            )}
            {m.outputs.length > 0 && (
              <Stack gap={2}>
                <Text size="sm">
                  作成したPDF（{formatCount(c.pages ?? 0)}ページ
                  {m.printedAt ? `、${formatJst(m.printedAt)}` : ''}）
                </Text>
                <List size="sm" spacing={2}>
                  {m.outputs.map((o) => (
                    <List.Item key={o.fileId}>
                      {canManage ? (
                        <Anchor href={`${base}/outputs/${o.fileId}`} download>
                          {o.name}
                        </Anchor>
                      ) : (
                        o.name
                      )}
                      <Text span size="xs" c="dimmed" ml={6}>
                        {formatCount(o.count)}人・{formatCount(o.pages)}ページ（連番 {o.from}〜{o.to}）
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </Stack>
        </Paper>

        {canManage && (
          <Paper withBorder p="sm" component="section" aria-label="宛名シールとCSV出力">
            <Stack gap={6}>
              <Text fw={700}>宛名シール・CSV出力（印刷業者向け）</Text>
              <Group gap="xl" align="flex-end">
                <Stack gap={4}>
                  <Text size="sm" id="label-sheet">
                    宛名シール
                  </Text>
                  <Group gap="xs">
                    <SegmentedControl
                      aria-labelledby="label-sheet"
                      value={sheet}
                      onChange={(v) => setSheet(v === '21' ? '21' : '12')}
                      data={[
                        { value: '12', label: '12面' },
                        { value: '21', label: '21面' },
                      ]}
                    />
                    <Button
                      component="a"
                      href={`${base}/labels?sheet=${sheet}`}
                      target="_blank"
                      rel="noopener"
                      variant="default"
                      disabled={!checked || pending > 0}
                    >
                      宛名シール
                    </Button>
                  </Group>
                </Stack>
                <Stack gap={4}>
                  <EncodingRadio value={encoding} onChange={setEncoding} />
                  <Button
                    component="a"
                    href={`${base}/csv?encoding=${encoding}`}
                    download
                    variant="default"
                    disabled={!checked || pending > 0}
                  >
                    CSV出力（印刷業者向け）
                  </Button>
                </Stack>
              </Group>
              <Text size="xs" c="dimmed">
                印刷対象の方の宛名（送付先を含む）と帳票の項目を出力します。出力はアクセスログに記録されます。
              </Text>
            </Stack>
          </Paper>
        )}

        <Paper withBorder p="sm" component="section" aria-label="送付情報の登録">
          <Stack gap={6}>
            <Text fw={700}>3. 送付情報の登録</Text>
            {m.status === 'sent' ? (
              <Text size="sm">
                送付情報を登録しました（{formatJst(m.sentAt)}
                ）。送付履歴は各宛名画面の「送付履歴」で確認できます。
              </Text>
            ) : canManage ? (
              <form onSubmit={askSent} noValidate>
                <Group align="flex-start" gap="xs">
                  <DateField label="発送日" value={sentOn} onChange={setSentOn} error={sentOnError} w={260} />
                  <Button type="submit" mt={25} disabled={!checked || printing || pending > 0}>
                    送付情報を登録
                  </Button>
                </Group>
                <Text size="xs" c="dimmed">
                  印刷対象の方ごとに送付情報（発送日・送付先・住所）を記録します。外部で印刷した場合もここで登録します。
                </Text>
              </form>
            ) : (
              <Text size="sm">まだ登録されていません。</Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>

      <AppModal opened={confirmSent !== null} onClose={() => setConfirmSent(null)} title="送付情報の登録">
        <Stack gap="sm">
          <Text size="sm">
            印刷対象の{formatCount(c.included)}人について、発送日{' '}
            {confirmSent ? formatWareki(confirmSent) : ''}{' '}
            の送付情報を登録します。登録後は引き抜き・印刷ができなくなります。
          </Text>
          <ErrorAlert error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmSent(null)}>
              キャンセル
            </Button>
            <Button loading={action.busy} onClick={() => confirmSent && registerSent(confirmSent)}>
              登録する
            </Button>
          </Group>
        </Stack>
      </AppModal>

      <AppModal
        opened={confirmReprint}
        onClose={() => setConfirmReprint(false)}
        title="もう一度印刷（PDF作成）"
      >
        <Stack gap="sm">
          <Text size="sm">
            作成済みのPDFを削除して、引き抜き確認からやり直します。印刷済みの用紙を使う場合は、作り直さずに引き抜きだけを行ってください。
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReprint(false)}>
              キャンセル
            </Button>
            <Button color="orange" onClick={print}>
              作り直す
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}
