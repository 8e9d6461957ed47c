import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login, todayJst, warekiInput } from './helpers.ts';
import { addInfant, enterUntilSaved } from './infant-result-helpers.ts';

/**
 * F07-04 乳幼児健診結果入力（個別健診）: the 結果票 of a 3歳児健診 comes back from the 医療機関; the nurse finds the child
 * by 宛名番号, opens the 3歳児健康診査 form and enters it by keyboard only (Enter from field to field, Enter on the
 * last saves): 受診日, 医療機関, 受診票番号, 身長・体重・頭囲・胸囲, the 法定 items (施行規則第2条 + 眼・耳鼻咽頭; 所見なし
 * by default), 歯科 (歯数, リスク分類 O). The 月齢 on the day is shown; the 受診票番号 finds the child again.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let child: { id: number; atenaNo: string; name: string };

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  child = await addInfant(page, 40);
});
test.afterAll(async () => {
  await context.close();
});

test('3歳児健診（個別）の結果をキーボードだけで入力する', async () => {
  await page.goto('/maternal/infant-results');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('乳幼児健診の結果・精密健診');
  await expect(page.getByRole('navigation', { name: '母子保健のメニュー' })).toBeVisible();
  await page.getByRole('tab', { name: '個別健診' }).click();
  const atena = page.getByLabel('宛名番号', { exact: true });
  await expect(atena).toBeFocused();
  await page.keyboard.type(child.atenaNo);
  await page.keyboard.press('Enter');
  const info = page.getByRole('region', { name: '児の情報' });
  await expect(info).toContainText(child.name);
  await expect(info.getByLabel('健診')).toHaveValue('y3');
  await info.getByRole('button', { name: '結果を入力' }).click();

  const form = page.getByRole('form', { name: `${child.name}さんの3歳児健康診査の結果を入力` });
  await expect(form.getByLabel('受診日')).toBeFocused();
  const k = page.keyboard;
  const ticket = `T${Date.now().toString(36)}`;
  for (const v of [warekiInput(todayJst()), 'すこやか小児科', ticket, '95.2', '14.10', '49.5', '51.0']) {
    await k.type(v);
    await k.press('Enter');
  }
  // the 法定 items stay 所見なし (Enter passes each); 歯科: 歯数 20, the rest as proposed (むし歯 0, O型)
  await expect(form.getByLabel('身体発育状況')).toBeFocused();
  for (let i = 0; i < 13; i++) await k.press('Enter');
  await expect(form.getByLabel('歯数')).toBeFocused();
  await k.type('20');
  await enterUntilSaved(page, child.name);

  const status = page.getByRole('status').filter({ hasText: '結果を保存しました' });
  await expect(status).toContainText('3歳');
  await expect(status).toContainText('判定: 異常なし');
  const results = page.getByRole('table', { name: '乳幼児健診の結果' });
  await expect(results).toContainText('3歳児健康診査');
  await expect(results).toContainText('個別（すこやか小児科）');
  await expect(results).toContainText('異常なし');
  await expectNoSeriousA11yViolations(page, '乳幼児健診の結果（個別）');

  // the 受診票番号 finds the same child
  await page.getByLabel('宛名番号', { exact: true }).fill('');
  await page.getByLabel('または 受診票番号').fill(ticket);
  await page.getByLabel('または 受診票番号').press('Enter');
  await expect(page.getByRole('region', { name: '児の情報' })).toContainText(child.atenaNo);
  await expect(page.getByRole('button', { name: '結果を修正' })).toBeVisible();
});
