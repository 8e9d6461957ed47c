import { type Browser, expect, type Page } from '@playwright/test';
import { addDays, nextBusinessDay } from '../../src/server/platform/calendar/index.ts';
import { demoPassword, residentOf } from './helpers.ts';

/** What the 申込受付 check (GET /api/adult/applications/check/:id) says of a person. */
export type Check = {
  person: { id: number; atenaNo: string; name: string; birthDate: string; status: string };
  history: {
    program: string;
    name: string;
    eligible: boolean;
    reasons: string[];
    lastScreenedWareki: string;
  }[];
  applications: unknown[];
};

/**
 * The first demo person (by id) who is a 住民, not 支援措置, has no application yet and for whom `wanted` holds
 * (a fresh demo city has ids from 1 and about a quarter of each age group screened last 年度).
 */
export async function findPerson(page: Page, fy: number, wanted: (c: Check) => boolean): Promise<Check> {
  for (let id = 1; id <= 600; id++) {
    const res = await page.request.get(`/api/adult/applications/check/${id}?fiscalYear=${fy}`);
    if (res.status() !== 200) continue;
    const c = (await res.json()) as Check;
    if (c.person.status !== 'resident' || c.applications.length || !wanted(c)) continue;
    if ((await residentOf(page.request, id)).supportMeasure) continue;
    return c;
  }
  throw new Error('no demo person fits');
}

export const program = (c: Check, code: string) => c.history.find((h) => h.program === code)!;

/** 申込受付: finds the person by 宛名番号 (Enter) and waits for the history check. */
export async function pickPerson(page: Page, atenaNo: string, name: string): Promise<void> {
  const box = page.getByLabel('宛名番号・氏名・カナ・生年月日');
  await expect(box).toBeFocused();
  await box.fill(atenaNo);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: '申込者' }).getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: '受診歴と今年度の判定' })).toBeVisible();
}

/** A 集団検診 session as POST /api/sessions saves it. */
export type PlannedSession = { id: number; sessionDate: string; startTime: string; venueName: string };

/** The next business day `days` after `from`, or the last day of 年度 `fy` when that is sooner. */
export function businessDayAhead(fy: number, from: string, days: number): string {
  const last = `${fy + 1}-03-31`;
  const date = nextBusinessDay(addDays(from, days));
  return date > last ? last : date;
}

/** As admin (事業マスタ, over the API, in a context of its own): a 集団検診 at the first venue. */
export async function planSession(
  browser: Browser,
  plan: {
    fiscalYear: number;
    programs: string[];
    sessionDate: string;
    startTime: string;
    endTime: string;
    capacity: number;
    note: string;
  },
): Promise<{ session: PlannedSession; venue: { id: number; name: string } }> {
  const admin = await browser.newContext();
  try {
    const login = await admin.request.post('/api/auth/login', {
      data: { loginId: 'admin', password: demoPassword },
    });
    expect(login.status()).toBe(200);
    const headers = { 'x-csrf-token': (await login.json()).user.csrfToken as string };
    const { venues } = (await (await admin.request.get('/api/venues')).json()) as {
      venues: { id: number; name: string }[];
    };
    const venue = venues[0]!;
    const created = await admin.request.post('/api/sessions', {
      headers,
      data: { ...plan, venueId: venue.id },
    });
    expect(created.status(), await created.text()).toBe(200);
    return { session: (await created.json()).session as PlannedSession, venue };
  } finally {
    await admin.close();
  }
}
