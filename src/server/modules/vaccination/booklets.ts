/**
 * 予診票一括発行（冊子渡し）(F10a-01): after the 出生届 (or at a set age), the children to send the 予診票冊子 are
 * extracted (予防接種対象児抽出: 住民, and 住登外者 if staff choose, born in a range or reaching 生後N月 in a period,
 * leaving out children already sent a booklet if asked), previewed, and made into a mailing of the mailings engine
 * (purpose 予診票冊子): there staff pull out (引き抜き) children who left the register, print the 送付状 with the list
 * of 予診票 and the 予診票貼付用宛名シール (12面/21面), export the CSV for an outside printer and register the send.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki, maxDate } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.ts';
import { hiddenAddressText } from '../../platform/mailings/rules.ts';
import type { MailingsService } from '../../platform/mailings/service.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import { type BookletPayload, bookletTemplateCode } from './booklet-document.ts';
import {
  type BookletCriteria,
  birthRangeOf,
  bookletForms,
  criteriaLabel,
  criteriaProblem,
  selects,
} from './booklet-rules.ts';
import { type BookletCandidate, bookletsRepository as repo } from './booklets-repository.ts';
import type { VaccineMaster } from './master-types.ts';
import { enginePerson } from './records.ts';
import { scheduleFor } from './rules.ts';
import { masterOf } from './settings.ts';
import { specialsFor } from './specials.ts';
import type { PersonSpecials } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

export const bookletPurpose = 'vaccination.booklet';
export const bookletJobKind = 'vaccination.booklets';
/** rows of the preview table */
export const bookletPreviewRows = 200;

/** What this service needs of the mailings engine. */
export type BookletMailingsPort = Pick<MailingsService, 'registerPurpose' | 'create'>;

/** One row of the preview (支援措置対象者: the address is not shown). */
export type BookletPreviewRow = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  status: string;
  address: string;
  supportMeasure: boolean;
  sentOn: string | null;
  inMailing: boolean;
};

type JobParams = { criteria: BookletCriteria; sendDate: string; method: SendMethod; actor: Actor };

const statusesOf = (c: BookletCriteria) =>
  c.includeNonRegistered ? ['resident', 'non_registered'] : ['resident'];

/** The 予診票冊子 payload of one child: the forms from the engine's schedule on the 発送日. */
export function bookletPayload(
  c: BookletCandidate,
  history: Parameters<typeof scheduleFor>[1],
  on: string,
  o: { specials?: PersonSpecials; master?: VaccineMaster } = {},
) {
  const master = o.master ?? vaccineMaster;
  const day = maxDate(on, c.birthDate);
  const schedule = scheduleFor(enginePerson(c, o.specials), history, day, master);
  const forms = bookletForms(schedule, c.birthDate, master);
  const byVaccine = new Map<string, string[]>();
  for (const f of forms) byVaccine.set(f.vaccine, [...(byVaccine.get(f.vaccine) ?? []), f.dose]);
  const payload: BookletPayload = {
    atenaNo: c.atenaNo,
    name: c.name,
    nameKana: c.nameKana,
    birthDate: formatWareki(c.birthDate),
    formCount: forms.length,
    formsText: [...byVaccine].map(([v, doses]) => `${v} ${doses.join('・')}`).join('／'),
    forms,
  };
  return payload;
}

export function vaccinationBookletsService(deps: {
  database: Database;
  audit: AuditService;
  jobs: JobRunner;
  mailings: BookletMailingsPort;
}) {
  const { database } = deps;
  // 住登外者 may be sent a booklet when staff chose them; everyone else who left the register is pulled out
  deps.mailings.registerPurpose({
    code: bookletPurpose,
    title: '予診票冊子',
    template: bookletTemplateCode,
    allowedStatuses: ['resident', 'non_registered'],
    csvLabels: {
      atenaNo: '宛名番号（作成時）',
      name: 'お子さんの氏名',
      nameKana: 'お子さんの氏名カナ',
      birthDate: '生年月日',
      formCount: '予診票の枚数',
      formsText: '同封する予診票',
    },
  });

  function check(c: BookletCriteria) {
    const problem = criteriaProblem(c);
    if (problem) throw badRequest(problem);
  }

  /** The children the criteria select, and how many were left out as already sent. */
  async function extract(c: BookletCriteria) {
    check(c);
    const range = birthRangeOf(c);
    const all = (
      await repo.candidates(database, { ...range, statuses: statusesOf(c), purpose: bookletPurpose })
    ).filter((x) => selects(c, x.birthDate));
    const sent = (x: BookletCandidate) => x.sentOn !== null || x.inMailing;
    const children = c.excludeSent ? all.filter((x) => !sent(x)) : all;
    return { children, leftOut: all.length - children.length };
  }

  return {
    /** 予防接種対象児抽出: the count and the first rows (audited view of the people shown). */
    async preview(actor: Actor, c: BookletCriteria) {
      const { children, leftOut } = await extract(c);
      const rows: BookletPreviewRow[] = children.slice(0, bookletPreviewRows).map((x) => ({
        residentId: x.residentId,
        atenaNo: x.atenaNo,
        name: x.name,
        nameKana: x.nameKana,
        birthDate: x.birthDate,
        status: x.status,
        address: x.supportMeasure ? hiddenAddressText : x.address,
        supportMeasure: x.supportMeasure,
        sentOn: x.sentOn,
        inMailing: x.inMailing,
      }));
      await deps.audit.record(actor, {
        action: 'view',
        screen: '予防接種 予診票冊子 対象児抽出',
        residentIds: rows.map((r) => r.residentId),
        residentCount: children.length,
        summary: `予診票冊子の対象児（${criteriaLabel(c)}）${children.length}人`,
        detail: { criteria: c },
      });
      return { total: children.length, leftOut, rows, label: criteriaLabel(c) };
    },

    /** Queues the job making the mailing of 予診票冊子 (郵送物を作成). */
    async startMailing(actor: Actor, c: BookletCriteria, o: { sendDate: string; method: SendMethod }) {
      check(c);
      const params: JobParams = { criteria: c, ...o, actor };
      return deps.jobs.enqueue(
        bookletJobKind,
        `予診票冊子の作成（${criteriaLabel(c)}）`,
        params,
        actor.userId,
      );
    },

    async runMailingJob(ctx: JobContext) {
      const { criteria, sendDate, method, actor } = ctx.job.params as JobParams;
      const { children } = await extract(criteria);
      if (!children.length) throw badRequest('予診票冊子を送る方がいません。条件を変えてください。');
      await ctx.progress(0, children.length, '予診票冊子の内容を作成しています');
      const histories = await repo.historyOf(
        database,
        children.map((x) => x.residentId),
      );
      const ids = children.map((x) => x.residentId);
      const specials = await specialsFor(database, ids);
      const master = await masterOf(database);
      const items = children.map((x) => ({
        residentId: x.residentId,
        payload: bookletPayload(x, histories.get(x.residentId) ?? [], sendDate, {
          specials: specials.get(x.residentId),
          master,
        }),
      }));
      const mailing = await deps.mailings.create(actor, {
        purpose: bookletPurpose,
        title: `予診票冊子（${criteriaLabel(criteria)}）（${formatWareki(sendDate)}発送）`,
        fiscalYear: null,
        sourceListId: null,
        sendDate,
        method,
        items,
      });
      await ctx.progress(children.length, children.length);
      return {
        message: `予診票冊子の郵送物を作成しました（${items.length.toLocaleString('ja-JP')}人）`,
        result: { mailingId: mailing.id },
      };
    },
  };
}

export type VaccinationBookletsService = ReturnType<typeof vaccinationBookletsService>;
