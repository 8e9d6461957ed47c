import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useAuth } from '../../lib/auth.tsx';
import { openPdfInTab } from '../../lib/pdf.ts';
import {
  type CallRecord,
  type CallScope,
  callSummary,
  type LatestCall,
  pdfOf,
} from '../../lib/reminder-calls-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { CallOutcomeModal } from './CallOutcomeModal.tsx';

type Props = {
  scope: CallScope;
  person: { name: string; phone: string; about: string };
  last: LatestCall | null;
  onRecorded(calls: CallRecord[]): void;
};

/** A list row's 架電結果 cell: the latest call (「11/24 不在」) and 「架電結果」, which opens the person's calls. */
export function CallCell({ scope, person, last, onRecorded }: Props) {
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm" title={last?.note || undefined}>
        {last ? callSummary(last) : ''}
      </Text>
      {can('adult.edit') && (
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => setOpen(true)}
          aria-label={`${person.name}の架電結果`}
        >
          架電結果
        </Button>
      )}
      {open && (
        <CallOutcomeModal
          scope={scope}
          person={person}
          onRecorded={(calls) => {
            onRecorded(calls);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </Group>
  );
}

/** 「架電リスト（PDF）」: the list as a printable PDF in a new tab (blank 架電日・結果・メモ to write in). */
export function CallListPdfButton({ url }: { url: string }) {
  const { busy, error, run } = useSave();
  return (
    <>
      <Button variant="default" loading={busy} onClick={() => void run(() => openPdfInTab(() => pdfOf(url)))}>
        架電リスト（PDF）
      </Button>
      <ErrorAlert error={error} title="架電リストを作れません" />
    </>
  );
}
