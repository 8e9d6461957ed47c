/**
 * 妊娠週数 (gestational age) — the 出産予定日 is 妊娠40週0日 (満280日), 0週0日 is the first day of the last menstrual
 * period (予定日 − 280日); weeks and days are 満 (completed). maternal-child-vaccination-pmh.md §4.1/§4.3; the
 * inverse of pregnancyWeekDate (vaccination-calendar.ts).
 */
import { addDays, compareDates, daysBetween, type LocalDate } from './date.ts';
import { pregnancyWeekDate } from './vaccination-calendar.ts';

export type GestationalAge = { weeks: number; days: number };

/** 妊娠W週D日 on `on` (null before 0週0日). 予定日 2026-12-01 → on 2026-12-01: 40週0日; on 2026-11-30: 39週6日. */
export function gestationalAge(dueDate: LocalDate, on: LocalDate): GestationalAge | null {
  const elapsed = 280 - daysBetween(on, dueDate);
  if (elapsed < 0) return null;
  return { weeks: Math.floor(elapsed / 7), days: elapsed % 7 };
}

/** The 出産予定日 from the 妊娠週数 on a day (届出時 「妊娠11週3日」 on the 届出日). */
export function dueDateFrom(on: LocalDate, age: GestationalAge): LocalDate {
  return addDays(on, 280 - (7 * age.weeks + age.days));
}

/** The 妊娠月数 (数え: 0〜3週 = 1か月, 4〜7週 = 2か月 … 36〜39週 = 10か月) used on the 妊娠届. */
export const pregnancyMonth = (age: GestationalAge): number => Math.min(10, Math.floor(age.weeks / 4) + 1);

/** 妊娠W週D日 as written on forms: 「妊娠11週3日」. */
export const formatGestationalAge = (age: GestationalAge): string => `妊娠${age.weeks}週${age.days}日`;

/** The first day of 妊娠W週0日 (for windows such as 妊婦健診の回ごとの目安). */
export const weekStart = (dueDate: LocalDate, weeks: number): LocalDate =>
  pregnancyWeekDate(dueDate, weeks, 0);

/** Whether `on` is before the due date (the pregnancy is not yet at term: 37週0日 is 正期). */
export const isPreterm = (dueDate: LocalDate, on: LocalDate): boolean =>
  compareDates(on, pregnancyWeekDate(dueDate, 37, 0)) < 0;
