import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { Check } from './application-helpers.ts';
import { compact, csrfToken, login, pdfPages } from './helpers.ts';
import { currentFiscalYear, personWithPositiveFobt } from './result-helpers.ts';

/**
 * F03-03 結果票作成: one person's 結果票 printed at the counter from 検診結果入力 (PDF: the result, the 判定 and the
 * 精密検査のご案内 page for 要精検); then 結果検索 (要精検のみ・まだ送っていない方) → a mailing of the others as a job
 * → the mailing's preview is the 結果票.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let fy = 0;
let first: Check['person'];
let second: Check['person'];

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = await currentFiscalYear(page);
  first = await personWithPositiveFobt(page, fy);
  second = await personWithPositiveFobt(page, fy, [first.id]);
});
test.afterAll(async () => {
  await context.close();
});

test('窓口: 検診結果入力から1人の結果票を印刷する（要精検なら精密検査のご案内つき）', async () => {
  await page.goto('/adult/results');
  await page.getByLabel('受診票番号・宛名番号').fill(first.atenaNo);
  await page.keyboard.press('Enter');
  const person = page.getByRole('region', { name: '受診者の情報' });
  await expect(person).toContainText(first.name);
  const response = page.waitForResponse((r) =>
    r.url().endsWith(`/api/adult/results/residents/${first.id}/notice`),
  );
  const popup = page.context().waitForEvent('page');
  await person.getByRole('button', { name: '結果票を印刷（窓口で渡す）' }).click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  await (await popup).close();
  // the browser keeps the body of that response to itself: the same document again over the API (a 2nd send record)
  const again = await page.request.post(`/api/adult/results/residents/${first.id}/notice`, {
    data: { fiscalYear: fy, method: 'counter' },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  const pages = await pdfPages(await again.body());
  expect(pages).toHaveLength(2);
  expect(pages[0]).toContain('検診結果のお知らせ');
  expect(pages[0]).toContain(compact(`${first.name} 様`));
  expect(pages[0]).toContain('便潜血1日目陽性（＋）');
  expect(pages[0]).toContain('判定:要精検（精密検査を受けてください）');
  expect(pages[1]).toContain('精密検査のご案内');
  expect(pages[1]).toContain('大腸がん検診の精密検査');
});

test('一括: 要精検でまだ送っていない方を検索し、郵送物を作る', async () => {
  await page.goto('/adult');
  await page.getByRole('link', { name: '結果票の作成' }).click();
  await page.getByLabel('要精検の方だけ').check();
  await expect(page.getByLabel('まだ結果票を送っていない方だけ')).toBeChecked();
  await page.getByRole('button', { name: '検索' }).click();
  const table = page.getByRole('table', { name: '結果票の対象者' });
  await expect(table.getByRole('row').filter({ hasText: second.atenaNo })).toContainText('大腸がん検診');
  // the one printed at the counter has been sent one already
  await expect(table.getByRole('row').filter({ hasText: first.atenaNo })).toHaveCount(0);
  await page.getByLabel('発送日').fill(`R${fy - 2018}.12.1`);
  await page.getByRole('button', { name: '郵送物を作成' }).click();
  const link = page.getByRole('link', { name: '作成した郵送物を開く（引き抜き・印刷・送付情報の登録）' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const mailingId = Number((await link.getAttribute('href'))!.split('/').pop());
  const preview = await page.request.get(`/api/mailings/${mailingId}/preview?residentId=${second.id}`);
  expect(preview.status()).toBe(200);
  const pages = await pdfPages(await preview.body());
  expect(pages[0]).toContain('検診結果のお知らせ');
  expect(pages[0]).toContain(compact(second.name));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/mailings/${mailingId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('結果票');
});
