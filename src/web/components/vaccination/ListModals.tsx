import { useQueryClient } from '@tanstack/react-query';
import { sendMethods } from '../../../server/platform/mailings/types.ts';
import { formatCount } from '../../lib/format.ts';
import {
  type VaccinationList,
  type VaccinationListEntry,
  vaccinationListKeys,
  vaccinationListsApi,
} from '../../lib/vaccination-lists-api.ts';
import { ExcludeModal } from '../lists/ExcludeModal.tsx';
import { MailingModal } from '../lists/MailingModal.tsx';

/** 除外: one person left out of the list with a reason and a note. */
export function ListExcludeModal(p: {
  listId: number;
  entry: VaccinationListEntry;
  reasons: Record<string, string>;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  return (
    <ExcludeModal
      entry={p.entry}
      reasons={p.reasons}
      onClose={p.onClose}
      onExclude={async (v) => {
        await vaccinationListsApi.exclude(p.listId, p.entry.residentId, v);
        await queryClient.invalidateQueries({ queryKey: vaccinationListKeys.list(p.listId) });
      }}
    />
  );
}

/** 郵送物を作成: 発送日 and 送付方法 → a job → the 郵送物 screen (引き抜き確認, 印刷, 宛名シール, 送付情報). */
export function ListMailingModal({ list, onClose }: { list: VaccinationList; onClose(): void }) {
  const what = list.purpose === 'vaccination.dose' ? '予診票' : '接種勧奨通知';
  return (
    <MailingModal
      what={what}
      intro={
        <>
          「{list.title}」の送付対象 {formatCount(list.counts.included ?? 0)}人に送る{what}を作成します。
          印刷の前に引き抜きリスト（転出・死亡、抽出後に接種の記録が入った方）を確認できます。
        </>
      }
      sendMethods={sendMethods}
      start={async (v) => (await vaccinationListsApi.mailing(list.id, v)).id}
      onClose={onClose}
    />
  );
}
