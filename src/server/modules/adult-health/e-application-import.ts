/**
 * 電子申請の取込 (F02-04 手順2〜4): an uploaded file (CSV/XML, docs/interfaces/e-application.md) is read by a job,
 * row by row: errors kept with their line, a 申込番号 imported before counted as 取込済み (never registered twice),
 * each applicant matched to a resident (residents module: applicant-candidates / applicant-match); a certain or high match is registered
 * at once through the applications service (受診歴の確認 and 定員 there), a refusal is kept with its reason, and
 * the others wait in the review queue where a clerk picks the resident (resolve) or drops the application (reject).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { JobCancelledError, type JobContext, type JobRunner } from '../../platform/jobs/runner.ts';
import type { ReservationsService } from '../../platform/reservations/index.ts';
import { applicantCandidates, matchApplicant } from '../residents/index.ts';
import type { ApplicationsService } from './applications.ts';
import { type ApplicationRow, readApplicationFile } from './e-application-file.ts';
import { importedBefore, importSummary, type Outcome, type Skipped } from './e-application-records.ts';
import { eApplicationRegistrar, type Registration, reviewCodes } from './e-application-register.ts';

export const eApplicationJobKind = 'adult-health.e-application-import';
const screen = '成人保健 電子申請の取込';

type JobParams = { importId: number; actor: Actor };

const IMPORT_COLUMNS = `id, file_id AS "fileId", file_name AS "fileName", fiscal_year AS "fiscalYear", status, counts,
  job_id AS "jobId", created_by AS "createdBy", created_at AS "createdAt"`;
const ROW_COLUMNS = `id, import_id AS "importId", line, application_no AS "applicationNo", applied_at AS "appliedAt",
  data, match_status AS "matchStatus", confidence, match_reasons AS "matchReasons", candidates,
  resident_id AS "residentId", application_id AS "applicationId", outcome, outcome_message AS "outcomeMessage",
  version, updated_at AS "updatedAt"`;

export type EApplicationRow = {
  id: number;
  importId: number;
  line: number;
  applicationNo: string;
  appliedAt: string;
  data: ApplicationRow;
  matchStatus: 'matched' | 'review' | 'unmatched';
  confidence: string;
  matchReasons: string[];
  candidates: unknown[];
  residentId: number | null;
  applicationId: number | null;
  outcome: Outcome;
  outcomeMessage: string;
  version: number;
};

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const fix = (r: EApplicationRow): EApplicationRow => ({
  ...r,
  id: Number(r.id),
  importId: Number(r.importId),
  residentId: num(r.residentId),
  applicationId: num(r.applicationId),
});

export function eApplicationImportService(deps: {
  database: Database;
  audit: AuditService;
  files: FileStore;
  jobs: JobRunner;
  reservations: ReservationsService;
  applications: ApplicationsService;
}) {
  const { database, audit } = deps;
  const registrar = eApplicationRegistrar(deps);

  async function getRow(id: number) {
    const [r] = await database.query<EApplicationRow>(
      `SELECT ${ROW_COLUMNS} FROM e_applications WHERE id = $1`,
      [id],
    );
    if (!r) throw notFound('電子申請');
    return fix(r);
  }

  const setStatus = (id: number, status: string) =>
    database.query('UPDATE e_application_imports SET status = $2 WHERE id = $1', [id, status]);

  /** Matches one row and registers it when the match is certain; the outcome to record. */
  async function processRow(actor: Actor, fy: number, row: ApplicationRow) {
    const found = await applicantCandidates(database, row);
    const m = matchApplicant(row, found);
    const candidates = m.candidates.map((c) => ({
      ...found.find((f) => f.residentId === c.residentId)!,
      ...c,
    }));
    // registered by a run that crashed before recording the row (the 申込番号 is unique on applications)
    const earlier = await registrar.byExternalNo(row.applicationNo);
    const result: Registration | null = earlier
      ? { ok: true, applicationId: earlier.id, message: '中断前の取込で登録済み' }
      : m.residentId
        ? await registrar.register(actor, fy, row, m.residentId)
        : null;
    // the same 年度・検診 applied before, or a correction to check → review with the reason
    const outcome: Outcome =
      result === null || (!result.ok && reviewCodes.has(result.code))
        ? 'pending'
        : result.ok
          ? 'registered'
          : 'refused';
    return {
      m,
      candidates,
      found,
      outcome,
      residentId: earlier?.residentId ?? m.residentId ?? null,
      applicationId: result?.ok ? result.applicationId : null,
      message: result?.message ?? '',
    };
  }

  /** A correction (元申込番号) supersedes the earlier application's row: noted, or dropped if still 確認待ち. */
  async function supersede(actor: Actor, row: ApplicationRow, registered: boolean) {
    if (!row.originalNo) return;
    await database.query(
      `UPDATE e_applications SET
         outcome = CASE WHEN outcome = 'pending' THEN 'rejected' ELSE outcome END,
         outcome_message = CASE WHEN outcome = 'pending' THEN $2 ELSE trim(outcome_message || ' ' || $3) END,
         version = version + 1, updated_by = $4, updated_at = now()
       WHERE application_no = $1 AND (outcome = 'pending' OR ($5 AND outcome = 'registered'))`,
      [
        row.originalNo,
        `取込まない: 訂正後の申込（申込番号 ${row.applicationNo}）に置き換え`,
        `訂正後の申込（申込番号 ${row.applicationNo}）により取消`,
        actor.userId,
        registered,
      ],
    );
  }

  async function importRows(
    ctx: JobContext,
    actor: Actor,
    imp: { id: number; fileId: number; fileName: string; fiscalYear: number },
  ) {
    const chunks: Buffer[] = [];
    for await (const c of deps.files.read(imp.fileId)) chunks.push(c);
    const read = readApplicationFile(Buffer.concat(chunks), /\.xml$/i.test(imp.fileName) ? 'xml' : 'csv');
    const recorded = new Set(
      (
        await database.query<{ line: number }>('SELECT line FROM e_applications WHERE import_id = $1', [
          imp.id,
        ])
      ).map((r) => Number(r.line)),
    );
    const duplicates: Skipped[] = [];
    const residentIds: number[] = [];
    for (const [i, row] of read.rows.entries()) {
      await ctx.progress(i, read.rows.length, `${i + 1}件目を取り込んでいます`);
      if (recorded.has(row.line)) continue;
      const dup = await importedBefore(database, row);
      if (dup) {
        duplicates.push(dup);
        continue;
      }
      const r = await processRow(actor, imp.fiscalYear, row);
      residentIds.push(...r.found.map((f) => f.residentId));
      await database.query(
        `INSERT INTO e_applications (import_id, line, application_no, applied_at, data, match_status, confidence,
           match_reasons, candidates, resident_id, application_id, outcome, outcome_message, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          imp.id,
          row.line,
          row.applicationNo,
          row.appliedAt,
          JSON.stringify(row),
          r.m.status === 'ambiguous' ? 'review' : r.m.status,
          r.m.confidence,
          r.m.reasons,
          JSON.stringify(r.candidates),
          r.residentId,
          r.applicationId,
          r.outcome,
          r.message,
          actor.userId,
        ],
      );
      await supersede(actor, row, r.outcome === 'registered');
    }
    const counts = { rowErrors: read.errors, duplicates };
    await database.query(`UPDATE e_application_imports SET status = 'done', counts = $2 WHERE id = $1`, [
      imp.id,
      JSON.stringify(counts),
    ]);
    const s = await importSummary(database, { id: imp.id, counts });
    const tally = `登録${s.registered}件・確認待ち${s.review}件・登録不可${s.refused}件・取込済み${s.duplicate}件・誤り${s.errors}件`;
    await audit.record(actor, {
      action: 'change',
      screen,
      residentIds: [...new Set(residentIds)],
      summary: `電子申請を取込（${tally}）`,
    });
    return {
      status: s.review > 0 ? ('needs_review' as const) : ('succeeded' as const),
      message: tally,
      result: { importId: imp.id },
    };
  }

  async function listRows(actor: Actor, where: string, params: unknown[], what: string) {
    const rows = (
      await database.query<EApplicationRow>(
        `SELECT ${ROW_COLUMNS} FROM e_applications WHERE ${where} ORDER BY import_id, line`,
        params,
      )
    ).map(fix);
    const residentIds = [
      ...new Set(
        rows.flatMap((r) => [
          ...(r.residentId ? [r.residentId] : []),
          ...(r.candidates as { residentId: number }[]).map((c) => c.residentId),
        ]),
      ),
    ];
    await audit.record(actor, {
      action: 'view',
      screen,
      residentIds,
      summary: `${what}（${rows.length}件）`,
    });
    return rows;
  }

  return {
    /** Saves the import and queues its job (the file is already stored). */
    async start(actor: Actor, v: { fileId: number; fileName: string; fiscalYear: number }) {
      if (!/\.(csv|xml)$/i.test(v.fileName))
        throw badRequest('CSV（.csv）か XML（.xml）の申込ファイルを選んでください。');
      const [imp] = await database.query<{ id: number }>(
        `INSERT INTO e_application_imports (file_id, file_name, fiscal_year, created_by)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [v.fileId, v.fileName, v.fiscalYear, actor.userId],
      );
      const importId = Number(imp!.id);
      const params: JobParams = { importId, actor };
      const job = await deps.jobs.enqueue(
        eApplicationJobKind,
        `電子申請の取込: ${v.fileName}`,
        params,
        actor.userId,
      );
      await database.query('UPDATE e_application_imports SET job_id = $2 WHERE id = $1', [importId, job.id]);
      await audit.record(actor, {
        action: 'change',
        screen,
        summary: `電子申請の取込を開始: ${v.fileName}（${v.fiscalYear}年度）`,
      });
      return { importId, job };
    },

    /**
     * The job: reads, skips 取込済み, matches, registers the certain ones. Resumable: a run interrupted by a crash
     * is queued again by the job engine and carries on after the rows it recorded; an application the crashed
     * run registered but did not record (unique 申込番号) is recorded as registered, not registered twice.
     * A failure marks the import 失敗 (the rows done stay, and the file can be imported again: they count as 取込済み).
     */
    async run(ctx: JobContext) {
      const { importId, actor } = ctx.job.params as JobParams;
      const imp = await this.getImport(importId);
      await setStatus(importId, 'running');
      try {
        return await importRows(ctx, actor, imp);
      } catch (e) {
        await setStatus(importId, e instanceof JobCancelledError ? 'cancelled' : 'failed');
        throw e;
      }
    },

    async getImport(id: number) {
      const [imp] = await database.query<{
        id: number;
        fileId: number;
        fileName: string;
        fiscalYear: number;
        status: string;
        counts: unknown;
        jobId: number | null;
      }>(`SELECT ${IMPORT_COLUMNS} FROM e_application_imports WHERE id = $1`, [id]);
      if (!imp) throw notFound('電子申請の取込');
      return { ...imp, id: Number(imp.id), fileId: Number(imp.fileId), jobId: num(imp.jobId) };
    },

    /** The import's result: counts, row errors, 取込済み, and its rows (refused ones with the reason). */
    async result(actor: Actor, id: number) {
      const imp = await this.getImport(id);
      const { fileId: _f, counts, ...rest } = imp;
      const rows = await listRows(actor, 'import_id = $1', [id], `電子申請の取込結果 ${imp.fileName}`);
      return { ...rest, summary: await importSummary(database, imp), rows };
    },

    /** 取込の一覧 (newest first). */
    async imports() {
      const rows = await database.query<Record<string, unknown>>(
        `SELECT ${IMPORT_COLUMNS} FROM e_application_imports ORDER BY id DESC LIMIT 50`,
      );
      return rows.map((r) => ({ ...r, id: Number(r.id), jobId: num(r.jobId) }));
    },

    /** 確認待ち: pending applications with their candidates. */
    reviewQueue: (actor: Actor) => listRows(actor, `outcome = 'pending'`, [], '電子申請の確認待ち一覧'),

    /** 「この方で登録」: registers a pending application for the chosen resident (a refusal is a 400). */
    async resolve(actor: Actor, id: number, residentId: number, version: number) {
      const r = await getRow(id);
      if (r.outcome !== 'pending')
        throw new AppError(
          409,
          'NOT_PENDING',
          'この申込は確認待ちではありません。一覧を読み込み直してください。',
        );
      if (r.version !== version) throw conflict('この申込', r);
      const imp = await this.getImport(r.importId);
      const done = await registrar.register(actor, imp.fiscalYear, r.data, residentId);
      if (!done.ok) throw badRequest(done.message);
      await database.query(
        `UPDATE e_applications SET outcome = 'registered', resident_id = $2, application_id = $3,
           outcome_message = trim('確認のうえ登録 ' || $5), version = version + 1, updated_by = $4,
           updated_at = now()
         WHERE id = $1`,
        [id, residentId, done.applicationId, actor.userId, done.message],
      );
      await supersede(actor, r.data, true);
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: `電子申請 ${r.applicationNo} を宛名を選んで登録`,
      });
      return getRow(id);
    },

    /** 「取込まない」 with the reason. */
    async reject(actor: Actor, id: number, reason: string, version: number) {
      const r = await getRow(id);
      if (r.outcome !== 'pending')
        throw new AppError(
          409,
          'NOT_PENDING',
          'この申込は確認待ちではありません。一覧を読み込み直してください。',
        );
      const [row] = await database.query<{ id: number }>(
        `UPDATE e_applications SET outcome = 'rejected', outcome_message = $3, version = version + 1,
           updated_by = $4, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
        [id, version, `取込まない: ${reason}`, actor.userId],
      );
      if (!row) throw conflict('この申込', r);
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: (r.candidates as { residentId: number }[]).map((c) => c.residentId),
        summary: `電子申請 ${r.applicationNo} を取込まない（${reason}）`,
      });
      return getRow(id);
    },
  };
}

export type EApplicationImportService = ReturnType<typeof eApplicationImportService>;
