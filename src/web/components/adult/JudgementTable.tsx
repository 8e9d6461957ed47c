import { Badge, Table, Text } from '@mantine/core';
import type { Judgement } from '../../lib/adult-api.ts';

type Props = {
  rows: (Judgement & { name?: string })[];
  /** program code → name */
  programName(code: string): string;
  /** (program, method code) → method name */
  methodName(program: string, method: string): string;
  label: string;
};

/** 対象判定 per program: 判定 as a badge with text, 年度末年齢, 理由 (labels), 検査方法, クーポン. */
export function JudgementTable({ rows, programName, methodName, label }: Props) {
  if (rows.length === 0) return <Text size="sm">判定する検診がありません。</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>検診</Table.Th>
            <Table.Th>判定</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>年度末年齢</Table.Th>
            <Table.Th>理由</Table.Th>
            <Table.Th>検査方法</Table.Th>
            <Table.Th>クーポン</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((j) => (
            <Table.Tr key={j.program}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{j.name ?? programName(j.program)}</Table.Td>
              <Table.Td>
                <Badge
                  color={j.eligible ? 'teal.9' : 'gray.8'}
                  variant={j.eligible ? 'filled' : 'outline'}
                  radius="sm"
                  miw="fit-content"
                >
                  {j.eligible ? '対象' : '対象外'}
                </Badge>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                {j.ageAtFiscalYearEnd === null ? '—' : `${j.ageAtFiscalYearEnd}歳`}
              </Table.Td>
              <Table.Td>{j.labels.length ? j.labels.join('、') : '—'}</Table.Td>
              <Table.Td>{j.methods.map((m) => methodName(j.program, m)).join('・') || '—'}</Table.Td>
              <Table.Td>{j.coupon ? 'あり' : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
