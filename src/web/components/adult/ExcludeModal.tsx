import { useQueryClient } from '@tanstack/react-query';
import { adultKeys, type ListEntry } from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { ExcludeModal as ListExcludeModal } from '../lists/ExcludeModal.tsx';

type Props = {
  listId: number;
  entry: ListEntry;
  reasons: Record<string, string>;
  onClose(): void;
};

/** 引き抜き from a 成人保健 対象者リスト (the shared modal with this area's API). */
export function ExcludeModal({ listId, entry, reasons, onClose }: Props) {
  const queryClient = useQueryClient();
  return (
    <ListExcludeModal
      entry={entry}
      reasons={reasons}
      onClose={onClose}
      onExclude={async (v) => {
        await api.post(`/api/adult/lists/${listId}/entries/${entry.residentId}/exclude`, v);
        await queryClient.invalidateQueries({ queryKey: adultKeys.entries(listId) });
      }}
    />
  );
}
