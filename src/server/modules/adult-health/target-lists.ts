/**
 * 対象者リスト of adult screenings: extraction as a job (F02-01 steps 1 and 8, F02-02 step 1), review with
 * filters, exclusion with a reason, adding by hand, CSV for an outside printer, and the mailing made from a list.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { fiscalYearOf, formatWareki, today } from '../../platform/calendar/index.ts';
import { type CsvEncoding, toCsv } from '../../platform/csv/export.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, notFound } from '../../platform/errors/app-error.ts';
import { type ListJobs, listLifecycle } from '../../platform/extraction/list-lifecycle.ts';
import type { EntryFilter, EntryRow } from '../../platform/extraction/repository.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { type ProgramCode, type ProgramSettings, programLabels } from '../programs/types.ts';
import { hiddenText } from '../residents/index.ts';
import { adultHealthSource, judge, toEntry } from './extraction.ts';
import { entryColumns, exclusionLabel, exclusionReasons, pickEntryColumns } from './list-csv.ts';
import { adultHealthRepository } from './repository.ts';
import { type ReasonCode, reasonLabel } from './rules.ts';

export const extractJobKind = 'adult-health.extract';

/** Kinds of list: 希望調査対象 (F02-01 step 1), 一括抽出 (F02-02), 希望者 (F02-01 step 8). */
export const listPurposes = {
  'adult-health.survey': '希望調査対象者',
  'adult-health.invitation': '受診票送付対象者（一括抽出）',
  'adult-health.preference': '受診票送付対象者（受診希望者）',
} as const;
export type ListPurpose = keyof typeof listPurposes;

export type ExtractionRequest = {
  purpose: ListPurpose;
  fiscalYear: number;
  programs: ProgramCode[];
  title?: string;
  /** preference lists: only those who booked this group session */
  sessionId?: number | null;
};

type Deps = {
  database: Database;
  audit: AuditService;
  jobs: ListJobs;
  programSettings: (fy: number) => Promise<ProgramSettings[]>;
};

export { exclusionReasons } from './list-csv.ts';

const screen = '成人保健 対象者リスト';
const quietReasons = new Set<ReasonCode>(['sex', 'age', 'not_milestone', 'program_disabled']);

export function targetListsService(deps: Deps) {
  const { database, audit } = deps;
  const repo = adultHealthRepository(database);
  const life = listLifecycle(deps, {
    purposePrefix: 'adult-health.',
    jobKind: extractJobKind,
    screen,
    listName: '対象者リスト',
    exclusionReasons,
    exclusionLabel,
    cannotRestore: (entry) =>
      entry.exclusionReason?.startsWith('opt_out:')
        ? '送付不要登録による除外です。宛名画面の成人検診タブで送付不要登録を終了してから再抽出してください。'
        : null,
  });
  const { lists, mustGet, refreshCounts } = life;

  const settingsOf = (l: { settings: unknown }) => l.settings as ProgramSettings[];

  function view(r: EntryRow) {
    const details = r.details as Record<string, { eligible: boolean; reasons?: ReasonCode[] }>;
    // Demographic reasons (性別・年齢・節目) would repeat on every row: the list shows the telling ones.
    const reasons = Object.entries(details).flatMap(([p, d]) =>
      (d.reasons ?? [])
        .filter((c) => !quietReasons.has(c))
        .map((c) => `${programLabels[p as ProgramCode] ?? p}: ${reasonLabel(c)}`),
    );
    const masked = r.supportMeasure
      ? { postalCode: '', address: hiddenText, addressExtra: '' }
      : { postalCode: r.postalCode, address: r.address, addressExtra: r.addressExtra };
    return { ...r, ...masked, reasons, exclusionLabel: exclusionLabel(r.exclusionReason) };
  }

  return {
    /** Creates the list (status extracting) and queues the extraction job. */
    async startExtraction(actor: Actor, req: ExtractionRequest) {
      const all = await deps.programSettings(req.fiscalYear);
      const chosen = all.filter((p) => req.programs.includes(p.code));
      if (chosen.length === 0) throw badRequest('抽出する検診を1つ以上選んでください。');
      const off = chosen.filter((p) => !p.enabled);
      if (off.length)
        throw badRequest(
          `${off.map((p) => p.name).join('、')}は${req.fiscalYear}年度に実施しない設定です。事業マスタで「実施」にしてください。`,
        );
      const title =
        req.title?.trim() ||
        `${formatWareki(`${req.fiscalYear}-04-01`).replace(/4月1日$/, '')}度 ${listPurposes[req.purpose]}（${chosen.map((p) => p.name.replace(/検診$/, '')).join('・')}）`;
      return life.start(
        actor,
        {
          purpose: req.purpose,
          title,
          fiscalYear: req.fiscalYear,
          programs: chosen.map((p) => p.code),
          settings: chosen,
          criteria: { sessionId: req.sessionId ?? null, extractedOn: today() },
          createdBy: actor.userId,
        },
        req,
      );
    },

    /** The job handler: runs or resumes the extraction of params.listId. */
    async runExtraction(ctx: JobContext) {
      const result = await life.run(ctx, (list) => {
        const preference =
          list.purpose === 'adult-health.preference'
            ? { sessionId: (list.criteria.sessionId as number | null) ?? null }
            : undefined;
        return adultHealthSource(repo, settingsOf(list), list.fiscalYear, preference);
      });
      const { counts } = result;
      return {
        message: `対象者 ${counts.included.toLocaleString('ja-JP')}人、除外 ${counts.excluded}人`,
        result,
      };
    },

    list: (f: { fiscalYear?: number }) => life.list(f),
    get: mustGet,

    async entries(
      actor: Actor,
      listId: number,
      f: EntryFilter & { q?: string },
      page: { offset: number; limit: number },
    ) {
      const { rows, total } = await life.entries(actor, listId, f, page);
      return { rows: rows.map(view), total };
    },

    /** Leaves a person out of the list (送付不要, 入院中 …) — they get no document from it. */
    async exclude(
      actor: Actor,
      listId: number,
      residentId: number,
      v: { reason: keyof typeof exclusionReasons; note: string },
    ) {
      await life.exclude(actor, listId, residentId, v);
    },

    /** Puts an excluded person back; a person added by hand is taken off the list instead. */
    restore: life.restore,

    /** Adds a person by hand (転入者 etc.) for the chosen programs, judged now with the list's settings. */
    async addByHand(
      actor: Actor,
      listId: number,
      residentId: number,
      v: { programs: string[]; note: string },
    ) {
      const list = await mustGet(listId);
      const facts = await repo.personFacts(residentId, list.fiscalYear);
      if (!facts) throw notFound('宛名');
      const settings = settingsOf(list).filter((p) => v.programs.includes(p.code));
      if (settings.length === 0) throw badRequest('追加する検診を選んでください。');
      const results = judge(settings, facts.person, list.fiscalYear, facts.history, facts.optOuts);
      const entry = toEntry(residentId, results);
      const [atena] = await database.query<{ atena_no: string }>(
        'SELECT atena_no FROM residents WHERE id = $1',
        [residentId],
      );
      const ok = await lists.addByHand(listId, {
        residentId,
        programs: settings.map((p) => p.code),
        coupons: entry?.coupons ?? [],
        details: entry?.details ?? {},
        age: entry?.age ?? results[0]?.ageAtFiscalYearEnd ?? 0,
        note: v.note,
        by: actor.userId,
      });
      if (!ok)
        throw new AppError(
          409,
          'ALREADY_LISTED',
          `宛名番号 ${atena?.atena_no ?? ''} の方はすでにこのリストにいます。`,
        );
      await refreshCounts(listId);
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [residentId],
        summary: `対象者リスト ${listId} に手動で追加`,
        detail: v,
      });
      return { results };
    },

    /** なぜ対象外か: the judgement of one person with the list's settings, now. */
    async whyNot(actor: Actor, listId: number, residentId: number) {
      const list = await mustGet(listId);
      const facts = await repo.personFacts(residentId, list.fiscalYear);
      if (!facts) throw notFound('宛名');
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [residentId],
        summary: `対象者リスト ${listId} の判定理由`,
      });
      return judge(settingsOf(list), facts.person, list.fiscalYear, facts.history, facts.optOuts);
    },

    /** CSV of a list (chosen columns; UTF-8 with BOM or Shift_JIS) for review or an outside printer. */
    async exportCsv(
      actor: Actor,
      listId: number,
      o: { encoding: CsvEncoding; columns?: string[]; included?: boolean },
    ) {
      const list = await mustGet(listId);
      const all: EntryRow[] = [];
      for await (const rows of lists.includedInOrder(listId, { included: o.included })) all.push(...rows);
      const columns = pickEntryColumns(entryColumns(settingsOf(list), list.fiscalYear), o.columns);
      const csv = toCsv(all.map(view), columns, o.encoding);
      await audit.record(actor, {
        action: 'export',
        screen,
        residentIds: all.map((r) => r.residentId),
        summary: `対象者リスト ${listId} のCSV出力（${all.length}件）`,
      });
      return { ...csv, title: list.title };
    },

    /** 対象者抽出の基準年度 for a date (default of screens and CLI). */
    currentFiscalYear: () => fiscalYearOf(today()),
  };
}

export type TargetListsService = ReturnType<typeof targetListsService>;
