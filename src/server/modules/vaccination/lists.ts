/**
 * 予防接種の対象者リスト (F10a-02 step 1 予防接種対象児抽出, F11a-02 step 1 勧奨通知送付対象児抽出): extraction as a
 * job over the platform extraction engine, review with filters, exclusion with a reason and restore, CSV (the list,
 * and the 架電リスト for phone reminders). Every read and change of people is audited.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf, formatWareki, isValidDate, today } from '../../platform/calendar/index.ts';
import { type CsvEncoding, toCsv } from '../../platform/csv/export.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import { type ListJobs, listLifecycle } from '../../platform/extraction/list-lifecycle.ts';
import type { EntryFilter, EntryRow } from '../../platform/extraction/repository.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { hiddenText } from '../residents/index.ts';
import { vaccinationExtractionRepository as people } from './extraction-repository.ts';
import { vaccinationSource } from './extraction-source.ts';
import type { ListSettings } from './list-rules.ts';
import {
  callColumns,
  entrySummary,
  exclusionLabel,
  exclusionReasons,
  type ListEntryView,
  type ListKind,
  listColumns,
  listKinds,
  vaccineLabel,
} from './list-view.ts';
import type { VaccineCode } from './master-types.ts';
import { masterOf } from './settings.ts';
import { vaccineMaster } from './vaccine-master.ts';

export const vaccinationExtractJobKind = 'vaccination.extract';
const screen = '予防接種 対象者抽出';

/** What staff ask for (dates YYYY-MM-DD; the routes check the shapes). */
export type ListRequest =
  | {
      kind: 'vaccination.dose';
      on: string;
      vaccine: string;
      dose: string | null;
      startsBy: string | null;
      bornFrom: string | null;
      bornTo: string | null;
      title?: string;
    }
  | {
      kind: 'vaccination.reminder';
      on: string;
      /** empty: every A類 vaccine of children (RSウイルス母子免疫 apart) */
      vaccines: string[];
      withinDays: number;
      bornFrom: string | null;
      bornTo: string | null;
      title?: string;
    };

/** The vaccines of children (A類, the 妊婦's RSウイルス母子免疫 apart): the default of a reminder list. */
export const childVaccines: VaccineCode[] = vaccineMaster.vaccines
  .filter((v) => v.category === 'A' && !v.perPregnancy)
  .map((v) => v.code);

/**
 * Every dose label of a vaccine, in the order of its series (none for the yearly ones: their 回 is the 年度, e.g.
 * 「2026年度」, and a list takes the 年度 of its 基準日).
 */
export function doseLabels(code: string): string[] {
  const v = vaccineMaster.vaccines.find((x) => x.code === code);
  if (v?.yearly) return [];
  return [
    ...new Set(v?.versions.flatMap((ver) => ver.series.flatMap((s) => s.doses.map((d) => d.label))) ?? []),
  ];
}

const known = new Set<string>(vaccineMaster.vaccines.map((v) => v.code));
const yearly = new Set<string>(vaccineMaster.vaccines.filter((v) => v.yearly).map((v) => v.code));

/** Checks a request and turns it into the list's settings; 400 with what to fix. */
export function settingsOf(req: ListRequest): ListSettings {
  const fields: Array<{ path: string; message: string }> = [];
  for (const [path, d] of [
    ['on', req.on],
    ['bornFrom', req.bornFrom],
    ['bornTo', req.bornTo],
    ...(req.kind === 'vaccination.dose' ? [['startsBy', req.startsBy] as const] : []),
  ] as const)
    if (d !== null && !isValidDate(d)) fields.push({ path, message: '日付が正しくありません。' });
  if (req.bornFrom && req.bornTo && req.bornFrom > req.bornTo)
    fields.push({ path: 'bornTo', message: '生年月日の範囲の終わりが始まりより前です。' });
  if (req.kind === 'vaccination.dose') {
    if (!known.has(req.vaccine)) fields.push({ path: 'vaccine', message: 'ワクチンを選んでください。' });
    else if (req.dose && !yearly.has(req.vaccine) && !doseLabels(req.vaccine).includes(req.dose))
      fields.push({
        path: 'dose',
        message: `${vaccineLabel(req.vaccine)}に「${req.dose}」という回はありません。回を選び直してください。`,
      });
    if (req.startsBy && req.startsBy < req.on)
      fields.push({ path: 'startsBy', message: '期間の始まりの期限は基準日以後にしてください。' });
  } else {
    const unknown = req.vaccines.filter((v) => !known.has(v));
    if (unknown.length)
      fields.push({ path: 'vaccines', message: `未知のワクチンです: ${unknown.join('、')}` });
    if (!Number.isInteger(req.withinDays) || req.withinDays < 0 || req.withinDays > 730)
      fields.push({ path: 'withinDays', message: '日数は0〜730で入力してください。' });
  }
  if (fields.length)
    throw badRequest(`入力に誤りがあります（${fields.length}件）。${fields[0]!.message}`, { fields });
  return req.kind === 'vaccination.dose'
    ? {
        kind: req.kind,
        on: req.on,
        vaccine: req.vaccine as VaccineCode,
        dose: yearly.has(req.vaccine) ? null : req.dose || null,
        startsBy: req.startsBy,
        bornFrom: req.bornFrom,
        bornTo: req.bornTo,
      }
    : {
        kind: req.kind,
        on: req.on,
        vaccines: req.vaccines.length ? (req.vaccines as VaccineCode[]) : childVaccines,
        withinDays: req.withinDays,
        bornFrom: req.bornFrom,
        bornTo: req.bornTo,
      };
}

function defaultTitle(s: ListSettings): string {
  const on = `基準日 ${formatWareki(s.on)}`;
  if (s.kind === 'vaccination.reminder')
    return `未接種者勧奨（${s.vaccines.length === childVaccines.length ? '定期接種（子ども）' : s.vaccines.map(vaccineLabel).join('・')}、${on}）`;
  return `予診票 ${vaccineLabel(s.vaccine)}${s.dose ? ` ${s.dose}` : ''}（${on}）`;
}

type Deps = {
  database: Database;
  audit: AuditService;
  jobs: ListJobs;
};

export function vaccinationListsService(deps: Deps) {
  const { database, audit } = deps;
  const life = listLifecycle(deps, {
    purposePrefix: 'vaccination.',
    jobKind: vaccinationExtractJobKind,
    screen,
    listName: '予防接種の対象者リスト',
    exclusionReasons,
    exclusionLabel,
    // the extraction's own exclusions (接種済 …) stay
    cannotRestore: (entry) =>
      entry.exclusionReason?.startsWith('auto:')
        ? `「${exclusionLabel(entry.exclusionReason)}」は抽出の判定による除外のため戻せません。記録を確かめて、必要なら抽出し直してください。`
        : null,
  });
  const { lists, mustGet } = life;

  function view(kind: string, r: EntryRow): ListEntryView {
    const masked = r.supportMeasure
      ? { postalCode: '', address: hiddenText, addressExtra: '' }
      : { postalCode: r.postalCode, address: r.address, addressExtra: r.addressExtra };
    return {
      ...r,
      ...masked,
      ...entrySummary(kind, r.details),
      exclusionLabel: exclusionLabel(r.exclusionReason),
    };
  }

  return {
    /** What the screens offer: kinds, vaccines with their 回, 除外理由. */
    meta() {
      return {
        kinds: listKinds,
        vaccines: vaccineMaster.vaccines.map((v) => ({
          code: v.code,
          name: v.name,
          category: v.category,
          doses: doseLabels(v.code),
          child: childVaccines.includes(v.code),
        })),
        exclusionReasons,
        today: today(),
      };
    },

    /** Creates the list (status extracting) and queues the extraction job. */
    async startExtraction(actor: Actor, req: ListRequest) {
      const settings = settingsOf(req);
      const title = req.title?.trim() || defaultTitle(settings);
      return life.start(
        actor,
        {
          purpose: settings.kind,
          title,
          fiscalYear: fiscalYearOf(settings.on),
          programs: settings.kind === 'vaccination.dose' ? [settings.vaccine] : settings.vaccines,
          settings,
          criteria: { extractedOn: today(), extractedAt: new Date().toISOString() },
          createdBy: actor.userId,
        },
        req,
      );
    },

    /** The job handler: runs (or resumes) the extraction of params.listId. */
    async runExtraction(ctx: JobContext) {
      const result = await life.run(ctx, async (list) =>
        vaccinationSource(database, list.settings as ListSettings, await masterOf(database)),
      );
      const { counts } = result;
      return {
        message: `対象者 ${counts.included.toLocaleString('ja-JP')}人、除外 ${counts.excluded.toLocaleString('ja-JP')}人`,
        result,
      };
    },

    list: () => life.list(),
    get: mustGet,

    async entries(
      actor: Actor,
      listId: number,
      f: EntryFilter & { q?: string },
      page: { offset: number; limit: number },
    ) {
      const { list, rows, total } = await life.entries(actor, listId, f, page);
      return { rows: rows.map((r) => view(list.purpose, r)), total };
    },

    /** Leaves a person out (他市町村で接種済, 入院中 …): they get nothing from this list. */
    async exclude(actor: Actor, listId: number, residentId: number, v: { reason: string; note: string }) {
      await life.exclude(actor, listId, residentId, { reason: v.reason, note: v.note.trim() }, v);
    },

    /** Puts a person excluded by hand back (the extraction's own exclusions — 接種済 … — stay). */
    restore: life.restore,

    /** CSV of a list (the list, or the 架電リスト with 電話番号); UTF-8 with BOM or Shift_JIS. */
    async exportCsv(
      actor: Actor,
      listId: number,
      o: { encoding: CsvEncoding; format: 'list' | 'calls'; included?: boolean },
    ) {
      const l = await mustGet(listId);
      const all: ListEntryView[] = [];
      const included = o.format === 'calls' ? true : o.included;
      for await (const rows of lists.includedInOrder(listId, { included })) {
        const phones =
          o.format === 'calls'
            ? await people.people(
                database,
                rows.map((r) => r.residentId),
                { history: false },
              )
            : null;
        for (const r of rows) {
          const v = view(l.purpose, r);
          if (phones) v.phone = r.supportMeasure ? hiddenText : (phones.get(r.residentId)?.phone ?? '');
          all.push(v);
        }
      }
      const csv = toCsv(all, o.format === 'calls' ? callColumns : listColumns, o.encoding);
      await audit.record(actor, {
        action: 'export',
        screen,
        residentIds: all.map((r) => r.residentId),
        summary: `予防接種の対象者リスト ${listId} の${o.format === 'calls' ? '架電リスト' : 'CSV'}出力（${all.length}件）`,
      });
      return { ...csv, title: `${l.title}${o.format === 'calls' ? '_架電リスト' : ''}` };
    },
  };
}

export type VaccinationListsService = ReturnType<typeof vaccinationListsService>;
export type { ListKind };
