import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type Check, findPerson, program } from './application-helpers.ts';
import { login } from './helpers.ts';
import { currentFiscalYear } from './result-helpers.ts';

/**
 * F03-01 検診結果入力（個別検診）: a clerk with a paper 結果票 scans the 受診票番号 (the scanner types K + the number
 * and Enter), picks 大腸がん検診, and types the result with the keyboard only (Enter moves on, numbers pick the
 * choices, the 判定 follows the 便潜血 result); an impossible 受診日 is refused as typed; the saved result shows
 * 要精検 and can be corrected (optimistic locking: the form carries the version).
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
  person = (await findPerson(page, fy, (c) => program(c, 'colorectal').eligible)).person;
});
test.afterAll(async () => {
  await context.close();
});

const reiwa = (y: number) => `R${y - 2018}`;

test('受診票番号を読み取り、キーボードだけで大腸がん検診の結果を入力する（判定は要精検）', async () => {
  await page.goto('/adult');
  await page.getByRole('link', { name: '検診結果入力' }).click();
  await expect(page).toHaveURL(/\/adult\/results$/);
  const lookup = page.getByLabel('受診票番号・宛名番号');
  await expect(lookup).toBeFocused();
  await page.keyboard.type(`K${fy}-${person.atenaNo}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: '受診者の情報' })).toContainText(person.name);
  await expect(page.getByRole('region', { name: '受診者の情報' })).toContainText(
    `受診票番号 ${fy}-${person.atenaNo}`,
  );
  await page.getByRole('button', { name: /^大腸がん検診/ }).click();

  const form = page.getByRole('form', { name: '大腸がん検診の結果' });
  const date = form.getByLabel('受診日');
  await expect(date).toBeFocused();
  // a 受診日 after today is refused as typed
  await page.keyboard.type(`${reiwa(fy + 1)}.12.1`);
  await expect(form.getByText('受診日が今日より後です。受診日を確かめてください。')).toBeVisible();
  await date.fill('');
  await page.keyboard.type(`${reiwa(fy)}.6.10`);
  await expect(form.getByText(`令和${fy - 2018}年6月10日`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('受診区分')).toBeFocused();
  await page.keyboard.type('1'); // 個別
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('実施機関（医療機関コード・名称）')).toBeFocused();
  await page.keyboard.type('9910100011');
  await expect(form.getByText('すこやか市立中央病院')).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('2'); // 便潜血 1日目 陽性
  await page.keyboard.press('Enter');
  await page.keyboard.type('1'); // 2日目 陰性
  await page.keyboard.press('Enter');
  // 判定 filled in from the 便潜血 result: 要精検
  await expect(form.getByLabel('判定')).toBeFocused();
  await expect(form.getByLabel('判定')).toHaveValue('2');
  await expect(form.getByText('要精検: 保存すると精密検査の把握')).toBeVisible();
  await page.keyboard.press('Enter'); // → 備考
  await page.keyboard.press('Enter'); // last field: save
  await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toContainText(
    `${person.name}さん 大腸がん検診 要精検（要精検）`,
  );
  await expect(lookup).toBeFocused();
});

test('入力済みの結果は一覧に要精検として出て、直すと判定が変わる', async () => {
  await page.getByLabel('受診票番号・宛名番号').fill(person.atenaNo);
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: '入力済みの結果' });
  const row = table.getByRole('row').filter({ hasText: '大腸がん検診' });
  await expect(row).toContainText(`令和${fy - 2018}年6月10日`);
  await expect(row).toContainText('すこやか市立中央病院');
  await expect(row).toContainText('要精検');
  await row.getByRole('button', { name: '直す' }).click();
  const form = page.getByRole('form', { name: '大腸がん検診の結果' });
  await expect(form.getByText('入力済みの結果を修正')).toBeVisible();
  await form.getByLabel('便潜血 1日目').fill('1');
  // the 判定 stays as entered until corrected; the check says what fits
  await form.getByLabel('判定').fill('1');
  await form.getByRole('button', { name: '保存（Enter）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toContainText(
    '大腸がん検診 異常認めず',
  );
});
