/**
 * 未受診者勧奨 (F07-07): the children sent a 健診案内通知 of a checkup (send records of the invitation purpose) who
 * have no result of it with a 受診日 on or before the chosen date, still 住民 (or 住登外) — as reminder letters (a
 * mailing: pull-out, print, send records, as a job) or a call list (CSV, PDF) for phone calls or the 地区担当保健師
 * (the register has no 地区: the address is given), with the 架電・訪問結果 recorded through the reminder-calls
 * service of adult-health (purpose infant, program = the checkup code).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf, formatWareki, isValidDate } from '../../platform/calendar/index.ts';
import { type CsvColumn, type CsvEncoding, toCsv } from '../../platform/csv/export.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.ts';
import type { ListMailingsPort } from '../../platform/mailings/ports.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import { callSummary, lastCallColumns, type ReminderCallsService } from '../adult-health/index.ts';
import { infantCheckupOf } from './checkups.ts';
import { type InvitationPayload, infantReminderPurpose, invitationPurpose } from './invitation-document.ts';
import { examinedRecheck } from './invitations.ts';

export const infantReminderJobKind = 'infant.checkup-reminders';
const screen = '乳幼児健診 未受診者勧奨';

export type InfantReminderFilter = {
  checkup: string;
  /** no result with a 受診日 on or before this day */
  asOf: string;
  /** invitations sent in this range (optional) */
  sentFrom?: string | null;
  sentTo?: string | null;
  /** leave out children already sent a reminder letter of the checkup */
  notReminded?: boolean;
};

type LatestCall = { calledAt: string; outcome: string; note: string };

export type InfantReminderRow = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  phone: string;
  address: string;
  householdNo: string;
  invitedOn: string;
  /** what the invitation said (its session or 受診票番号) */
  invitation: InvitationPayload;
  reminded: boolean;
  lastCall: LatestCall | null;
};

export const infantReminderColumns: CsvColumn<InfantReminderRow>[] = [
  { key: 'atenaNo', label: '宛名番号', value: (r) => r.atenaNo },
  { key: 'name', label: '氏名', value: (r) => r.name },
  { key: 'nameKana', label: '氏名カナ', value: (r) => r.nameKana },
  { key: 'birthDate', label: '生年月日', value: (r) => formatWareki(r.birthDate) },
  { key: 'phone', label: '電話番号', value: (r) => r.phone },
  { key: 'address', label: '住所（地区）', value: (r) => r.address },
  { key: 'checkup', label: '健診', value: (r) => r.invitation.checkupName },
  { key: 'invitedOn', label: '案内送付日', value: (r) => formatWareki(r.invitedOn) },
  {
    key: 'invitation',
    label: '案内した日程・受診票番号',
    value: (r) =>
      r.invitation.mode === 'group'
        ? `${r.invitation.sessionText} ${r.invitation.venue}`
        : r.invitation.ticketNo,
  },
  { key: 'reminded', label: '勧奨通知', value: (r) => (r.reminded ? '送付済' : '') },
  ...lastCallColumns<InfantReminderRow>(),
];

export function infantRemindersService(deps: {
  database: Database;
  audit: AuditService;
  jobs: Pick<JobRunner, 'enqueue'>;
  mailings: ListMailingsPort;
  calls: ReminderCallsService;
}) {
  const { database, audit } = deps;
  deps.mailings.registerPurpose({
    code: infantReminderPurpose,
    title: '乳幼児健診 受診勧奨通知',
    template: infantReminderPurpose,
    recheck: examinedRecheck(database),
    allowedStatuses: ['resident', 'non_registered'],
  });

  function check(f: InfantReminderFilter) {
    const c = infantCheckupOf(f.checkup);
    if (!c)
      throw badRequest('健診を選んでください。', {
        fields: [{ path: 'checkup', message: '健診を選んでください。' }],
      });
    if (!isValidDate(f.asOf))
      throw badRequest('基準日の日付が正しくありません。', {
        fields: [{ path: 'asOf', message: '日付が正しくありません。' }],
      });
    return c;
  }

  async function targets(f: InfantReminderFilter): Promise<InfantReminderRow[]> {
    const c = check(f);
    const rows = await database.query<Omit<InfantReminderRow, 'lastCall'>>(
      `WITH invited AS (
         SELECT DISTINCT ON (s.resident_id) s.resident_id, s.sent_on, s.payload
         FROM send_records s
         WHERE s.purpose = $2 AND s.payload->>'checkup' = $1 AND s.returned_on IS NULL
           AND ($4::date IS NULL OR s.sent_on >= $4) AND ($5::date IS NULL OR s.sent_on <= $5)
         ORDER BY s.resident_id, s.sent_on DESC, s.id DESC
       )
       SELECT p.id AS "residentId", p.atena_no AS "atenaNo", p.name, p.name_kana AS "nameKana",
         p.birth_date AS "birthDate", p.phone, trim(p.address || ' ' || p.address_extra) AS address,
         coalesce(p.household_no, '') AS "householdNo", i.sent_on AS "invitedOn", i.payload AS invitation,
         EXISTS (SELECT 1 FROM send_records m WHERE m.resident_id = p.id AND m.purpose = $6
           AND m.payload->>'checkup' = $1) AS reminded
       FROM invited i JOIN residents p ON p.id = i.resident_id
       WHERE p.status IN ('resident', 'non_registered') AND i.sent_on <= $3
         AND NOT EXISTS (SELECT 1 FROM infant_checkup_results r WHERE r.child_resident_id = p.id
           AND r.checkup = $1 AND r.examined_on <= $3)
       ORDER BY p.name_kana, p.id`,
      [c.code, invitationPurpose, f.asOf, f.sentFrom || null, f.sentTo || null, infantReminderPurpose],
    );
    const all = rows
      .map((r) => ({ ...r, residentId: Number(r.residentId) }))
      .filter((r) => !(f.notReminded && r.reminded));
    const latest = await deps.calls.latest(
      'infant',
      fiscalYearOf(f.asOf),
      all.map((r) => r.residentId),
    );
    return all.map((r) => ({ ...r, lastCall: latest.get(`${r.residentId}:${c.code}`) ?? null }));
  }

  const label = (f: InfantReminderFilter) =>
    `${infantCheckupOf(f.checkup)?.name ?? f.checkup}の未受診児（${formatWareki(f.asOf)}時点）`;

  return {
    /** 勧奨対象児: how many and the first 300; audited. */
    async search(actor: Actor, f: InfantReminderFilter) {
      const all = await targets(f);
      const rows = all.slice(0, 300);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: rows.map((r) => r.residentId),
        summary: `${label(f)}の抽出（${all.length}人）`,
        detail: { filter: f },
      });
      return { total: all.length, rows };
    },

    /** 架電・訪問リスト (CSV, with the latest 結果); audited as an export. */
    async exportCsv(actor: Actor, f: InfantReminderFilter, encoding: CsvEncoding) {
      const rows = await targets(f);
      await audit.record(actor, {
        action: 'export',
        screen,
        residentIds: rows.map((r) => r.residentId),
        summary: `${label(f)}の架電リスト（${rows.length}人）`,
        detail: { filter: f },
      });
      return { ...toCsv(rows, infantReminderColumns, encoding), title: `${label(f)}_架電リスト` };
    },

    /** 架電リスト as a printable PDF; audited as an export by the reminder-calls service. */
    async callListPdf(actor: Actor, f: InfantReminderFilter) {
      const rows = await targets(f);
      return deps.calls.callListPdf(actor, {
        purpose: 'infant',
        title: '架電リスト（乳幼児健診 未受診者勧奨）',
        condition: label(f),
        people: rows.map((r) => ({
          ...r,
          what: r.invitation.checkupName.replace('児健康診査', ''),
          last: r.lastCall ? callSummary(r.lastCall) : '',
        })),
      });
    },

    /** Records the outcome of a call or visit (架電・訪問結果) of one child about the checkup. */
    recordCall(
      actor: Actor,
      v: {
        residentId: number;
        checkup: string;
        asOf: string;
        calledAt?: string;
        outcome: string;
        note?: string;
      },
    ) {
      const c = check({ checkup: v.checkup, asOf: v.asOf });
      return deps.calls.record(actor, {
        residentId: v.residentId,
        purpose: 'infant',
        program: c.code,
        fiscalYear: fiscalYearOf(v.asOf),
        calledAt: v.calledAt ?? '',
        outcome: v.outcome,
        note: v.note ?? '',
        // the checkup code stands in the program column (reminder_calls.program is text)
      } as unknown as Parameters<ReminderCallsService['record']>[1]);
    },

    async startMailing(
      actor: Actor,
      filter: InfantReminderFilter,
      o: { sendDate: string; method: SendMethod },
    ) {
      check(filter);
      return deps.jobs.enqueue(
        infantReminderJobKind,
        `受診勧奨通知の作成（${label(filter)}）`,
        { filter, ...o, actor },
        actor.userId,
      );
    },

    /** The job: one 受診勧奨通知 per child, repeating what the invitation said. */
    async runMailingJob(ctx: JobContext) {
      const p = ctx.job.params as {
        filter: InfantReminderFilter;
        sendDate: string;
        method: SendMethod;
        actor: Actor;
      };
      const rows = await targets(p.filter);
      if (!rows.length) throw badRequest('勧奨する方がいません。条件を変えてください。');
      await ctx.progress(0, rows.length, '受診勧奨通知を作成しています');
      const asOf = formatWareki(p.filter.asOf);
      const mailing = await deps.mailings.create(p.actor, {
        purpose: infantReminderPurpose,
        title: `${label(p.filter)} 受診勧奨通知（${formatWareki(p.sendDate)}発送）`,
        fiscalYear: fiscalYearOf(p.filter.asOf),
        sourceListId: null,
        sendDate: p.sendDate,
        method: p.method,
        items: rows.map((r) => ({ residentId: r.residentId, payload: { ...r.invitation, asOf } })),
      });
      await ctx.progress(rows.length, rows.length);
      return {
        message: `受診勧奨通知の郵送物を作成しました（${rows.length.toLocaleString('ja-JP')}人）`,
        result: { mailingId: mailing.id },
      };
    },
  };
}

export type InfantRemindersService = ReturnType<typeof infantRemindersService>;
