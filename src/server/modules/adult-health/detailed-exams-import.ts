/**
 * 精密検査結果の取込 (F04-01 パンチデータ・OCR・精検機関の CSV/XML): the import target of 精検結果 for the import
 * engine (platform/imports). A row names the 要精検 screening it answers (受診票番号, or 宛名番号 + 検診 + 年度) and
 * the 精検結果 as on the entry screen; the same check (detailed-exams-rules.ts) decides. Re-importing a file
 * changes nothing; a row that changes a 精検結果 is an update with its changes, and one that overwrites a result a
 * clerk entered or corrected by hand says so.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { type LocalDate, today } from '../../platform/calendar/index.ts';
import type { SqlRunner, SqlTransaction } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { Change, Classified, FieldError, ImportTarget } from '../../platform/imports/types.ts';
import { type ProgramCode, programCodes, programLabels } from '../programs/types.ts';
import {
  type DetailedImportParams,
  type DetailedImportRow,
  detailedImportFields,
  parseDetailedRow,
  reportedByLabels,
} from './detailed-exams-import-row.ts';
import {
  type CheckedDetailed,
  checkDetailed,
  detailedMethods,
  detailedOutcomes,
  detailedStatuses,
} from './detailed-exams-rules.ts';
import { fiscalYearLabel } from './documents.ts';
import { personNotFound } from './results-import-prepare.ts';
import { resultDefinitions } from './results-items.ts';

export const detailedExamsImportKind = 'adult-health.detailed-exams';

type Screening = {
  id: number;
  resident_id: number;
  program: ProgramCode;
  fiscal_year: number;
  screened_on: LocalDate;
  result: string | null;
  needs_detailed: boolean;
};
type Existing = {
  screening_record_id: number;
  status: string;
  examined_on: string | null;
  institution_id: number | null;
  institution_name: string;
  method: string;
  outcome: string | null;
  details: Record<string, string>;
  reported_by: string | null;
  note: string;
  source: string;
};
type Prepared = {
  recordId: number;
  residentId: number;
  program: ProgramCode;
  checked: CheckedDetailed;
  note: string;
};
type Institution = { id: number; code: string; name: string };

/** The engine names the column before each message: 「精検日: …」 from the shared check loses its own label. */
const withoutLabel = (message: string) => message.replace(/^[^:：。]{1,30}: /, '');

/** A field of the shared check → the import field (an error of a field the file lacks is the row's). */
function fieldOf(r: DetailedImportRow, field: string): string | null {
  const key =
    field === 'institution'
      ? r.mapped.includes('institutionCode') && !r.mapped.includes('institutionName')
        ? 'institutionCode'
        : 'institutionName'
      : field;
  return r.mapped.includes(key) ? key : null;
}

export function detailedExamsImportTarget(): ImportTarget<DetailedImportRow, DetailedImportParams> {
  // classify and apply of one commit chunk see the same row objects: apply reuses what classify worked out
  const prepared = new WeakMap<DetailedImportRow, Prepared>();

  async function prepare(q: SqlRunner, rows: DetailedImportRow[]) {
    // exact 宛名番号 through the index: as written, and zero-padded to the usual 10 and 15 digits
    const wanted = [
      ...new Set(
        rows.flatMap((r) => {
          const bare = r.atenaNo.replace(/^0+/, '') || '0';
          return [r.atenaNo, bare.padStart(10, '0'), bare.padStart(15, '0')];
        }),
      ),
    ];
    const people = await q.query<{ id: number; atena_no: string; name: string }>(
      'SELECT id, atena_no, name FROM residents WHERE atena_no = ANY($1::text[])',
      [wanted],
    );
    const byAtena = new Map(people.map((p) => [p.atena_no.replace(/^0+/, ''), { ...p, id: Number(p.id) }]));
    // by the leading column of the unique index (resident, program, 年度)
    const screenings = await q.query<Screening>(
      `SELECT id, resident_id, program, fiscal_year, screened_on, result, needs_detailed FROM screening_records
       WHERE resident_id = ANY($1::bigint[]) AND program = ANY($2::text[]) AND fiscal_year = ANY($3::int[])`,
      [
        [...new Set(people.map((p) => Number(p.id)))],
        [...new Set(rows.map((r) => r.program))],
        [...new Set(rows.map((r) => r.fiscalYear))],
      ],
    );
    const screeningOf = new Map(screenings.map((s) => [`${s.resident_id}:${s.program}:${s.fiscal_year}`, s]));
    const institutions = await q.query<Institution>('SELECT id, code, name FROM medical_institutions');
    const day = today();
    const out: (
      | { ok: true; p: Prepared; name: string }
      | { ok: false; errors: FieldError[]; residentId: number | null; name?: string }
    )[] = [];
    for (const r of rows) {
      const person = byAtena.get(r.atenaNo.replace(/^0+/, ''));
      if (!person) {
        out.push({ ok: false, residentId: null, errors: [personNotFound(r)] });
        continue;
      }
      const fail = (errors: FieldError[]) =>
        out.push({ ok: false, errors, residentId: person.id, name: person.name });
      const what = `${fiscalYearLabel(r.fiscalYear)}の${programLabels[r.program]}`;
      const s = screeningOf.get(`${person.id}:${r.program}:${r.fiscalYear}`);
      if (!s) {
        fail([
          {
            field: null,
            message: `この方の${what}の結果がありません。検診結果を先に入力・取込してから、精検結果を取り込んでください。`,
          },
        ]);
        continue;
      }
      if (!s.needs_detailed) {
        const judgement =
          resultDefinitions[r.program].judgements.find((j) => j.code === s.result)?.label ?? s.result ?? '';
        fail([
          {
            field: null,
            message: `この方の${what}は要精検になっていません（判定: ${judgement}）。宛名番号・検診・年度か、検診結果の判定を確かめてください。`,
          },
        ]);
        continue;
      }
      const errors: FieldError[] = [];
      if (r.screenedOn && r.screenedOn !== s.screened_on)
        errors.push({
          field: 'screenedOn',
          message: `登録されている${programLabels[r.program]}の受診日（${s.screened_on}）と違います。受診票番号・宛名番号か受診日を確かめてください。`,
        });
      // by code, or a name that is the master's (as on the entry screen); any other name is kept as written
      const institution = r.institutionCode
        ? institutions.find((i) => i.code === r.institutionCode)
        : r.institutionName
          ? institutions.find((i) => i.name === r.institutionName)
          : undefined;
      if (r.institutionCode && !institution)
        errors.push({
          field: 'institutionCode',
          message: `精検機関コード ${r.institutionCode} は医療機関マスタにありません。コードを確かめるか、精検機関名の列で名称を入れてください。`,
        });
      const checked = checkDetailed(r.program, s.screened_on, day, {
        ...r,
        institutionId: institution ? Number(institution.id) : null,
        institutionName: institution ? '' : r.institutionName,
      });
      if (!checked.ok)
        for (const e of checked.errors)
          if (!(e.field === 'institution' && r.institutionCode))
            errors.push({ field: fieldOf(r, e.field), message: withoutLabel(e.message) });
      if (!checked.ok || errors.length) {
        fail(errors);
        continue;
      }
      const p: Prepared = {
        recordId: Number(s.id),
        residentId: person.id,
        program: r.program,
        checked: checked.value,
        note: [r.note, checked.value.note].filter(Boolean).join(' '),
      };
      prepared.set(r, p);
      out.push({ ok: true, p, name: person.name });
    }
    return { out, institutions };
  }

  return {
    kind: detailedExamsImportKind,
    label: '精密検査の結果',
    keyLabel: '同じ検診（宛名番号・検診・年度）の行',
    fields: detailedImportFields,

    params(raw: unknown): DetailedImportParams {
      const p = (raw ?? {}) as { program?: unknown; fiscalYear?: unknown };
      const program = p.program === undefined || p.program === null || p.program === '' ? null : p.program;
      if (program !== null && !(programCodes as readonly unknown[]).includes(program))
        throw badRequest('取り込む検診の種類が正しくありません。一覧から選んでください。');
      const fy =
        p.fiscalYear === undefined || p.fiscalYear === null || p.fiscalYear === '' ? null : p.fiscalYear;
      if (fy !== null && !(Number.isInteger(fy) && (fy as number) >= 2000 && (fy as number) <= 2100))
        throw badRequest('取り込む年度が正しくありません。一覧から選んでください。');
      return { program: program as ProgramCode | null, fiscalYear: fy as number | null };
    },

    parse: parseDetailedRow,

    async classify(q: SqlRunner, values: DetailedImportRow[]): Promise<Classified[]> {
      const { out, institutions } = await prepare(q, values);
      const ids = out.flatMap((x) => (x.ok ? [x.p.recordId] : []));
      // by the unique index on screening_record_id
      const existing = await q.query<Existing>(
        `SELECT screening_record_id, status, examined_on, institution_id, institution_name, method, outcome, details,
           reported_by, note, source
         FROM detailed_exam_results WHERE screening_record_id = ANY($1::bigint[])`,
        [ids],
      );
      const found = new Map(existing.map((e) => [Number(e.screening_record_id), e]));
      const institutionLabel = (id: number | null, name: string) => {
        const i = institutions.find((x) => Number(x.id) === id);
        return i ? `${i.code} ${i.name}` : name;
      };
      return out.map((x): Classified => {
        if (!x.ok) return { action: 'error', errors: x.errors, residentId: x.residentId, label: x.name };
        const key = String(x.p.recordId);
        const base = { key, residentId: x.p.residentId, label: x.name };
        const e = found.get(x.p.recordId);
        if (!e) return { action: 'new', ...base };
        const changes = diff(e, x.p, institutionLabel);
        if (changes.length === 0) return { action: 'unchanged', ...base };
        return {
          action: 'update',
          ...base,
          changes,
          warning:
            e.source === 'manual'
              ? `手入力で登録・修正された精検結果を上書きします（${changes.map((c) => c.label).join('・')}）。`
              : undefined,
        };
      });
    },

    async apply(tx: SqlTransaction, rows, actor: Actor) {
      const ps = rows.map((r) => {
        const p = prepared.get(r.value);
        if (!p) throw new Error('detailed exams import: apply before classify');
        return p;
      });
      const c = (p: Prepared) => p.checked;
      await tx.query(
        `INSERT INTO detailed_exam_results AS d (screening_record_id, resident_id, status, examined_on, institution_id,
           institution_name, method, outcome, details, reported_by, note, source, created_by, updated_by)
         SELECT t.record_id, t.resident_id, t.status, t.examined_on, t.institution_id, t.institution_name, t.method,
           t.outcome, t.details, t.reported_by, t.note, 'import', $12, $12
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::date[], $5::int[], $6::text[], $7::text[],
           $8::text[], $9::jsonb[], $10::text[], $11::text[])
           AS t(record_id, resident_id, status, examined_on, institution_id, institution_name, method, outcome,
                details, reported_by, note)
         ON CONFLICT (screening_record_id) DO UPDATE SET status = EXCLUDED.status,
           examined_on = EXCLUDED.examined_on, institution_id = EXCLUDED.institution_id,
           institution_name = EXCLUDED.institution_name, method = EXCLUDED.method, outcome = EXCLUDED.outcome,
           details = EXCLUDED.details, reported_by = EXCLUDED.reported_by, note = EXCLUDED.note, source = 'import',
           updated_by = EXCLUDED.updated_by, version = d.version + 1, updated_at = now()`,
        [
          ps.map((p) => p.recordId),
          ps.map((p) => p.residentId),
          ps.map((p) => c(p).status),
          ps.map((p) => c(p).examinedOn),
          ps.map((p) => c(p).institutionId),
          ps.map((p) => (c(p).institutionId === null ? c(p).institutionName : '')),
          ps.map((p) => c(p).method),
          ps.map((p) => c(p).outcome),
          ps.map((p) => JSON.stringify(c(p).details)),
          ps.map((p) => c(p).reportedBy),
          ps.map((p) => p.note),
          actor.userId,
        ],
      );
    },
  };
}

/** What an imported row changes in the stored 精検結果 (labels as staff know them). */
function diff(
  e: Existing,
  p: Prepared,
  institutionLabel: (id: number | null, name: string) => string,
): Change[] {
  const v = p.checked;
  const out: Change[] = [];
  const add = (field: string, label: string, before: string, after: string) => {
    if (before !== after) out.push({ field, label, before, after });
  };
  const labelOf = (labels: Record<string, string>, code: string | null) =>
    code ? (labels[code] ?? code) : '';
  const methods = Object.fromEntries(detailedMethods[p.program].map((m) => [m.code, m.label]));
  const eInstitution = e.institution_id === null ? null : Number(e.institution_id);
  add('status', '精検の状況', labelOf(detailedStatuses, e.status), detailedStatuses[v.status]);
  add('examinedOn', '精検日', e.examined_on ?? '', v.examinedOn ?? '');
  add(
    v.institutionId === null ? 'institutionName' : 'institutionCode',
    '精検機関',
    institutionLabel(eInstitution, e.institution_name),
    institutionLabel(v.institutionId, v.institutionId === null ? v.institutionName : ''),
  );
  add('method', '精検法', labelOf(methods, e.method), labelOf(methods, v.method));
  add('outcome', '精検結果', labelOf(detailedOutcomes, e.outcome), labelOf(detailedOutcomes, v.outcome));
  add(
    'reportedBy',
    '報告の種類',
    labelOf(reportedByLabels, e.reported_by),
    labelOf(reportedByLabels, v.reportedBy),
  );
  add('lesion', '病変', e.details?.lesion ?? '', v.details.lesion ?? '');
  add('stage', '病期・所見', e.details?.stage ?? '', v.details.stage ?? '');
  add('note', '備考', e.note, p.note);
  return out;
}
