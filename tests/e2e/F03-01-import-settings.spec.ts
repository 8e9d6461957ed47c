import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login, token } from './helpers.ts';

/**
 * F03-01 検診結果の取込 › 取込設定: a clerk creates a 取込設定 from a header row pasted from Excel (tab separated, a
 * quoted name with a comma), then deletes it after a confirmation; the 取込設定 list no longer has it.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
const settingName = `貼り付け 大腸がん結果 ${token()}`;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
});
test.afterAll(async () => {
  await context.close();
});

test('Excel からコピーした見出しの行を貼り付けて取込設定を作る', async () => {
  await page.goto('/adult/results/imports');
  await page.getByRole('button', { name: '新しい取込設定' }).click();
  const dialog = page.getByRole('dialog', { name: '取込設定を作成' });
  await dialog.getByLabel('取込設定の名前').fill(settingName);
  await dialog
    .getByLabel('見出しの行を貼り付け')
    .fill('宛名番号\t受診日\t"便潜血 1日目"\t便潜血 2日目\t"判定"\t"メモ,備考"');
  await dialog.getByRole('button', { name: '貼り付けた見出しから対応づける' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    '5列を対応づけました。対応する項目が見つからない列: メモ,備考（取り込みません。必要なら手で入力してください）',
  );
  await expect(dialog.getByLabel('便潜血 1日目の列', { exact: true })).toHaveValue('便潜血 1日目');
  await expect(dialog.getByLabel('判定の列', { exact: true })).toHaveValue('判定');
  await expectNoSeriousA11yViolations(page, '取込設定を作成（貼り付け）');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('取込設定').locator('option:checked')).toHaveText(settingName);
});

test('取込設定を削除する（確認してから）', async () => {
  await page.getByRole('button', { name: '取込設定を削除' }).click();
  const confirm = page.getByRole('dialog', { name: '取込設定を削除' });
  await expect(confirm).toContainText(`取込設定「${settingName}」を削除します。`);
  await expect(confirm.getByRole('button', { name: 'キャンセル' })).toBeFocused();
  await confirm.getByRole('button', { name: '削除する' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel('取込設定').locator('option', { hasText: settingName })).toHaveCount(0);
});
