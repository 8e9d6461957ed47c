import { useState } from 'react';
import { addDays } from '../../../server/platform/calendar/date.ts';
import type { TargetList } from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { MailingModal as ListMailingModal } from '../lists/MailingModal.tsx';

type Props = {
  list: TargetList;
  sendMethods: Record<string, string>;
  /** people to send now (included entries) */
  included: number | null;
  onClose(): void;
};

/** 郵送物を作成 from a 成人保健 対象者リスト: 発送日, 送付方法 (and 返送期限 for 希望調査票) → a job → the mailing screen. */
export function MailingModal({ list, sendMethods, included, onClose }: Props) {
  const survey = list.purpose === 'adult-health.survey';
  const what = survey ? '希望調査票' : '受診票（券）';
  const [replyBy, setReplyBy] = useState('');

  return (
    <ListMailingModal
      what={what}
      intro={
        <>
          「{list.title}」の送付対象
          {included === null ? '' : ` ${formatCount(included)}人`}
          に送る{what}
          を作成します。印刷前に引き抜きリストを確認できます。
        </>
      }
      sendMethods={sendMethods}
      enterToNext
      extraFieldNames={['replyBy']}
      start={async (v) => {
        const res = await api.post<{ job: { id: number } }>(`/api/adult/lists/${list.id}/mailing`, {
          ...v,
          ...(survey && replyBy.trim() ? { replyBy } : {}),
        });
        return res.job.id;
      }}
      extraFields={({ sendDate, fieldErrors }) => {
        if (!survey) return null;
        const parsedSend = parseDateInput(sendDate);
        const defaultReply = parsedSend.ok ? addDays(parsedSend.date, 21) : null;
        return (
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
        );
      }}
      onClose={onClose}
    />
  );
}
