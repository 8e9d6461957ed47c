import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { callSummary } from '../../src/server/modules/adult-health/reminder-calls-rules.ts';
import type { Check } from './application-helpers.ts';
import { compact, csrfToken, downloadOf, login, pdfPages, warekiInput } from './helpers.ts';
import { currentFiscalYear, personWithPositiveFobt } from './result-helpers.ts';

/**
 * F04-02 精検未受診者勧奨: the 要精検 people without a 精検結果 are the follow-up list (要フォロー), exported as a CSV
 * call list (Shift_JIS for Excel, with 電話番号 and 精検の状況); a 架電結果 recorded by keyboard shows on the row and
 * in the CSV; the call list PDF has the person; the 精密検査受診勧奨通知 are made as a mailing whose preview is the
 * letter; once a 精検結果 is entered the person leaves the list and the CSV.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let fy = 0;
let person: Check['person'];
let recordId = 0;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = await currentFiscalYear(page);
  person = await personWithPositiveFobt(page, fy);
  const sheet = (await (
    await page.request.get(`/api/adult/results/residents/${person.id}?fiscalYear=${fy}`)
  ).json()) as {
    results: { id: number; program: string }[];
  };
  recordId = sheet.results.find((r) => r.program === 'colorectal')!.id;
});
test.afterAll(async () => {
  await context.close();
});

async function callList(): Promise<string[]> {
  await page.getByRole('button', { name: 'CSV出力（電話勧奨用）' }).click();
  const modal = page.getByRole('dialog', { name: '要精検者一覧のCSV出力' });
  const file = await downloadOf(page, modal.getByRole('link', { name: 'CSV出力' }));
  expect(file.name).toMatch(/精検未受診・未把握者一覧_sjis\.csv$/);
  return iconv.decode(file.bytes, 'cp932').split('\r\n');
}

test('要フォローの一覧とCSV（電話勧奨用）に精検未把握の方が出る', async () => {
  await page.goto('/adult/detailed-exams');
  await expect(page.getByLabel('精検の状況')).toHaveValue('pending');
  await expect(
    page.getByRole('table', { name: '要精検者' }).getByRole('row').filter({ hasText: person.atenaNo }),
  ).toContainText('精検未把握');
  const lines = await callList();
  expect(lines[0]).toBe(
    '宛名番号,氏名,氏名カナ,生年月日,電話番号,住所,検診,受診日,判定,精検の状況,精検日,精検機関,精検法,精検結果,備考,最終架電日,最終架電結果',
  );
  const line = lines.find((l) => l.startsWith(`${person.atenaNo},`));
  expect(line).toContain('大腸がん検診');
  expect(line).toContain('要精検,精検未把握');
});

const personRow = () =>
  page.getByRole('table', { name: '要精検者' }).getByRole('row').filter({ hasText: person.atenaNo });

test('架電結果をキーボードで記録すると、一覧とCSVに最新の結果が出る', async () => {
  await personRow()
    .getByRole('button', { name: `${person.name}の架電結果` })
    .click();
  const dialog = page.getByRole('dialog', { name: `${person.name}さんの架電結果` });
  await expect(dialog).toContainText('大腸がん検診の精密検査');
  await expect(dialog.getByRole('radio', { name: '1 受診予定' })).toBeFocused();
  // 1 = 受診予定, Enter → メモ, Enter records
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('来週 大腸内視鏡の予約あり');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(personRow()).toContainText(callSummary({ calledAt: new Date(), outcome: 'will_attend' }));
  const lines = await callList();
  expect(lines.find((l) => l.startsWith(`${person.atenaNo},`))).toMatch(
    /,令和\d+年\d+月\d+日 \d\d:\d\d,受診予定$/,
  );
});

test('架電リスト（PDF）に要フォローの方が出る', async () => {
  const response = page.waitForResponse((r) => r.url().includes('/api/adult/detailed-exams/call-list.pdf'));
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: '架電リスト（PDF）' }).click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  await (await popup).close();
  const url = new URL(res.url());
  const pages = await pdfPages(await (await page.request.get(url.pathname + url.search)).body());
  expect(pages[0]).toContain('架電リスト（精検未受診者勧奨）');
  const text = pages.join('');
  expect(text).toContain(`${person.atenaNo}${compact(person.name)}`);
  expect(text).toContain('大腸がん未把握');
  expect(text).toContain(compact(callSummary({ calledAt: new Date(), outcome: 'will_attend' })));
});

test('精密検査受診勧奨通知を郵送物として作る（プレビューは勧奨通知）', async () => {
  await page.getByLabel('発送日').fill(warekiInput(`${fy}-12-01`));
  await page.getByRole('button', { name: '郵送物を作成' }).click();
  const link = page.getByRole('link', { name: '作成した郵送物を開く（引き抜き・印刷・送付情報の登録）' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const mailingId = Number((await link.getAttribute('href'))!.split('/').pop());
  const preview = await page.request.get(`/api/mailings/${mailingId}/preview?residentId=${person.id}`);
  expect(preview.status()).toBe(200);
  const [first] = await pdfPages(await preview.body());
  expect(first).toContain('精密検査の受診のおすすめ');
  expect(first).toContain(compact(`${person.name} 様（宛名番号 ${person.atenaNo}）`));
  expect(first).toContain('大腸がん検診');
  expect(first).toContain('要精密検査');
});

test('精検結果が入ると一覧からもCSVからも外れる', async () => {
  const res = await page.request.post(`/api/adult/detailed-exams/${recordId}`, {
    data: {
      status: 'examined',
      examinedOn: `${fy}-07-02`,
      institutionName: '県立がんセンター',
      method: 'colonoscopy',
      outcome: 'no_abnormality',
      reportedBy: 'person',
    },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(res.status(), await res.text()).toBe(200);
  await page.reload();
  await expect(page.getByRole('table', { name: '要精検者' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: '要精検者' }).getByRole('row').filter({ hasText: person.atenaNo }),
  ).toHaveCount(0);
  const lines = await callList();
  expect(lines.some((l) => l.startsWith(`${person.atenaNo},`))).toBe(false);
});
