/**
 * 結果票 (F03-03) payload: one person's results of a 年度 as printed — per program the 受診日, 実施機関, 検査方法,
 * the items with their labels, the 判定 — and, when a result is 要精検, the 精密検査のご案内 with the 医療機関
 * that do the program (pure: rows in, payload out).
 */
import { formatWareki } from '../../platform/calendar/index.ts';
import { type ProgramCode, programLabels } from '../programs/types.ts';
import { resultDefinitions } from './results-items.ts';
import type { ResultRow } from './results-repository.ts';

export type ResultNoticePayload = {
  fiscalYear: number;
  atenaNo: string;
  results: {
    program: string;
    name: string;
    screenedOn: string;
    place: string;
    method: string;
    items: { label: string; value: string }[];
    judgement: string;
    needsDetailed: boolean;
  }[];
  /** 精密検査のご案内: the programs to have a 精密検査 for, with where */
  detailed: { name: string; institutions: string[] }[];
};

const modes: Record<string, string> = { individual: '個別', group: '集団' };

/** The text of an item value: a choice by its label, 有/無, a number with its unit. */
function valueText(program: ProgramCode, key: string, value: unknown): { label: string; value: string } {
  const item = resultDefinitions[program].items.find((i) => i.key === key);
  if (!item) return { label: key, value: String(value) };
  if (item.type === 'select')
    return { label: item.label, value: item.options?.find((o) => o.code === value)?.label ?? String(value) };
  if (item.type === 'boolean') return { label: item.label, value: value ? '有' : '無' };
  if (item.type === 'date') return { label: item.label, value: formatWareki(String(value)) };
  return { label: item.label, value: `${value}${item.unit ?? ''}` };
}

export function resultNoticePayload(
  fy: number,
  atenaNo: string,
  rows: ResultRow[],
  methodNames: Map<string, string>,
  institutionsFor: (program: string) => string[],
): ResultNoticePayload {
  const results = rows
    .filter((r) => r.fiscalYear === fy && r.result)
    .map((r) => {
      const program = r.program as ProgramCode;
      const def = resultDefinitions[program];
      return {
        program,
        name: programLabels[program] ?? program,
        screenedOn: formatWareki(r.screenedOn),
        place: [r.mode ? modes[r.mode] : '', r.institutionName ?? ''].filter(Boolean).join(' '),
        method: r.method ? (methodNames.get(`${program}:${r.method}`) ?? r.method) : '',
        items: Object.entries(r.items ?? {})
          .filter(([k]) => def.items.some((i) => i.key === k))
          .map(([k, v]) => valueText(program, k, v)),
        judgement: def.judgements.find((j) => j.code === r.result)?.label ?? String(r.result),
        needsDetailed: r.needsDetailed,
      };
    });
  return {
    fiscalYear: fy,
    atenaNo,
    results,
    detailed: results
      .filter((r) => r.needsDetailed)
      .map((r) => ({ name: r.name, institutions: institutionsFor(r.program) })),
  };
}
