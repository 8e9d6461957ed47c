import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import type { Check } from './application-helpers.ts';
import { csrfToken, downloadOf, login } from './helpers.ts';
import { currentFiscalYear, personWithPositiveFobt } from './result-helpers.ts';

/**
 * F04-02 精検未受診者勧奨: the 要精検 people without a 精検結果 are the follow-up list (要フォロー), exported as a CSV
 * call list (Shift_JIS for Excel, with 電話番号 and 精検の状況); once a 精検結果 is entered the person leaves the
 * list and the CSV.
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
    '宛名番号,氏名,氏名カナ,生年月日,電話番号,住所,検診,受診日,判定,精検の状況,精検日,精検機関,精検法,精検結果,備考',
  );
  const line = lines.find((l) => l.startsWith(`${person.atenaNo},`));
  expect(line).toContain('大腸がん検診');
  expect(line).toContain('要精検,精検未把握');
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
