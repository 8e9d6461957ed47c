/**
 * 妊娠届の電子申請の受付 (F06-02 手順2〜3): an uploaded file (CSV/XML, docs/interfaces/e-application.md「妊娠届」) is
 * read by a job, row by row: errors kept with their line, a 申請番号 imported before counted as 取込済み, and each
 * 届出者 matched to a resident (residents module). Every notification then waits in the 受付一覧 (未登録): a nurse
 * reads the 届出 and the アンケート, confirms or picks the mother (or registers her as 住登外者), confirms the risk
 * flags, and registers it (e-notification-register.ts), or drops it with the reason. Resumable like the other
 * import jobs: a run interrupted by a crash carries on after the rows it recorded.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { JobCancelledError, type JobContext, type JobRunner } from '../../platform/jobs/runner.ts';
import { applicantCandidates, matchApplicant, type ResidentCandidate } from '../residents/index.ts';
import {
  type NotificationRow,
  type NotificationRowError,
  readNotificationFile,
} from './e-notification-file.ts';

export const eNotificationJobKind = 'maternal.e-notification-import';
export const eNotificationScreen = '母子保健 妊娠届（電子申請）';

type JobParams = { importId: number; actor: Actor };
type Skipped = { line: number; applicationNo: string; message: string };
export type ENotificationOutcome = 'pending' | 'registered' | 'rejected';

const IMPORT_COLUMNS = `id, file_id AS "fileId", file_name AS "fileName", status, counts, job_id AS "jobId",
  created_by AS "createdBy", created_at AS "createdAt"`;
export const E_NOTIFICATION_COLUMNS = `id, import_id AS "importId", line, application_no AS "applicationNo",
  applied_at AS "appliedAt", data, match_status AS "matchStatus", confidence, match_reasons AS "matchReasons",
  candidates, resident_id AS "residentId", pregnancy_id AS "pregnancyId", outcome,
  outcome_message AS "outcomeMessage", delivery, mailing_id AS "mailingId", version, updated_at AS "updatedAt"`;

export type ENotification = {
  id: number;
  importId: number;
  line: number;
  applicationNo: string;
  appliedAt: string;
  data: NotificationRow;
  matchStatus: 'matched' | 'review' | 'unmatched';
  confidence: string;
  matchReasons: string[];
  candidates: (ResidentCandidate & { score: number; reasons: string[] })[];
  residentId: number | null;
  pregnancyId: number | null;
  outcome: ENotificationOutcome;
  outcomeMessage: string;
  delivery: 'mail' | 'visit';
  mailingId: number | null;
  version: number;
  updatedAt: string;
};

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
export const fixENotification = (r: ENotification): ENotification => ({
  ...r,
  id: Number(r.id),
  importId: Number(r.importId),
  residentId: num(r.residentId),
  pregnancyId: num(r.pregnancyId),
  mailingId: num(r.mailingId),
});

/** 受付一覧 views: 未登録 (pending), 郵送待ち (registered, to mail, not in a mailing yet), 登録済み, 取込まない. */
export const eNotificationViews = {
  pending: `outcome = 'pending'`,
  toMail: `outcome = 'registered' AND delivery = 'mail' AND mailing_id IS NULL`,
  registered: `outcome = 'registered'`,
  rejected: `outcome = 'rejected'`,
} as const;
export type ENotificationView = keyof typeof eNotificationViews;

export function eNotificationImportService(deps: {
  database: Database;
  audit: AuditService;
  files: FileStore;
  jobs: JobRunner;
}) {
  const { database, audit } = deps;

  const setStatus = (id: number, status: string) =>
    database.query('UPDATE pregnancy_e_imports SET status = $2 WHERE id = $1', [id, status]);

  async function importedBefore(row: NotificationRow): Promise<Skipped | null> {
    const [had] = await database.query<{ created_at: string }>(
      `SELECT i.created_at FROM pregnancy_e_notifications e JOIN pregnancy_e_imports i ON i.id = e.import_id
       WHERE e.application_no = $1`,
      [row.applicationNo],
    );
    if (!had) return null;
    const on = formatWareki(new Date(had.created_at).toISOString().slice(0, 10));
    return {
      line: row.line,
      applicationNo: row.applicationNo,
      message: `申請番号 ${row.applicationNo} は取込済みです（${on}取込）。二重には受け付けません。`,
    };
  }

  async function importRows(
    ctx: JobContext,
    actor: Actor,
    imp: { id: number; fileId: number; fileName: string },
  ) {
    const chunks: Buffer[] = [];
    for await (const c of deps.files.read(imp.fileId)) chunks.push(c);
    const read = readNotificationFile(Buffer.concat(chunks), /\.xml$/i.test(imp.fileName) ? 'xml' : 'csv');
    const recorded = new Set(
      (
        await database.query<{ line: number }>(
          'SELECT line FROM pregnancy_e_notifications WHERE import_id = $1',
          [imp.id],
        )
      ).map((r) => Number(r.line)),
    );
    const duplicates: Skipped[] = [];
    const residentIds: number[] = [];
    let received = 0;
    for (const [i, row] of read.rows.entries()) {
      await ctx.progress(i, read.rows.length, `${i + 1}件目を取り込んでいます`);
      if (recorded.has(row.line)) continue;
      const dup = await importedBefore(row);
      if (dup) {
        duplicates.push(dup);
        continue;
      }
      const found = await applicantCandidates(database, row);
      const m = matchApplicant(row, found);
      const candidates = m.candidates.map((c) => ({
        ...found.find((f) => f.residentId === c.residentId)!,
        ...c,
      }));
      residentIds.push(...found.map((f) => f.residentId));
      await database.query(
        `INSERT INTO pregnancy_e_notifications (import_id, line, application_no, applied_at, data, match_status,
           confidence, match_reasons, candidates, resident_id, delivery, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          imp.id,
          row.line,
          row.applicationNo,
          row.appliedAt,
          JSON.stringify(row),
          m.status === 'ambiguous' ? 'review' : m.status,
          m.confidence,
          m.reasons,
          JSON.stringify(candidates),
          m.residentId ?? null,
          row.delivery,
          actor.userId,
        ],
      );
      received++;
    }
    const counts = { rowErrors: read.errors, duplicates };
    await database.query(`UPDATE pregnancy_e_imports SET status = 'done', counts = $2 WHERE id = $1`, [
      imp.id,
      JSON.stringify(counts),
    ]);
    const errors = new Set(read.errors.map((e) => e.line)).size;
    const tally = `受付${received}件・取込済み${duplicates.length}件・誤り${errors}件`;
    await audit.record(actor, {
      action: 'change',
      screen: eNotificationScreen,
      residentIds: [...new Set(residentIds)],
      summary: `妊娠届（電子申請）を取込（${tally}）`,
    });
    return {
      status: received > 0 ? ('needs_review' as const) : ('succeeded' as const),
      message: tally,
      result: { importId: imp.id },
    };
  }

  async function getImport(id: number) {
    const [imp] = await database.query<{
      id: number;
      fileId: number;
      fileName: string;
      status: string;
      counts: { rowErrors?: NotificationRowError[]; duplicates?: Skipped[] };
      jobId: number | null;
      createdAt: string;
    }>(`SELECT ${IMPORT_COLUMNS} FROM pregnancy_e_imports WHERE id = $1`, [id]);
    if (!imp) throw notFound('妊娠届の取込');
    return { ...imp, id: Number(imp.id), fileId: Number(imp.fileId), jobId: num(imp.jobId) };
  }

  async function list(actor: Actor, where: string, params: unknown[], what: string) {
    const rows = (
      await database.query<ENotification>(
        `SELECT ${E_NOTIFICATION_COLUMNS} FROM pregnancy_e_notifications WHERE ${where}
         ORDER BY applied_at, id LIMIT 500`,
        params,
      )
    ).map(fixENotification);
    await audit.record(actor, {
      action: 'view',
      screen: eNotificationScreen,
      residentIds: [
        ...new Set(
          rows.flatMap((r) => [
            ...(r.residentId ? [r.residentId] : []),
            ...r.candidates.map((c) => c.residentId),
          ]),
        ),
      ],
      summary: `${what}（${rows.length}件）`,
    });
    return rows;
  }

  return {
    /** Saves the import and queues its job (the file is already stored). */
    async start(actor: Actor, v: { fileId: number; fileName: string }) {
      if (!/\.(csv|xml)$/i.test(v.fileName))
        throw badRequest('CSV（.csv）か XML（.xml）の妊娠届ファイルを選んでください。');
      const [imp] = await database.query<{ id: number }>(
        `INSERT INTO pregnancy_e_imports (file_id, file_name, created_by) VALUES ($1, $2, $3) RETURNING id`,
        [v.fileId, v.fileName, actor.userId],
      );
      const importId = Number(imp!.id);
      const params: JobParams = { importId, actor };
      const job = await deps.jobs.enqueue(
        eNotificationJobKind,
        `妊娠届（電子申請）の取込: ${v.fileName}`,
        params,
        actor.userId,
      );
      await database.query('UPDATE pregnancy_e_imports SET job_id = $2 WHERE id = $1', [importId, job.id]);
      await audit.record(actor, {
        action: 'change',
        screen: eNotificationScreen,
        summary: `妊娠届（電子申請）の取込を開始: ${v.fileName}`,
      });
      return { importId, job };
    },

    /** The job (resumable; a failure marks the import 失敗, a cancel 取消). */
    async run(ctx: JobContext) {
      const { importId, actor } = ctx.job.params as JobParams;
      const imp = await getImport(importId);
      await setStatus(importId, 'running');
      try {
        return await importRows(ctx, actor, imp);
      } catch (e) {
        await setStatus(importId, e instanceof JobCancelledError ? 'cancelled' : 'failed');
        throw e;
      }
    },

    /** An import's result: counts, row errors, 取込済み and the notifications it received. */
    async result(actor: Actor, id: number) {
      const { fileId: _f, counts, ...imp } = await getImport(id);
      const rows = await list(actor, 'import_id = $1', [id], `妊娠届（電子申請）の取込結果 ${imp.fileName}`);
      const rowErrors = counts.rowErrors ?? [];
      return {
        ...imp,
        summary: {
          received: rows.length,
          duplicate: (counts.duplicates ?? []).length,
          errors: new Set(rowErrors.map((e) => e.line)).size,
          rowErrors,
          duplicates: counts.duplicates ?? [],
        },
        rows,
      };
    },

    /** 取込履歴 (newest first). */
    async imports() {
      const rows = await database.query<Record<string, unknown>>(
        `SELECT ${IMPORT_COLUMNS} FROM pregnancy_e_imports ORDER BY id DESC LIMIT 50`,
      );
      return rows.map((r) => ({ ...r, id: Number(r.id), jobId: num(r.jobId) }));
    },

    /** 受付一覧 of one view, oldest 申請 first. */
    list: (actor: Actor, view: ENotificationView) =>
      list(actor, eNotificationViews[view], [], `妊娠届（電子申請）の受付一覧`),

    /** One notification (for the registration screen). */
    async get(actor: Actor, id: number) {
      const [r] = await list(actor, 'id = $1', [id], '妊娠届（電子申請）の表示');
      if (!r) throw notFound('妊娠届（電子申請）');
      return r;
    },

    /** 「取込まない」 with the reason (a duplicate, a mistaken 届, a 届 made at the counter as well …). */
    async reject(actor: Actor, id: number, reason: string, version: number) {
      const r = await this.get(actor, id);
      if (r.outcome !== 'pending')
        throw new AppError(
          409,
          'NOT_PENDING',
          'この届出は未登録ではありません。一覧を読み込み直してください。',
        );
      const [row] = await database.query<{ id: number }>(
        `UPDATE pregnancy_e_notifications SET outcome = 'rejected', outcome_message = $3, version = version + 1,
           updated_by = $4, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
        [id, version, `取込まない: ${reason}`, actor.userId],
      );
      if (!row) throw conflict('この届出', r);
      await audit.record(actor, {
        action: 'change',
        screen: eNotificationScreen,
        residentIds: r.candidates.map((c) => c.residentId),
        summary: `妊娠届（電子申請） ${r.applicationNo} を取込まない（${reason}）`,
      });
      return this.get(actor, id);
    },
  };
}

export type ENotificationImportService = ReturnType<typeof eNotificationImportService>;
