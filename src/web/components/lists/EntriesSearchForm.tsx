import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

/** 送付・除外: which entries of a list are shown. */
export const entryShows = { all: 'すべて', send: '送付', excluded: '除外' } as const;
export type EntryShow = keyof typeof entryShows;

/** The entries' included filter of a 送付・除外 choice (as the query string has it). */
export const includedParam = (show: EntryShow) =>
  show === 'send' ? 'true' : show === 'excluded' ? 'false' : undefined;

type Props = {
  show: EntryShow;
  onShow(show: EntryShow): void;
  /** the name / カナ / 宛名番号 being typed */
  q: string;
  onQ(q: string): void;
  onSearch(): void;
  /** the area's own filters (検診, ワクチン, クーポン …), between 送付・除外 and the name */
  children?: ReactNode;
  /** after 検索 (e.g. 条件をクリア) */
  after?: ReactNode;
};

/** 対象者の絞り込み of a 対象者リスト: 送付・除外, the area's filters, and a search by 氏名・カナ・宛名番号. */
export function EntriesSearchForm(p: Props) {
  function submit(e: FormEvent) {
    e.preventDefault();
    p.onSearch();
  }
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} aria-label="対象者の絞り込み">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label="送付・除外"
            value={p.show}
            onChange={(e) => p.onShow(e.currentTarget.value as EntryShow)}
            data={(Object.keys(entryShows) as EntryShow[]).map((k) => ({ value: k, label: entryShows[k] }))}
            w={120}
          />
          {p.children}
          <TextInput
            label="氏名・カナ・宛名番号"
            value={p.q}
            onChange={(e) => p.onQ(e.currentTarget.value)}
            autoComplete="off"
            w={240}
          />
          <Button type="submit">検索</Button>
          {p.after}
        </Group>
      </form>
    </Paper>
  );
}
