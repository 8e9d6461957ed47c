/**
 * 妊娠届の確認 (maternal-child-vaccination-pmh.md §4.1, 母子保健法第15条・施行規則第3条): 届出年月日 ≤ today; the
 * 出産予定日 given or computed from the 妊娠週数 on the 届出日 (予定日 = 40週0日); the 妊娠週数 on the 届出日 between
 * 0週 and 42週6日; 胎児数 1–5 (§4.2: one 母子健康手帳 per fetus).
 */
import {
  compareDates,
  dueDateFrom,
  formatGestationalAge,
  type GestationalAge,
  gestationalAge,
  isValidDate,
  type LocalDate,
  pregnancyMonth,
} from '../../platform/calendar/index.ts';

export type NotificationInput = {
  notifiedOn: LocalDate;
  /** either the 出産予定日 or the 妊娠週数 on the 届出日 */
  dueDate: LocalDate | null;
  weeks: number | null;
  days: number | null;
  fetusCount: number;
};

export type FieldError = { field: string; message: string };

export type CheckedNotification = {
  dueDate: LocalDate;
  age: GestationalAge;
  /** 妊娠月数 as written on the 届 */
  month: number;
  label: string;
};

export const maxFetusCount = 5;
export const maxWeeksAtNotification = 42;

/** Checks a 妊娠届 (§4.1); returns the due date and the 妊娠週数 on the 届出日, or what to fix. */
export function checkNotification(
  v: NotificationInput,
  today: LocalDate,
): { ok: true; value: CheckedNotification } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isValidDate(v.notifiedOn)) errors.push({ field: 'notifiedOn', message: '届出日を入れてください。' });
  else if (compareDates(v.notifiedOn, today) > 0)
    errors.push({ field: 'notifiedOn', message: '届出日が未来の日付です。今日以前の日付を入れてください。' });
  if (!Number.isInteger(v.fetusCount) || v.fetusCount < 1 || v.fetusCount > maxFetusCount)
    errors.push({ field: 'fetusCount', message: `胎児数は1〜${maxFetusCount}で入れてください。` });
  let dueDate: LocalDate | null = null;
  if (v.dueDate) {
    if (!isValidDate(v.dueDate))
      errors.push({ field: 'dueDate', message: '出産予定日が日付になっていません。' });
    else dueDate = v.dueDate;
  } else if (v.weeks !== null) {
    const days = v.days ?? 0;
    if (!Number.isInteger(v.weeks) || v.weeks < 0 || v.weeks > maxWeeksAtNotification)
      errors.push({ field: 'weeks', message: `妊娠週数は0〜${maxWeeksAtNotification}週で入れてください。` });
    else if (!Number.isInteger(days) || days < 0 || days > 6)
      errors.push({ field: 'days', message: '妊娠週数の日数は0〜6日で入れてください。' });
    else if (isValidDate(v.notifiedOn)) dueDate = dueDateFrom(v.notifiedOn, { weeks: v.weeks, days });
  } else errors.push({ field: 'dueDate', message: '出産予定日か届出日の妊娠週数を入れてください。' });
  if (errors.length || !dueDate) return { ok: false, errors };
  const age = gestationalAge(dueDate, v.notifiedOn);
  if (!age || age.weeks > maxWeeksAtNotification)
    return {
      ok: false,
      errors: [
        {
          field: 'dueDate',
          message: `出産予定日 ${dueDate} では届出日の妊娠週数が0〜${maxWeeksAtNotification}週になりません。予定日を確かめてください。`,
        },
      ],
    };
  return { ok: true, value: { dueDate, age, month: pregnancyMonth(age), label: formatGestationalAge(age) } };
}

/** 妊娠の結果 (pregnancies.outcome). */
export const outcomeLabels = {
  birth: '出産',
  miscarriage: '流産',
  stillbirth: '死産',
  abortion: '人工妊娠中絶',
  moved_out: '転出',
} as const;
export type Outcome = keyof typeof outcomeLabels;

/** The vouchers an outcome leaves unusable (流産・死産・中絶・転出: the 妊婦健診 left; after a birth none). */
export const voidedKindsOn = (outcome: Outcome): string[] =>
  outcome === 'birth'
    ? []
    : outcome === 'moved_out'
      ? ['prenatal', 'postpartum', 'cervical', 'prenatal_dental', 'hearing']
      : ['prenatal', 'cervical', 'prenatal_dental', 'hearing'];

export const sourceLabels = { counter: '窓口', e_application: '電子申請', moved_in: '転入' } as const;
export type Source = keyof typeof sourceLabels;

export const handbookKindLabels = {
  issue: '交付',
  additional: '追加交付',
  reissue: '再交付',
  moved_in: '転入（他市町村の手帳）',
} as const;

/** 妊娠届の番号 「2026-0012」 and 手帳番号 「2026-0012-1」 (再交付: 「2026-0012-1-R1」). */
export const notificationNo = (fiscalYear: number, serial: number) =>
  `${fiscalYear}-${String(serial).padStart(4, '0')}`;
export const handbookNo = (notification: string, childIndex: number, reissue = 0) =>
  `${notification}-${childIndex}${reissue ? `-R${reissue}` : ''}`;
