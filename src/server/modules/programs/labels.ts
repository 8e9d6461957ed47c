/**
 * Words for the 事業マスタ on screens, tickets and audit entries (pure: the web app imports this file).
 * One term, one meaning (ux.md): 受診間隔, 自己負担金, 節目年齢, 年齢基準日, 受診期間 ….
 */
import { warekiYear } from '../../platform/calendar/wareki.ts';
import type { CouponRule, FeeRule, IntervalRule, ProgramMethod, ProgramSettings } from './types.ts';

/**
 * 年度 as staff write it: 2026 → 「令和8年度（2026年度）」. The era is the one of 5月1日 so that 2019 is
 * 令和元年度 (the usual name of that 年度) and 1989 平成元年度.
 */
export function fiscalYearLabel(fy: number): string {
  const w = warekiYear(`${String(fy).padStart(4, '0')}-05-01`);
  return `${w.era}${w.year === 1 ? '元' : w.year}年度（${fy}年度）`;
}

/** 年度 in short form: 2026 → 「令和8年度」. */
export function fiscalYearShortLabel(fy: number): string {
  return fiscalYearLabel(fy).replace(/（.*）$/, '');
}

export const programSexLabels: Record<ProgramSettings['sex'], string> = {
  any: '男女',
  female: '女性',
  male: '男性',
};

export const cohortLabels: Record<ProgramSettings['cohort'], string> = {
  legal: '法定（4月2日〜4月1日生まれ）',
  naive: '暦年齢（4月1日〜3月31日生まれ）',
};

export const deliveryLabels: Record<ProgramSettings['delivery'], string> = {
  individual: '個別',
  group: '集団',
  both: '個別・集団',
};

export const couponBasisLabels: Record<CouponRule['basis'], string> = {
  previous_fiscal_year: '前年度に到達した年齢',
  this_fiscal_year: '当該年度に到達する年齢',
};

/** 受診間隔 in words: 毎年 / 2年に1回（前年度に受診していない） / 偶数年齢 / 生涯1回. */
export function intervalLabel(i: IntervalRule): string {
  switch (i.kind) {
    case 'interval':
      if (i.years === 1) return '毎年';
      return `${i.years}年に1回（前年度${i.years > 2 ? `から${i.years - 1}年度前まで` : ''}に受診していない）`;
    case 'parity':
      return i.parity === 'even' ? '2年に1回（偶数年齢）' : '2年に1回（奇数年齢）';
    case 'once':
      return '生涯1回';
  }
}

/** 対象年齢: 「40歳以上」「40〜70歳」, or the 節目年齢 「40・45・50歳」. */
export function ageRangeLabel(v: Pick<ProgramSettings, 'ageMin' | 'ageMax' | 'ageList'>): string {
  if (v.ageList?.length) return `${v.ageList.join('・')}歳（節目）`;
  return v.ageMax === null ? `${v.ageMin}歳以上` : `${v.ageMin}〜${v.ageMax}歳`;
}

/** 対象: 性別・年齢・節目 in one line (「女性 40歳以上」). */
export function targetLabel(v: Pick<ProgramSettings, 'sex' | 'ageMin' | 'ageMax' | 'ageList'>): string {
  return `${v.sex === 'any' ? '' : `${programSexLabels[v.sex]} `}${ageRangeLabel(v)}`;
}

/** 年齢の範囲 of a method (null bounds = the program's). */
export function methodAgeLabel(m: ProgramMethod): string {
  if (m.ageMin === null && m.ageMax === null) return '';
  if (m.ageMax === null) return `${m.ageMin}歳以上`;
  if (m.ageMin === null) return `${m.ageMax}歳以下`;
  return `${m.ageMin}〜${m.ageMax}歳`;
}

export const yen = (n: number) => (n === 0 ? '無料' : `${n.toLocaleString('ja-JP')}円`);

/** 自己負担金 in one line: 「胃部エックス線検査 1,000円・胃内視鏡検査 3,000円」「無料」「未設定」. */
export function feeLabel(fees: FeeRule, methods: ProgramMethod[]): string {
  const parts: string[] = [];
  if (fees.amounts['*'] !== undefined) parts.push(yen(fees.amounts['*']));
  for (const m of methods) {
    const a = fees.amounts[m.code];
    if (a !== undefined && m.enabled) parts.push(`${m.name} ${yen(a)}`);
  }
  return parts.length ? parts.join('・') : '未設定';
}

/** クーポン: 「40歳（前年度に到達した年齢）」 or 「なし」. */
export function couponLabel(c: CouponRule | null): string {
  if (!c || c.ages.length === 0) return 'なし';
  return `${c.ages.join('・')}歳（${couponBasisLabels[c.basis]}）`;
}

/** 年齢基準日 relative to the 年度: 「翌年3月31日（年度末）」. */
export function referenceDateLabel(r: ProgramSettings['referenceDate']): string {
  const year =
    r.yearOffset === 1 ? '翌年' : r.yearOffset === 0 ? '年度の始まる年の' : `${r.yearOffset}年後の`;
  const note =
    r.yearOffset === 1 && r.month === 3 && r.day === 31
      ? '（年度末）'
      : r.yearOffset === 0 && r.month === 3 && r.day === 31
        ? '（年度開始の前日）'
        : '';
  return `${year}${r.month}月${r.day}日${note}`;
}

const monthDay = (iso: string, fy: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y === fy + 1 ? '翌年' : y === fy ? '' : `${y}年`}${m}月${d}日`;
};

/** 受診期間 of 年度 fy: 「6月1日〜翌年2月28日」, 「年度内（4月1日〜翌年3月31日）」 when not set. */
export function periodLabel(fy: number, v: Pick<ProgramSettings, 'periodStart' | 'periodEnd'>): string {
  if (!v.periodStart && !v.periodEnd) return '年度内（4月1日〜翌年3月31日）';
  const start = v.periodStart ?? `${fy}-04-01`;
  const end = v.periodEnd ?? `${fy + 1}-03-31`;
  return `${monthDay(start, fy)}〜${monthDay(end, fy)}`;
}
