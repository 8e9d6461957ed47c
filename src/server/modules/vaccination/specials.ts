/**
 * 本人ごとの特例・除外 (F10a-03, F11a-01 screens; §1.6–§1.7): registering, listing and ending the facts the
 * schedule engine needs of a person (長期療養特例, 既罹患・除外, MR 供給不足, 風しん第5期, 60〜64歳の障害, 妊娠).
 * Every read and change is audited; ending uses the row's version (optimistic lock).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { Database, SqlRunner } from '../../platform/db/connect.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import {
  checkSpecial,
  type SpecialInput,
  type SpecialRow,
  specialSummary,
  specialsOf,
} from './specials-rules.ts';
import type { PersonSpecials } from './types.ts';

const screen = '予防接種 特例・除外';

export type SpecialView = SpecialRow & {
  residentId: number;
  summary: string;
  version: number;
  createdAt: string;
  endReason: string | null;
};

const COLUMNS = `id, resident_id AS "residentId", kind, vaccines, disease, reason, date::text AS date, note, version,
  created_at AS "createdAt", ended_at AS "endedAt", end_reason AS "endReason"`;

const fix = (r: SpecialView): SpecialView => ({
  ...r,
  id: Number(r.id),
  residentId: Number(r.residentId),
  summary: specialSummary(r),
});

/** Current and ended facts of some people (current first, then newest). */
async function rowsOf(q: SqlRunner, residentIds: number[]): Promise<SpecialView[]> {
  if (!residentIds.length) return [];
  const rows = await q.query<SpecialView>(
    `SELECT ${COLUMNS} FROM vaccination_specials WHERE resident_id = ANY($1::bigint[])
     ORDER BY resident_id, ended_at IS NOT NULL, id DESC`,
    [residentIds],
  );
  return rows.map(fix);
}

/** The engine's PersonSpecials of each person who has any (for bulk judging: extraction, prints). */
export async function specialsFor(q: SqlRunner, residentIds: number[]): Promise<Map<number, PersonSpecials>> {
  const by = new Map<number, SpecialView[]>();
  for (const r of await rowsOf(q, residentIds)) {
    if (r.endedAt) continue;
    const list = by.get(r.residentId) ?? [];
    list.push(r);
    by.set(r.residentId, list);
  }
  const out = new Map<number, PersonSpecials>();
  for (const [id, rows] of by) {
    const s = specialsOf(rows);
    if (s) out.set(id, s);
  }
  return out;
}

export function vaccinationSpecialsService(deps: { database: Database; audit: AuditService }) {
  const { database, audit } = deps;

  async function mustExist(residentId: number) {
    const [p] = await database.query('SELECT 1 FROM residents WHERE id = $1', [residentId]);
    if (!p) throw notFound('宛名');
  }

  return {
    /** A person's facts, current and ended; audited. */
    async list(actor: Actor, residentId: number) {
      await mustExist(residentId);
      const rows = await rowsOf(database, [residentId]);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [residentId],
        summary: `特例・除外を表示（${rows.filter((r) => !r.endedAt).length}件）`,
      });
      return rows;
    },

    async add(actor: Actor, residentId: number, v: SpecialInput) {
      await mustExist(residentId);
      const input: SpecialInput = {
        ...v,
        reason: v.reason.trim(),
        note: v.note.trim(),
        date: v.date || null,
      };
      const errors = checkSpecial(input, await rowsOf(database, [residentId]), today());
      if (errors.length)
        throw badRequest(`入力に誤りがあります（${errors.length}件）。${errors[0]!.message}`, {
          fields: errors,
        });
      const [r] = await database.query<{ id: number }>(
        `INSERT INTO vaccination_specials (resident_id, kind, vaccines, disease, reason, date, note, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
        [
          residentId,
          input.kind,
          input.kind === 'long_term_care' ? input.vaccines : [],
          input.kind === 'exclusion' ? input.disease : null,
          input.reason,
          input.date,
          input.note,
          actor.userId,
        ],
      );
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: `特例・除外を登録: ${specialSummary(input)}`,
        detail: { input },
      });
      const [saved] = await database.query<SpecialView>(
        `SELECT ${COLUMNS} FROM vaccination_specials WHERE id = $1`,
        [r!.id],
      );
      return fix(saved!);
    },

    /** Ends a fact (登録の誤り, 事由の変更 …) with the reason; kept for the history. */
    async end(actor: Actor, id: number, version: number, reason: string) {
      const [row] = await database.query<SpecialView>(
        `SELECT ${COLUMNS} FROM vaccination_specials WHERE id = $1`,
        [id],
      );
      if (!row || row.endedAt) throw notFound('特例・除外の登録');
      const done = await database.query(
        `UPDATE vaccination_specials SET ended_at = now(), ended_by = $3, end_reason = $4, version = version + 1,
           updated_by = $3, updated_at = now()
         WHERE id = $1 AND version = $2 AND ended_at IS NULL RETURNING id`,
        [id, version, actor.userId, reason.trim()],
      );
      if (!done.length)
        throw conflict(
          'この特例・除外の登録',
          (await rowsOf(database, [Number(row.residentId)])).find((r) => r.id === id),
        );
      const v = fix(row);
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [v.residentId],
        summary: `特例・除外を終了: ${v.summary} 理由: ${reason.trim()}`,
      });
    },

    /** The engine's facts of one person (current rows). */
    async ofPerson(residentId: number): Promise<PersonSpecials | undefined> {
      return (await specialsFor(database, [residentId])).get(residentId);
    },
  };
}

export type VaccinationSpecialsService = ReturnType<typeof vaccinationSpecialsService>;
