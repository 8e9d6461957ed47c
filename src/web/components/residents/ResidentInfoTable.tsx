import { Table } from '@mantine/core';
import { formatPostal } from '../../lib/format.ts';
import { sexLabels } from '../../lib/labels.ts';
import type { Resident } from '../../lib/types.ts';
import { ageOn, formatWarekiWithYear } from '../../lib/wareki.ts';

/** 基本情報 of the 宛名画面 (a 支援措置対象者's address comes already hidden from the server). */
export function ResidentInfoTable({
  resident: r,
  myNumberMasked,
}: {
  resident: Resident;
  myNumberMasked: string | null;
}) {
  const age = ageOn(r.birthDate);
  const rows: [string, string][] = [
    ['生年月日', `${formatWarekiWithYear(r.birthDate)}${age !== null && age >= 0 ? `　${age}歳` : ''}`],
    ['性別', sexLabels[r.sex] ?? r.sex],
    ['続柄', r.relationship],
    ['世帯番号', r.householdNo ?? ''],
    ['郵便番号', formatPostal(r.postalCode)],
    ['住所', r.address],
    ['方書', r.addressExtra],
    ['電話番号', r.phone],
    ['住民となった日', formatWarekiWithYear(r.residentSince)],
    ['住民でなくなった日', formatWarekiWithYear(r.residentUntil)],
    ['個人番号', myNumberMasked ?? (r.hasMyNumber ? '登録あり' : '登録なし')],
  ];
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" aria-label="基本情報" maw={760}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180} scope="row" bg="gray.0">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
