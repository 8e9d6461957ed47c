import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { fiscalYearOf } from '../../src/server/platform/calendar/index.ts';
import { formatWareki } from '../../src/web/lib/wareki.ts';
import {
  checkMailing,
  compact,
  confirmPendingSupport,
  createMailing,
  downloadOf,
  expectNoSeriousA11yViolations,
  login,
  pdfPages,
  printMailing,
  searchMailing,
  todayJst,
  warekiInput,
} from './helpers.ts';
import {
  type Child,
  extractVaccinationList,
  importChildren,
  recordDose,
} from './vaccination-list-helpers.ts';

/**
 * F10a-02 予診票一括発行（接種別発送）: two children of 年長 (麻しん風しん 第2期 in its period) come in through the
 * 住民記録取込; staff extract MR 第2期 for their birth dates (予防接種 › 対象者抽出), see the list, make the 予診票
 * mailing; one child's MR 第2期 is recorded after the extraction — the 引き抜き確認 pulls them out
 * (「接種済（抽出後に記録）」) — and the printed PDF has the other child's 予診票 with name and vaccine.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let a: Child;
let b: Child;
const today = todayJst();
const fy = fiscalYearOf(today);
// 年長: born between 2 April six years before the 年度 and 1 April five years before (§1.3 MR2)
const bornA = `${fy - 6}-06-10`;
const bornB = `${fy - 6}-06-11`;
let listId: number;
let mailingId: number;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  [a, b] = (await importChildren(page, [
    { birthDate: bornA, sex: '男', phone: '012-000-1001' },
    { birthDate: bornB, sex: '女', phone: '012-000-1002' },
  ])) as [Child, Child];
});
test.afterAll(async () => {
  await context.close();
});

test('麻しん風しん 第2期の対象者を抽出してリストを確かめる', async () => {
  listId = await extractVaccinationList(page, '予診票の接種別発送', today, async (dialog) => {
    await dialog.getByLabel('ワクチン').selectOption({ label: '麻しん風しん 第2期' });
    await dialog.getByLabel('回', { exact: true }).selectOption('1回');
    await dialog.getByLabel('生年月日（から・任意）').fill(warekiInput(bornA));
    await dialog.getByLabel('生年月日（まで・任意）').fill(warekiInput(bornB));
  });
  const summary = page.getByRole('region', { name: 'リストの概要' });
  await expect(summary).toContainText('麻しん風しん 第2期 1回');
  await expect(summary).toContainText(`基準日: ${formatWareki(today)}`);
  const table = page.getByRole('table', { name: '対象者' });
  for (const c of [a, b]) {
    const row = table.getByRole('row').filter({ hasText: c.atenaNo });
    await expect(row).toContainText(c.name);
    await expect(row).toContainText('1回 接種時期');
    await expect(row.getByRole('cell').nth(5)).toHaveText('送付');
  }

  // the list screen filters to those to send, and the 除外 dialog asks for a reason
  await page.getByLabel('送付・除外').selectOption('除外');
  await expect(table.getByRole('row').filter({ hasText: a.atenaNo })).toHaveCount(0);
  await page.getByLabel('送付・除外').selectOption('すべて');
  await table.getByRole('row').filter({ hasText: a.atenaNo }).getByRole('button', { name: '除外' }).click();
  const dialog = page.getByRole('dialog', { name: '対象者リストから除外' });
  await dialog.getByRole('button', { name: '除外する' }).click();
  await expect(dialog.getByRole('alert')).toContainText('除外理由を選んでください。');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
});

test('郵送物を作成し、抽出後に接種の記録が入った子は引き抜かれ、予診票を印刷する', async () => {
  test.setTimeout(180_000);
  // B had MR 第2期 after the extraction (the clinic's 予診票 came back)
  await recordDose(page, b.id, 'MR2', today);

  await page.goto(`/vaccination/lists/${listId}`);
  mailingId = await createMailing(page, today);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('予診票');
  await checkMailing(page);
  const pulled = await searchMailing(page, '引き抜きリスト', b.atenaNo);
  const bRow = pulled.getByRole('row').filter({ hasText: b.atenaNo });
  await expect(bRow).toContainText(b.name);
  await expect(bRow).toContainText('接種済（抽出後に記録）');
  await confirmPendingSupport(page, mailingId, 'E2E 送付先を確認済み');

  const links = await printMailing(page);
  const pages: string[] = [];
  for (let i = 0; i < (await links.count()); i++)
    pages.push(...(await pdfPages((await downloadOf(page, links.nth(i))).bytes)));
  const aPages = pages.filter((p) => p.includes(`宛名番号${a.atenaNo}`));
  expect(aPages).toHaveLength(1);
  expect(aPages[0]).toContain(compact(a.name));
  expect(aPages[0]).toContain('予防接種予診票（麻しん風しん第2期1回）');
  expect(aPages[0]).toContain(compact(formatWareki(bornA)));
  expect(pages.some((p) => p.includes(`宛名番号${b.atenaNo}`))).toBe(false);
});

test('アクセシビリティ（axe）: リスト一覧・抽出の条件・対象者リスト', async () => {
  await page.goto('/vaccination/lists');
  await expect(page.getByRole('link', { name: /予診票 麻しん風しん 第2期 1回/ }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, '対象者抽出（リスト一覧）');
  await page.getByRole('button', { name: '対象者を抽出' }).click();
  await expect(page.getByRole('dialog', { name: '対象者抽出' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '対象者抽出の条件');
  await page.keyboard.press('Escape');
  await page.goto(`/vaccination/lists/${listId}`);
  await expect(page.getByRole('table', { name: '対象者' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '予防接種の対象者リスト');
});
