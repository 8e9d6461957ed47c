import { Table } from '@mantine/core';
import {
  cohortLabels,
  couponLabel,
  deliveryLabels,
  feeLabel,
  intervalLabel,
  methodAgeLabel,
  periodLabel,
  referenceDateLabel,
  targetLabel,
} from '../../../server/modules/programs/labels.ts';
import { feeExemptionKinds } from '../../../server/modules/programs/types.ts';
import type { ProgramSettings } from '../../lib/programs-api.ts';

/** One program's settings in words (the stored version after a conflict, and read-only views). */
export function ProgramSummary({
  fy,
  settings: s,
  full = false,
}: {
  fy: number;
  settings: ProgramSettings;
  /** also the texts printed on the ticket (免除, 案内) */
  full?: boolean;
}) {
  const rows: [string, string][] = [
    ['実施', s.enabled ? '実施する' : '実施しない'],
    ['対象', targetLabel(s)],
    ['年齢基準日', referenceDateLabel(s.referenceDate)],
    ['年齢の数え方', cohortLabels[s.cohort]],
    ['受診間隔', intervalLabel(s.interval)],
    [
      '検査方法',
      s.methods
        .map((m) => {
          const extra = [methodAgeLabel(m), m.interval ? intervalLabel(m.interval) : ''].filter(Boolean);
          return `${m.enabled ? '' : '（実施しない）'}${m.name}${extra.length ? `（${extra.join('・')}）` : ''}`;
        })
        .join('、'),
    ],
    ['自己負担金', feeLabel(s.fees, s.methods)],
    ['クーポン', couponLabel(s.coupon)],
    ['実施方法', deliveryLabels[s.delivery]],
    ['受診期間', periodLabel(fy, s)],
    ...(full
      ? ([
          ['自己負担金の免除', s.fees.exemptionNote || '（なし）'],
          ['免除にする方', s.fees.exemptKinds.map((k) => feeExemptionKinds[k]).join('・') || '（なし）'],
          ['受診券の案内', s.notice || '（なし）'],
        ] as [string, string][])
      : []),
  ];
  return (
    <Table withTableBorder verticalSpacing={2} fz="sm" aria-label={`${s.name}の設定`}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={140}>
              {label}
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
