/**
 * Pure rules of 乳幼児健診の結果 (F07-04/F07-05) and 精密健診の結果 (F07-06): the 月齢 on the 受診日 (生後N月 + 日,
 * §1.2), the checkup's age window (§4.6: 1歳6か月 = 生後18月〜24月, 3歳 = 36月〜48月), the items of result-items.ts
 * (計測の範囲, 所見, 歯科), the 判定 (any 要精密 area → 要精密, and a 精密健診依頼 is proposed) and the follow-up reasons.
 * Messages in Japanese, saying what to fix; the entry screen and the import use the same checks.
 */
import {
  addDays,
  compareDates,
  daysBetween,
  formatWareki,
  type LocalDate,
  reachMonths,
} from '../../platform/calendar/index.ts';
import {
  type InfantCheckup,
  type InfantCheckupCode,
  infantCheckupOf,
  type Judgement,
  judgementLabels,
} from './checkups.ts';
import {
  areaJudgements,
  type DentalValues,
  dentalOf,
  type FindingValue,
  findingItemsOf,
  findingLabels,
  fluorideLabels,
  measuresOf,
  occlusionLabels,
  plaqueLabels,
  type ResultItems,
} from './result-items.ts';

export type FieldError = { field: string | null; message: string };

/**
 * 月齢 on `on`: N = the number of months whose 生後N月に至った日 (§1.2: the day before the N-month 応当日, or the last
 * day of the month without one) is before `on`; days = the days since the day after it.
 */
export function ageOnDay(birth: LocalDate, on: LocalDate): { months: number; days: number } {
  if (compareDates(on, birth) < 0) throw new RangeError(`${on} is before the birth ${birth}`);
  let n = 0;
  while (compareDates(reachMonths(birth, n + 1), on) < 0) n++;
  const start = n === 0 ? birth : addDays(reachMonths(birth, n), 1);
  return { months: n, days: daysBetween(start, on) };
}

/** 「1歳6か月10日」「3か月2日」 */
export function ageText(a: { months: number; days: number }): string {
  const y = Math.floor(a.months / 12);
  const m = a.months % 12;
  return `${y ? `${y}歳` : ''}${m || !y ? `${m}か月` : ''}${a.days}日`;
}

/**
 * The checkup window (§4.6, checkups.ts): from 生後`fromMonths`月に至った日 until 生後`toMonths`月に至るまで. Outside
 * is a warning with the reason (the result is kept: a child seen late is still seen), before the birth an error.
 */
export function windowWarning(c: InfantCheckup, birth: LocalDate, on: LocalDate): string | null {
  const from = reachMonths(birth, c.fromMonths);
  const to = reachMonths(birth, c.toMonths);
  const age = ageText(ageOnDay(birth, on));
  if (compareDates(on, from) < 0)
    return `受診日（${formatWareki(on)}、${age}）は${c.name}の対象月齢（生後${c.fromMonths}月に至った${formatWareki(from)}から）より前です。受診日と健診の種類を確かめてください。`;
  if (compareDates(on, to) > 0)
    return `受診日（${formatWareki(on)}、${age}）は${c.name}の対象月齢（生後${c.toMonths}月に至る${formatWareki(to)}まで）を過ぎています。受診日と健診の種類を確かめてください。`;
  return null;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).normalize('NFKC').trim());
const codeOf = <K extends string>(labels: Record<K, string>, v: unknown): K | null => {
  const t = text(v);
  return (
    (Object.keys(labels) as K[]).find((k) => k === t || labels[k] === t || labels[k].startsWith(`${t}（`)) ??
    null
  );
};
const judgementOf = (v: unknown): Judgement | null =>
  text(v) === '' ? 'normal' : codeOf(judgementLabels, v);

function numberIn(
  label: string,
  raw: unknown,
  min: number,
  max: number,
  decimals: number,
  unit: string,
  err: (m: string) => void,
) {
  const t = text(raw);
  const ok = decimals === 0 ? /^\d+$/.test(t) : new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(t);
  const n = Number(t);
  if (!ok || n < min || n > max) {
    err(
      `${label}「${t}」は ${min}〜${max}${unit} の${decimals ? `小数第${decimals}位まで` : '整数'}で入れてください。`,
    );
    return null;
  }
  return n;
}

export type RawResult = {
  measures?: Record<string, unknown>;
  findings?: Record<string, { finding?: unknown; note?: unknown; judgement?: unknown } | undefined>;
  dental?: Record<string, unknown> | null;
};

/** The items of a checkup (計測, 所見, 歯科) → the stored values, or the errors (field = the item's path). */
export function checkResultItems(
  code: InfantCheckupCode,
  raw: RawResult,
): { ok: true; items: ResultItems; dental: DentalValues | null } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const items: ResultItems = { measures: {}, findings: {} };
  for (const d of measuresOf(code)) {
    const v = raw.measures?.[d.code];
    if (text(v) === '') {
      if (d.code === 'heightCm' || d.code === 'weightKg')
        errors.push({ field: `measures.${d.code}`, message: `${d.label}を入れてください。` });
      continue;
    }
    const n = numberIn(d.label, v, d.min, d.max, d.decimals, d.unit, (m) =>
      errors.push({ field: `measures.${d.code}`, message: m }),
    );
    if (n !== null) items.measures[d.code] = n;
  }
  for (const it of findingItemsOf(code)) {
    const v = raw.findings?.[it.code] ?? {};
    const field = `findings.${it.code}`;
    const finding = text(v.finding) === '' ? 'none' : codeOf(findingLabels, v.finding);
    const judgement = judgementOf(v.judgement);
    const note = text(v.note);
    if (!finding) errors.push({ field, message: `${it.label}は「所見なし」か「所見あり」にしてください。` });
    if (!judgement)
      errors.push({
        field,
        message: `${it.label}の判定「${text(v.judgement)}」は読めません。${Object.values(judgementLabels).join('・')} から選んでください。`,
      });
    if (finding === 'present' && !note)
      errors.push({ field, message: `${it.label}は所見ありです。所見の内容を入れてください。` });
    if (finding === 'none' && judgement && judgement !== 'normal')
      errors.push({
        field,
        message: `${it.label}は所見なしなのに判定が「${judgementLabels[judgement]}」です。所見ありにして内容を入れるか、判定を異常なしにしてください。`,
      });
    if (note.length > 200) errors.push({ field, message: `${it.label}の所見は200文字以内にしてください。` });
    if (finding && judgement) items.findings[it.code] = { finding, note, judgement } satisfies FindingValue;
  }
  const def = dentalOf(code);
  let dental: DentalValues | null = null;
  if (def) {
    const r = raw.dental ?? {};
    const err = (f: string) => (m: string) => errors.push({ field: `dental.${f}`, message: m });
    const teeth = numberIn('歯数', r.teeth, 0, def.teethMax, 0, '本', err('teeth'));
    const untreated = numberIn(
      'むし歯（未処置）',
      text(r.cariesUntreated) || '0',
      0,
      20,
      0,
      '本',
      err('cariesUntreated'),
    );
    const treated = numberIn(
      'むし歯（処置）',
      text(r.cariesTreated) || '0',
      0,
      20,
      0,
      '本',
      err('cariesTreated'),
    );
    const plaque = codeOf(plaqueLabels, text(r.plaque) || 'none');
    const occlusion = codeOf(occlusionLabels, text(r.occlusion) || 'normal');
    const fluoride = codeOf(fluorideLabels, text(r.fluoride) || 'not_applied');
    const riskType = text(r.riskType).toUpperCase();
    const judgement = judgementOf(r.judgement);
    if (!plaque) err('plaque')(`歯垢は ${Object.values(plaqueLabels).join('・')} から選んでください。`);
    if (!occlusion) err('occlusion')('咬合は「正常」か「異常」にしてください。');
    if (!fluoride) err('fluoride')('フッ化物塗布は「実施」か「未実施」にしてください。');
    if (!judgement)
      err('judgement')(`歯科の判定は ${Object.values(judgementLabels).join('・')} から選んでください。`);
    if (!def.riskTypes.includes(riskType))
      err('riskType')(`むし歯のリスク分類「${riskType}」は ${def.riskTypes.join('・')} から選んでください。`);
    if (teeth !== null && untreated !== null && treated !== null) {
      if (untreated + treated > teeth)
        err('cariesUntreated')(
          `むし歯の本数（未処置${untreated}本・処置${treated}本）が歯数${teeth}本を超えています。`,
        );
      const caries = untreated + treated > 0;
      if (def.riskTypes.includes(riskType) && riskType.startsWith('O') === caries)
        err('riskType')(
          caries
            ? `むし歯があるのにリスク分類が${riskType}型です。A型以降を選ぶか、むし歯の本数を確かめてください。`
            : `むし歯がないのにリスク分類が${riskType}型です。O型（1歳6か月は O1・O2）を選ぶか、むし歯の本数を入れてください。`,
        );
    }
    const note = text(r.note);
    if (
      teeth !== null &&
      untreated !== null &&
      treated !== null &&
      plaque &&
      occlusion &&
      fluoride &&
      judgement
    )
      dental = {
        teeth,
        cariesUntreated: untreated,
        cariesTreated: treated,
        plaque,
        occlusion,
        riskType,
        fluoride,
        judgement,
        note,
      };
  }
  return errors.length ? { ok: false, errors } : { ok: true, items, dental };
}

/** The areas (labels) whose 判定 is `j`, 歯科 included. */
export function areasJudged(
  code: InfantCheckupCode,
  items: ResultItems,
  dental: DentalValues | null,
  j: Judgement,
): string[] {
  const out = findingItemsOf(code)
    .filter((it) => items.findings[it.code]?.judgement === j)
    .map((it) => it.label);
  if (dental?.judgement === j) out.push('歯科');
  return out;
}

/** Worst first: the 判定 proposed from the areas (§4.6 flow: 要精密 → 精密健診依頼). */
const severity: Judgement[] = ['detailed', 'treatment', 'under_care', 'observe', 'normal'];

export function proposedJudgement(items: ResultItems, dental: DentalValues | null): Judgement {
  const all = [
    ...Object.values(items.findings).map((f) => f.judgement),
    ...(dental ? [dental.judgement] : []),
  ];
  return severity.find((j) => all.includes(j)) ?? 'normal';
}

/**
 * The 総合判定 chosen by staff against the areas: an area 要精密 makes the checkup 要精密 (the referral follows); a
 * 総合判定 better than the worst area is an error naming the areas.
 */
export function checkJudgement(
  code: InfantCheckupCode,
  items: ResultItems,
  dental: DentalValues | null,
  given: string,
): FieldError | Judgement {
  const j = text(given) === '' ? proposedJudgement(items, dental) : codeOf(judgementLabels, given);
  if (!j)
    return {
      field: 'judgement',
      message: `総合判定「${text(given)}」は読めません。${Object.values(judgementLabels).join('・')} から選んでください。`,
    };
  const detailed = areasJudged(code, items, dental, 'detailed');
  if (detailed.length && j !== 'detailed')
    return {
      field: 'judgement',
      message: `要精密の項目（${detailed.join('、')}）があります。総合判定を要精密にしてください。`,
    };
  const worst = proposedJudgement(items, dental);
  if (j === 'normal' && worst !== 'normal')
    return {
      field: 'judgement',
      message: `${judgementLabels[worst]}の項目（${areasJudged(code, items, dental, worst).join('、')}）があるため、総合判定を異常なしにはできません。`,
    };
  return j;
}

/** Whether a 精密健診依頼書 is proposed, and for which areas. */
export const referralAreas = (code: InfantCheckupCode, items: ResultItems, dental: DentalValues | null) =>
  areasJudged(code, items, dental, 'detailed');

/** フォロー対象者 (F07-04/05 step 5): 要観察・要精密・要治療 with the checkup and areas as the reason. */
export function followUpReasons(
  code: InfantCheckupCode,
  j: Judgement,
  items: ResultItems,
  dental: DentalValues | null,
): string[] {
  if (j !== 'observe' && j !== 'detailed' && j !== 'treatment') return [];
  const name = infantCheckupOf(code)?.name ?? code;
  const areas = areasJudged(code, items, dental, j);
  return [`${name} ${judgementLabels[j]}${areas.length ? `（${areas.join('、')}）` : ''}`];
}

/** 精密健診の結果 (F07-06): what the institution may answer (要精密 is no answer of a 精密健診). */
export const detailedResultLabels = {
  normal: '異常なし',
  observe: '要観察',
  treatment: '要治療',
  under_care: '既医療',
  other: 'その他',
} as const;
export type DetailedResult = keyof typeof detailedResultLabels;

export function checkDetailed(
  v: { result: string; examinedOn: LocalDate; diagnosis: string },
  referral: { issuedOn: LocalDate; referralNo: string },
  today: LocalDate,
): FieldError[] {
  const out: FieldError[] = [];
  if (!codeOf(detailedResultLabels, v.result))
    out.push({
      field: 'result',
      message: `精密健診の結果「${text(v.result)}」は ${Object.values(detailedResultLabels).join('・')} から選んでください。`,
    });
  if (compareDates(v.examinedOn, referral.issuedOn) < 0)
    out.push({
      field: 'examinedOn',
      message: `受診日（${formatWareki(v.examinedOn)}）が依頼書 ${referral.referralNo} の発行日（${formatWareki(referral.issuedOn)}）より前です。`,
    });
  if (compareDates(v.examinedOn, today) > 0)
    out.push({ field: 'examinedOn', message: '受診日が未来の日付です。' });
  if (v.diagnosis.length > 200)
    out.push({ field: 'diagnosis', message: '診断名・所見は200文字以内にしてください。' });
  return out;
}
export const detailedResultOf = (v: string) => codeOf(detailedResultLabels, v);

/** フォロー対象者 after a 精密健診 (F07-06): 要観察・要治療・その他. */
export const detailedFollowUp = (r: DetailedResult, areas: string[], diagnosis: string): string[] =>
  r === 'observe' || r === 'treatment' || r === 'other'
    ? [`乳幼児精密健診 ${detailedResultLabels[r]}（${[...areas, diagnosis].filter(Boolean).join('、')}）`]
    : [];

/** 依頼書番号: 「IR-2026-00012」 (年度 and a running number of 5 digits, given by the repository after the prefix). */
export const referralPrefix = (fiscalYear: number) => `IR-${fiscalYear}-`;
export const referralNoOf = (fiscalYear: number, seq: number) =>
  `${referralPrefix(fiscalYear)}${String(seq).padStart(5, '0')}`;

export { areaJudgements };
