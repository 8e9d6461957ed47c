/**
 * 接種結果の取込 (F11a-01 パンチデータ・医療機関の CSV): the import target of 予防接種の記録 for the import engine
 * (platform/imports). A row is one vaccination of a person (宛名番号); its key is 宛名番号 + ワクチン + 接種日. The
 * engine's check (rules-check.ts) runs against the person's other records and the file's other rows of the person,
 * exactly as on the entry screen: a record that is not a valid 定期接種 (間隔不足, 対象期間外 …) is stored with its
 * issues (任意接種扱い) and shown as a warning, never refused. Re-importing a file changes nothing; a row that
 * changes a stored record is an update with its changes, and one that overwrites a record entered or corrected by
 * hand (手入力・母子手帳転記) says so. Written with source 'import'.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { compareDates, today } from '../../platform/calendar/index.ts';
import type { SqlRunner, SqlTransaction } from '../../platform/db/connect.ts';
import type { Change, Classified, FieldError, ImportTarget } from '../../platform/imports/types.ts';
import type { VaccineCode } from './master-types.ts';
import { municipalLookup } from './municipal-lookup.ts';
import { checkMunicipalRecord } from './municipal-records.ts';
import { enginePerson, sourceLabels } from './records.ts';
import { municipalNote, resolveMunicipal, retiredError } from './records-import-municipal.ts';
import {
  type ImportPerson,
  recordsImportRepository as repo,
  type StoredRecord,
} from './records-import-repository.ts';
import { parseRecordRow, type RecordImportRow, recordImportFields } from './records-import-row.ts';
import { type RecordValues, recordsRepository } from './records-repository.ts';
import { checkRecord } from './rules-check.ts';
import { masterOf } from './settings.ts';
import { specialsFor } from './specials.ts';
import type { HistoryDose } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

export const recordsImportKind = 'vaccination.records';

/** What the commit writes for a row (worked out by classify in the commit's transaction). */
export type RecordPayload = {
  residentId: number;
  name: string;
  /** the stored record updated (null = new) and the version read */
  recordId: number | null;
  version: number;
  values: RecordValues;
};

type Institution = { id: number; code: string; name: string };
type Ok = {
  ok: true;
  r: RecordImportRow;
  person: ImportPerson;
  values: RecordValues;
  doseNote: string | null;
  /** a 市町村独自の予防接種 (任意接種助成): its issues are a 注意, not 任意接種扱い */
  municipal: boolean;
};
type Prepared = Ok | { ok: false; errors: FieldError[]; residentId: number | null; name?: string };

const vaccineName = (code: string) => vaccineMaster.vaccines.find((v) => v.code === code)?.name ?? code;
const keyOf = (residentId: number, vaccine: string, date: string) => `${residentId}:${vaccine}:${date}`;
const bare = (a: string) => a.replace(/^0+/, '') || '0';

/** 医療機関: a registered code, or a registered name, else the name as written (a number not registered is an error). */
function institutionOf(text: string, institutions: Institution[]) {
  if (!text) return { id: null, name: '' };
  const byCode = institutions.find((i) => i.code === text);
  if (byCode) return { id: byCode.id, name: byCode.name };
  if (/^\d{7,10}$/.test(text)) return null;
  const byName = institutions.find((i) => i.name === text);
  return byName ? { id: byName.id, name: byName.name } : { id: null, name: text };
}

/**
 * The person's history as the check sees it: the stored records, with the file's other good rows of the person
 * over them (one dose per vaccine and date), the row itself left out.
 */
function historyFor(stored: StoredRecord[], rows: RecordImportRow[], self: RecordImportRow): HistoryDose[] {
  const byKey = new Map<string, HistoryDose>();
  for (const s of stored)
    byKey.set(`${s.vaccine}:${s.vaccinatedOn}`, {
      vaccine: s.vaccine as VaccineCode,
      date: s.vaccinatedOn,
      ...(s.product ? { product: s.product } : {}),
    });
  for (const r of rows)
    byKey.set(`${r.vaccine}:${r.vaccinatedOn}`, {
      vaccine: r.vaccine as VaccineCode,
      date: r.vaccinatedOn,
      ...(r.product ? { product: r.product } : {}),
    });
  byKey.delete(`${self.vaccine}:${self.vaccinatedOn}`);
  return [...byKey.values()];
}

/** The checks of a row that need only its person and the 医療機関 (not the history). */
function ownChecks(r: RecordImportRow, person: ImportPerson, institutions: Institution[], day: string) {
  const errors: FieldError[] = [];
  if (r.birthDate && r.birthDate !== person.birthDate)
    errors.push({
      field: 'birthDate',
      message: `生年月日が宛名と違います（宛名の生年月日は ${person.birthDate}）。宛名番号か生年月日を確かめてください。`,
    });
  if (compareDates(r.vaccinatedOn, day) > 0)
    errors.push({ field: 'vaccinatedOn', message: '接種日が今日より後です。接種日を確かめてください。' });
  else if (compareDates(r.vaccinatedOn, person.birthDate) < 0)
    errors.push({ field: 'vaccinatedOn', message: '接種日が生年月日より前です。接種日を確かめてください。' });
  const inst = institutionOf(r.institution, institutions);
  if (!inst)
    errors.push({
      field: 'institution',
      message: `医療機関コード ${r.institution} は医療機関マスタにありません。コードを確かめるか、医療機関の名称で入れてください。`,
    });
  return { errors, inst };
}

/** Checks a chunk against the people, the 医療機関 and the engine (read-only). */
async function prepareRows(q: SqlRunner, input: RecordImportRow[]) {
  // 市町村独自の予防接種: the vaccines the national master does not know, by code or name of the definitions
  const municipalDefs = input.some((r) => r.unresolved) ? await municipalLookup(q).all() : [];
  const resolved = input.map((r) => resolveMunicipal(r, municipalDefs));
  const rows = resolved.map((x) => x.row);
  const people = await repo.people(
    q,
    rows.map((r) => r.atenaNo),
  );
  const personOf = (r: RecordImportRow) => people.get(bare(r.atenaNo));
  const ids = [...new Set(rows.flatMap((r) => personOf(r)?.id ?? []))];
  const stored = await repo.records(q, ids);
  // each record is checked as entry would: the person's 特例・除外 and the municipality's settings
  const specials = await specialsFor(q, ids);
  const master = await masterOf(q);
  const institutions = await recordsRepository.institutions(q);
  const day = today();
  // the row's own checks first: only rows without errors count as the person's history for the others
  const own = rows.map((r, i) => {
    const person = personOf(r);
    if (!person) return null;
    const o = ownChecks(r, person, institutions, day);
    const kept = stored.some(
      (s) => s.residentId === person.id && s.vaccine === r.vaccine && s.vaccinatedOn === r.vaccinatedOn,
    );
    const retired = retiredError(resolved[i]!.def, kept);
    return { person, ...o, errors: [...resolved[i]!.errors, ...(retired ? [retired] : []), ...o.errors] };
  });
  const usable = rows.filter((_, i) => own[i] && own[i].errors.length === 0);
  const out: Prepared[] = [];
  for (const [i, r] of rows.entries()) {
    const o = own[i];
    if (!o) {
      const message = `宛名番号 ${r.atenaNo} の方が見つかりません。番号を確かめてください。`;
      out.push({ ok: false, residentId: null, errors: [{ field: 'atenaNo', message }] });
      continue;
    }
    const { person, inst, errors } = o;
    const history = historyFor(
      stored.filter((x) => x.residentId === person.id),
      usable.filter((x) => x !== r && personOf(x)?.id === person.id),
      r,
    );
    const def = resolved[i]!.def;
    const engine = enginePerson(person, specials.get(person.id));
    const check =
      errors.length > 0 || !inst
        ? null
        : def
          ? checkMunicipalRecord(
              def,
              municipalDefs,
              engine,
              history.map((h) => ({
                vaccine: h.vaccine,
                vaccinatedOn: h.date,
                ...(h.product ? { product: h.product } : {}),
              })),
              r.vaccinatedOn,
            )
          : checkRecord(
              engine,
              history,
              {
                vaccine: r.vaccine as VaccineCode,
                date: r.vaccinatedOn,
                ...(r.product ? { product: r.product } : {}),
              },
              master,
            );
    let dose = r.dose ?? (check?.dose && r.doseChoices.includes(check.dose) ? check.dose : null);
    if (check && !dose && r.doseChoices.length)
      errors.push({
        field: 'dose',
        message: `回「${r.doseText}」が${vaccineName(r.vaccine)}のどの回かわかりません。${r.doseChoices.map((c) => `「${c}」`).join('か')}で入れてください。`,
      });
    if (!check || errors.length || !inst) {
      out.push({ ok: false, errors, residentId: person.id, name: person.name });
      continue;
    }
    dose ??= check.dose ?? '';
    const doseNote =
      r.doseText && check.dose && dose !== check.dose
        ? `回: ファイルは「${dose}」ですが、これまでの記録から数えると「${check.dose}」です。前の接種の記録が漏れていないか確かめてください。`
        : null;
    out.push({
      ok: true,
      r,
      person,
      doseNote,
      municipal: def !== null,
      values: {
        vaccine: r.vaccine,
        dose,
        vaccinatedOn: r.vaccinatedOn,
        product: r.product,
        lot: r.lot,
        institutionId: inst.id,
        institutionName: inst.id === null ? inst.name : '',
        doctor: r.doctor,
        formNo: r.formNo,
        source: 'import',
        routine: check.routine,
        issues: check.issues,
        note: '',
      },
    });
  }
  return { out, stored, institutions };
}

/** The fields of a row the file has no column for keep the stored values. */
const mappedOf: Record<string, (keyof RecordValues)[]> = {
  dose: ['dose'],
  product: ['product'],
  lot: ['lot'],
  institution: ['institutionId', 'institutionName'],
  doctor: ['doctor'],
  formNo: ['formNo'],
};
function merged(values: RecordValues, e: StoredRecord, mapped: string[]): RecordValues {
  const v: RecordValues = { ...values, note: e.note };
  for (const [field, keys] of Object.entries(mappedOf))
    if (!mapped.includes(field)) for (const k of keys) Object.assign(v, { [k]: e[k] });
  return v;
}

/** What a row changes in the stored record (labels as staff know them). */
function diff(e: StoredRecord, v: RecordValues, institutions: Institution[]): Change[] {
  const out: Change[] = [];
  const add = (field: string, label: string, before: string, after: string) => {
    if (before !== after) out.push({ field, label, before, after });
  };
  const inst = (id: number | null, name: string) => {
    const i = institutions.find((x) => x.id === id);
    return i ? `${i.code} ${i.name}` : name;
  };
  add('dose', '回', e.dose, v.dose);
  add('product', '製品名', e.product, v.product);
  add('lot', 'ロット番号', e.lot, v.lot);
  add(
    'institution',
    '実施医療機関',
    inst(e.institutionId, e.institutionName),
    inst(v.institutionId, v.institutionName),
  );
  add('doctor', '医師名', e.doctor, v.doctor);
  add('formNo', '予診票番号', e.formNo, v.formNo);
  return out;
}

/** The dry run's note on a record that is not a valid 定期接種 (stored all the same). */
const issuesNote = (v: RecordValues) =>
  v.routine
    ? null
    : `定期接種として扱えません（任意接種扱いで記録します）: ${v.issues.map((i) => i.message).join(' / ')}`;

export function recordsImportTarget(): ImportTarget<RecordImportRow, unknown, RecordPayload> {
  return {
    kind: recordsImportKind,
    label: '予防接種の記録',
    keyLabel: '同じ接種（宛名番号・ワクチン・接種日）の行',
    fields: recordImportFields,
    parse: (row) => parseRecordRow(row, { keepUnknown: true }),

    async classify(q, values) {
      const { out, stored, institutions } = await prepareRows(q, values);
      return out.map((x): Classified<RecordPayload> => {
        if (!x.ok) return { action: 'error', errors: x.errors, residentId: x.residentId, label: x.name };
        const { person, r } = x;
        const key = keyOf(person.id, r.vaccine, r.vaccinatedOn);
        const base = { key, residentId: person.id, label: person.name };
        const e = stored.find(
          (s) => s.residentId === person.id && s.vaccine === r.vaccine && s.vaccinatedOn === r.vaccinatedOn,
        );
        const notes = [x.municipal ? municipalNote(x.values) : issuesNote(x.values), x.doseNote];
        if (!e) {
          const warning = notes.filter(Boolean).join(' ') || undefined;
          const payload = {
            residentId: person.id,
            name: person.name,
            recordId: null,
            version: 0,
            values: x.values,
          };
          return { action: 'new', ...base, payload, warning };
        }
        const values = merged(x.values, e, r.mapped);
        const changes = diff(e, values, institutions);
        if (changes.length === 0) return { action: 'unchanged', ...base };
        if (e.source === 'manual' || e.source === 'handbook')
          notes.unshift(
            `${sourceLabels[e.source]}で登録・修正された記録を上書きします（${changes.map((c) => c.label).join('・')}）。`,
          );
        const payload = {
          residentId: person.id,
          name: person.name,
          recordId: e.id,
          version: e.version,
          values,
        };
        const warning = notes.filter(Boolean).join(' ') || undefined;
        return { action: 'update', ...base, payload, changes, warning };
      });
    },

    /** New records in one INSERT, updates at the version the commit's check read (a change meanwhile fails the chunk). */
    async apply(tx: SqlTransaction, rows, actor: Actor) {
      const fresh = rows.filter((x) => x.action === 'new').map((x) => x.value);
      await repo.insert(tx, fresh, actor.userId);
      const updates = rows.flatMap((x) =>
        x.action === 'update' && x.value.recordId !== null
          ? [{ id: x.value.recordId, version: x.value.version, values: x.value.values }]
          : [],
      );
      if (!(await repo.update(tx, updates, actor.userId)))
        throw new Error('予防接種の記録が取込の間に変更されました。もう一度「取り込む」を押してください。');
    },
  };
}
