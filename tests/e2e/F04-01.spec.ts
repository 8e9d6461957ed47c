import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { Check } from './application-helpers.ts';
import { login } from './helpers.ts';
import { currentFiscalYear, personWithPositiveFobt } from './result-helpers.ts';

/**
 * F04-01 精密検査結果入力: a 大腸がん 要精検 person is 精検未把握 in 精密検査の把握; the clerk enters the 精検結果
 * (精検日, 精検機関 by code, 精検法, 精検結果, 精検機関からの報告) — an incomplete one is refused with what is missing —
 * and the person becomes 精検受診.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let fy = 0;
let person: Check['person'];

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = await currentFiscalYear(page);
  person = await personWithPositiveFobt(page, fy);
});
test.afterAll(async () => {
  await context.close();
});

test('要精検の方は「精検未把握」で一覧に出て、精検結果を入れると「精検受診」になる', async () => {
  await page.goto('/adult');
  await page.getByRole('link', { name: '精密検査の把握' }).click();
  await expect(page).toHaveURL(/\/adult\/detailed-exams$/);
  const table = page.getByRole('table', { name: '要精検者' });
  const row = table.getByRole('row').filter({ hasText: person.atenaNo });
  await expect(row).toContainText('大腸がん検診');
  await expect(row).toContainText('要精検');
  await expect(row).toContainText('精検未把握');
  await row.getByRole('button', { name: `${person.name}の精検結果を入力` }).click();

  const dialog = page.getByRole('dialog', { name: '精密検査結果の入力' });
  await dialog.getByLabel('精検日').fill(`R${fy - 2018}.7.1`);
  await expect(dialog.getByText(`令和${fy - 2018}年7月1日`)).toBeVisible();
  await dialog.getByLabel('精検法').selectOption({ label: '全大腸内視鏡検査' });
  await dialog.getByRole('button', { name: '保存' }).click();
  // 精検受診 needs all four items: the missing ones are named
  await expect(dialog.getByText('精検受診には受診した医療機関が必要です。')).toBeVisible();
  await expect(dialog.getByText(/精検受診には精検結果が必要です/)).toBeVisible();
  await dialog.getByLabel('精検機関（医療機関コード・名称）').fill('9910100011');
  await dialog.getByLabel('精検結果').selectOption({ label: 'がん以外の疾患であった者' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  // gone from the follow-up list (the default filter) …
  await expect(row).toHaveCount(0);
  // … and 精検受診 with what was entered
  await page.getByLabel('精検の状況').selectOption({ label: '精検受診' });
  await page.getByRole('button', { name: '検索' }).click();
  const done = table.getByRole('row').filter({ hasText: person.atenaNo });
  await expect(done).toContainText('精検受診');
  await expect(done).toContainText(
    `令和${fy - 2018}年7月1日 / すこやか市立中央病院 / がん以外の疾患であった者`,
  );
});
