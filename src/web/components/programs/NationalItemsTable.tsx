import { Paper, Stack, Table, Text } from '@mantine/core';
import { extraTypes, type ResultItemsProgram } from '../../lib/result-items-api.ts';
import type { ResultItem } from '../../lib/results-api.ts';

export const typeLabel = (type: string) => extraTypes.find((t) => t.type === type)?.label ?? type;

/** 選択肢 or the range of a number item, as staff read it. */
function rangeOf(i: ResultItem): string {
  if (i.type === 'select') return (i.options ?? []).map((o) => o.label).join(' / ');
  if (i.type === 'number' && i.min !== undefined)
    return `${i.min}〜${i.max}${i.decimals ? `（小数${i.decimals}桁まで）` : '（整数）'}`;
  return '';
}

/** The program's national items (results-items.ts): read-only, for reference beside the city's own. */
export function NationalItemsTable({ program }: { program: ResultItemsProgram }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label="国の項目">
      <Stack gap="xs">
        <Text fw={700}>
          国の項目（{program.name}・版 {program.itemsVersion}）
        </Text>
        <Text size="sm" c="dimmed">
          国の指針による項目です。この画面では変えられません。
        </Text>
        <Table.ScrollContainer minWidth={800}>
          <Table
            striped
            withTableBorder
            verticalSpacing={4}
            fz="sm"
            aria-label={`国の項目（${program.name}）`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>キー</Table.Th>
                <Table.Th>項目名</Table.Th>
                <Table.Th>型</Table.Th>
                <Table.Th>選択肢・範囲</Table.Th>
                <Table.Th>単位</Table.Th>
                <Table.Th>必須</Table.Th>
                <Table.Th>備考</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {program.national.map((i) => (
                <Table.Tr key={i.key}>
                  <Table.Td ff="monospace">{i.key}</Table.Td>
                  <Table.Td>{i.label}</Table.Td>
                  <Table.Td>{typeLabel(i.type)}</Table.Td>
                  <Table.Td>{rangeOf(i)}</Table.Td>
                  <Table.Td>{i.unit ?? ''}</Table.Td>
                  <Table.Td>{i.required ? '必須' : ''}</Table.Td>
                  <Table.Td>{i.methods ? '特定の検査方法のときのみ' : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
