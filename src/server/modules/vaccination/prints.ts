/**
 * Documents printed at the counter from a person's 予防接種 view, through the mailings engine's one-person path
 * (it renders with the 自治体設定 — 市町村名, 市長 — keeps the send record (送付記録, 窓口 by default) and audits the
 * print with the resident id):
 * - 接種証明書発行 (F11a-03): on request, the 予防接種済証（接種記録票） from the history (every non-deleted record;
 *   任意接種扱い marked);
 * - 予診票の窓口発行 (F10a-03): the 予診票 of one vaccine and 回 that is due now, with the person's data filled in.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import type { ReissueMailingsPort } from '../../platform/mailings/ports.ts';
import type { SendMethod } from '../../platform/mailings/types.ts';
import { certificatePayload } from './certificate-payload.ts';
import { formPayload, formStatuses } from './form-payload.ts';
import { municipalLookup } from './municipal-lookup.ts';
import { vaccinatedRecheck } from './recheck.ts';
import { historyOf, sexOf } from './records.ts';
import { recordsRepository as repo } from './records-repository.ts';
import { scheduleFor } from './rules.ts';
import { masterOf } from './settings.ts';
import { specialsFor } from './specials.ts';
import { vaccineMaster } from './vaccine-master.ts';

export const certificatePurpose = 'vaccination.certificate';
export const formPurpose = 'vaccination.form';

/** What this service needs of the mailings engine. */
export type PrintsMailingsPort = ReissueMailingsPort;

export function vaccinationPrintsService(deps: { database: Database; mailings: PrintsMailingsPort }) {
  const { database } = deps;
  // both are asked for also by 住登外者 and (the certificate) by people who have moved away
  deps.mailings.registerPurpose({
    code: certificatePurpose,
    title: '予防接種済証',
    template: certificatePurpose,
    allowedStatuses: ['resident', 'non_registered', 'moved_out'],
  });
  deps.mailings.registerPurpose({
    code: formPurpose,
    title: '予診票',
    template: formPurpose,
    allowedStatuses: ['resident', 'non_registered'],
    // 一括発行 (F10a-02): a dose recorded after the extraction pulls the person out at print time
    recheck: vaccinatedRecheck(database),
  });

  async function person(residentId: number) {
    const p = await repo.person(database, residentId);
    if (!p) throw notFound('宛名');
    return p;
  }

  return {
    /** The 予防接種済証 of one person now (PDF), with a send record and the audit of the print. */
    async issueCertificate(actor: Actor, residentId: number, method: SendMethod = 'counter') {
      const p = await person(residentId);
      const municipal = await municipalLookup(database).all();
      const payload = certificatePayload(
        p,
        await repo.ofPerson(database, residentId),
        new Map(municipal.map((d) => [d.code, d.name])),
      );
      if (!payload.records.length)
        throw badRequest('接種の記録がありません。接種の記録を入力してから印刷してください。');
      return deps.mailings.reissue(actor, {
        purpose: certificatePurpose,
        residentId,
        payload,
        fiscalYear: null,
        sentOn: today(),
        method,
        reason: '予防接種済証の交付（申請による）',
      });
    },

    /** The 予診票 of one vaccine and 回 due now (PDF), with a send record and the audit of the print. */
    async issueForm(
      actor: Actor,
      residentId: number,
      v: { vaccine: string; dose: string; method?: SendMethod },
    ) {
      const p = await person(residentId);
      const on = today();
      const sex = sexOf(p.sex);
      const specials = (await specialsFor(database, [residentId])).get(residentId);
      const schedule = scheduleFor(
        { birthDate: p.birthDate, ...(sex ? { sex } : {}), ...(specials ? { specials } : {}) },
        historyOf(await repo.ofPerson(database, residentId)),
        on,
        await masterOf(database),
      );
      const name = vaccineMaster.vaccines.find((x) => x.code === v.vaccine)?.name ?? v.vaccine;
      const row = schedule.find((r) => r.vaccine === v.vaccine && r.dose === v.dose);
      if (!row)
        throw badRequest(
          `${name}の「${v.dose}」はこの方の接種スケジュールにありません。回を選び直してください。`,
        );
      if (!formStatuses.includes(row.status))
        throw badRequest(
          `${name} ${v.dose}はいま接種できる時期ではないため、予診票を発行できません（${row.reasons[0] ?? row.status}）。`,
        );
      return deps.mailings.reissue(actor, {
        purpose: formPurpose,
        residentId,
        payload: formPayload(p, row, on),
        fiscalYear: null,
        sentOn: on,
        method: v.method ?? 'counter',
        reason: `予診票の窓口発行（${name} ${v.dose}）`,
      });
    },
  };
}

export type VaccinationPrintsService = ReturnType<typeof vaccinationPrintsService>;
