import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';
import { addChild, entryForm, openPerson, scheduleRow, typeRecord } from './vaccination-helpers.ts';

/**
 * F11a-01 接種結果入力（手入力）: a nurse records two doses of ヒブ for a child by keyboard only (a child born
 * 2023-12-01 started ヒブ in 令和6年2月, before 5種混合); the second dose given too soon shows the engine's interval
 * warning and is saved only after a second Enter (what happened is recorded, 任意接種扱い); the schedule shows
 * 接種済; the record is corrected (the warning goes); a record is deleted with the reason and stays listed apart.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let child: { id: number; atenaNo: string; name: string };
const hib = 'ヒブ（単独）';

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  child = await addChild(page, '2023-12-01');
});
test.afterAll(async () => {
  await context.close();
});

test('ヒブの1回目をキーボードだけで入力すると、スケジュールが接種済になる', async () => {
  await openPerson(page, child.atenaNo, child.name);
  await typeRecord(page, {
    vaccine: 'HIB',
    date: 'R6.2.5',
    lot: 'AB123',
    institution: 'すこやか小児科',
    doctor: '健康 一郎',
    formNo: 'V-0001',
    source: '1',
  });
  const form = entryForm(page);
  await expect(form.getByRole('textbox', { name: '回', exact: true })).toHaveValue('1'); // 初回1回目 (the engine's next dose)
  await expect(form.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toContainText(
    `保存しました: ${hib} 初回1回目（令和6年2月5日）。`,
  );
  await expect(scheduleRow(page, hib, '初回1回目')).toContainText('接種済');
  await expect(scheduleRow(page, hib, '初回1回目')).toContainText('令和6年2月5日');
  const records = page.getByRole('region', { name: '接種の記録' });
  await expect(records).toContainText('接種の記録（1件）');
  await expect(records).toContainText('AB123');
  await expect(records).toContainText('すこやか小児科 / 健康 一郎');
  await expectNoSeriousA11yViolations(page, '予防接種');
});

test('間隔が短すぎる2回目は警告が出て、確認のうえ記録される（任意接種扱い）', async () => {
  await typeRecord(page, { vaccine: 'HIB', date: 'R6.2.20', lot: 'AB124', formNo: 'V-0002' });
  const form = entryForm(page);
  await expect(form.getByRole('textbox', { name: '回', exact: true })).toHaveValue('2'); // 初回2回目
  const warning = form.getByRole('alert');
  await expect(warning).toContainText('接種間隔が不足しています');
  await expectNoSeriousA11yViolations(page, '予防接種（警告の表示）');
  await page.keyboard.press('Enter');
  await expect(warning).toContainText('もう一度 Enter（保存）を押してください');
  await expect(page.getByRole('region', { name: '接種の記録' })).toContainText('接種の記録（1件）');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toContainText(
    '初回2回目（令和6年2月20日）（警告あり・任意接種扱い）',
  );
  const records = page.getByRole('region', { name: '接種の記録' });
  await expect(records).toContainText('接種の記録（2件）');
  await expect(records.getByRole('row').filter({ hasText: 'V-0002' })).toContainText(
    '接種間隔が不足しています',
  );
});

test('2回目の接種日を直すと警告が消え、スケジュールは2回とも接種済になる', async () => {
  await page.getByRole('button', { name: `令和6年2月20日の${hib}を修正` }).click();
  const form = entryForm(page);
  await expect(form).toContainText('記録を修正');
  await form.getByRole('textbox', { name: '接種日', exact: true }).fill('R6.3.11');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: '保存（Enter）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '修正しました' })).toContainText(
    `修正しました: ${hib} 初回2回目（令和6年3月11日）。`,
  );
  const row = page.getByRole('region', { name: '接種の記録' }).getByRole('row').filter({ hasText: 'V-0002' });
  await expect(row).toContainText('定期接種');
  await expect(scheduleRow(page, hib, '初回2回目')).toContainText('接種済');
});

test('誤って入力した記録は理由を入れて削除し、削除した記録として残る', async () => {
  await page.getByRole('button', { name: `令和6年3月11日の${hib}を削除` }).click();
  const dialog = page.getByRole('dialog', { name: '接種の記録の削除' });
  await dialog.getByRole('button', { name: '削除する' }).click();
  await expect(dialog).toContainText('削除の理由を入力してください');
  await dialog.getByLabel('削除の理由').fill('別の方の記録を入力した');
  await dialog.getByRole('button', { name: '削除する' }).click();
  await expect(dialog).toBeHidden();
  const records = page.getByRole('region', { name: '接種の記録' });
  await expect(records).toContainText('接種の記録（1件）');
  await expect(records).toContainText(`削除した記録: 令和6年3月11日 ${hib}（理由: 別の方の記録を入力した）`);
  // without the second dose, 初回2回目 can no longer be given (1歳を過ぎた): listed with the 対象外 rows
  await expect(scheduleRow(page, hib, '初回2回目')).toHaveCount(0);
  await page.getByLabel('対象外の接種も表示').check();
  await expect(scheduleRow(page, hib, '初回2回目')).toContainText('対象外');
  await expect(scheduleRow(page, hib, '初回2回目')).toContainText('1歳に至るまでに接種できなかった');
});
