import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { addDays } from '../../src/server/platform/calendar/index.ts';
import {
  checkMailing,
  compact,
  confirmPendingSupport,
  createMailing,
  downloadOf,
  login,
  pdfPages,
  printMailing,
  todayJst,
  warekiInput,
} from './helpers.ts';
import { type Child, extractVaccinationList, importChildren } from './vaccination-list-helpers.ts';

/**
 * F11a-02 未接種者勧奨: a child who will be 2 in about two months and has no record of 麻しん風しん 第1期 (its 定期接種の
 * 期間 ends at 2歳, §1.3) comes in through the 住民記録取込; staff extract the reminders (予防接種 › 対象者抽出 ›
 * 未接種者勧奨) for the child's birth date, download the 架電リスト (CSV with the telephone number and the vaccines to
 * remind), make the 接種勧奨通知 mailing and read the printed letter back.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let c: Child;
const today = todayJst();
const born = addDays(`${Number(today.slice(0, 4)) - 2}${today.slice(4)}`, 60);
let listId: number;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  [c] = (await importChildren(page, [{ birthDate: born, sex: '女', phone: '012-345-9876' }])) as [Child];
});
test.afterAll(async () => {
  await context.close();
});

test('未接種者を抽出し、勧奨する予防接種を確かめる', async () => {
  listId = await extractVaccinationList(page, '未接種者勧奨', today, async (dialog) => {
    await expect(dialog.getByLabel('定期接種の期間が終わるまでの日数')).toHaveValue('90');
    await dialog.getByLabel('生年月日（から・任意）').fill(warekiInput(born));
    await dialog.getByLabel('生年月日（まで・任意）').fill(warekiInput(born));
  });
  const row = page.getByRole('table', { name: '対象者' }).getByRole('row').filter({ hasText: c.atenaNo });
  await expect(row).toContainText(c.name);
  await expect(row).toContainText('麻しん風しん 第1期 1回');
});

test('架電リスト（CSV）に電話番号と勧奨する予防接種が出る', async () => {
  await page.goto(`/vaccination/lists/${listId}`);
  await page.getByRole('button', { name: '架電リスト（CSV）' }).click();
  const dialog = page.getByRole('dialog', { name: '架電リスト（CSV）' });
  await dialog.getByRole('radio', { name: 'UTF-8' }).check();
  const file = await downloadOf(page, dialog.getByRole('link', { name: 'CSV出力' }));
  expect(file.name).toMatch(/_架電リスト\.csv$/);
  const text = file.bytes.toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const lines = text.replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toBe(
    '宛名番号,氏名,氏名カナ,生年月日,年齢（基準日）,電話番号,住所,勧奨する予防接種,最も早い期限,架電日,結果,メモ',
  );
  const line = lines.find((l) => l.startsWith(c.atenaNo));
  expect(line).toBeDefined();
  expect(line).toContain(c.name);
  expect(line).toContain('012-345-9876');
  expect(line).toContain('麻しん風しん 第1期 1回');
});

test('接種勧奨通知の郵送物を作成して印刷し、PDF を読む', async () => {
  test.setTimeout(180_000);
  await page.goto(`/vaccination/lists/${listId}`);
  const mailingId = await createMailing(page, today);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('接種勧奨通知');
  await checkMailing(page);
  await confirmPendingSupport(page, mailingId, 'E2E 送付先を確認済み');
  const links = await printMailing(page);
  const pages: string[] = [];
  for (let i = 0; i < (await links.count()); i++)
    pages.push(...(await pdfPages((await downloadOf(page, links.nth(i))).bytes)));
  const mine = pages.filter((p) => p.includes(`宛名番号${c.atenaNo}`));
  expect(mine).toHaveLength(1);
  expect(mine[0]).toContain('予防接種のおすすめ（定期接種）');
  expect(mine[0]).toContain(compact(`${c.name} 様`));
  expect(mine[0]).toContain('麻しん風しん第1期');
  expect(mine[0]).toContain('無料で受けられる期限');
});
