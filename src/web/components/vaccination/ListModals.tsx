import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { today } from '../../../server/platform/calendar/date-age.ts';
import { sendMethods } from '../../../server/platform/mailings/types.ts';
import { formatCount } from '../../lib/format.ts';
import type { Job } from '../../lib/types.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import {
  type VaccinationList,
  type VaccinationListEntry,
  vaccinationListKeys,
  vaccinationListsApi,
} from '../../lib/vaccination-lists-api.ts';
import { AppModal } from '../AppModal.tsx';
import { JobProgress } from '../adult/JobProgress.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** 除外: one person left out of the list with a reason and a note. */
export function ListExcludeModal(p: {
  listId: number;
  entry: VaccinationListEntry;
  reasons: Record<string, string>;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, fieldErrors, setError, run } = useSave();
  const onKeyDown = useEnterToNext();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason) return setError('除外理由を選んでください。');
    void run(async () => {
      await vaccinationListsApi.exclude(p.listId, p.entry.residentId, { reason, note });
      await queryClient.invalidateQueries({ queryKey: vaccinationListKeys.list(p.listId) });
      p.onClose();
    });
  }

  return (
    <AppModal opened onClose={p.onClose} title="対象者リストから除外">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="除外">
        <Stack gap="sm">
          <Text size="sm">
            {p.entry.name}（宛名番号 {p.entry.atenaNo}
            ）をこのリストから除外します。除外した方には送付しません。
          </Text>
          <ErrorAlert error={error} title="除外できません" fieldsShown={['reason', 'note']} />
          <NativeSelect
            label="除外理由"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors.reason}
            data={[
              { value: '', label: '選んでください' },
              ...Object.entries(p.reasons).map(([value, label]) => ({ value, label })),
            ]}
            data-autofocus
          />
          <TextInput
            label="備考（任意）"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldErrors.note}
            autoComplete="off"
          />
          <Group>
            <Button type="submit" color="red" loading={busy}>
              除外する
            </Button>
            <Button variant="default" onClick={p.onClose}>
              キャンセル
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** 郵送物を作成: 発送日 and 送付方法 → a job → the 郵送物 screen (引き抜き確認, 印刷, 宛名シール, 送付情報). */
export function ListMailingModal({ list, onClose }: { list: VaccinationList; onClose(): void }) {
  const navigate = useNavigate();
  const [sendDate, setSendDate] = useState(today());
  const [method, setMethod] = useState('post');
  const [jobId, setJobId] = useState<number | null>(null);
  const [failed, setFailed] = useState<Job | null>(null);
  const { busy, error, fieldErrors, run } = useSave();
  const what = list.purpose === 'vaccination.dose' ? '予診票' : '接種勧奨通知';

  const onFinished = useCallback(
    (job: Job) => {
      const mailingId = job.result?.mailingId;
      if (job.status === 'succeeded' && typeof mailingId === 'number') navigate(`/mailings/${mailingId}`);
      else setFailed(job);
    },
    [navigate],
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => setJobId((await vaccinationListsApi.mailing(list.id, { sendDate, method })).id));
  }

  return (
    <AppModal opened onClose={onClose} title="郵送物を作成" size="lg">
      {jobId ? (
        <Stack gap="sm">
          <Text size="sm">{what}の郵送物を作成しています。終わると郵送物の画面を開きます。</Text>
          <JobProgress jobId={jobId} label="郵送物の作成" onFinished={onFinished} />
          {failed && (
            <Alert color="red" role="alert" title="郵送物は作成されていません">
              {failed.error || failed.message || '作成できませんでした。'}
            </Alert>
          )}
          <Group>
            <Button variant="default" onClick={onClose}>
              閉じる{failed ? '' : '（作成は続きます）'}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="郵送物の作成">
          <Stack gap="sm">
            <Text size="sm">
              「{list.title}」の送付対象 {formatCount(list.counts.included ?? 0)}人に送る{what}を作成します。
              印刷の前に引き抜きリスト（転出・死亡、抽出後に接種の記録が入った方）を確認できます。
            </Text>
            <ErrorAlert error={error} title="作成を開始できません" fieldsShown={['sendDate', 'method']} />
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
