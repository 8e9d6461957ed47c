import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type Check, findPerson, program } from './application-helpers.ts';
import { csrfToken, expectNoSeriousA11yViolations, login } from './helpers.ts';
import { currentFiscalYear } from './result-helpers.ts';

/**
 * F03-01 with a 市町村独自の結果項目: an administrator adds a number item to 大腸がん検診 in 事業マスタ › 結果項目;
 * a clerk entering a 大腸がん result sees it after the national items, a value that is not a number gets the
 * Japanese message, the saved value shows when the result is opened again. Made 無効, the item leaves the form
 * and the stored value stays (also through a correction).
 */
test.describe.configure({ mode: 'serial' });

const label = '便潜血 定量値';
let admin: BrowserContext;
let clerk: BrowserContext;
let adminPage: Page;
let page: Page;
let fy = 0;
let person: Check['person'];
let key = '';

test.beforeAll(async ({ browser }) => {
  admin = await browser.newContext();
  adminPage = await admin.newPage();
  await login(adminPage, 'admin');
  clerk = await browser.newContext();
  page = await clerk.newPage();
  await login(page, 'jimu');
  fy = await currentFiscalYear(page);
  person = (await findPerson(page, fy, (c) => program(c, 'colorectal').eligible)).person;
});

test.afterAll(async () => {
  // the item must not stay active for the specs that enter 大腸がん results after this one
  const list = await adminPage.request.get('/api/adult/result-items');
  const colorectal = (await list.json()).programs.find((p: { code: string }) => p.code === 'colorectal');
  for (const e of colorectal.extras as { id: number; active: boolean; version: number }[])
    if (e.active)
      await adminPage.request.post(`/api/adult/result-items/${e.id}/deactivate`, {
        data: { version: e.version },
        headers: { 'x-csrf-token': await csrfToken(adminPage.request) },
      });
  await admin.close();
  await clerk.close();
});

const reiwa = (y: number) => `R${y - 2018}`;

test('管理者が大腸がん検診に数値の結果項目を追加する（国の項目のキーは使えない）', async () => {
  await adminPage.goto('/admin');
  await adminPage.getByRole('link', { name: '結果項目（成人検診）' }).click();
  await expect(adminPage).toHaveURL(/\/adult\/result-items$/);
  await adminPage.getByLabel('検診', { exact: true }).selectOption({ label: '大腸がん検診' });
  await expect(adminPage).toHaveURL(/program=colorectal/);
  const national = adminPage.getByRole('table', { name: '国の項目（大腸がん検診）' });
  await expect(national.getByRole('row').filter({ hasText: 'fobtDay1' })).toContainText('便潜血 1日目');
  const extras = adminPage.getByRole('table', { name: '市の項目（大腸がん検診）' });
  await expect(extras).toContainText('市の項目はまだありません。');
  await expectNoSeriousA11yViolations(adminPage, '結果項目');

  await adminPage.getByRole('button', { name: '項目を追加' }).click();
  const dialog = adminPage.getByRole('dialog', { name: '結果項目の追加（大腸がん検診）' });
  await expect(dialog.getByLabel('項目名')).toBeFocused();
  await adminPage.keyboard.type(label);
  await adminPage.keyboard.press('Enter');
  await expect(dialog.getByLabel('キー', { exact: true })).toBeFocused();
  await adminPage.keyboard.type('fobtDay1');
  await expect(dialog.getByLabel('型', { exact: true })).toHaveValue('number');
  await dialog.getByLabel('単位').fill('ng/mL');
  await dialog.getByRole('button', { name: '追加' }).click();
  await expect(
    dialog.getByText('キー「fobtDay1」は国の項目「便潜血 1日目」で使われています。別のキーにしてください。'),
  ).toBeVisible();
  // blank: the key is made (extra1 …)
  await dialog.getByLabel('キー', { exact: true }).fill('');
  await dialog.getByRole('button', { name: '追加' }).click();
  await expect(dialog).toBeHidden();
  const row = extras.getByRole('row').filter({ hasText: label });
  await expect(row).toContainText('数値');
  await expect(row).toContainText('ng/mL');
  await expect(row).toContainText('有効');
  key = (await row.getByRole('cell').nth(1).textContent()) ?? '';
  expect(key).toMatch(/^extra\d+$/);
  await expect(adminPage.getByLabel('検診', { exact: true })).toContainText('大腸がん検診（市の項目 1）');
  await expectNoSeriousA11yViolations(adminPage, '結果項目（市の項目あり）');
});

test('事務が大腸がん検診の結果を入力すると追加した項目が出て、数字でない値は誤りになる', async () => {
  await page.goto('/adult/results');
  await page.getByLabel('受診票番号・宛名番号').fill(person.atenaNo);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: '受診者の情報' })).toContainText(person.name);
  await page.getByRole('button', { name: /^大腸がん検診/ }).click();
  const form = page.getByRole('form', { name: '大腸がん検診の結果' });
  await form.getByLabel('受診日').fill(`${reiwa(fy)}.6.10`);
  await form.getByLabel('受診区分').fill('2'); // 集団
  await form.getByLabel('便潜血 1日目').fill('1');
  await form.getByLabel('便潜血 2日目').fill('1');
  // the city's item follows the national ones: Enter from 2日目 goes to it
  await page.keyboard.press('Enter');
  const extra = form.getByLabel(`${label}（ng/mL）`);
  await expect(extra).toBeFocused();
  await page.keyboard.type('abc');
  await expect(
    form.getByText(`${label}の「abc」は数字として読めません。数字で入力してください。`),
  ).toBeVisible();
  await form.getByRole('button', { name: '保存（Enter）' }).click();
  await expect(form.getByRole('alert')).toContainText('入力に誤りがあります（1件）');
  await extra.fill('８５');
  await expect(form.getByLabel('判定')).toHaveValue('1'); // 異常認めず, from the 便潜血 result
  await form.getByRole('button', { name: '保存（Enter）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toContainText(
    `${person.name}さん 大腸がん検診 異常認めず`,
  );
});

test('保存した値は結果を開き直すと出る', async () => {
  await page.getByLabel('受診票番号・宛名番号').fill(person.atenaNo);
  await page.keyboard.press('Enter');
  const row = page
    .getByRole('table', { name: '入力済みの結果' })
    .getByRole('row')
    .filter({ hasText: '大腸がん検診' });
  await row.getByRole('button', { name: '直す' }).click();
  const form = page.getByRole('form', { name: '大腸がん検診の結果' });
  await expect(form.getByText('入力済みの結果を修正')).toBeVisible();
  await expect(form.getByLabel(`${label}（ng/mL）`)).toHaveValue('85');
});

test('無効にすると入力画面から消え、入力済みの値は直しても残る', async () => {
  await adminPage.reload();
  const extras = adminPage.getByRole('table', { name: '市の項目（大腸がん検診）' });
  await extras.getByRole('button', { name: `${label}を無効にする` }).click();
  const dialog = adminPage.getByRole('dialog', { name: '結果項目を無効にする' });
  await expect(dialog).toContainText('入力済みの結果の値は消えずに残り');
  await dialog.getByRole('button', { name: '無効にする' }).click();
  await expect(dialog).toBeHidden();
  await expect(extras.getByRole('row').filter({ hasText: label })).toContainText('無効');
  await expect(extras.getByRole('button', { name: `${label}を有効に戻す` })).toBeVisible();

  await page.reload();
  await page.getByLabel('受診票番号・宛名番号').fill(person.atenaNo);
  await page.keyboard.press('Enter');
  const row = page
    .getByRole('table', { name: '入力済みの結果' })
    .getByRole('row')
    .filter({ hasText: '大腸がん検診' });
  await row.getByRole('button', { name: '直す' }).click();
  const form = page.getByRole('form', { name: '大腸がん検診の結果' });
  await expect(form.getByLabel('便潜血 2日目')).toBeVisible();
  await expect(form.getByLabel(`${label}（ng/mL）`)).toHaveCount(0);
  await form.getByLabel('備考').fill('項目の無効化の後に訂正');
  await form.getByRole('button', { name: '保存（Enter）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toContainText('大腸がん検診');

  const sheet = await page.request.get(`/api/adult/results/residents/${person.id}?fiscalYear=${fy}`);
  const saved = (await sheet.json()).results.find((r: { program: string }) => r.program === 'colorectal');
  expect(saved.note).toBe('項目の無効化の後に訂正');
  expect(saved.items).toMatchObject({ fobtDay1: 'negative', fobtDay2: 'negative', [key]: 85 });
});
