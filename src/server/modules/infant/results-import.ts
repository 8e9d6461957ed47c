/**
 * 乳幼児健診の結果の取込 (F07-04 個別・F07-05 集団 のパンチデータ): the import target `infant.results` of the import
 * engine. One row is one child's checkup, keyed by 宛名番号 + 健診の種類 (one result per child and checkup, as on
 * the entry screen) and 受診日; the checks and the write are the entry screen's (result-prepare.ts, the
 * repository's write with the follow-up): an unknown 宛名番号, a 受診日 in the future or before the birth, a 集団
 * row without a booking on a session of that day, an item out of range or a 総合判定 against the areas are
 * errors for the error file. The stored result of the child's checkup with the same 受診日 is the same visit:
 * re-importing a file changes nothing, a changed value is an update with its changes (and a warning when it
 * overwrites a result entered by hand); a stored result of another 受診日 is an error (corrected on the screen).
 * The file layout: docs/interfaces/infant-checkup-results.md.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { formatWareki, today } from '../../platform/calendar/index.ts';
import type { SqlRunner, SqlTransaction } from '../../platform/db/connect.ts';
import type { Classified, FieldError, ImportTarget } from '../../platform/imports/types.ts';
import { infantCheckupOf } from './checkups.ts';
import { type PrepareContext, prepareResult, type ResultDraft } from './result-prepare.ts';
import {
  type CheckupResultRow,
  type ChildRow,
  type ResultWrite,
  infantResultRepository as repo,
} from './result-repository.ts';
import { resultChanges } from './results-import-diff.ts';
import { parseResultImportRow, type ResultImportRow, resultImportFields } from './results-import-row.ts';

export const resultsImportKind = 'infant.results';
export { resultImportFields };

/** The engine names the column before each message; a field the file has no column for is the row's. */
const fieldOf = (r: ResultImportRow, field: string | null): string | null => {
  if (field === 'childResidentId') return 'atenaNo';
  if (field?.startsWith('findings.') && !r.mapped.includes(field))
    return r.mapped.find((k) => k.startsWith(`${field}.`)) ?? null;
  return field && r.mapped.includes(field) ? field : null;
};

type Session = { id: number; sessionDate: string; programs: string[]; booked: number[] };

/** The 集団健診 sessions of the days of the chunk, each with the children of the chunk booked on it. */
async function sessionsOn(q: SqlRunner, days: string[], childIds: number[]): Promise<Session[]> {
  if (!days.length) return [];
  const rows = await q.query<Session>(
    `SELECT s.id, to_char(s.session_date, 'YYYY-MM-DD') AS "sessionDate", s.programs,
       array(SELECT b.resident_id FROM bookings b WHERE b.session_id = s.id AND b.status = 'booked'
         AND b.resident_id = ANY($2::bigint[]) ORDER BY b.resident_id) AS booked
     FROM reservation_sessions s WHERE s.session_date = ANY($1::date[]) ORDER BY s.session_date, s.start_time, s.id`,
    [days, childIds],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), booked: r.booked.map(Number) }));
}

/** The row as the entry screen's input: a column the file lacks keeps the stored value of the same visit. */
function draftOf(r: ResultImportRow, same: CheckupResultRow | undefined): ResultDraft {
  const has = (k: string) => r.mapped.includes(k);
  const keep = <T>(k: string, fromFile: T, stored: T | undefined, empty: T): T =>
    has(k) ? fromFile : (stored ?? empty);
  const storedMeasures = Object.fromEntries(
    Object.entries(same?.items.measures ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const findings: ResultDraft['findings'] = {};
  for (const [code, f] of Object.entries(same?.items.findings ?? {})) findings[code] = { ...f };
  for (const [code, f] of Object.entries(r.findings)) findings[code] = { ...findings[code], ...f };
  const institutionName = keep('institutionName', r.institutionName, same?.institutionName, '');
  const checkup = infantCheckupOf(r.checkup)!;
  return {
    mode: r.mode ?? (!has('mode') && same ? same.mode : institutionName ? 'individual' : checkup.defaultMode),
    examinedOn: r.examinedOn,
    institutionName,
    ticketNo: keep('ticketNo', r.ticketNo, same?.ticketNo, ''),
    measures: { ...storedMeasures, ...r.measures },
    findings,
    dental: { ...(same?.dental ?? {}), ...r.dental },
    judgement: keep('judgement', r.judgement, same?.judgement, ''),
    note: keep('note', r.note, same?.note, ''),
  };
}

export function resultsImportTarget(): ImportTarget<ResultImportRow> {
  // classify and apply of one commit chunk see the same row objects: apply writes what classify worked out
  const prepared = new WeakMap<ResultImportRow, ResultWrite>();

  async function classify(q: SqlRunner, rows: ResultImportRow[]): Promise<Classified[]> {
    const children = new Map<string, ChildRow>();
    for (const no of new Set(rows.map((r) => r.atenaNo))) {
      const c = await repo.childByAtena(q, no);
      if (c) children.set(no, c);
    }
    const ids = [...children.values()].map((c) => c.id);
    const results = await repo.ofChildren(q, ids);
    const groupDays = [...new Set(rows.filter((r) => r.mode !== 'individual').map((r) => r.examinedOn))];
    const sessions = await sessionsOn(q, groupDays, ids);
    const day = today();
    return rows.map((r): Classified => {
      const child = children.get(r.atenaNo);
      const who = child ? { residentId: child.id, label: child.name } : { residentId: null };
      const fail = (errors: FieldError[]): Classified => ({
        action: 'error',
        ...who,
        errors: errors.map((e) => ({ field: fieldOf(r, e.field), message: e.message })),
      });
      if (!child)
        return fail([
          {
            field: 'atenaNo',
            message: `宛名番号 ${r.atenaNo} の児が見つかりません。宛名番号を確かめてください（住登外の児は先に住民として登録します）。`,
          },
        ]);
      const checkup = infantCheckupOf(r.checkup)!;
      const stored = results.find((x) => x.childResidentId === child.id && x.checkup === r.checkup);
      if (stored && stored.examinedOn !== r.examinedOn)
        return fail([
          {
            field: 'examinedOn',
            message: `${child.name}さんの${checkup.name}の結果は${formatWareki(stored.examinedOn)}受診分が登録済みです。受診日を確かめてください（その結果を直すときは結果入力の画面で修正します）。`,
          },
        ]);
      const draft = draftOf(r, stored);
      let session: PrepareContext['session'] = null;
      if (draft.mode === 'group') {
        const ofDay = sessions.filter(
          (s) => s.sessionDate === r.examinedOn && s.programs.includes(checkup.code),
        );
        const s = ofDay.find((x) => x.booked.includes(child.id)) ?? ofDay[0];
        if (!s)
          return fail([
            {
              field: 'examinedOn',
              message: `${formatWareki(r.examinedOn)}に${checkup.name}の集団健診の日程がありません。受診日を確かめるか、個別健診なら実施形態を「個別」にして医療機関を入れてください。`,
            },
          ]);
        session = { id: s.id, sessionDate: s.sessionDate, checkup, booked: s.booked.includes(child.id) };
      }
      const p = prepareResult(draft, {
        child,
        checkup,
        session,
        target: { id: stored?.id ?? null, version: stored?.version ?? null },
        today: day,
      });
      if (!p.ok) return fail(p.errors);
      prepared.set(r, p.write);
      const notes = [
        ...(p.warning ? [p.warning] : []),
        ...(p.referralAreas.length
          ? [
              `要精密の項目（${p.referralAreas.join('、')}）があります。精密健診依頼書は「個別健診」で児を開き、結果の表の「依頼書を発行」から発行します。`,
            ]
          : []),
      ];
      const base = { key: `${r.atenaNo}:${r.checkup}`, ...who };
      if (!stored) return { action: 'new', ...base, warning: notes.join(' ') || undefined };
      const changes = resultChanges(stored, p.write);
      if (!changes.length) return { action: 'unchanged', ...base };
      const overwrite =
        stored.source === 'manual'
          ? [`手入力で登録・修正された結果を上書きします（${changes.map((c) => c.label).join('・')}）。`]
          : [];
      return { action: 'update', ...base, changes, warning: [...overwrite, ...notes].join(' ') || undefined };
    });
  }

  return {
    kind: resultsImportKind,
    label: '乳幼児健診の結果',
    keyLabel: '同じ宛名番号・健診の種類の行',
    fields: resultImportFields,
    parse: (row) => parseResultImportRow(row),
    classify: (q, values) => classify(q, values),

    /** Each row through the entry screen's write path (result, follow-up) at the version classify read. */
    async apply(tx: SqlTransaction, rows, actor: Actor) {
      for (const { value } of rows) {
        const w = prepared.get(value);
        if (!w) throw new Error('infant results import: apply before classify');
        if ((await repo.write(tx, w, 'import', actor.userId)) === null)
          throw new Error(
            `宛名番号 ${value.atenaNo} の${infantCheckupOf(value.checkup)?.name ?? ''}の結果が取込の間に変更されました。もう一度「取り込む」を押してください。`,
          );
      }
    },
  };
}
