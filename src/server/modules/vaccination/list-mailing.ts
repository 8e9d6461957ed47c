/**
 * From a 予防接種の対象者リスト to a mailing (F10a-02 steps 2–5, F11a-02 steps 2–4) as a job: a 接種別発送 list gives
 * 予診票 (purpose vaccination.form, the payload of the person's row as at the counter), a 未接種者勧奨 list gives
 * 予防接種の接種勧奨通知 (purpose vaccination.reminder). The mailings engine then does 引き抜き, printing, 宛名シール
 * and send records. Print-time re-check: a dose recorded after the extraction (now 接種済 by the engine) pulls the
 * person out (「接種済（抽出後に記録）」).
 */
import type { Actor } from '../../platform/audit/service.ts';
import { formatWareki } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import { targetListsRepository } from '../../platform/extraction/repository.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { mailingFromList } from '../../platform/mailings/from-list.ts';
import type { ListMailingsPort } from '../../platform/mailings/ports.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import { vaccinationExtractionRepository as repo } from './extraction-repository.ts';
import type { ReminderDetail } from './extraction-source.ts';
import { formPayload } from './form-payload.ts';
import type { DoseDetail, ListSettings } from './list-rules.ts';
import { reminderText, vaccineLabel } from './list-view.ts';
import type { VaccineCode } from './master-types.ts';
import { formPurpose } from './prints.ts';
import { vaccinatedRecheck } from './recheck.ts';
import { enginePerson } from './records.ts';
import { scheduleFor } from './rules.ts';
import { masterOf } from './settings.ts';
import { specialsFor } from './specials.ts';
import type { DoseSchedule } from './types.ts';

export const reminderPurpose = 'vaccination.reminder';
export const vaccinationMailingJobKind = 'vaccination.mailing';

/** 予防接種の接種勧奨通知: one letter per child with the doses still free as 定期接種 and until when. */
export type VaccinationReminderPayload = {
  atenaNo: string;
  name: string;
  birthDate: string;
  /** 基準日 (和暦) */
  asOf: string;
  doses: Array<{ code: VaccineCode; dose: string; text: string; vaccine: string; until: string }>;
};

/** What this module needs of the mailings engine. */
export type { ListMailingsPort };

type MailingParams = { listId: number; sendDate: string; method: SendMethod; actor: Actor };

export function vaccinationListMailings(deps: {
  database: Database;
  mailings: ListMailingsPort;
  jobs: {
    enqueue(kind: string, title: string, params: unknown, createdBy: number | null): Promise<{ id: number }>;
  };
}) {
  const { database } = deps;
  const lists = targetListsRepository(database);
  const recheck = vaccinatedRecheck(database);
  deps.mailings.registerPurpose({
    code: reminderPurpose,
    title: '予防接種の接種勧奨通知',
    template: reminderPurpose,
    recheck,
    csvLabels: { atenaNo: '宛名番号', name: '氏名', birthDate: '生年月日', asOf: '基準日' },
  });

  /** The 予診票 payload of each included person: the list's row, recomputed with the records of now. */
  async function formPayloads(
    ids: number[],
    s: Extract<ListSettings, { kind: 'vaccination.dose' }>,
    on: string,
  ) {
    const now = await repo.people(database, ids);
    const specials = await specialsFor(database, ids);
    const master = await masterOf(database);
    const out: { residentId: number; payload: unknown }[] = [];
    for (const id of ids) {
      const p = now.get(id);
      if (!p) continue;
      let row: DoseSchedule | undefined;
      for (const r of scheduleFor(enginePerson(p, specials.get(id)), p.history, s.on, master))
        if (r.vaccine === s.vaccine && (s.dose ? r.dose === s.dose : r.status !== 'completed')) {
          row = r;
          break;
        }
      if (row) out.push({ residentId: id, payload: formPayload(p, row, on) });
    }
    return out;
  }

  return {
    recheck,

    /** Queues the job making the mailing of a ready list. */
    async startMailing(actor: Actor, listId: number, o: { sendDate: string; method: SendMethod }) {
      const list = await lists.get(listId);
      if (!list?.purpose.startsWith('vaccination.')) throw notFound('対象者リスト');
      if (list.status !== 'ready') throw badRequest('抽出が終わってから郵送物を作成してください。');
      const params: MailingParams = { listId, ...o, actor };
      const what = list.purpose === 'vaccination.dose' ? '予診票' : '接種勧奨通知';
      return deps.jobs.enqueue(
        vaccinationMailingJobKind,
        `${what}の郵送物作成: ${list.title}`,
        params,
        actor.userId,
      );
    },

    /** The job: every included entry's payload in print order (郵便番号順), then the mailing. */
    async runMailingJob(ctx: JobContext) {
      const p = ctx.job.params as MailingParams;
      const list = await lists.get(p.listId);
      if (!list) throw notFound('対象者リスト');
      const s = list.settings as ListSettings;
      const dose = s.kind === 'vaccination.dose';
      return mailingFromList(ctx, deps, {
        actor: p.actor,
        list,
        purpose: dose ? formPurpose : reminderPurpose,
        what: dose ? '予診票' : '接種勧奨通知',
        sendDate: p.sendDate,
        method: p.method,
        async payloads(rows) {
          if (s.kind === 'vaccination.dose')
            return formPayloads(
              rows.map((r) => r.residentId),
              s,
              p.sendDate,
            );
          return rows.map((e) => {
            const doses = (e.details as unknown as ReminderDetail).doses ?? [];
            const payload: VaccinationReminderPayload = {
              atenaNo: e.atenaNo,
              name: e.name,
              birthDate: formatWareki(e.birthDate),
              asOf: formatWareki(s.on),
              doses: doses.map((d) => ({
                code: d.vaccine,
                dose: d.dose,
                text: reminderText(d),
                vaccine: vaccineLabel(d.vaccine),
                until: d.legalTo ? formatWareki(d.legalTo) : '',
              })),
            };
            return { residentId: e.residentId, payload };
          });
        },
      });
    },
  };
}

export type VaccinationListMailings = ReturnType<typeof vaccinationListMailings>;
export type { DoseDetail };
