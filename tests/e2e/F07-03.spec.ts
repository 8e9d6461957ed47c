import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  addDays,
  addMonthsClamped,
  firstDayOfMonth,
  formatWareki,
  lastDayOfMonth,
} from '../../src/server/platform/calendar/index.ts';
import {
  checkMailing,
  compact,
  confirmPendingSupport,
  downloadOf,
  login,
  moveOutByImport,
  pdfPages,
  printMailing,
  searchMailing,
  todayJst,
  warekiInput,
} from './helpers.ts';
import { bornReaching } from './infant-invitation-helpers.ts';
import { type Child, importChildren } from './vaccination-list-helpers.ts';

/**
 * F07-03 乳幼児健診の案内: staff add a 1歳6か月児健診 session (母子保健 › 乳幼児健診の案内・勧奨 › 日程), extract the
 * children reaching 生後18月 in a month (§1.2) — each allocated to the session — make the mailing of 健診案内通知 +
 * 健康診査票, and read the printed letter back (the child's name, the session date in 和暦, the venue); a child who
 * moved out after the extraction is pulled out.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let stays: Child;
let leaves: Child;
const today = todayJst();
const from = firstDayOfMonth(addMonthsClamped(today, 3));
const to = lastDayOfMonth(from);
const sessionDate = addDays(to, 12);

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  [stays, leaves] = (await importChildren(page, [
    { birthDate: bornReaching(addDays(from, 3), 18), sex: '女', phone: '012-345-0701' },
    { birthDate: bornReaching(addDays(from, 6), 18), sex: '男', phone: '012-345-0702' },
  ])) as [Child, Child];
});
test.afterAll(async () => {
  await context.close();
});

test('1歳6か月児健診の日程を追加する', async () => {
  await page.goto('/maternal/infant-checkups');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('乳幼児健診の案内・未受診者勧奨');
  await expect(page.getByRole('navigation', { name: '母子保健のメニュー' })).toBeVisible();
  await expect(page.getByLabel('健診の種類')).toHaveValue('y1h');
  await page.getByRole('tab', { name: '日程（集団健診）' }).click();
  const form = page.getByRole('form', { name: '日程の追加' });
  await form.getByLabel('会場').selectOption({ index: 1 });
  await form.getByLabel('実施日').fill(warekiInput(sessionDate));
  await form.getByLabel('定員').fill('40');
  await form.getByRole('button', { name: '日程を追加' }).click();
  await expect(page.getByRole('table', { name: '1歳6か月児健康診査の日程' })).toContainText(
    formatWareki(sessionDate),
  );
});

let venue = '';
test('月齢に達する児を抽出し、日程が割り当てられる', async () => {
  await page.getByRole('tab', { name: '対象児の抽出・案内' }).click();
  const form = page.getByRole('form', { name: '対象児の抽出' });
  await form.getByLabel('月齢に達する期間（から）').fill(warekiInput(from));
  await form.getByLabel('（まで）').fill(warekiInput(to));
  await form.getByRole('button', { name: '抽出' }).click();
  const entries = page.getByRole('table', { name: '対象児の一覧' });
  await expect(entries).toBeVisible({ timeout: 60_000 });
  const row = entries.getByRole('row').filter({ hasText: stays.atenaNo });
  await expect(row).toContainText(stays.name);
  await expect(row).toContainText(formatWareki(sessionDate));
  await expect(entries.getByRole('row').filter({ hasText: leaves.atenaNo })).toContainText('送付');
  venue = ((await row.getByRole('cell').nth(4).textContent()) ?? '').split(' ').pop() ?? '';
  expect(venue).not.toBe('');
});

test('案内通知を作成し、転出した児は引き抜かれ、PDF に氏名・日程（和暦）・会場が出る', async () => {
  test.setTimeout(240_000);
  const url = page.url();
  await moveOutByImport(page, [leaves.id], { date: today, fileName: `f0703-moveout-${leaves.atenaNo}.csv` });
  await page.goto(url);
  await page.getByRole('tab', { name: '対象児の抽出・案内' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: `${formatWareki(from)}〜` })
    .first()
    .getByRole('button', { name: '開く' })
    .click();
  await page.getByLabel('発送日').fill(warekiInput(today));
  await page.getByRole('button', { name: '郵送物を作成' }).click();
  await page.getByRole('link', { name: /作成した郵送物を開く/ }).click({ timeout: 90_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('健診案内通知');
  const mailingId = Number(page.url().match(/\/mailings\/(\d+)/)![1]);
  await checkMailing(page);
  const pulled = await searchMailing(page, '引き抜きリスト', leaves.atenaNo);
  await expect(pulled.getByRole('row').filter({ hasText: leaves.atenaNo })).toContainText('転出');
  await confirmPendingSupport(page, mailingId, 'E2E 送付先を確認済み');
  const links = await printMailing(page);
  const pages: string[] = [];
  for (let i = 0; i < (await links.count()); i++)
    pages.push(...(await pdfPages((await downloadOf(page, links.nth(i))).bytes)));
  const mine = pages.filter((p) => p.includes(compact(stays.name)));
  expect(mine.length).toBeGreaterThanOrEqual(2);
  expect(mine[0]).toContain('1歳6か月児健康診査のご案内');
  expect(mine[0]).toContain(compact(formatWareki(sessionDate)));
  expect(mine[0]).toContain(compact(venue));
  expect(mine.some((p) => p.includes('健康診査票') && p.includes('言語障害の有無'))).toBe(true);
  expect(pages.some((p) => p.includes(compact(leaves.name)))).toBe(false);
});
