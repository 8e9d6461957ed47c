import { describe, expect, it } from 'vitest';
import { infantCheckupOf } from './checkups.ts';
import {
  ageReachedOn,
  allocate,
  type ChildToPlace,
  checkDigit,
  checkupWindow,
  dueFor,
  noSessionReason,
  ticketNumber,
  validTicketNumber,
} from './invitation-rules.ts';

const y1h = infantCheckupOf('y1h')!;
const m1 = infantCheckupOf('m1')!;
const m3 = infantCheckupOf('m3')!;

describe('生後N月に至った日 (§1.2)', () => {
  it.each([
    ['2026-07-31', 2, '2026-09-30', '7/31生 → 生後2月 = 9/30 [S4]'],
    ['2018-12-31', 2, '2019-02-28', '応当日なし → その月の末日 [S3c]'],
    ['2018-04-01', 2, '2018-05-31', '応当日の前日'],
    ['2025-03-15', 18, '2026-09-14', '1歳6か月'],
    ['2024-02-29', 36, '2027-02-28', '3歳 (2/29生)'],
    ['2026-05-10', 0, '2026-05-10', '生後0月 = 出生日 (1か月児の案内)'],
  ])('born %s, 生後%i月 → %s (%s)', (birth, n, want) => {
    expect(ageReachedOn(birth, n)).toBe(want);
  });

  it('window of 1歳6か月 (§4.6: 満1歳6か月を超え満2歳に達しない) = [生後18月, 生後24月に至るまで]', () => {
    expect(checkupWindow(y1h, '2025-03-15')).toEqual({ from: '2026-09-14', to: '2027-03-14' });
  });
});

describe('dueFor (F07-03 健診対象児の抽出)', () => {
  const period = { from: '2026-09-01', to: '2026-09-30' };
  it.each([
    ['2025-03-15', false, '2026-09-14', '生後18月 in the period'],
    ['2025-03-01', false, null, 'reached 8/31, the day before the period → not due'],
    ['2025-03-02', false, '2026-09-01', 'first day of the period'],
    ['2025-03-31', false, '2026-09-30', '3/31生: 応当日 9/31 なし → 9/30 (last day, due)'],
    ['2025-04-01', false, '2026-09-30', '4/1生 → 応当日 10/1 の前日 9/30'],
    ['2025-04-02', false, null, '4/2生 → 10/1 (after the period)'],
    ['2025-03-15', true, null, 'a result of the checkup already'],
  ])('born %s (result %s) → %s (%s)', (birth, hasResult, want, _note) => {
    const due = dueFor(y1h, birth, period, hasResult);
    expect(due?.invitedAt ?? null).toBe(want);
  });

  it('1か月児: invited in the period of birth (生後0月), within 生後1月〜生後2月', () => {
    expect(dueFor(m1, '2026-09-10', period, false)).toEqual({
      invitedAt: '2026-09-10',
      window: { from: '2026-10-09', to: '2026-11-09' },
    });
    expect(dueFor(m1, '2026-08-31', period, false)).toBeNull();
  });

  it('3〜4か月児: 生後3月 reached in the period', () => {
    expect(dueFor(m3, '2026-06-05', period, false)?.invitedAt).toBe('2026-09-04');
  });
});

describe('allocate (集団健診の日程割当)', () => {
  const child = (id: number, from: string, to: string, household: string | null = null): ChildToPlace => ({
    residentId: id,
    invitedAt: from,
    window: { from, to },
    householdNo: household,
  });
  const sessions = [
    { id: 2, date: '2026-10-20', capacity: 2, booked: 0 },
    { id: 1, date: '2026-10-06', capacity: 2, booked: 1 },
    { id: 3, date: '2026-11-10', capacity: 10, booked: 0 },
  ];

  it('earliest session within the window with room, in the order children reach the age', () => {
    const got = allocate(
      [
        child(12, '2026-09-20', '2027-03-19'),
        child(11, '2026-09-05', '2027-03-04'),
        child(13, '2026-10-10', '2027-04-09'),
        child(14, '2026-09-30', '2027-03-29'),
      ],
      sessions,
    );
    expect(got).toEqual([
      { residentId: 11, sessionId: 1, reason: null },
      { residentId: 12, sessionId: 2, reason: null },
      { residentId: 14, sessionId: 2, reason: null },
      { residentId: 13, sessionId: 3, reason: null },
    ]);
  });

  it('twins of one household stay together (the next session with room for both)', () => {
    const got = allocate(
      [child(21, '2026-09-05', '2027-03-04', 'H1'), child(22, '2026-09-05', '2027-03-04', 'H1')],
      sessions,
    );
    expect(got.map((p) => p.sessionId)).toEqual([2, 2]);
  });

  it('no session within the window → left without one, with the reason', () => {
    expect(allocate([child(31, '2026-12-01', '2027-05-31')], sessions)).toEqual([
      { residentId: 31, sessionId: null, reason: noSessionReason },
    ]);
  });
});

describe('受診票番号', () => {
  it('code, 年度, list, place and a check digit (weights 3·1)', () => {
    expect(checkDigit('4901234567894'.slice(0, 12))).toBe(4);
    const no = ticketNumber('m9', 2026, 12, 34);
    expect(no).toMatch(/^M9-2026-0012-0034-\d$/);
    expect(validTicketNumber(no)).toBe(true);
    expect(validTicketNumber(no.replace(/\d$/, (d) => String((Number(d) + 1) % 10)))).toBe(false);
    expect(ticketNumber('m9', 2026, 12, 35)).not.toBe(no);
  });
});
