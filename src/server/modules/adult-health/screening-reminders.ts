/**
 * 未受診者勧奨 (F03-04): the people who were sent a 受診票（券） (送付情報) or applied (申込) for a program of the 年度
 * but have no result of it with a 受診日 on or before the chosen date — leaving out 送付不要 registered for the
 * program and people no longer 住民 — as reminder letters (a mailing: pull-out, print, send records) or a call
 * list (CSV or PDF) for phone reminders, with the latest 架電結果 recorded (reminder-calls.ts).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki } from '../../platform/calendar/index.ts';
import { type CsvColumn, type CsvEncoding, toCsv } from '../../platform/csv/export.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import { type ProgramCode, programLabels } from '../programs/types.ts';
import { shortProgram } from './call-list-document.ts';
import { fiscalYearLabel } from './documents.ts';
import type { MailingsPort } from './mailing.ts';
import { ticketNo } from './payloads.ts';
import { lastCallColumns, type ReminderCallsService } from './reminder-calls.ts';
import type { LatestCall } from './reminder-calls-repository.ts';
import { callSummary } from './reminder-calls-rules.ts';
import { ticketPurpose } from './ticket-issue.ts';

export const reminderPurpose = 'adult-health.reminder';
export const reminderJobKind = 'adult-health.reminders';
const screen = '成人保健 未受診者勧奨';

export type ReminderFilter = {
  fiscalYear: number;
  program?: ProgramCode;
  /** who counts as expected to come: sent a 受診票, applied, or either */
  basis: 'invited' | 'applied' | 'both';
  /** no result with a 受診日 on or before this day (default today) */
  asOf: string;
  /** leave out people already sent a reminder letter of the 年度 */
  notReminded?: boolean;
};

export type ReminderRow = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  phone: string;
  address: string;
  programs: ProgramCode[];
  invited: boolean;
  applied: boolean;
  /** the latest 架電結果 of the 年度 (null: not called yet) */
  lastCall: LatestCall | null;
};

/** 受診勧奨通知 payload. */
export type ReminderPayload = {
  fiscalYear: number;
  atenaNo: string;
  ticketNo: string;
  programs: string[];
  deadline: string;
};

type JobParams = { filter: ReminderFilter; sendDate: string; method: SendMethod; actor: Actor };

const names = (codes: string[]) => codes.map((c) => programLabels[c as ProgramCode] ?? c).join('・');

export const reminderColumns: CsvColumn<ReminderRow>[] = [
  { key: 'atenaNo', label: '宛名番号', value: (r) => r.atenaNo },
  { key: 'name', label: '氏名', value: (r) => r.name },
  { key: 'nameKana', label: '氏名カナ', value: (r) => r.nameKana },
  { key: 'birthDate', label: '生年月日', value: (r) => formatWareki(r.birthDate) },
  { key: 'phone', label: '電話番号', value: (r) => r.phone },
  { key: 'address', label: '住所', value: (r) => r.address },
  { key: 'programs', label: '未受診の検診', value: (r) => names(r.programs) },
  {
    key: 'basis',
    label: '案内・申込',
    value: (r) => [r.invited ? '受診票送付' : '', r.applied ? '申込あり' : ''].filter(Boolean).join('・'),
  },
  ...lastCallColumns<ReminderRow>(),
];

export function screeningRemindersService(deps: {
  database: Database;
  audit: AuditService;
  jobs: JobRunner;
  mailings: MailingsPort;
  calls: ReminderCallsService;
}) {
  const { database, audit } = deps;
  deps.mailings.registerPurpose({ code: reminderPurpose, title: '受診勧奨通知', template: reminderPurpose });

  async function targets(f: ReminderFilter): Promise<Omit<ReminderRow, 'lastCall'>[]> {
    const rows = await database.query<Omit<ReminderRow, 'lastCall'>>(
      `WITH expected AS (
         SELECT s.resident_id, p->>'code' AS program, true AS invited, false AS applied
         FROM send_records s, jsonb_array_elements(coalesce(s.payload->'programs', '[]'::jsonb)) p
         WHERE $3 <> 'applied' AND s.purpose = $5 AND s.fiscal_year = $1
         UNION ALL
         SELECT a.resident_id, unnest(a.programs), false, true FROM screening_applications a
         WHERE $3 <> 'invited' AND a.fiscal_year = $1 AND a.status <> 'cancelled'
       ), pending AS (
         SELECT e.resident_id, e.program, bool_or(e.invited) AS invited, bool_or(e.applied) AS applied
         FROM expected e
         WHERE ($2::text IS NULL OR e.program = $2)
           AND NOT EXISTS (SELECT 1 FROM screening_records r WHERE r.resident_id = e.resident_id
                 AND r.program = e.program AND r.fiscal_year = $1 AND r.screened_on <= $4)
           AND NOT EXISTS (SELECT 1 FROM screening_opt_outs o WHERE o.resident_id = e.resident_id
                 AND (o.program IS NULL OR o.program = e.program) AND o.valid_from <= $4
                 AND (o.valid_until IS NULL OR o.valid_until >= $4))
         GROUP BY e.resident_id, e.program
       )
       SELECT p.id AS "residentId", p.atena_no AS "atenaNo", p.name, p.name_kana AS "nameKana",
         p.birth_date AS "birthDate", p.phone, trim(p.address || ' ' || p.address_extra) AS address,
         array_agg(x.program ORDER BY x.program) AS programs, bool_or(x.invited) AS invited, bool_or(x.applied) AS applied
       FROM pending x JOIN residents p ON p.id = x.resident_id
       WHERE p.status = 'resident'
         AND (NOT $6 OR NOT EXISTS (SELECT 1 FROM send_records s WHERE s.resident_id = p.id
               AND s.purpose = '${reminderPurpose}' AND s.fiscal_year = $1))
       GROUP BY p.id ORDER BY p.name_kana, p.id`,
      [f.fiscalYear, f.program ?? null, f.basis, f.asOf, ticketPurpose, f.notReminded ?? false],
    );
    return rows.map((r) => ({ ...r, residentId: Number(r.residentId) }));
  }

  /** The rows with the latest 架電結果 of the 年度. */
  async function withCalls(f: ReminderFilter, rows: Omit<ReminderRow, 'lastCall'>[]): Promise<ReminderRow[]> {
    const latest = await deps.calls.latest(
      'screening',
      f.fiscalYear,
      rows.map((r) => r.residentId),
    );
    return rows.map((r) => ({ ...r, lastCall: latest.get(String(r.residentId)) ?? null }));
  }

  const label = (f: ReminderFilter) =>
    `${fiscalYearLabel(f.fiscalYear)}${f.program ? `の${programLabels[f.program]}` : ''}の未受診者（${formatWareki(f.asOf)}時点）`;

  return {
    /** 勧奨対象者: how many and the first 200; audited. */
    async search(actor: Actor, f: ReminderFilter) {
      const all = await targets(f);
      const rows = await withCalls(f, all.slice(0, 200));
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: rows.map((r) => r.residentId),
        summary: `${label(f)}の抽出（${all.length}人）`,
        detail: { filter: f },
      });
      return { total: all.length, rows };
    },

    /** 架電リスト (CSV, with the latest 架電結果); audited as an export. */
    async exportCsv(actor: Actor, f: ReminderFilter, encoding: CsvEncoding) {
      const rows = await withCalls(f, await targets(f));
      await audit.record(actor, {
        action: 'export',
        screen,
        residentIds: rows.map((r) => r.residentId),
        summary: `${label(f)}の架電リスト（${rows.length}人）`,
        detail: { filter: f },
      });
      return {
        ...toCsv(rows, reminderColumns, encoding),
        title: `${fiscalYearLabel(f.fiscalYear)}_未受診者_架電リスト`,
      };
    },

    /** 架電リスト as a printable PDF (blank 架電日・結果・メモ to write in); audited as an export. */
    async callListPdf(actor: Actor, f: ReminderFilter) {
      const rows = await withCalls(f, await targets(f));
      return deps.calls.callListPdf(actor, {
        purpose: 'screening',
        title: '架電リスト（未受診者勧奨）',
        condition: label(f),
        people: rows.map((r) => ({
          ...r,
          what: r.programs.map(shortProgram).join('・'),
          last: r.lastCall ? callSummary(r.lastCall) : '',
        })),
      });
    },

    /** Queues the job making the mailing of 受診勧奨通知. */
    async startMailing(actor: Actor, filter: ReminderFilter, o: { sendDate: string; method: SendMethod }) {
      const params: JobParams = { filter, ...o, actor };
      return deps.jobs.enqueue(
        reminderJobKind,
        `受診勧奨通知の作成（${label(filter)}）`,
        params,
        actor.userId,
      );
    },

    async runMailingJob(ctx: JobContext) {
      const { filter, sendDate, method, actor } = ctx.job.params as JobParams;
      const rows = await targets(filter);
      if (!rows.length) throw badRequest('勧奨する方がいません。条件を変えてください。');
      await ctx.progress(0, rows.length, '受診勧奨通知を作成しています');
      const deadline = `${filter.fiscalYear + 1}-03-31`;
      const items = rows.map((r) => ({
        residentId: r.residentId,
        payload: {
          fiscalYear: filter.fiscalYear,
          atenaNo: r.atenaNo,
          ticketNo: ticketNo(filter.fiscalYear, r.atenaNo),
          programs: r.programs.map((p) => programLabels[p] ?? p),
          deadline,
        } satisfies ReminderPayload,
      }));
      const mailing = await deps.mailings.create(actor, {
        purpose: reminderPurpose,
        title: `${fiscalYearLabel(filter.fiscalYear)} 受診勧奨通知（${formatWareki(sendDate)}発送）`,
        fiscalYear: filter.fiscalYear,
        sourceListId: null,
        sendDate,
        method,
        items,
      });
      await ctx.progress(rows.length, rows.length);
      return {
        message: `受診勧奨通知の郵送物を作成しました（${items.length.toLocaleString('ja-JP')}人）`,
        result: { mailingId: mailing.id },
      };
    },
  };
}

export type ScreeningRemindersService = ReturnType<typeof screeningRemindersService>;
