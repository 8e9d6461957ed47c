import { Badge, Table, type TableThProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionStatus } from '../../lib/reservations-api.ts';

const statusColor = { open: 'teal.9', closed: 'gray.8', cancelled: 'red.9' } as const;

/** 受付中 / 締切 / 中止 as the dot badge every session list and page shows. */
export function SessionStatusBadge({ status, label }: { status: SessionStatus; label: string }) {
  return (
    <Badge color={statusColor[status]} variant="dot" radius="sm">
      {label}
    </Badge>
  );
}

/** 実施日 with its weekday, flagged when it falls on a 祝日 (`holiday`: the flag's text). */
export function SessionDateCell({ date, holiday }: { date: string; holiday: ReactNode }) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      {date}
      {holiday && (
        <Badge ml={4} color="red.9" variant="outline" size="sm">
          {holiday}
        </Badge>
      )}
    </Table.Td>
  );
}

/** 開始〜終了 (and whatever the list adds after it, e.g. the 時間枠). */
export function SessionTimeCell(props: { startTime: string; endTime: string; children?: ReactNode }) {
  return (
    <Table.Td>
      {props.startTime}〜{props.endTime}
      {props.children}
    </Table.Td>
  );
}

/** A column header: its text, or its text and the header cell's props. */
export type SessionColumn = string | ({ label: string } & Omit<TableThProps, 'children'>);

type Props<T> = {
  /** the table's accessible name */
  label: string;
  minWidth: number;
  columns: SessionColumn[];
  sessions: T[];
  /** the cells of one session's row */
  cells(session: T): ReactNode;
  /** the text of the one row shown when there are no sessions */
  empty: string;
};

/** A list of 集団検診 sessions (日程): one row a session, a dimmed line when there are none. */
export function SessionTable<T extends { id: number }>({
  label,
  minWidth,
  columns,
  sessions,
  cells,
  empty,
}: Props<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => {
              const { label: text, ...th } = typeof c === 'string' ? { label: c } : c;
              return (
                <Table.Th key={text} {...th}>
                  {text}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>{cells(s)}</Table.Tr>
          ))}
          {sessions.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text size="sm" c="dimmed">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
