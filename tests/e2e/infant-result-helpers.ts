import { expect, type Page } from '@playwright/test';
import { csrfToken, todayJst } from './helpers.ts';
import { addChild } from './vaccination-helpers.ts';

/** The date `months` months before today (JST), the day clamped to the month's end. */
export function monthsAgo(months: number): string {
  const [y, m, d] = todayJst().split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A child (住登外者 through the API) aged `months` months today. */
export const addInfant = (page: Page, months: number, sex: '1' | '2' = '1') =>
  addChild(page, monthsAgo(months), sex);

/** A 集団健診 session today (the reservations engine, program = the checkup code) with the children booked. */
export async function addGroupSession(page: Page, checkup: string, residentIds: number[]): Promise<number> {
  const headers = { 'x-csrf-token': await csrfToken(page.request) };
  const venues = await page.request.get('/api/venues');
  expect(venues.ok(), await venues.text()).toBe(true);
  const list = (await venues.json()) as { venues: { id: number; active: boolean }[] };
  const venue = list.venues.find((v) => v.active)!;
  const day = todayJst();
  const [y, m] = day.split('-').map(Number) as [number, number];
  const res = await page.request.post('/api/reservations/sessions', {
    headers,
    data: {
      purpose: 'infant.checkup',
      fiscalYear: m >= 4 ? y : y - 1,
      programs: [checkup],
      venueId: venue.id,
      sessionDate: day,
      cutoffDate: day,
      startTime: '13:00',
      endTime: '15:30',
      capacity: 30,
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const { session } = (await res.json()) as { session: { id: number } };
  for (const residentId of residentIds) {
    const b = await page.request.post(`/api/reservations/sessions/${session.id}/bookings`, {
      headers,
      data: { residentId },
    });
    expect(b.ok(), await b.text()).toBe(true);
  }
  return session.id;
}

/** Presses Enter (field to field; the last one saves) until the saved message shows. */
export async function enterUntilSaved(page: Page, name: string, max = 45): Promise<void> {
  const status = page.getByRole('status').filter({ hasText: `${name}さんの結果を保存しました` });
  const who = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const form = page.getByRole('form', { name: new RegExp(`^${who}さんの.*の結果を(入力|修正)$`) });
  const saving = form.locator('button[type="submit"][data-loading]');
  for (let i = 0; i < max; i++) {
    if (await status.isVisible()) return;
    // once the save is on its way (or done and the form gone, e.g. the next child of a roster took its place),
    // no more Enter: one more would land in the next child's form
    if ((await saving.count()) > 0 || (await form.count()) === 0) break;
    await page.keyboard.press('Enter');
  }
  await expect(status).toBeVisible();
}

/** A 要精密 1歳6か月児健診 result (個別, 言語) entered through the API; returns its id. */
export async function addDetailedResult(page: Page, childId: number): Promise<number> {
  const res = await page.request.post('/api/infant/checkup-results', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      childResidentId: childId,
      checkup: 'y1h',
      mode: 'individual',
      examinedOn: todayJst(),
      institutionName: 'すこやか小児科',
      measures: { heightCm: '80.0', weightKg: '10.20' },
      findings: { language: { finding: 'present', note: '有意語なし', judgement: 'detailed' } },
      dental: { teeth: '12', riskType: 'O1' },
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { id: number } }).result.id;
}

/** Issues a 精密健診依頼書 of a result through the API; returns its 依頼書番号. */
export async function issueReferral(page: Page, resultId: number): Promise<string> {
  const res = await page.request.post(`/api/infant/checkup-results/${resultId}/referrals`, {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      areas: ['言語障害の有無'],
      reason: '有意語なし',
      institutionName: 'すこやか発達クリニック',
      method: 'post',
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.headers()['x-referral-no']!;
}
