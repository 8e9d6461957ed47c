import { expect, type Locator, type Page } from '@playwright/test';
import { csrfToken, token } from './helpers.ts';

/** A child registered as 住登外者 (as at the counter) with a given birth date; returns id, 宛名番号 and name. */
export async function addChild(page: Page, birthDate: string, sex: '1' | '2' = '1') {
  const name = `接種 ${token().slice(-5)}`;
  const res = await page.request.post('/api/residents', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      name,
      nameKana: 'セッシュ タロウ',
      birthDate,
      sex,
      postalCode: '1234567',
      address: 'すこやか市中央一丁目1番1号',
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const r = (await res.json()) as { id: number; atenaNo: string };
  return { id: Number(r.id), atenaNo: r.atenaNo, name };
}

/** Opens 予防接種 from the menu and picks the person by 宛名番号 (typed, Enter). */
export async function openPerson(page: Page, atenaNo: string, name: string): Promise<void> {
  await page.getByRole('link', { name: '予防接種', exact: true }).click();
  await expect(page).toHaveURL(/\/vaccination$/);
  const search = page.getByLabel('宛名番号・氏名・カナ・生年月日');
  await expect(search).toBeFocused();
  await search.fill(atenaNo);
  await search.press('Enter');
  await expect(page.getByRole('region', { name: '対象者の情報' })).toContainText(name);
}

export const entryForm = (page: Page): Locator => page.getByRole('form', { name: '接種の記録の入力' });

/**
 * Types one record with the keyboard only, from the focused ワクチン field: each value then Enter (an empty
 * value keeps what is there, e.g. the preselected 回). Ends on the last field (備考) without the final Enter.
 */
export async function typeRecord(
  page: Page,
  v: {
    vaccine: string;
    date: string;
    product?: string;
    lot?: string;
    institution?: string;
    doctor?: string;
    formNo?: string;
    source?: '1' | '2';
  },
): Promise<void> {
  const form = entryForm(page);
  await expect(form.getByRole('textbox', { name: 'ワクチン', exact: true })).toBeFocused();
  const values = [
    v.vaccine,
    v.date,
    '',
    v.product ?? '',
    v.lot ?? '',
    v.institution ?? '',
    v.doctor ?? '',
    v.formNo ?? '',
    v.source ?? '',
  ];
  for (const value of values) {
    if (value) await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(form.getByLabel('備考')).toBeFocused();
}

/** A row of the schedule table by vaccine name and 回. */
export const scheduleRow = (page: Page, vaccine: string, dose: string): Locator =>
  page
    .getByRole('region', { name: '接種スケジュール' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: vaccine, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: dose, exact: true }) });
