/**
 * 架電結果 (F03-04 / F04-02 phone reminders): record the outcome of a call to a person (audited), list a person's
 * calls, give the latest call of the people on a list (for the tables and CSV), and print the 架電リスト (PDF,
 * audited as an export).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki, naiveAge, today } from '../../platform/calendar/index.ts';
import type { CsvColumn } from '../../platform/csv/export.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { Sender } from '../../platform/documents/types.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import { type ProgramCode, programLabels } from '../programs/types.ts';
import { type CallListLine, type CallListPayload, callListTemplate } from './call-list-document.ts';
import { fiscalYearLabel } from './documents.ts';
import { type CallScope, type LatestCall, reminderCallsRepository } from './reminder-calls-repository.ts';
import {
  type CallPurpose,
  callOutcomes,
  callPurposes,
  checkCall,
  jstParts,
  outcomeLabel,
} from './reminder-calls-rules.ts';

const screens: Record<CallPurpose, string> = {
  screening: '成人保健 未受診者勧奨',
  detailed: '成人保健 精密検査結果',
  infant: '乳幼児健診 未受診者勧奨',
};

/** More than this is not one person's afternoon of calls: the PDF asks to narrow the list. */
export const maxCallListLines = 3000;

export type CallInput = {
  residentId: number;
  purpose: CallPurpose;
  fiscalYear: number;
  program: ProgramCode | null;
  calledAt: string;
  outcome: string;
  note: string;
};

/** One person on a 架電リスト (the callers of callListPdf build these from their rows). */
export type CallListPerson = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  phone: string;
  what: string;
  last: string;
};

/** 最終架電日 (和暦 and time) and 最終架電結果 of a call list's rows. */
export function lastCallColumns<T extends { lastCall: LatestCall | null }>(): CsvColumn<T>[] {
  return [
    {
      key: 'lastCalledAt',
      label: '最終架電日',
      value: (r) => {
        if (!r.lastCall) return '';
        const { date, time } = jstParts(r.lastCall.calledAt);
        return `${formatWareki(date)} ${time}`;
      },
    },
    {
      key: 'lastOutcome',
      label: '最終架電結果',
      value: (r) => (r.lastCall ? outcomeLabel(r.lastCall.outcome) : ''),
    },
  ];
}

export function reminderCallsService(deps: {
  database: Database;
  audit: AuditService;
  /** 自治体設定 (the documents engine's context) */
  sender: () => Promise<Sender>;
}) {
  const { database, audit } = deps;
  const repo = reminderCallsRepository(database);

  const scopeOf = (purpose: CallPurpose, fiscalYear: number, program: string | null): CallScope => ({
    purpose,
    fiscalYear,
    program: purpose === 'screening' ? null : program,
  });
  const about = (s: CallScope) =>
    `${fiscalYearLabel(s.fiscalYear)}の${s.program ? `${programLabels[s.program as ProgramCode] ?? s.program}の` : ''}${callPurposes[s.purpose]}`;

  return {
    meta: () => ({ outcomes: callOutcomes, purposes: callPurposes }),

    /** Records a call (架電日時 as typed, blank = now) and returns the person's calls, newest first. */
    async record(actor: Actor, v: CallInput) {
      if (v.purpose === 'detailed' && !v.program)
        throw badRequest('精検の架電結果には検診の種類が必要です。一覧から記録し直してください。');
      if (!(await repo.residentExists(v.residentId))) throw notFound('宛名');
      const checked = checkCall(v, new Date());
      if (!checked.ok)
        throw badRequest(
          `入力に誤りがあります（${checked.errors.length}件）。${checked.errors[0]!.message}`,
          { fields: checked.errors.map((e) => ({ path: e.field, message: e.message })) },
        );
      const scope = scopeOf(v.purpose, v.fiscalYear, v.program);
      const c = checked.value;
      const id = await repo.insert({
        ...scope,
        residentId: v.residentId,
        calledAt: c.calledAt,
        outcome: c.outcome,
        note: c.note,
        createdBy: actor.userId,
      });
      await audit.record(actor, {
        action: 'change',
        screen: screens[v.purpose],
        residentIds: [v.residentId],
        summary: `架電結果を記録（${about(scope)}: ${outcomeLabel(c.outcome)}）`,
        detail: { callId: id, ...scope, outcome: c.outcome, note: c.note },
      });
      return { calls: await repo.history(v.residentId, scope) };
    },

    /** A person's calls of the 年度 (精検: of the program), newest first; the read is audited. */
    async history(
      actor: Actor,
      residentId: number,
      s: { purpose: CallPurpose; fiscalYear: number; program: string | null },
    ) {
      const scope = scopeOf(s.purpose, s.fiscalYear, s.program);
      const calls = await repo.history(residentId, scope);
      await audit.record(actor, {
        action: 'view',
        screen: screens[s.purpose],
        residentIds: [residentId],
        summary: `架電結果の履歴（${about(scope)}・${calls.length}件）`,
        detail: scope,
      });
      return { calls };
    },

    /** The latest call per person (`callKey`); not audited here — the list that shows it is. */
    latest: (purpose: CallPurpose, fiscalYear: number, residentIds: number[]) =>
      repo.latest(purpose, fiscalYear, [...new Set(residentIds)]),

    /** 架電リスト as a PDF (A4, blank columns to write in); audited as an export with the people on it. */
    async callListPdf(
      actor: Actor,
      o: { purpose: CallPurpose; title: string; condition: string; people: CallListPerson[] },
    ) {
      if (!o.people.length) throw badRequest('架電する方がいません。条件を変えてください。');
      if (o.people.length > maxCallListLines)
        throw badRequest(
          `架電リスト（PDF）は${maxCallListLines.toLocaleString('ja-JP')}人までです（いま${o.people.length.toLocaleString('ja-JP')}人）。検診や条件で絞り込むか、CSVを使ってください。`,
        );
      const on = today();
      const lines: CallListLine[] = o.people.map((p) => ({
        atenaNo: p.atenaNo,
        name: p.name,
        nameKana: p.nameKana,
        age: p.birthDate ? `${naiveAge(p.birthDate, on)}` : '',
        phone: p.phone,
        what: p.what,
        last: p.last,
      }));
      const payload: CallListPayload = { title: o.title, condition: o.condition, lines };
      const { renderToBuffer } = await import('../../platform/documents/renderer.ts');
      const body = await renderToBuffer(
        callListTemplate,
        [{ seq: 1, recipient: { postalCode: '', address: '', addressExtra: '', name: '' }, payload }],
        { sender: await deps.sender(), issueDate: on },
      );
      await audit.record(actor, {
        action: 'export',
        screen: screens[o.purpose],
        residentIds: [...new Set(o.people.map((p) => p.residentId))],
        summary: `${o.condition}の架電リスト（PDF・${lines.length}人）`,
        detail: { title: o.title },
      });
      return { body, fileName: `${o.title}_${on}.pdf` };
    },
  };
}

export type ReminderCallsService = ReturnType<typeof reminderCallsService>;
