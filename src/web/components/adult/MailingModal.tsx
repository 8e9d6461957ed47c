import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { type FormEvent, useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { addDays } from '../../../server/platform/calendar/date.ts';
import { today } from '../../../server/platform/calendar/date-age.ts';
import type { TargetList } from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import type { Job } from '../../lib/types.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { JobProgress } from './JobProgress.tsx';

type Props = {
  list: TargetList;
  sendMethods: Record<string, string>;
  /** people to send now (included entries) */
  included: number | null;
  onClose(): void;
};

/** 郵送物を作成: 発送日, 送付方法 (and 返送期限 for 希望調査票) → a job → the mailing screen. */
export function MailingModal({ list, sendMethods, included, onClose }: Props) {
  const navigate = useNavigate();
  const survey = list.purpose === 'adult-health.survey';
  const [sendDate, setSendDate] = useState(today());
  const [method, setMethod] = useState('post');
  const [replyBy, setReplyBy] = useState('');
  const [jobId, setJobId] = useState<number | null>(null);
  const [failed, setFailed] = useState<Job | null>(null);
  const { busy, error, fieldErrors, run } = useSave();
  const onKeyDown = useEnterToNext();
  const parsedSend = parseDateInput(sendDate);
  const defaultReply = parsedSend.ok ? addDays(parsedSend.date, 21) : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const res = await api.post<{ job: { id: number } }>(`/api/adult/lists/${list.id}/mailing`, {
        sendDate,
        method,
        ...(survey && replyBy.trim() ? { replyBy } : {}),
      });
      setJobId(res.job.id);
    });
  }

  const onFinished = useCallback(
    (job: Job) => {
      const mailingId = job.result?.mailingId;
      if (job.status === 'succeeded' && typeof mailingId === 'number') navigate(`/mailings/${mailingId}`);
      else setFailed(job);
    },
    [navigate],
  );

  return (
    <AppModal opened onClose={onClose} title="郵送物を作成" size="lg">
      {jobId ? (
        <Stack gap="sm">
          <Text size="sm">
            {survey ? '希望調査票' : '受診票（券）'}の郵送物を作成しています。終わると郵送物の画面を開きます。
          </Text>
          <JobProgress jobId={jobId} label="郵送物の作成" onFinished={onFinished} />
          {failed && (
            <Alert
              color={failed.status === 'failed' ? 'red' : 'gray'}
              role="alert"
              title="郵送物は作成されていません"
            >
              {failed.status === 'cancelled'
                ? '作成を取り消しました。'
                : failed.error || failed.message || '作成できませんでした。'}
            </Alert>
          )}
          <Group>
            <Button variant="default" onClick={onClose}>
              閉じる{failed ? '' : '（作成は続きます）'}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="郵送物の作成">
          <Stack gap="sm">
            <Text size="sm">
              「{list.title}」の送付対象
              {included === null ? '' : ` ${formatCount(included)}人`}
              に送る{survey ? '希望調査票' : '受診票（券）'}
              を作成します。印刷前に引き抜きリストを確認できます。
            </Text>
            <ErrorAlert
              error={error}
              title="作成を開始できません"
              fieldsShown={['sendDate', 'method', 'replyBy']}
            />
            <DateField
              label="発送日"
              required
              value={sendDate}
              onChange={setSendDate}
              error={fieldErrors.sendDate}
              data-autofocus
            />
            <NativeSelect
              label="送付方法"
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value)}
              error={fieldErrors.method}
              data={Object.entries(sendMethods).map(([value, label]) => ({ value, label }))}
            />
            {survey && (
              <DateField
                label="返送期限（任意）"
                value={replyBy}
                onChange={setReplyBy}
                error={fieldErrors.replyBy}
                placeholder={
                  defaultReply
                    ? `空欄のときは発送日の3週間後（${formatWareki(defaultReply)}）`
                    : '空欄のときは発送日の3週間後'
                }
              />
            )}
            <Group>
              <Button type="submit" loading={busy}>
                作成を開始
              </Button>
              <Button variant="default" onClick={onClose}>
                キャンセル
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
