/**
 * 乳幼児精密健診結果の取込 (F07-06 パンチデータ・医療機関の CSV): the import target `infant.detailed` of the import
 * engine. One row is the answer to one 精密健診依頼書, keyed by its 依頼書番号; the checks are those of the entry
 * screen (referrals.ts `prepareDetailed`): an unknown 依頼書番号, a result already entered with other values, a
 * 受診日 before the 依頼書 or an unreadable 結果 go to the error file. Re-importing the same file changes nothing.
 * The file layout: docs/interfaces/infant-detailed-results.md.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { SqlRunner, SqlTransaction } from '../../platform/db/connect.ts';
import type { Classified, ImportTarget } from '../../platform/imports/types.ts';
import {
  type DetailedImportRow,
  detailedImportFields,
  parseDetailedImportRow,
} from './detailed-import-row.ts';
import { prepareDetailed, writeDetailed } from './referrals.ts';
import { infantResultRepository as repo } from './result-repository.ts';
import type { DetailedResult } from './result-rules.ts';

export const detailedImportKind = 'infant.detailed';
export { detailedImportFields };

export function detailedImportTarget(): ImportTarget<DetailedImportRow> {
  const prepared = new WeakMap<DetailedImportRow, { result: DetailedResult; examinedOn: string }>();

  async function classify(q: SqlRunner, rows: DetailedImportRow[]): Promise<Classified[]> {
    const refs = await repo.referralsByNo(q, [...new Set(rows.map((r) => r.referralNo))]);
    const day = today();
    return rows.map((r): Classified => {
      const ref = refs.get(r.referralNo);
      const who = ref ? { residentId: ref.childResidentId, label: ref.name } : { residentId: null };
      const p = prepareDetailed(r, ref, day);
      if (!p.ok)
        return {
          action: 'error',
          ...who,
          errors: p.errors.map((e) => ({
            field: e.field && r.mapped.includes(e.field) ? e.field : null,
            message: e.message,
          })),
        };
      prepared.set(r, p.write);
      return { action: p.unchanged ? 'unchanged' : 'new', key: r.referralNo, ...who };
    });
  }

  return {
    kind: detailedImportKind,
    label: '乳幼児精密健診の結果',
    keyLabel: '同じ依頼書番号の行',
    fields: detailedImportFields,
    parse: (row) => parseDetailedImportRow(row),
    classify: (q, values) => classify(q, values),

    /** Each row through the entry screen's write path (結果あり, follow-up) at the version classify read. */
    async apply(tx: SqlTransaction, rows, actor: Actor) {
      const refs = await repo.referralsByNo(
        tx,
        rows.map((r) => r.value.referralNo),
      );
      for (const { value } of rows) {
        const w = prepared.get(value);
        const ref = refs.get(value.referralNo);
        if (!w || !ref) throw new Error('infant detailed import: apply before classify');
        if (!(await writeDetailed(tx, ref, { ...value, ...w }, 'import', actor.userId)))
          throw new Error(
            `依頼書番号 ${value.referralNo} の精密健診結果が取込の間に変更されました。もう一度「取り込む」を押してください。`,
          );
      }
    },
  };
}
