/**
 * 予防接種健康被害救済制度 (F11a-05) — pure rules. Source: maternal-child-vaccination-pmh.md §7 (給付の種類と
 * A類/B類, 請求期限, 流れ 請求者 → 市町村 → 都道府県 → 厚生労働省 → 認定/否認) and flows.md F11a-05. Data (the
 * benefits table, the 請求期限 periods, the checklist of 請求書類) is kept as tables so that a revision is a data
 * change; docs/vaccination-rules.md lists what is unconfirmed [U].
 */
import {
  addMonthsClamped,
  compareDates,
  formatWareki,
  type LocalDate,
} from '../../platform/calendar/index.ts';
import type { VaccineCategory } from './master-types.ts';
import { versionAt } from './rules.ts';
import { vaccineMaster } from './vaccine-master.ts';

/** 給付の種類 (§7). */
export const benefitTypes = {
  medical_cost: '医療費',
  medical_allowance: '医療手当',
  child_disability_pension: '障害児養育年金',
  disability_pension: '障害年金',
  death_lump_sum: '死亡一時金',
  survivor_pension: '遺族年金',
  survivor_lump_sum: '遺族一時金',
  funeral: '葬祭料',
  care_addition: '介護加算',
} as const;
export type BenefitType = keyof typeof benefitTypes;
export const benefitCodes = Object.keys(benefitTypes) as BenefitType[];

/** Whether a benefit exists for a category: yes, no, or unconfirmed [U] (accepted with a warning). §7 table */
export type Availability = 'yes' | 'no' | 'unconfirmed';

export const benefitsByCategory: Record<VaccineCategory, Record<BenefitType, Availability>> = {
  A: {
    medical_cost: 'yes',
    medical_allowance: 'yes',
    child_disability_pension: 'yes',
    disability_pension: 'yes',
    death_lump_sum: 'yes',
    survivor_pension: 'no',
    survivor_lump_sum: 'no',
    funeral: 'yes',
    care_addition: 'yes',
  },
  B: {
    medical_cost: 'yes',
    medical_allowance: 'yes',
    child_disability_pension: 'no',
    disability_pension: 'yes',
    death_lump_sum: 'no',
    survivor_pension: 'yes',
    survivor_lump_sum: 'yes',
    funeral: 'yes',
    care_addition: 'unconfirmed',
  },
};

export const categoryLabels: Record<VaccineCategory, string> = { A: 'A類', B: 'B類' };

/** 臨時接種 with the benefits of A類 (§7 表「A類 定期・臨時接種」): vaccinations outside the routine master. */
export const temporaryVaccinations: Array<{
  vaccine: string;
  from: LocalDate;
  to: LocalDate;
  category: VaccineCategory;
  label: string;
}> = [
  {
    vaccine: 'COVID',
    from: '2021-02-17',
    to: '2024-03-31',
    category: 'A',
    label: '新型コロナ 特例臨時接種（A類と同じ給付）',
  },
];

export type CategoryResult =
  | { ok: true; category: VaccineCategory; label: string }
  | { ok: false; message: string };

/**
 * The category (A類/B類) of a vaccination: the master's category when a rule version of the vaccine was in force
 * on the date (定期接種), or a 臨時接種 of `temporaryVaccinations`; otherwise the claim is not one of this system
 * (任意接種 → 医薬品副作用被害救済制度). §7 "Category follows the vaccination".
 */
export function categoryAt(vaccine: string, date: LocalDate, master = vaccineMaster): CategoryResult {
  const v = master.vaccines.find((x) => x.code === vaccine);
  const temp = temporaryVaccinations.find((t) => t.vaccine === vaccine && t.from <= date && date <= t.to);
  if (temp) return { ok: true, category: temp.category, label: temp.label };
  if (!v) return { ok: false, message: 'ワクチンを予防接種マスタから選んでください。' };
  if (!versionAt(v, date))
    return {
      ok: false,
      message: `${formatWareki(date)}は${v.name}の定期接種の期間外です。定期接種・臨時接種でない接種は予防接種法の救済の対象外です（医薬品副作用被害救済制度の窓口を案内してください）。接種日を確かめてください。`,
    };
  return { ok: true, category: v.category, label: `${categoryLabels[v.category]}定期接種` };
}

/** Checks the benefits claimed against the category: errors (not available) and warnings (unconfirmed, limits). */
export function checkBenefits(
  category: VaccineCategory,
  benefits: readonly string[],
): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!benefits.length) errors.push('請求する給付を1つ以上選んでください。');
  for (const b of benefits) {
    if (!(b in benefitTypes)) {
      errors.push(`給付の種類「${b}」はありません。一覧から選んでください。`);
      continue;
    }
    const label = benefitTypes[b as BenefitType];
    const a = benefitsByCategory[category][b as BenefitType];
    if (a === 'no')
      errors.push(
        `${categoryLabels[category]}の予防接種では「${label}」は請求できません（${category === 'A' ? '遺族年金・遺族一時金はB類の給付です。A類では死亡一時金を選んでください' : '障害児養育年金・死亡一時金はA類の給付です。B類では障害年金・遺族年金・遺族一時金を選んでください'}）。`,
      );
    else if (a === 'unconfirmed')
      warnings.push(`B類の「${label}」の有無は確認できていません [U]。都道府県に確認してください。`);
  }
  if (category === 'B' && benefits.some((b) => b === 'medical_cost' || b === 'medical_allowance'))
    warnings.push('B類の医療費・医療手当は、入院相当の医療に限られます。');
  return { errors, warnings };
}

// ---- 請求期限 (§7) -------------------------------------------------------------------------------------

/** A 請求期限 as data: `years` from `from` (null = unconfirmed [U]); `shortYears` when earlier benefits were paid. */
export type ClaimPeriod = {
  category: VaccineCategory;
  benefits: BenefitType[];
  years: number | null;
  shortYears?: number;
  from: 'payment' | 'death';
  label: string;
};

/** National default (§7 [C] for B類; A類 期限 [U]). */
export const claimPeriods: ClaimPeriod[] = [
  {
    category: 'B',
    benefits: ['medical_cost', 'medical_allowance'],
    years: 5,
    from: 'payment',
    label: '医療費・医療手当: 医療費を支払った日から5年',
  },
  {
    category: 'B',
    benefits: ['survivor_pension', 'survivor_lump_sum'],
    years: 5,
    shortYears: 2,
    from: 'death',
    label: '遺族年金・遺族一時金: 死亡の日から5年（医療費・医療手当・障害年金の支給を受けていた場合は2年）',
  },
  {
    category: 'A',
    benefits: benefitCodes,
    years: null,
    from: 'payment',
    label: 'A類の請求期限は確認できていません [U]',
  },
];

const yearsBefore = (date: LocalDate, years: number) => addMonthsClamped(date, -12 * years);

/**
 * 請求期限の目安 (warnings only — staff decide; the prefecture checks): for each period that applies to the
 * claimed benefits, what was paid or happened before the cut-off on the 受理日 is out of time.
 */
export function claimDeadlineHints(
  c: {
    category: VaccineCategory;
    benefits: readonly string[];
    receivedOn: LocalDate;
    vaccinatedOn: LocalDate | null;
    deathOn?: LocalDate | null;
  },
  periods: readonly ClaimPeriod[] = claimPeriods,
): string[] {
  const out: string[] = [];
  for (const p of periods) {
    if (p.category !== c.category || !p.benefits.some((b) => c.benefits.includes(b))) continue;
    if (p.years === null) {
      out.push(`${p.label}。期限は都道府県に確認してください。`);
      continue;
    }
    const cutoff = yearsBefore(c.receivedOn, p.years);
    if (p.from === 'payment') {
      out.push(`${p.label}。${formatWareki(cutoff)}より前に支払った医療費は請求期限を過ぎています。`);
      if (c.vaccinatedOn && compareDates(c.vaccinatedOn, cutoff) < 0)
        out.push(`接種日が受理日の${p.years}年より前です。期限内に支払った医療費だけが対象です。`);
    } else if (c.deathOn) {
      if (compareDates(c.deathOn, cutoff) < 0)
        out.push(`${p.label}。死亡の日（${formatWareki(c.deathOn)}）から${p.years}年を過ぎています。`);
      else if (p.shortYears && compareDates(c.deathOn, yearsBefore(c.receivedOn, p.shortYears)) < 0)
        out.push(
          `${p.label}。死亡の日から${p.shortYears}年を過ぎています。医療費・医療手当・障害年金の支給を受けていた場合は請求できません。`,
        );
    } else out.push(`${p.label}。死亡の日を確かめてください。`);
  }
  return out;
}

// ---- 状態 (受理 → 進達済 → 認定/否認, 取下げ) ---------------------------------------------------------------

export const reliefStatuses = {
  received: '受理',
  forwarded: '進達済',
  recognized: '認定',
  denied: '否認',
  withdrawn: '取下げ',
} as const;
export type ReliefStatus = keyof typeof reliefStatuses;

export type ReliefStep = 'forward' | 'decide' | 'withdraw';

/** The steps possible from each status (no skipping: a decision needs the 進達 first). flows.md F11a-05 */
export const stepsFrom: Record<ReliefStatus, ReliefStep[]> = {
  received: ['forward', 'withdraw'],
  forwarded: ['decide', 'withdraw'],
  recognized: [],
  denied: [],
  withdrawn: [],
};

const stepLabels: Record<ReliefStep, string> = {
  forward: '進達',
  decide: '認定・否認の登録',
  withdraw: '取下げ',
};

/** Why a step cannot be taken from a status (null = it can). */
export function stepError(status: ReliefStatus, step: ReliefStep): string | null {
  if (stepsFrom[status].includes(step)) return null;
  if (step === 'decide' && status === 'received')
    return '進達がまだです。先に進達日を登録してから、認定・否認を登録してください。';
  if (step === 'forward' && status === 'forwarded') return 'この請求はすでに進達済みです。';
  return `「${reliefStatuses[status]}」の請求には${stepLabels[step]}を登録できません。`;
}

/** The dates a case has so far, for the order check. */
export type CaseDates = {
  receivedOn: LocalDate;
  forwardedOn: LocalDate | null;
  decidedOn: LocalDate | null;
};

/** A step's date may not be before the previous step's (受理日 ≤ 進達日 ≤ 決定日 ≤ 結果受理日) nor after `today`. */
export function stepDateError(
  c: CaseDates,
  step: ReliefStep,
  date: LocalDate,
  today: LocalDate,
  what: string,
): string | null {
  if (compareDates(date, today) > 0) return `${what}に今日より後の日付は入力できません。`;
  const prev =
    step === 'forward'
      ? { date: c.receivedOn, label: '受理日' }
      : step === 'decide'
        ? { date: c.forwardedOn, label: '進達日' }
        : c.forwardedOn
          ? { date: c.forwardedOn, label: '進達日' }
          : { date: c.receivedOn, label: '受理日' };
  if (prev.date && compareDates(date, prev.date) < 0)
    return `${what}は${prev.label}（${formatWareki(prev.date)}）と同じか、それより後の日付を入力してください。`;
  return null;
}

/** 認定された給付 ⊆ 請求した給付; a recognition names at least one, a denial none. */
export function recognizedError(
  result: 'recognized' | 'denied',
  claimed: readonly string[],
  recognized: readonly string[],
): string | null {
  if (result === 'denied')
    return recognized.length ? '否認のときは、認定された給付を選ばないでください。' : null;
  if (!recognized.length) return '認定された給付を1つ以上選んでください。';
  const extra = recognized.filter((b) => !claimed.includes(b));
  if (extra.length)
    return `請求していない給付（${extra.map((b) => benefitTypes[b as BenefitType] ?? b).join('、')}）は認定に選べません。請求した給付から選んでください。`;
  return null;
}

// ---- 受付番号 ---------------------------------------------------------------------------------------

// ---- 請求書類 (the application documents; they vary with the case — flows.md F11a-05 notes) ----------------

export type ReliefDocument = { code: string; label: string; receivedOn: string | null };

/**
 * The usual 請求書類 for the benefits claimed (a checklist to tick with the received date; staff add free
 * entries for anything else). The exact list follows the prefecture's 請求の手引 [P].
 */
export const documentChecklist: Array<{ code: string; label: string; for?: BenefitType[] }> = [
  { code: 'claim_form', label: '請求書（給付の種類ごと）' },
  {
    code: 'vaccination_proof',
    label: '予防接種を受けたことを証明する書類（予防接種済証・母子健康手帳の写し）',
  },
  { code: 'medical_record', label: '診療録（カルテ）等、発病から現在までの経過が分かる資料' },
  {
    code: 'medical_cost_certificate',
    label: '医療費・医療手当に関する証明書（医療機関が作成）',
    for: ['medical_cost', 'medical_allowance'],
  },
  { code: 'receipts', label: '医療費の領収書', for: ['medical_cost'] },
  {
    code: 'disability_certificate',
    label: '障害の状態に関する診断書',
    for: ['child_disability_pension', 'disability_pension', 'care_addition'],
  },
  {
    code: 'death_certificate',
    label: '死亡診断書（死体検案書）の写し',
    for: ['death_lump_sum', 'survivor_pension', 'survivor_lump_sum', 'funeral'],
  },
  {
    code: 'family_register',
    label: '請求者と被接種者の身分関係を明らかにする書類（戸籍謄本等）',
    for: ['child_disability_pension', 'death_lump_sum', 'survivor_pension', 'survivor_lump_sum', 'funeral'],
  },
  { code: 'funeral_proof', label: '葬祭を行ったことを証明する書類', for: ['funeral'] },
];

/**
 * The checklist of a claim: the usual documents for its benefits, each with the received date recorded so far,
 * then the free entries (codes not in the checklist) as they were recorded.
 */
export function checklistFor(
  benefits: readonly string[],
  recorded: readonly ReliefDocument[],
): ReliefDocument[] {
  const byCode = new Map(recorded.map((d) => [d.code, d]));
  const usual = documentChecklist
    .filter((d) => !d.for || d.for.some((b) => benefits.includes(b)))
    .map((d) => ({ code: d.code, label: d.label, receivedOn: byCode.get(d.code)?.receivedOn ?? null }));
  const known = new Set(documentChecklist.map((d) => d.code));
  return [...usual, ...recorded.filter((d) => !known.has(d.code))];
}
