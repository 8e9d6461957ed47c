import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { today } from '../../../server/platform/calendar/date-age.ts';
import type { Job } from '../../lib/types.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { JobProgress } from '../adult/JobProgress.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  /** the document sent, e.g. 受診票（券）, 予診票 */
  what: string;
  /** what the modal says before the form (the list, how many people, what can be checked before printing) */
  intro: ReactNode;
  sendMethods: Record<string, string>;
  /** starts the mailing job from 発送日 and 送付方法; returns the job id */
  start(v: { sendDate: string; method: string }): Promise<number>;
  /** fields of this kind of mailing beside 発送日 and 送付方法 (e.g. 返送期限) */
  extraFields?(ctx: { sendDate: string; fieldErrors: Record<string, string> }): ReactNode;
  /** names of those fields, so that their errors show beside them */
  extraFieldNames?: string[];
  /** Enter moves to the next field (instead of submitting) */
  enterToNext?: boolean;
  onClose(): void;
};

/** 郵送物を作成 from a 対象者リスト: 発送日 and 送付方法 → a job → the 郵送物 screen (引き抜き確認, 印刷 …). */
export function MailingModal(p: Props) {
  const { what, onClose } = p;
  const navigate = useNavigate();
  const [sendDate, setSendDate] = useState(today());
  const [method, setMethod] = useState('post');
  const [jobId, setJobId] = useState<number | null>(null);
  const [failed, setFailed] = useState<Job | null>(null);
  const { busy, error, fieldErrors, run } = useSave();
  const onKeyDown = useEnterToNext();

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => setJobId(await p.start({ sendDate, method })));
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
          <Text size="sm">{what}の郵送物を作成しています。終わると郵送物の画面を開きます。</Text>
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
        <form
          onSubmit={submit}
          onKeyDown={p.enterToNext ? onKeyDown : undefined}
          noValidate
          aria-label="郵送物の作成"
        >
          <Stack gap="sm">
            <Text size="sm">{p.intro}</Text>
            <ErrorAlert
              error={error}
              title="作成を開始できません"
              fieldsShown={['sendDate', 'method', ...(p.extraFieldNames ?? [])]}
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
              data={Object.entries(p.sendMethods).map(([value, label]) => ({ value, label }))}
            />
            {p.extraFields?.({ sendDate, fieldErrors })}
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
