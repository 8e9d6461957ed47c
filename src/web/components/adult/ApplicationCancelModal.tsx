import { useQueryClient } from '@tanstack/react-query';
import { type Application, cancelApplication } from '../../lib/applications-api.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ReasonModal } from '../ReasonModal.tsx';

/**
 * 申込の取消 (the person withdrew, applied twice by mistake …): a reason is required; a 集団検診 booking is
 * cancelled with it, and the place becomes free. Optimistic lock: a changed application gives a message.
 */
export function ApplicationCancelModal({
  application: a,
  onClose,
}: {
  application: Application;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  return (
    <ReasonModal
      title="申込の取消"
      text={`${a.name}（宛名番号 ${a.atenaNo}）の ${formatWareki(a.appliedOn)} の申込を取り消します。${
        a.mode === 'group' && a.sessionDate ? ' 集団検診の予約も取り消し、その枠は空きます。' : ''
      }`}
      reasonLabel="取消の理由"
      reasonMissing="取消の理由を入力してください（例: 本人から辞退の連絡）。"
      action="取り消す"
      failure="取り消せません"
      onSubmit={async (reason) => {
        await cancelApplication(a.id, reason, a.version);
        await queryClient.invalidateQueries({ queryKey: ['applications'] });
      }}
      onClose={onClose}
    />
  );
}
