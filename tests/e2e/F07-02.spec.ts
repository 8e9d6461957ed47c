import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { compact, login, pdfPages, todayJst, token, warekiInput } from './helpers.ts';
import { addChild } from './vaccination-helpers.ts';

/**
 * F07-02 新生児聴覚スクリーニング検査: one child's 初回 refer then 確認 pass, another child's 初回 refer then 確認 refer
 * (referred to 精密検査); the aggregate of the period on screen, as a PDF and as CSV (UTF-8 and Shift_JIS) read back.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
const inst = `聴覚${token().slice(-5)}産院`;
const daysAgo = (n: number) =>
  new Date(Date.parse(`${todayJst()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
});
test.afterAll(async () => {
  await context.close();
});

async function recordTest(kind: string, date: string, right: string, left: string) {
  const history = page.getByRole('table', { name: '聴覚検査の記録' }).getByRole('row');
  const before = (await page.getByRole('table', { name: '聴覚検査の記録' }).count())
    ? await history.count()
    : 1;
  const form = page.getByRole('form', { name: '聴覚検査の結果の入力' });
  await form.getByLabel('検査の種類').selectOption({ label: kind });
  await form.getByLabel('検査方法').selectOption({ label: '自動ABR（AABR）' });
  await form.getByLabel('検査日').fill(warekiInput(date));
  await form.getByLabel('検査した医療機関').fill(inst);
  await form.getByLabel('右耳').selectOption({ label: right });
  await form.getByLabel('左耳').selectOption({ label: left });
  await form.getByLabel('備考').focus();
  await page.keyboard.press('Enter'); // Enter on the last field registers
  await expect(page.getByRole('status').filter({ hasText: '聴覚検査の結果を登録しました' })).toBeVisible();
  await expect(history).toHaveCount(before + 1);
}

test('初回 refer・確認 pass と、別の子の確認 refer（精密検査へ紹介）を登録する', async () => {
  const a = await addChild(page, daysAgo(10));
  const b = await addChild(page, daysAgo(10));
  await page.goto(`/maternal/children/${a.id}`);
  await recordTest('初回検査', daysAgo(8), '要再検（リファー）', 'パス');
  await expect(page.getByLabel('聴覚検査の状況 確認待ち')).toBeVisible();
  await recordTest('確認検査', daysAgo(4), 'パス', 'パス');
  await expect(page.getByLabel('聴覚検査の状況 確認パス')).toBeVisible();
  await expect(page.getByRole('table', { name: '聴覚検査の記録' }).getByRole('row')).toHaveCount(3);

  await page.goto(`/maternal/children/${b.id}`);
  await recordTest('初回検査', daysAgo(8), '要再検（リファー）', '要再検（リファー）');
  await recordTest('確認検査', daysAgo(4), 'パス', '要再検（リファー）');
  await expect(page.getByLabel('聴覚検査の状況 要精密')).toBeVisible();
  await expect(page.getByRole('table', { name: '聴覚検査の記録' })).toContainText('紹介');
  await expect(page.getByRole('region', { name: 'フォロー' })).toContainText('新生児聴覚検査');
});

test('期間の結果集計を画面・PDF・CSV で出す', async () => {
  const from = daysAgo(10);
  const to = todayJst();
  await page.goto('/maternal/children');
  await page.getByLabel('検査日（から）').fill(warekiInput(from));
  await page.getByLabel('検査日（まで）').fill(warekiInput(to));
  await page.getByRole('button', { name: '集計', exact: true }).click();
  const table = page.getByRole('table', { name: '聴覚検査の集計' });
  // 受検者数 2, 初回 2件 (2人 要再検), 確認 2件 (1人 要再検), 精密検査紹介 1人
  await expect(table.getByRole('row', { name: new RegExp(inst) })).toHaveText(`医療機関${inst}222211`);

  const q = `from=${from}&to=${to}`;
  const pdf = await page.request.get(`/api/infant/hearing/aggregate/pdf?${q}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const pages = await pdfPages(await pdf.body());
  expect(pages[0]).toContain('新生児聴覚検査結果集計表');
  expect(pages[0]).toContain(compact(inst));
  expect(pages[0]).toContain('精密検査紹介');

  const utf8 = await page.request.get(`/api/infant/hearing/aggregate/csv?${q}&encoding=utf8`);
  const body = await utf8.body();
  expect(body.subarray(0, 3).toString('hex')).toBe('efbbbf');
  const text = body.toString('utf8');
  expect(text).toContain(
    '区分,内訳,受検者数（人）,初回検査（件）,初回 要再検（人）,確認検査（件）,確認 要再検（人）,精密検査紹介（人）',
  );
  expect(text).toContain(`医療機関,${inst},2,2,2,2,1,1`);
  const sjis = await page.request.get(`/api/infant/hearing/aggregate/csv?${q}&encoding=sjis`);
  expect(sjis.headers()['content-type']).toContain('Shift_JIS');
  expect(iconv.decode(await sjis.body(), 'cp932')).toContain(`医療機関,${inst},2,2,2,2,1,1`);
});
