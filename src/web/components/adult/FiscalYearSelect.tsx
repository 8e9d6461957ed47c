import { NativeSelect } from '@mantine/core';
import { fiscalYearChoices, fiscalYearLabel } from '../../lib/adult-api.ts';

type Props = {
  value: number;
  onChange(fy: number): void;
  /** the current 年度 (choices are around it) */
  current: number;
  label?: string;
  id?: string;
  w?: number | string;
};

/** 年度 choice shown as 「令和8年度（2026年度）」. */
export function FiscalYearSelect({ value, onChange, current, label = '年度', id, w = 220 }: Props) {
  return (
    <NativeSelect
      id={id}
      label={label}
      w={w}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={fiscalYearChoices(current, value).map((y) => ({ value: String(y), label: fiscalYearLabel(y) }))}
    />
  );
}
