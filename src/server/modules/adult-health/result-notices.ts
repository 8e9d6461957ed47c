/**
 * 結果票作成 (F03-03): search the results of a 年度 (検診, 要精検のみ, 受診日の範囲, まだ送っていない方), then print the
 * 結果票 of one person now (on request: the mailings engine's one-person path with a send record) or make a
 * mailing of everyone found (a job; pull-out, print and send records are the mailings engine's).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import type { ProgramCode, ProgramSettings } from '../programs/types.ts';
import { fiscalYearLabel } from './documents.ts';
import type { MailingsPort } from './mailing.ts';
import { resultNoticePayload } from './result-notice-payload.ts';
import { RESULT_COLUMNS, type ResultRow } from './results-repository.ts';

export const resultNoticePurpose = 'adult-health.result-notice';
export const resultNoticeJobKind = 'adult-health.result-notices';
const screen = '成人保健 結果票作成';

export type NoticeFilter = {
  fiscalYear: number;
  program?: ProgramCode;
  onlyDetailed?: boolean;
  from?: string;
  to?: string;
  /** leave out people already sent a 結果票 of the 年度 */
  notSent?: boolean;
};
type JobParams = { filter: NoticeFilter; sendDate: string; method: SendMethod; actor: Actor };

const batch = 1000;

export function resultNoticesService(deps: {
  database: Database;
  audit: AuditService;
  jobs: JobRunner;
  mailings: MailingsPort;
  programSettings: (fy: number) => Promise<ProgramSettings[]>;
}) {
  const { database, audit } = deps;
  deps.mailings.registerPurpose({
    code: resultNoticePurpose,
    title: '結果票',
    template: resultNoticePurpose,
  });

  function where(f: NoticeFilter) {
    const w = ['r.fiscal_year = $1', 'r.result IS NOT NULL'];
    const params: unknown[] = [f.fiscalYear];
    if (f.program) w.push(`r.program = $${params.push(f.program)}`);
    if (f.onlyDetailed) w.push('r.needs_detailed');
    if (f.from) w.push(`r.screened_on >= $${params.push(f.from)}`);
    if (f.to) w.push(`r.screened_on <= $${params.push(f.to)}`);
    if (f.notSent)
      w.push(
        `NOT EXISTS (SELECT 1 FROM send_records s WHERE s.resident_id = r.resident_id AND s.purpose = '${resultNoticePurpose}' AND s.fiscal_year = r.fiscal_year)`,
      );
    return { sql: w.join(' AND '), params };
  }

  /** The people found, in 宛名 order (the mailing sorts by postal code itself). */
  async function people(f: NoticeFilter) {
    const w = where(f);
    return database.query<{
      residentId: number;
      atenaNo: string;
      name: string;
      nameKana: string;
      programs: string[];
    }>(
      `SELECT p.id AS "residentId", p.atena_no AS "atenaNo", p.name, p.name_kana AS "nameKana",
         array_agg(r.program ORDER BY r.program) AS programs
       FROM screening_records r JOIN residents p ON p.id = r.resident_id
       WHERE ${w.sql} GROUP BY p.id ORDER BY p.name_kana, p.id`,
      w.params,
    );
  }

  /** Payloads of a batch of people: all their results of the 年度 (not only the filtered program). */
  async function payloads(fy: number, who: { residentId: number; atenaNo: string }[]) {
    const settings = await deps.programSettings(fy);
    const methodNames = new Map(
      settings.flatMap((s) => s.methods.map((m) => [`${s.code}:${m.code}`, m.name])),
    );
    const institutions = await database.query<{ name: string; programs: string[] }>(
      'SELECT name, programs FROM medical_institutions WHERE active ORDER BY code',
    );
    const rows = await database.query<ResultRow>(
      `SELECT ${RESULT_COLUMNS} FROM screening_records r LEFT JOIN medical_institutions i ON i.id = r.institution_id
       WHERE r.fiscal_year = $1 AND r.resident_id = ANY($2::bigint[]) ORDER BY r.program`,
      [fy, who.map((w) => w.residentId)],
    );
    return who.map((w) => ({
      residentId: w.residentId,
      payload: resultNoticePayload(
        fy,
        w.atenaNo,
        rows.filter((r) => Number(r.residentId) === w.residentId),
        methodNames,
        (program) => institutions.filter((i) => i.programs.includes(program)).map((i) => i.name),
      ),
    }));
  }

  return {
    /** 結果検索: how many people and the first 200 of them; audited. */
    async search(actor: Actor, f: NoticeFilter) {
      const found = await people(f);
      const shown = found.slice(0, 200).map((p) => ({ ...p, residentId: Number(p.residentId) }));
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: shown.map((p) => p.residentId),
        summary: `${fiscalYearLabel(f.fiscalYear)}の結果検索（${found.length}人）`,
        detail: { filter: f },
      });
      return { total: found.length, rows: shown };
    },

    /** 結果票 of one person now (on request), with a send record. */
    async issueOne(actor: Actor, residentId: number, fy: number, method: SendMethod) {
      const [p] = await database.query<{ atena_no: string }>('SELECT atena_no FROM residents WHERE id = $1', [
        residentId,
      ]);
      if (!p) throw notFound('宛名');
      const [one] = await payloads(fy, [{ residentId, atenaNo: p.atena_no }]);
      if (!one!.payload.results.length)
        throw badRequest(
          `${fiscalYearLabel(fy)}の検診結果がありません。結果を入力してから作成してください。`,
        );
      return deps.mailings.reissue(actor, {
        purpose: resultNoticePurpose,
        residentId,
        payload: one!.payload,
        fiscalYear: fy,
        sentOn: today(),
        method,
        reason: '結果票の個別発行',
      });
    },

    /** Queues the job making the mailing of everyone the filter finds. */
    async startMailing(actor: Actor, filter: NoticeFilter, o: { sendDate: string; method: SendMethod }) {
      const params: JobParams = { filter, ...o, actor };
      return deps.jobs.enqueue(
        resultNoticeJobKind,
        `結果票の作成（${fiscalYearLabel(filter.fiscalYear)}・${formatWareki(o.sendDate)}発送）`,
        params,
        actor.userId,
      );
    },

    /** The job: payloads in batches, then one mailing (re-run from the start after a crash: nothing written before). */
    async runMailingJob(ctx: JobContext) {
      const { filter, sendDate, method, actor } = ctx.job.params as JobParams;
      const found = await people(filter);
      if (!found.length) throw badRequest('条件に合う検診結果の方がいません。条件を変えてください。');
      const items: { residentId: number; payload: unknown }[] = [];
      for (let i = 0; i < found.length; i += batch) {
        const part = found
          .slice(i, i + batch)
          .map((p) => ({ residentId: Number(p.residentId), atenaNo: p.atenaNo }));
        items.push(...(await payloads(filter.fiscalYear, part)));
        await ctx.progress(
          items.length,
          found.length,
          `${items.length.toLocaleString('ja-JP')}人分を作成しました`,
        );
      }
      const mailing = await deps.mailings.create(actor, {
        purpose: resultNoticePurpose,
        title: `${fiscalYearLabel(filter.fiscalYear)} 結果票（${formatWareki(sendDate)}発送）`,
        fiscalYear: filter.fiscalYear,
        sourceListId: null,
        sendDate,
        method,
        items,
      });
      return {
        message: `結果票の郵送物を作成しました（${items.length.toLocaleString('ja-JP')}人）`,
        result: { mailingId: mailing.id },
      };
    },
  };
}

export type ResultNoticesService = ReturnType<typeof resultNoticesService>;
