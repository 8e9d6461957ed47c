/**
 * 精密検査の把握 (F04-01 精密検査結果入力, F04-02 精検未受診者の抽出): every 要精検 result of a 年度 with its 精検
 * status (精検受診 / 精検未受診 / 精検未把握 — no record = 未把握, detailed-exams-rules.ts), the 精検結果 entered by
 * hand (one per screening, optimistic locking), and the list of those still to follow up as a call list (CSV or
 * PDF, with the latest 架電結果 — reminder-calls.ts).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki, today } from '../../platform/calendar/index.ts';
import { type CsvColumn, type CsvEncoding, toCsv } from '../../platform/csv/export.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import { type ProgramCode, programLabels } from '../programs/types.ts';
import { shortProgram } from './call-list-document.ts';
import {
  cervicalLesions,
  checkDetailed,
  type DetailedInput,
  type DetailedStatus,
  detailedMethods,
  detailedOutcomes,
  detailedStatuses,
} from './detailed-exams-rules.ts';
import { fiscalYearLabel } from './documents.ts';
import { lastCallColumns, type ReminderCallsService } from './reminder-calls.ts';
import { callKey, type LatestCall } from './reminder-calls-repository.ts';
import { callSummary } from './reminder-calls-rules.ts';
import { resultDefinitions } from './results-items.ts';

const screen = '成人保健 精密検査結果';

export type DetailedFilter = {
  fiscalYear: number;
  program?: ProgramCode;
  /** pending = 精検未受診 or 精検未把握 (the people to follow up, F04-02) */
  status?: DetailedStatus | 'pending';
  q?: string;
};

export type DetailedRow = {
  recordId: number;
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  phone: string;
  address: string;
  residentStatus: string;
  program: ProgramCode;
  screenedOn: string;
  result: string;
  screeningInstitution: string | null;
  status: DetailedStatus;
  detailedId: number | null;
  examinedOn: string | null;
  institutionId: number | null;
  institutionName: string;
  method: string;
  outcome: string | null;
  reportedBy: string | null;
  details: Record<string, string>;
  note: string;
  version: number | null;
  /** the latest 架電結果 about this 精検 (null: not called yet) */
  lastCall: LatestCall | null;
};
type DetailedBase = Omit<DetailedRow, 'lastCall'>;

const SELECT = `SELECT r.id AS "recordId", r.resident_id AS "residentId", p.atena_no AS "atenaNo", p.name,
    p.name_kana AS "nameKana", p.birth_date AS "birthDate", p.phone, trim(p.address || ' ' || p.address_extra) AS address,
    p.status AS "residentStatus", r.program, r.screened_on AS "screenedOn", r.result, si.name AS "screeningInstitution",
    coalesce(d.status, 'unknown') AS status, d.id AS "detailedId", d.examined_on AS "examinedOn",
    d.institution_id AS "institutionId", coalesce(di.name, d.institution_name, '') AS "institutionName",
    coalesce(d.method, '') AS method, d.outcome, d.reported_by AS "reportedBy", coalesce(d.details, '{}') AS details,
    coalesce(d.note, '') AS note, d.version
  FROM screening_records r
  JOIN residents p ON p.id = r.resident_id
  LEFT JOIN medical_institutions si ON si.id = r.institution_id
  LEFT JOIN detailed_exam_results d ON d.screening_record_id = r.id
  LEFT JOIN medical_institutions di ON di.id = d.institution_id`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const fix = (r: DetailedBase): DetailedBase => ({
  ...r,
  recordId: Number(r.recordId),
  residentId: Number(r.residentId),
  detailedId: num(r.detailedId),
  institutionId: num(r.institutionId),
});

const judgementLabel = (r: DetailedBase) =>
  resultDefinitions[r.program]?.judgements.find((j) => j.code === r.result)?.label ?? r.result;
const methodLabel = (r: DetailedRow) =>
  detailedMethods[r.program]?.find((m) => m.code === r.method)?.label ?? r.method;

/** 精検未受診者・未把握者の一覧 (call list) columns. */
export const detailedColumns: CsvColumn<DetailedRow>[] = [
  { key: 'atenaNo', label: '宛名番号', value: (r) => r.atenaNo },
  { key: 'name', label: '氏名', value: (r) => r.name },
  { key: 'nameKana', label: '氏名カナ', value: (r) => r.nameKana },
  { key: 'birthDate', label: '生年月日', value: (r) => formatWareki(r.birthDate) },
  { key: 'phone', label: '電話番号', value: (r) => r.phone },
  { key: 'address', label: '住所', value: (r) => r.address },
  { key: 'program', label: '検診', value: (r) => programLabels[r.program] ?? r.program },
  { key: 'screenedOn', label: '受診日', value: (r) => formatWareki(r.screenedOn) },
  { key: 'result', label: '判定', value: judgementLabel },
  { key: 'status', label: '精検の状況', value: (r) => detailedStatuses[r.status] },
  { key: 'examinedOn', label: '精検日', value: (r) => (r.examinedOn ? formatWareki(r.examinedOn) : '') },
  { key: 'institution', label: '精検機関', value: (r) => r.institutionName },
  { key: 'method', label: '精検法', value: methodLabel },
  {
    key: 'outcome',
    label: '精検結果',
    value: (r) => (r.outcome ? detailedOutcomes[r.outcome as keyof typeof detailedOutcomes] : ''),
  },
  { key: 'note', label: '備考', value: (r) => r.note },
  ...lastCallColumns<DetailedRow>(),
];

export function detailedExamsService(deps: {
  database: Database;
  audit: AuditService;
  calls: ReminderCallsService;
}) {
  const { database, audit } = deps;

  async function query(f: DetailedFilter, page: { offset: number; limit: number } | null) {
    const where = ['r.needs_detailed', 'r.fiscal_year = $1'];
    const params: unknown[] = [f.fiscalYear];
    if (f.program) where.push(`r.program = $${params.push(f.program)}`);
    if (f.status === 'pending') where.push(`coalesce(d.status, 'unknown') <> 'examined'`);
    else if (f.status) where.push(`coalesce(d.status, 'unknown') = $${params.push(f.status)}`);
    if (f.q?.trim())
      where.push(
        `(p.atena_no = $${params.push(f.q.trim())} OR p.name LIKE $${params.push(`%${f.q.trim()}%`)} OR p.name_kana LIKE $${params.length})`,
      );
    const sql = `${SELECT} WHERE ${where.join(' AND ')}`;
    const [{ n }] = (await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${sql}) x`,
      params,
    )) as [{ n: number }];
    const rows = await database.query<DetailedBase>(
      `${sql} ORDER BY r.program, p.name_kana, r.id${page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : ''}`,
      params,
    );
    return { total: n, rows: await withCalls(f.fiscalYear, rows.map(fix)) };
  }

  /** The rows with the latest 架電結果 about each 精検. */
  async function withCalls(fy: number, rows: DetailedBase[]): Promise<DetailedRow[]> {
    const latest = await deps.calls.latest(
      'detailed',
      fy,
      rows.map((r) => r.residentId),
    );
    return rows.map((r) => ({ ...r, lastCall: latest.get(callKey(r.residentId, r.program)) ?? null }));
  }

  async function one(recordId: number) {
    const [r] = await database.query<DetailedBase & { needsDetailed: boolean }>(
      `${SELECT.replace('SELECT r.id', 'SELECT r.needs_detailed AS "needsDetailed", r.id')} WHERE r.id = $1`,
      [recordId],
    );
    if (!r) throw notFound('検診結果');
    return { ...fix(r), needsDetailed: r.needsDetailed };
  }

  return {
    meta: () => ({
      statuses: detailedStatuses,
      outcomes: detailedOutcomes,
      methods: detailedMethods,
      lesions: cervicalLesions,
    }),

    /** 要精検者の一覧 with the 精検 status (filter, paging); the read is audited with the ids. */
    async list(actor: Actor, f: DetailedFilter, page: { offset: number; limit: number }) {
      const r = await query(f, page);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [...new Set(r.rows.map((x) => x.residentId))],
        summary: `${fiscalYearLabel(f.fiscalYear)}の要精検者一覧（${r.total}件）`,
        detail: { filter: f },
      });
      return r;
    },

    /** Saves the 精検結果 of a 要精検 screening (new, or at the version read). */
    async save(actor: Actor, recordId: number, v: DetailedInput & { note: string; version: number | null }) {
      const r = await one(recordId);
      if (!r.needsDetailed)
        throw badRequest('この検診結果は要精検ではありません。検診結果の判定を確かめてください。');
      const checked = checkDetailed(r.program, r.screenedOn, today(), v);
      if (!checked.ok)
        throw badRequest(
          `入力に誤りがあります（${checked.errors.length}件）。${checked.errors[0]!.message}`,
          {
            fields: checked.errors.map((e) => ({ path: e.field, message: e.message })),
          },
        );
      const c = checked.value;
      const note = [v.note.trim(), c.note].filter(Boolean).join(' ');
      const values = [
        c.status,
        c.examinedOn,
        c.institutionId,
        c.institutionId === null ? c.institutionName : '',
        c.method,
        c.outcome,
        JSON.stringify(c.details),
        c.reportedBy,
        note,
        actor.userId,
      ];
      if (v.version === null) {
        const made = await database.query(
          `INSERT INTO detailed_exam_results (screening_record_id, resident_id, status, examined_on, institution_id,
             institution_name, method, outcome, details, reported_by, note, source, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'manual', $12, $12)
           ON CONFLICT (screening_record_id) DO NOTHING RETURNING id`,
          [recordId, r.residentId, ...values],
        );
        if (!made.length)
          throw new AppError(
            409,
            'DETAILED_EXISTS',
            'この方の精検結果は既に入力されています。画面を読み込み直し、その結果を直してください。',
          );
      } else {
        const done = await database.query(
          `UPDATE detailed_exam_results SET status = $3, examined_on = $4, institution_id = $5, institution_name = $6,
             method = $7, outcome = $8, details = $9, reported_by = $10, note = $11, updated_by = $12,
             source = 'manual', version = version + 1, updated_at = now()
           WHERE screening_record_id = $1 AND version = $2 RETURNING id`,
          [recordId, v.version, ...values],
        );
        if (!done.length) throw conflict('この精検結果', await one(recordId));
      }
      const saved = await one(recordId);
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [r.residentId],
        summary: `${programLabels[r.program]}の精検結果を${v.version === null ? '登録' : '修正'}（${detailedStatuses[saved.status]}）`,
        detail: { detailed: saved },
      });
      return saved;
    },

    /** 精検未受診者・未把握者などの一覧 as CSV (call list for F04-02); audited as an export. */
    async exportCsv(actor: Actor, f: DetailedFilter, encoding: CsvEncoding) {
      const { rows, total } = await query(f, null);
      await audit.record(actor, {
        action: 'export',
        screen,
        residentIds: [...new Set(rows.map((x) => x.residentId))],
        summary: `${fiscalYearLabel(f.fiscalYear)}の要精検者一覧のCSV出力（${total}件）`,
        detail: { filter: f },
      });
      const what = f.status === 'pending' ? '精検未受診・未把握者' : '要精検者';
      return {
        ...toCsv(rows, detailedColumns, encoding),
        title: `${fiscalYearLabel(f.fiscalYear)}_${what}一覧`,
      };
    },

    /** 架電リスト of the filtered list as a printable PDF (blank 架電日・結果・メモ); audited as an export. */
    async callListPdf(actor: Actor, f: DetailedFilter) {
      const { rows } = await query(f, null);
      const what = f.status === 'pending' ? '精検未受診・未把握者' : '要精検者';
      return deps.calls.callListPdf(actor, {
        purpose: 'detailed',
        title: '架電リスト（精検未受診者勧奨）',
        condition: `${fiscalYearLabel(f.fiscalYear)}${f.program ? `の${programLabels[f.program]}` : ''}の${what}`,
        people: rows.map((r) => ({
          ...r,
          what: `${shortProgram(r.program)} ${detailedStatuses[r.status].replace(/^精検/, '')}`,
          last: r.lastCall ? callSummary(r.lastCall) : '',
        })),
      });
    },

    /** The rows of the filter without audit, for a caller that audits what it makes of them (F04-02 letters). */
    rows: async (f: DetailedFilter) => (await query(f, null)).rows,
  };
}

export type DetailedExamsService = ReturnType<typeof detailedExamsService>;
