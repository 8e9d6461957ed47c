import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { addDays } from '../../src/server/platform/calendar/index.ts';
import { compact, csrfToken, login, pdfPages, todayJst, warekiInput } from './helpers.ts';
import { addChild, entryForm, openPerson, scheduleRow, typeRecord } from './vaccination-helpers.ts';

/**
 * F10a-03 窓口発行（転入者）: a child moved in (registered at the counter) brings the 母子手帳; the nurse copies the
 * past doses (5種混合 ×3, BCG) as 母子手帳転記 by keyboard — the vaccine by its number in the list — and the
 * schedule then shows what is due now (5種混合 追加, 麻しん風しん 第1期, 水痘) and what is done.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let child: { id: number; atenaNo: string; name: string };
/** about 1歳2か月 today: past the 5種混合 初回 and BCG, now in 麻しん風しん 第1期 and 水痘 */
const birth = addDays(todayJst(), -440);
const on = (days: number) => warekiInput(addDays(birth, days));

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  child = await addChild(page, birth, '2');
});
test.afterAll(async () => {
  await context.close();
});

const five = '5種混合（DPT-IPV-Hib）';

test('母子手帳の接種歴を転記し、いま受けられる接種を確かめる', async () => {
  await openPerson(page, child.atenaNo, child.name);
  const handbook = [
    { vaccine: '1', date: on(62), dose: '初回1回目', source: '2' as const },
    { vaccine: '1', date: on(92), dose: '初回2回目' },
    { vaccine: '1', date: on(127), dose: '初回3回目' },
    { vaccine: '8', date: on(160), dose: '1回' },
  ];
  for (const [i, h] of handbook.entries()) {
    await typeRecord(page, {
      vaccine: h.vaccine,
      date: h.date,
      institution: '前住所地 こども医院',
      ...(h.source ? { source: h.source } : {}),
    });
    await expect(entryForm(page).getByRole('alert')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: '接種の記録' })).toContainText(`接種の記録（${i + 1}件）`);
    await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toContainText(h.dose);
  }
  const records = page.getByRole('region', { name: '接種の記録' });
  await expect(records.getByRole('row').filter({ hasText: '母子手帳転記' })).toHaveCount(4);
  await expect(records.getByRole('row').filter({ hasText: '定期接種' })).toHaveCount(4);

  for (const dose of ['初回1回目', '初回2回目', '初回3回目'])
    await expect(scheduleRow(page, five, dose)).toContainText('接種済');
  await expect(scheduleRow(page, 'BCG', '1回')).toContainText('接種済');
  await expect(scheduleRow(page, five, '追加')).toContainText('接種時期');
  await expect(scheduleRow(page, '麻しん風しん 第1期', '1回')).toContainText('接種時期');
  await expect(scheduleRow(page, '水痘', '1回目')).toContainText('接種時期');
});

test('宛名画面の予防接種タブから同じ方の予防接種の画面を開ける', async () => {
  await page.goto(`/residents/${child.id}?tab=vaccination`);
  await page.getByRole('link', { name: '予防接種の記録・接種スケジュールを開く' }).click();
  await expect(page).toHaveURL(new RegExp(`/vaccination\\?resident=${child.id}$`));
  await expect(page.getByRole('region', { name: '対象者の情報' })).toContainText(child.name);
  await expect(page.getByRole('region', { name: '接種の記録' })).toContainText('接種の記録（4件）');
});

test('いま受けられる接種の予診票を、本人の情報を入れて印刷する（送付記録が残る）', async () => {
  const mr = scheduleRow(page, '麻しん風しん 第1期', '1回');
  await expect(scheduleRow(page, 'BCG', '1回').getByRole('button', { name: /予診票を印刷/ })).toHaveCount(0);
  const response = page.waitForResponse((r) =>
    r.url().endsWith(`/api/vaccination/residents/${child.id}/form`),
  );
  const popup = page.context().waitForEvent('page');
  await mr.getByRole('button', { name: '予診票を印刷（麻しん風しん 第1期 1回）' }).click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  await (await popup).close();
  // the browser keeps the body of that response to itself: the same document again over the API
  const again = await page.request.post(`/api/vaccination/residents/${child.id}/form`, {
    data: { vaccine: 'MR1', dose: '1回', method: 'counter' },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(again.status()).toBe(200);
  const pages = await pdfPages(await again.body());
  expect(pages).toHaveLength(1);
  expect(pages[0]).toContain('予防接種予診票（麻しん風しん第1期1回）');
  expect(pages[0]).toContain(compact(child.name));
  expect(pages[0]).toContain(child.atenaNo);
  expect(pages[0]).toContain('（1歳2か月）');
  // a dose done already has no 予診票
  const done = await page.request.post(`/api/vaccination/residents/${child.id}/form`, {
    data: { vaccine: 'BCG', dose: '1回' },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(done.status()).toBe(400);
  const history = await page.request.get(`/api/residents/${child.id}/send-records`);
  const { records } = (await history.json()) as { records: { purpose: string; documentTitle: string }[] };
  expect(records.filter((r) => r.purpose === 'vaccination.form')).toHaveLength(2);
});
