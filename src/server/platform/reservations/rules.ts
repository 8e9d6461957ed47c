/**
 * The pure rules of the reservations engine: session and booking states, the 締切日, capacity of a session and
 * of its time slots, and the checks of a session's plan. No database here (rules.test.ts covers it as tables).
 */
import { addDays, type LocalDate } from '../calendar/index.ts';

export const sessionStatuses = ['open', 'closed', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const sessionStatusLabels: Record<SessionStatus, string> = {
  open: '受付中',
  closed: '締切',
  cancelled: '中止',
};

export type BookingStatus = 'booked' | 'waiting' | 'cancelled';
export const bookingStatusLabels: Record<BookingStatus, string> = {
  booked: '予約',
  waiting: 'キャンセル待ち',
  cancelled: '取消',
};

export const receptionStates = ['none', 'arrived', 'no_show'] as const;
export type Reception = (typeof receptionStates)[number];
export const receptionLabels: Record<Reception, string> = {
  none: '未受付',
  arrived: '受付済',
  no_show: '欠席',
};

export type SlotPlan = { startTime: string; endTime: string; capacity: number };
export type SessionPlan = { startTime: string; endTime: string; capacity: number; slots: SlotPlan[] };
export type PlanIssue = { path: string; message: string };

/** The last day bookings are taken: the 締切日, or the day before the session. */
export function lastBookingDay(s: { sessionDate: LocalDate; cutoffDate: LocalDate | null }): LocalDate {
  return s.cutoffDate ?? addDays(s.sessionDate, -1);
}

export type BookingOverride = { cutoff?: boolean };

/**
 * Why a session takes no booking on `day` (null = it does). 中止 and past sessions never; 締切 and a passed
 * 締切日 only with the counter staff's explicit override.
 */
export function bookingRefusal(
  s: { sessionDate: LocalDate; cutoffDate: LocalDate | null; status: string },
  day: LocalDate,
  override: BookingOverride = {},
): string | null {
  if (s.status === 'cancelled') return 'この日程は中止になりました。別の日程を選んでください。';
  if (s.sessionDate < day) return 'この日程は既に終わっています。これからの日程を選んでください。';
  if (override.cutoff) return null;
  if (s.status === 'closed')
    return 'この日程は受付を締め切っています。別の日程を選ぶか、窓口で締切後の受付として登録してください。';
  const last = lastBookingDay(s);
  if (day > last)
    return `この日程の予約は締切日（${last}）を過ぎています。別の日程を選ぶか、窓口で締切後の受付として登録してください。`;
  return null;
}

export type Room = { capacity: number; booked: number };

/** What is full for one more booking: the session, the slot, or nothing. */
export function fullness(session: Room, slot: Room | null): 'session' | 'slot' | null {
  if (session.booked >= session.capacity) return 'session';
  if (slot && slot.booked >= slot.capacity) return 'slot';
  return null;
}

export function fullMessage(what: 'session' | 'slot', capacity: number, slotLabel = ''): string {
  return what === 'session'
    ? `この日程は定員（${capacity}人）に達しています。キャンセル待ちにするか、別の日程を選んでください。`
    : `時間枠 ${slotLabel} は定員（${capacity}人）に達しています。キャンセル待ちにするか、別の時間枠を選んでください。`;
}

const overlaps = (a: SlotPlan, b: SlotPlan) => a.startTime < b.endTime && b.startTime < a.endTime;

/** A session's times, 定員 and slots: end after start, slots inside the session, apart, each fitting the 定員. */
export function planIssues(p: SessionPlan): PlanIssue[] {
  const out: PlanIssue[] = [];
  if (p.startTime >= p.endTime)
    out.push({ path: 'endTime', message: '終了時刻は開始時刻より後にしてください。' });
  if (!Number.isInteger(p.capacity) || p.capacity < 1)
    out.push({ path: 'capacity', message: '定員は1人以上にしてください。' });
  const sorted = [...p.slots].sort((a, b) => (a.startTime < b.startTime ? -1 : 1));
  sorted.forEach((s, i) => {
    const label = `時間枠 ${s.startTime}〜${s.endTime}`;
    const path = `slots.${p.slots.indexOf(s)}`;
    if (s.startTime >= s.endTime)
      out.push({ path, message: `${label}: 終了時刻は開始時刻より後にしてください。` });
    else if (s.startTime < p.startTime || s.endTime > p.endTime)
      out.push({ path, message: `${label}は日程の時間（${p.startTime}〜${p.endTime}）の中にしてください。` });
    if (s.capacity < 1) out.push({ path, message: `${label}の定員は1人以上にしてください。` });
    else if (s.capacity > p.capacity)
      out.push({
        path,
        message: `${label}の定員（${s.capacity}人）が日程の定員（${p.capacity}人）を超えています。`,
      });
    const next = sorted[i + 1];
    if (next && overlaps(s, next))
      out.push({
        path,
        message: `${label}と時間枠 ${next.startTime}〜${next.endTime}の時間が重なっています。`,
      });
  });
  return out;
}

/**
 * A changed plan must keep room for who is booked: the session's 定員 not below its bookings, a kept slot's
 * 定員 not below its bookings, and a removed slot without bookings.
 */
export function reductionIssues(
  p: { capacity: number; slots: (SlotPlan & { id?: number })[] },
  booked: { session: number; slots: { id: number; label: string; booked: number }[] },
): PlanIssue[] {
  const out: PlanIssue[] = [];
  if (p.capacity < booked.session)
    out.push({
      path: 'capacity',
      message: `この日程には${booked.session}人が予約しています。定員は${booked.session}人以上にするか、先に予約を別の日程へ移してください。`,
    });
  for (const slot of booked.slots) {
    if (slot.booked === 0) continue;
    const kept = p.slots.find((s) => s.id === slot.id);
    if (!kept)
      out.push({
        path: 'slots',
        message: `時間枠 ${slot.label} には${slot.booked}人が予約しているため削除できません。先に予約を別の時間枠へ移してください。`,
      });
    else if (kept.capacity < slot.booked)
      out.push({
        path: `slots.${p.slots.indexOf(kept)}`,
        message: `時間枠 ${slot.label} には${slot.booked}人が予約しています。定員は${slot.booked}人以上にしてください。`,
      });
  }
  return out;
}

export type BookingAction = 'cancel' | 'promote' | 'reception' | 'move';

/** Whether a booking in `status` allows `action` (null) or the message saying why not. */
export function transitionRefusal(status: BookingStatus, action: BookingAction): string | null {
  if (status === 'cancelled') return 'この予約は既に取り消されています。画面を読み込み直してください。';
  if (action === 'promote' && status !== 'waiting') return 'この方はキャンセル待ちではありません。';
  if (action === 'reception' && status !== 'booked')
    return 'キャンセル待ちの方は受付できません。先に「予約にする」で予約に繰り上げてください。';
  return null;
}
