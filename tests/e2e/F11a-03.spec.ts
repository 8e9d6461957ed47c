import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { compact, csrfToken, login, pdfPages } from './helpers.ts';
import { addChild, entryForm, openPerson, typeRecord } from './vaccination-helpers.ts';

/**
 * F11a-03 接種証明書発行: a child's ヒブ dose is recorded; on request the nurse prints the 予防接種済証（接種記録票）
 * from the person's view (PDF: the name, the vaccine, the 接種日 in 和暦, the municipality and the 市長) and a send
 * record 窓口 is kept.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let child: { id: number; atenaNo: string; name: string };

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  child = await addChild(page, '2023-12-01');
});
test.afterAll(async () => {
  await context.close();
});

test('接種の記録から予防接種済証を印刷する（送付記録が残る）', async () => {
  await openPerson(page, child.atenaNo, child.name);
  const person = page.getByRole('region', { name: '対象者の情報' });
  await expect(person.getByRole('button', { name: '接種済証を印刷' })).toBeDisabled();
  await typeRecord(page, {
    vaccine: 'HIB',
    date: 'R6.2.5',
    lot: 'CERT01',
    institution: 'すこやか小児科',
    source: '1',
  });
  await page.keyboard.press('Enter');
  await expect(entryForm(page).getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '接種の記録' })).toContainText('接種の記録（1件）');

  const response = page.waitForResponse((r) =>
    r.url().endsWith(`/api/vaccination/residents/${child.id}/certificate`),
  );
  const popup = page.context().waitForEvent('page');
  await person.getByRole('button', { name: '接種済証を印刷' }).click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  await (await popup).close();

  // the browser keeps the body of that response to itself: the same document again over the API
  const again = await page.request.post(`/api/vaccination/residents/${child.id}/certificate`, {
    data: { method: 'counter' },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(again.status()).toBe(200);
  const pages = await pdfPages(await again.body());
  expect(pages).toHaveLength(1);
  const { municipality: m } = (await (await page.request.get('/api/settings/municipality')).json()) as {
    municipality: { name: string; mayorTitle: string; mayorName: string };
  };
  expect(pages[0]).toContain('予防接種済証（接種記録票）');
  expect(pages[0]).toContain(compact(child.name));
  expect(pages[0]).toContain('ヒブ');
  expect(pages[0]).toContain('令和6年2月5日');
  expect(pages[0]).toContain('CERT01');
  expect(pages[0]).toContain('すこやか小児科');
  expect(pages[0]).toContain(compact(`${m.name}の記録により予防接種を受けたことを証明します`));
  expect(pages[0]).toContain(compact(`${m.mayorTitle} ${m.mayorName}`));

  // two send records 予防接種済証 窓口 in the person's 送付履歴
  const history = await page.request.get(`/api/residents/${child.id}/send-records`);
  expect(history.status(), await history.text()).toBe(200);
  const { records } = (await history.json()) as {
    records: { purpose: string; documentTitle: string; method: string }[];
  };
  expect(records.filter((r) => r.purpose === 'vaccination.certificate')).toEqual([
    expect.objectContaining({ documentTitle: '予防接種済証', method: 'counter' }),
    expect.objectContaining({ documentTitle: '予防接種済証', method: 'counter' }),
  ]);
});
