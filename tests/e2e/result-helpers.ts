import { expect, type Page } from '@playwright/test';
import { findPerson, program } from './application-helpers.ts';
import { csrfToken } from './helpers.ts';

/** The current 年度 as the applications meta gives it. */
export async function currentFiscalYear(page: Page): Promise<number> {
  const meta = (await (await page.request.get('/api/adult/applications/meta')).json()) as {
    currentFiscalYear: number;
  };
  return meta.currentFiscalYear;
}

/**
 * A demo person eligible for 大腸がん検診 with a 要精検 result of 年度 fy entered over the API (便潜血 1日目 陽性,
 * 集団), skipping the ids in `not`.
 */
export async function personWithPositiveFobt(page: Page, fy: number, not: number[] = []) {
  const c = await findPerson(
    page,
    fy,
    (x) => program(x, 'colorectal').eligible && !not.includes(x.person.id),
  );
  const res = await page.request.post(`/api/adult/results/residents/${c.person.id}`, {
    data: {
      program: 'colorectal',
      screenedOn: `${fy}-06-10`,
      mode: 'group',
      result: 'needs_followup',
      items: { fobtDay1: 'positive', fobtDay2: 'negative' },
    },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(res.status(), await res.text()).toBe(200);
  return c.person;
}
