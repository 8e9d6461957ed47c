/**
 * 妊婦健診・産婦健診の結果の取込 (F06-03…F06-06 パンチデータ・OCR-CSV): the import target `maternal.checkups` of the
 * import engine. One row is one visit keyed by 受診券ID (and 区分: the 健診, or the 精密健診 it referred to); the
 * checks are those of the entry screen (checkup-visit.ts): an unknown 受診券ID, a voucher used by another result
 * (named in the message), a 受診日 outside the pregnancy, an item out of range are errors for the error file.
 * The stored visit of the voucher with the same 受診日 is the same visit: re-importing a file changes nothing, a
 * changed value is an update with its changes (and a warning when it overwrites a result entered by hand).
 */
import type { Actor } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { SqlRunner, SqlTransaction } from '../../platform/db/connect.ts';
import type { Change, Classified, FieldError, ImportTarget } from '../../platform/imports/types.ts';
import { checkupItemSets, formatItem, judgements } from './checkup-items.ts';
import { type ResultRow, type ResultWrite, checkupRepository as repo } from './checkup-repository.ts';
import { type Institution, institutionOf, prepareVisit } from './checkup-visit.ts';
import { type CheckupImportRow, checkupImportFields, parseCheckupRow } from './checkups-import-row.ts';
import { epdsThresholdsOf } from './settings.ts';

export const checkupsImportKind = 'maternal.checkups';

/** The engine names the column before each message; a field the file has no column for is the row's. */
const fieldOf = (r: CheckupImportRow, field: string | null) =>
  field === 'epds'
    ? r.mapped.includes('epds')
      ? 'epds1'
      : null
    : field && r.mapped.includes(field)
      ? field
      : null;

/** What an imported row changes in the stored result (labels as staff know them). */
function diff(e: ResultRow, w: ResultWrite, institutions: Institution[]): Change[] {
  const out: Change[] = [];
  const add = (field: string, label: string, before: string, after: string) => {
    if (before !== after) out.push({ field, label, before, after });
  };
  const inst = (id: number | null, name: string) =>
    institutions.find((i) => Number(i.id) === id)?.name ?? name;
  add('examinedOn', '受診日', e.examinedOn, w.examinedOn);
  add(
    'institution',
    '医療機関',
    inst(e.institutionId, e.institutionName),
    inst(w.institutionId, w.institutionName),
  );
  add('judgement', '判定', judgements[e.judgement], judgements[w.judgement]);
  for (const d of checkupItemSets[w.kind].items)
    add(d.code, d.label, formatItem(d, e.items[d.code]), formatItem(d, w.items[d.code]));
  add('note', '備考', e.note, w.note);
  return out;
}

export function checkupsImportTarget(): ImportTarget<CheckupImportRow> {
  // classify and apply of one commit chunk see the same row objects: apply writes what classify worked out
  const prepared = new WeakMap<CheckupImportRow, ResultWrite>();

  async function classifyRows(q: SqlRunner, rows: CheckupImportRow[]): Promise<Classified[]> {
    const vouchers = await repo.vouchers(q, [...new Set(rows.map((r) => r.voucherNo))]);
    const byVoucher = await repo.byVoucher(
      q,
      [...vouchers.values()].map((v) => v.id),
    );
    const byReferral = await repo.byReferral(
      q,
      [...byVoucher.values()].map((r) => r.id),
    );
    const institutions = await repo.institutions(q);
    const epds = await epdsThresholdsOf(q);
    const day = today();
    return rows.map((r): Classified => {
      const voucher = vouchers.get(r.voucherNo);
      const who = voucher ? { residentId: voucher.residentId, label: voucher.name } : { residentId: null };
      const fail = (errors: FieldError[]): Classified => ({
        action: 'error',
        ...who,
        errors: errors.map((e) => ({ field: fieldOf(r, e.field), message: e.message })),
      });
      const inst = institutionOf(r.institution, institutions);
      if ('message' in inst) return fail([inst]);
      const voucherResult = voucher ? byVoucher.get(voucher.id) : undefined;
      const detailedResult = voucherResult ? byReferral.get(voucherResult.id) : undefined;
      const isSame = (e: ResultRow) => e.examinedOn === r.examinedOn;
      // the items the file has no column for keep the stored values of the same visit
      const same = r.category === 'checkup' ? voucherResult : detailedResult;
      const kept = same && isSame(same) ? same.items : {};
      const p = prepareVisit(
        {
          voucherNo: r.voucherNo,
          category: r.category,
          examinedOn: r.examinedOn,
          institutionId: inst.id,
          institutionName: inst.name,
          judgement: r.judgement,
          items: { ...kept, ...r.items },
          note: r.note,
        },
        { voucher, voucherResult, detailedResult, isSame, today: day, epds },
      );
      if (!p.ok) return fail(p.errors);
      prepared.set(r, p.write);
      const base = { key: `${r.voucherNo}:${r.category}`, ...who };
      if (!p.existing) return { action: 'new', ...base };
      const write = { ...p.write, note: r.mapped.includes('note') ? p.write.note : p.existing.note };
      prepared.set(r, write);
      const changes = diff(p.existing, write, institutions);
      if (!changes.length) return { action: 'unchanged', ...base };
      return {
        action: 'update',
        ...base,
        changes,
        warning:
          p.existing.source === 'manual'
            ? `手入力で登録・修正された結果を上書きします（${changes.map((c) => c.label).join('・')}）。`
            : undefined,
      };
    });
  }

  return {
    kind: checkupsImportKind,
    label: '妊婦・産婦健診の結果',
    keyLabel: '同じ受診券ID・区分の行',
    fields: checkupImportFields,
    parse: (row) => parseCheckupRow(row),
    classify: (q, values) => classifyRows(q, values),

    /** Each row through the entry screen's write path (result, 使用済, follow-up) at the version classify read. */
    async apply(tx: SqlTransaction, rows, actor: Actor) {
      for (const { value } of rows) {
        const w = prepared.get(value);
        if (!w) throw new Error('maternal checkups import: apply before classify');
        if ((await repo.write(tx, w, 'import', actor.userId)) === null)
          throw new Error(
            `受診券ID ${value.voucherNo} の結果が取込の間に変更されました。もう一度「取り込む」を押してください。`,
          );
      }
    },
  };
}
