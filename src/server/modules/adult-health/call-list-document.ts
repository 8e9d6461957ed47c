/**
 * 架電リスト (F03-04 未受診者勧奨, F04-02 精検未受診者勧奨): the people to call as a printable A4 table — 氏名, カナ,
 * 年齢, 電話, 検診, the latest call recorded (前回), and empty 架電日 / 結果 / メモ columns to write in by hand
 * while calling, then record in the system.
 */
import { documentTitle } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import { type ProgramCode, programLabels } from '../programs/types.ts';
import { callOutcomes } from './reminder-calls-rules.ts';

export type CallListLine = {
  atenaNo: string;
  name: string;
  nameKana: string;
  age: string;
  phone: string;
  /** 未受診の検診, or the 要精検 program with its 受診日 */
  what: string;
  /** the latest call recorded (「11/24 不在」), '' when none */
  last: string;
};

export type CallListPayload = {
  /** e.g. 架電リスト（未受診者勧奨） */
  title: string;
  /** what was extracted: 令和8年度の大腸がん検診の未受診者（令和8年11月24日時点） */
  condition: string;
  lines: CallListLine[];
};

/** A program as the narrow 検診 column prints it: 大腸がん検診 → 大腸がん. */
export const shortProgram = (code: string): string =>
  (programLabels[code as ProgramCode] ?? code).replace(/検診$/, '');

const columns = [
  { header: '宛名番号', width: 18 },
  { header: '氏名', width: 23 },
  { header: 'カナ', width: 24 },
  { header: '年齢', width: 8, align: 'right' as const },
  { header: '電話', width: 22 },
  { header: '検診', width: 26 },
  { header: '前回', width: 23 },
  { header: '架電日', width: 12 },
  { header: '結果', width: 12 },
  { header: 'メモ', width: 22 },
];
const rowsPerPage = 26;
const legend = `結果: ${callOutcomes.map((o, i) => `${i + 1} ${o.short}`).join('　')}`;

export const callListTemplate: DocumentTemplate<CallListPayload> = {
  code: 'adult-health.call-list',
  title: '架電リスト',
  render(layout, item, ctx) {
    const p = item.payload;
    const pages = Math.max(1, Math.ceil(p.lines.length / rowsPerPage));
    for (let page = 0; page < pages; page++) {
      layout.newPage();
      documentTitle(layout, p.title, 12, { size: 14 });
      layout.text(10, 21, p.condition, { size: 9.5, width: 150 });
      layout.text(10, 27, `${p.lines.length}人　${legend}`, { size: 8.5, width: 110 });
      layout.text(120, 27, `${ctx.sender.centerName}　${page + 1} / ${pages} ページ`, {
        size: 8.5,
        width: 75,
        align: 'right',
      });
      const lines = p.lines.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
      layout.table(5, 33, {
        columns,
        rowHeight: 9,
        size: 7.5,
        rows: lines.map((l) => [l.atenaNo, l.name, l.nameKana, l.age, l.phone, l.what, l.last, '', '', '']),
      });
    }
  },
};
