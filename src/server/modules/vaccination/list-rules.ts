/**
 * 対象者抽出の判定 (F10a-02 予診票一括発行・接種別発送, F11a-02 未接種者勧奨) — pure rules over the schedule engine's
 * rows (rules.ts): who is on a list, who is shown as excluded with a reason, and the birth-date range that can
 * hold anyone (the SQL pre-filter). The periods themselves are the engine's (maternal-child-vaccination-pmh.md
 * §1.2–§1.6): 定期接種の期間 (施行令) decides, the 標準的な接種期間 (実施要領) only the timing (§1.1).
 */
import { addDays, type LocalDate } from '../../platform/calendar/index.ts';
import { type AgePoint, OPEN_END, type VaccineCode, type VaccineMaster } from './master-types.ts';
import { prepare } from './prepare.ts';
import type { DoseSchedule, DoseStatus } from './types.ts';

/** 接種別発送: one vaccine and 回 on a 基準日. */
export type DoseListSettings = {
  kind: 'vaccination.dose';
  /** 基準日 (the engine judges on this day) */
  on: LocalDate;
  vaccine: VaccineCode;
  /** the 回 (engine label, e.g. 1回, 2回目); null = the vaccine's next dose not yet given */
  dose: string | null;
  /**
   * Also those whose 定期接種の期間 has not begun yet but begins by this day (e.g. MR 第2期 for the children who
   * enter school the April after next: 期間 from the 1st of April a year before school entry); null = only doses
   * that can be given on the 基準日 (接種時期・標準期間超過).
   */
  startsBy: LocalDate | null;
  bornFrom: LocalDate | null;
  bornTo: LocalDate | null;
};

/** 未接種者勧奨: doses past their standard period, or whose 定期接種の期間 ends soon. */
export type ReminderListSettings = {
  kind: 'vaccination.reminder';
  on: LocalDate;
  vaccines: VaccineCode[];
  /** a dose in its standard period is reminded when its 定期接種の期間 ends within this many days (default 90) */
  withinDays: number;
  bornFrom: LocalDate | null;
  bornTo: LocalDate | null;
};

export type ListSettings = DoseListSettings | ReminderListSettings;

/** Exclusions decided by the extraction (prefix 'auto:'; staff cannot undo them on the list). */
export const autoExclusions = {
  completed: '接種済',
  not_eligible: '対象外',
  expired: '定期接種の期間が終了',
} as const;
export type AutoExclusion = keyof typeof autoExclusions;

/** What a dose list keeps per person (compact: one shared object per distinct decision). */
export type DoseDetail = {
  dose: string;
  status: DoseStatus;
  legalFrom: LocalDate | null;
  legalTo: LocalDate | null;
  earliest: LocalDate | null;
  givenOn: LocalDate | null;
  reason: string | null;
};

/** One dose to remind: vaccine, 回, status, the last day of its 定期接種の期間. */
export type ReminderDose = {
  vaccine: VaccineCode;
  dose: string;
  status: DoseStatus;
  legalTo: LocalDate | null;
};

export type DoseDecision = { included: boolean; exclusion: AutoExclusion | null; detail: DoseDetail };

const detailOf = (r: DoseSchedule): DoseDetail => ({
  dose: r.dose,
  status: r.status,
  legalFrom: r.legalFrom,
  legalTo: r.legalTo,
  earliest: r.earliest,
  givenOn: r.givenOn,
  reason: r.reasons[0] ?? null,
});

/** On the list to send: can be given on the 基準日, or its 定期接種の期間 begins by `startsBy`. */
export function isDoseTarget(r: DoseSchedule, s: Pick<DoseListSettings, 'startsBy'>): boolean {
  if (r.status === 'due' || r.status === 'overdue') return true;
  return r.status === 'upcoming' && s.startsBy !== null && r.legalFrom !== null && r.legalFrom <= s.startsBy;
}

/** The row's 定期接種の期間 overlaps [基準日, startsBy]: the person belongs to the cohort of this mailing. */
function inCohort(r: DoseSchedule, s: Pick<DoseListSettings, 'on' | 'startsBy'>): boolean {
  if (r.legalFrom === null) return false;
  const until = s.startsBy && s.startsBy > s.on ? s.startsBy : s.on;
  return r.legalFrom <= until && (r.legalTo === null || r.legalTo >= s.on);
}

/**
 * 接種別発送 for one person from the rows of the list's vaccine: included when the chosen 回 (or, none chosen, the
 * first 回 not given) is a target; shown as excluded (接種済・対象外・期間終了) when the person belongs to the
 * cohort but needs no form; otherwise not on the list (null).
 */
export function decideDose(
  rows: DoseSchedule[],
  s: Pick<DoseListSettings, 'on' | 'dose' | 'startsBy'>,
): DoseDecision | null {
  let pick: DoseSchedule | undefined;
  for (const r of rows) {
    if (s.dose !== null && r.dose !== s.dose) continue;
    if (isDoseTarget(r, s)) return { included: true, exclusion: null, detail: detailOf(r) };
    if (pick === undefined || (pick.status === 'completed' && r.status !== 'completed')) pick = r;
  }
  // the vaccine as a whole is not for this person (one row, 回 「—」)
  if (pick === undefined && rows.length === 1 && rows[0]!.status === 'not_eligible') pick = rows[0];
  if (pick === undefined || !inCohort(pick, s)) return null;
  const exclusion: AutoExclusion | null =
    pick.status === 'completed'
      ? 'completed'
      : pick.status === 'not_eligible'
        ? 'not_eligible'
        : pick.status === 'expired'
          ? 'expired'
          : null;
  return exclusion ? { included: false, exclusion, detail: detailOf(pick) } : null;
}

/**
 * 未接種者勧奨 for one person: the doses of the chosen vaccines that are 標準期間超過 (overdue, still free as 定期接種),
 * or 接種時期 whose 定期接種の期間 ends within `withinDays` of the 基準日 — in the order of the schedule.
 */
export function reminderDoses(
  rows: DoseSchedule[],
  s: Pick<ReminderListSettings, 'on' | 'vaccines' | 'withinDays'>,
): ReminderDose[] {
  const limit = addDays(s.on, s.withinDays);
  const out: ReminderDose[] = [];
  for (const r of rows) {
    if (!s.vaccines.includes(r.vaccine)) continue;
    const soon = r.status === 'due' && r.legalTo !== null && r.legalTo <= limit;
    if (r.status === 'overdue' || soon)
      out.push({ vaccine: r.vaccine, dose: r.dose, status: r.status, legalTo: r.legalTo });
  }
  return out;
}

/**
 * The vaccine codes whose records can change the engine's rows of `code`: its own, the other members of its group
 * (5種混合 / 4種混合・ヒブ, ロタ1価 / 5価: which one is in use), and — for a vaccine that can be 注射生 — every
 * vaccine that can be 注射生 (the 27-day rule, §1.5). A dose list reads only these records.
 */
export function relevantCodes(code: VaccineCode, master: VaccineMaster): VaccineCode[] {
  const p = prepare(master);
  const v = p.byCode.get(code);
  if (!v) return [code];
  const out = new Set<VaccineCode>([code]);
  if (v.group) for (const g of p.groups.get(v.group.id) ?? []) out.add(g.code);
  const canBeLive = (x: typeof v) =>
    x.kind === 'INJ_LIVE' || x.versions.some((ver) => ver.products?.some((pr) => pr.kind === 'INJ_LIVE'));
  if (canBeLive(v)) for (const x of master.vaccines) if (canBeLive(x)) out.add(x.code);
  return [...out];
}

/** Years of age at a point, rounded outwards (null: no bound from the person's age). */
function yearsAt(p: AgePoint, edge: 'from' | 'to'): number | null {
  const up = edge === 'to';
  if ('months' in p) return up ? Math.ceil(p.months / 12) : Math.floor(p.months / 12);
  if ('years' in p) return p.years;
  if ('weeks' in p) return up ? 1 : 0;
  if ('fiscalYearOfAge' in p) return up ? p.fiscalYearOfAge + 1 : p.fiscalYearOfAge - 1;
  if ('schoolEntry' in p) return up ? 7 : 4;
  return null; // 妊娠週数, a calendar date: no bound by age
}

const yearsBefore = (d: LocalDate, n: number): LocalDate =>
  `${String(Number(d.slice(0, 4)) - n).padStart(4, '0')}${d.slice(4, 7)}-01`;

/**
 * The widest birth-date range in which someone can have a 定期接種の期間 of these vaccines overlapping
 * [基準日, until] (legal windows of every rule version and of the special rules that need no per-person flag,
 * rounded outwards by a year): the SQL pre-filter, never the decision. null ends = unbounded.
 */
export function birthRange(
  codes: VaccineCode[],
  on: LocalDate,
  until: LocalDate,
  master: VaccineMaster,
): { bornFrom: LocalDate | null; bornTo: LocalDate } {
  const p = prepare(master);
  let oldest: LocalDate | null = '9999-12-31';
  let youngest = '0000-01-01';
  const widen = (from: LocalDate | null, to: LocalDate) => {
    if (oldest !== null && (from === null || from < oldest)) oldest = from;
    if (to > youngest) youngest = to;
  };
  for (const code of codes) {
    const v = p.byCode.get(code);
    if (!v) continue;
    const windows = v.versions.flatMap((ver) =>
      ver.legal.map((w) => ({ w, bornFrom: ver.bornFrom ?? null, bornTo: ver.bornTo ?? null })),
    );
    for (const s of p.specials.get(code) ?? [])
      if (!s.flag)
        for (const w of s.windows)
          windows.push({ w, bornFrom: s.bornFrom ?? null, bornTo: s.bornTo ?? null });
    for (const { w, bornFrom, bornTo } of windows) {
      const max = 'date' in w.to && w.to.date === OPEN_END ? null : yearsAt(w.to, 'to');
      const min = yearsAt(w.from, 'from') ?? 0;
      const from = max === null ? bornFrom : yearsBefore(on, max + 1);
      const to = addDays(yearsBefore(until, Math.max(0, min - 1)), 400);
      widen(
        from !== null && bornFrom !== null && bornFrom > from ? bornFrom : from,
        bornTo !== null && bornTo < to ? bornTo : to,
      );
    }
  }
  return { bornFrom: oldest === '9999-12-31' ? null : oldest, bornTo: youngest > until ? until : youngest };
}
