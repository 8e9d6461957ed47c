/**
 * 予防接種の記録 (F11a-01 手入力, F10a-03 母子手帳転記): a person's records with the engine's schedule for today;
 * save one record (new, or a correction at the version read) — the engine checks it against the rest of the
 * history and its warnings are stored and returned, never refused (staff record what happened); impossible input
 * (unknown vaccine, future date, date before birth) is a 400 per field. A record entered by mistake is deleted
 * with the reason and kept. Every read and change is audited with the resident id.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { compareDates, parseDateInput, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { VaccineCode } from './master-types.ts';
import { municipalFor, municipalLookup } from './municipal-lookup.ts';
import { checkMunicipalRecord, municipalRows } from './municipal-records.ts';
import type { MunicipalVaccineDef } from './municipal-rules.ts';
import {
  type RecordSource,
  type RecordValues,
  recordsRepository as repo,
  type VaccinationRecordRow,
} from './records-repository.ts';
import { scheduleFor } from './rules.ts';
import { checkRecord } from './rules-check.ts';
import { masterOf } from './settings.ts';
import { specialsFor } from './specials.ts';
import type { HistoryDose, PersonSpecials, VaccinationPerson } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

const screen = '予防接種 記録';

export const sourceLabels: Record<RecordSource, string> = {
  manual: '手入力',
  handbook: '母子手帳転記',
  import: '取込',
  demo: 'デモデータ',
};

export type SaveRecordInput = {
  vaccine: string;
  /** the dose label; '' = the one the engine names for this date */
  dose: string;
  vaccinatedOn: string;
  product: string;
  lot: string;
  institutionId: number | null;
  institutionName: string;
  doctor: string;
  formNo: string;
  source: 'manual' | 'handbook';
  note: string;
  /** the record being corrected (null = a new one) and the version it was read at */
  id: number | null;
  version: number | null;
};

/** 住民記録の性別 ('1' 男 / '2' 女) → the engine's sex. */
export const sexOf = (code: string): 'M' | 'F' | undefined =>
  code === '1' ? 'M' : code === '2' ? 'F' : undefined;

/** The engine's person: birth date, sex ('1' 男 / '2' 女 of the 住民記録) and the current 特例・除外. */
export const enginePerson = (
  p: { birthDate: string; sex: string },
  specials?: PersonSpecials,
): VaccinationPerson => {
  const sex = sexOf(p.sex);
  return { birthDate: p.birthDate, ...(sex ? { sex } : {}), ...(specials ? { specials } : {}) };
};

export const historyOf = (rows: VaccinationRecordRow[]): HistoryDose[] =>
  rows.map((r) => ({
    vaccine: r.vaccine as VaccineCode,
    date: r.vaccinatedOn,
    ...(r.product ? { product: r.product } : {}),
  }));

/** Every dose label of a vaccine, in any rule version and series. */
function doseLabels(code: string): Set<string> {
  const v = vaccineMaster.vaccines.find((x) => x.code === code);
  return new Set(v?.versions.flatMap((ver) => ver.series.flatMap((s) => s.doses.map((d) => d.label))) ?? []);
}

export function vaccinationRecordsService(deps: { database: Database; audit: AuditService }) {
  const { database, audit } = deps;

  async function person(residentId: number) {
    const p = await repo.person(database, residentId);
    if (!p) throw notFound('宛名');
    return p;
  }
  /** The engine's person with the current 特例・除外 (specials.ts). */
  const personNow = async (p: { id: number; birthDate: string; sex: string }): Promise<VaccinationPerson> =>
    enginePerson(p, (await specialsFor(database, [Number(p.id)])).get(Number(p.id)));

  /** Checks the input; throws 400 with a Japanese message per field. */
  function validate(
    p: { birthDate: string },
    v: SaveRecordInput,
    municipal: MunicipalVaccineDef | null = null,
  ) {
    const fields: Array<{ path: string; message: string }> = [];
    const vaccine = vaccineMaster.vaccines.find((x) => x.code === v.vaccine) ?? municipal;
    if (!vaccine)
      fields.push({ path: 'vaccine', message: 'ワクチンを選んでください（コードか番号で入力します）。' });
    const date = parseDateInput(v.vaccinatedOn);
    if (!date.ok) fields.push({ path: 'vaccinatedOn', message: `接種日: ${date.message}` });
    else if (compareDates(date.date, today()) > 0)
      fields.push({ path: 'vaccinatedOn', message: '接種日が今日より後です。接種日を確かめてください。' });
    else if (compareDates(date.date, p.birthDate) < 0)
      fields.push({
        path: 'vaccinatedOn',
        message: '接種日が生年月日より前です。接種日を確かめてください。',
      });
    const labels = municipal ? new Set(municipalLookup(database).doseLabels(municipal)) : null;
    if (vaccine && v.dose && !(labels ?? doseLabels(vaccine.code)).has(v.dose))
      fields.push({
        path: 'dose',
        message: `${vaccine.name}に「${v.dose}」という回はありません。回を選び直してください。`,
      });
    if (fields.length)
      throw badRequest(`入力に誤りがあります（${fields.length}件）。${fields[0]!.message}`, { fields });
    return { vaccine: vaccine!, date: date.ok ? date.date : '' };
  }

  return {
    /**
     * The person, the records (deleted ones apart), the engine's schedule on `on` (default today) and the
     * 医療機関 to choose from.
     */
    async view(actor: Actor, residentId: number, on: string = today()) {
      const p = await person(residentId);
      const records = await repo.ofPerson(database, residentId);
      const deleted = await repo.ofPerson(database, residentId, { deleted: true });
      const engine = await personNow(p);
      const schedule = scheduleFor(engine, historyOf(records), on, await masterOf(database));
      const institutions = await repo.institutions(database);
      // 市町村独自の予防接種 (任意接種助成): every definition (names; retired ones too) and the rows of the active ones
      const lookup = municipalLookup(database);
      const municipalVaccines = await lookup.all();
      const municipalSchedule = municipalRows(await lookup.active(), engine, records, on, municipalVaccines);
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [residentId],
        summary: `予防接種の記録とスケジュールを表示（記録${records.length}件）`,
      });
      return {
        on,
        person: p,
        records,
        deleted,
        schedule,
        institutions,
        municipalVaccines,
        municipalSchedule,
      };
    },

    /** Saves one record; returns it with the engine's check (warnings do not block saving). */
    async save(actor: Actor, residentId: number, v: SaveRecordInput) {
      const p = await person(residentId);
      const lookup = municipalLookup(database);
      const municipal = await municipalFor(lookup, v);
      const { vaccine, date } = validate(p, v, municipal);
      const others = (await repo.ofPerson(database, residentId)).filter((r) => r.id !== v.id);
      const engine = await personNow(p);
      const check = municipal
        ? checkMunicipalRecord(municipal, await lookup.all(), engine, others, date)
        : checkRecord(
            engine,
            historyOf(others),
            {
              vaccine: vaccine.code as VaccineCode,
              date,
              ...(v.product.trim() ? { product: v.product.trim() } : {}),
            },
            await masterOf(database),
          );
      let institutionName = v.institutionName.trim();
      if (v.institutionId !== null) {
        const inst = await repo.institution(database, v.institutionId);
        if (!inst)
          throw badRequest('医療機関が見つかりません。医療機関を選び直してください。', {
            fields: [{ path: 'institutionId', message: '医療機関が見つかりません。選び直してください。' }],
          });
        institutionName = inst.name;
      }
      const values: RecordValues = {
        vaccine: vaccine.code,
        dose: v.dose || check.dose || '',
        vaccinatedOn: date,
        product: v.product.trim(),
        lot: v.lot.trim(),
        institutionId: v.institutionId,
        institutionName,
        doctor: v.doctor.trim(),
        formNo: v.formNo.trim(),
        source: v.source,
        routine: check.routine,
        issues: check.issues,
        note: v.note.trim(),
      };
      let id: number;
      if (v.id === null) id = await repo.insert(database, residentId, values, actor.userId);
      else {
        const before = await repo.get(database, v.id);
        if (!before || before.residentId !== residentId || before.deletedAt) throw notFound('予防接種の記録');
        if (!(await repo.update(database, v.id, v.version ?? -1, values, actor.userId)))
          throw conflict('この予防接種の記録', await repo.get(database, v.id));
        id = v.id;
      }
      const saved = (await repo.get(database, id))!;
      const label = `${vaccine.name} ${values.dose || ''}（${date}、${sourceLabels[v.source]}）`;
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: `予防接種の記録を${v.id === null ? '登録' : '修正'}: ${label}${'subsidised' in check ? (check.subsidised ? ' 任意接種助成' : ' 助成対象外') : check.routine ? '' : ' 警告あり'}`,
        detail: { record: saved },
      });
      return { record: saved, check };
    },

    /** A record entered by mistake: deleted with the reason (kept in the table and the audit). */
    async remove(actor: Actor, id: number, version: number, reason: string) {
      const r = await repo.get(database, id);
      if (!r || r.deletedAt) throw notFound('予防接種の記録');
      if (!(await repo.remove(database, id, version, reason.trim(), actor.userId)))
        throw conflict('この予防接種の記録', await repo.get(database, id));
      const name = vaccineMaster.vaccines.find((x) => x.code === r.vaccine)?.name ?? r.vaccine;
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [r.residentId],
        summary: `予防接種の記録を削除: ${name} ${r.dose}（${r.vaccinatedOn}）理由: ${reason.trim()}`,
        detail: { record: r },
      });
    },
  };
}

export type VaccinationRecordsService = ReturnType<typeof vaccinationRecordsService>;
