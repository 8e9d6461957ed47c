import { expect, type Page } from '@playwright/test';
import { residentOf } from './helpers.ts';

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
