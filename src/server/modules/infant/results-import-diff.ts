/**
 * What an imported 乳幼児健診の結果 changes in the stored one (the dry run's 更新 list, labels and values as staff
 * know them from the entry screen): 受診日, 実施形態, 医療機関, 受診票番号, 計測, each 法定 item (所見・内容・判定),
 * 歯科, 総合判定, 備考. The field of a change is the import column's key.
 */
import type { Change } from '../../platform/imports/types.ts';
import { infantCheckupItemLabels, judgementLabels } from './checkups.ts';
import {
  type DentalValues,
  dentalOf,
  findingItemsOf,
  findingLabels,
  fluorideLabels,
  measuresOf,
  occlusionLabels,
  plaqueLabels,
} from './result-items.ts';
import type { CheckupResultRow, ResultWrite } from './result-repository.ts';
import { modeLabels } from './results-import-row.ts';

const label = <K extends string>(labels: Record<K, string>, v: unknown) =>
  v === undefined || v === null ? '' : (labels[v as K] ?? String(v));

const dentalParts: { key: keyof DentalValues; label: string; show(v: unknown): string }[] = [
  { key: 'teeth', label: '歯数', show: String },
  { key: 'cariesUntreated', label: 'むし歯（未処置）', show: String },
  { key: 'cariesTreated', label: 'むし歯（処置）', show: String },
  { key: 'plaque', label: '歯垢', show: (v) => label(plaqueLabels, v) },
  { key: 'occlusion', label: '咬合', show: (v) => label(occlusionLabels, v) },
  { key: 'riskType', label: 'むし歯のリスク分類', show: String },
  { key: 'fluoride', label: 'フッ化物塗布', show: (v) => label(fluorideLabels, v) },
  { key: 'judgement', label: '歯科の判定', show: (v) => label(judgementLabels, v) },
  { key: 'note', label: '歯科の所見', show: String },
];

export function resultChanges(e: CheckupResultRow, w: ResultWrite): Change[] {
  const out: Change[] = [];
  const add = (field: string, name: string, before: string, after: string) => {
    if (before !== after) out.push({ field, label: name, before, after });
  };
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  add('examinedOn', '受診日', e.examinedOn, w.examinedOn);
  add('mode', '実施形態', modeLabels[e.mode], modeLabels[w.mode]);
  add('institutionName', '医療機関', e.institutionName, w.institutionName);
  add('ticketNo', '受診票番号', e.ticketNo, w.ticketNo);
  for (const d of measuresOf(w.checkup))
    add(`measures.${d.code}`, d.label, text(e.items.measures?.[d.code]), text(w.items.measures[d.code]));
  for (const it of findingItemsOf(w.checkup)) {
    const a = e.items.findings?.[it.code];
    const b = w.items.findings[it.code];
    const name = infantCheckupItemLabels[it.code] ?? it.label;
    add(`findings.${it.code}`, name, label(findingLabels, a?.finding), label(findingLabels, b?.finding));
    add(`findings.${it.code}.note`, `${name}の所見`, text(a?.note), text(b?.note));
    add(
      `findings.${it.code}.judgement`,
      `${name}の判定`,
      label(judgementLabels, a?.judgement),
      label(judgementLabels, b?.judgement),
    );
  }
  if (dentalOf(w.checkup)) {
    const a = e.dental as Partial<DentalValues>;
    const b = w.dental as Partial<DentalValues>;
    for (const p of dentalParts)
      add(
        `dental.${p.key}`,
        p.label,
        a[p.key] === undefined ? '' : p.show(a[p.key]),
        b[p.key] === undefined ? '' : p.show(b[p.key]),
      );
  }
  add('judgement', '総合判定', judgementLabels[e.judgement], judgementLabels[w.judgement]);
  add('note', '備考', e.note, w.note);
  return out;
}
