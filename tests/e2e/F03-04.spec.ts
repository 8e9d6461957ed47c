import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { type Check, findPerson, program } from './application-helpers.ts';
import { compact, csrfToken, downloadOf, login, pdfPages } from './helpers.ts';
import { currentFiscalYear } from './result-helpers.ts';

/**
 * F03-04 未受診者勧奨: two people applied for 大腸がん検診; one has had it. The extraction (申込のある方, 大腸がん) finds
 * only the other; the call list (CSV) has the phone and the program; the 受診勧奨通知 are made as a mailing (job)
 * whose preview is the letter.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let fy = 0;
let waiting: Check['person'];
let screened: Check['person'];

async function apply(p: Check['person']) {
  const res = await page.request.post('/api/adult/applications', {
    data: {
      residentId: p.id,
      fiscalYear: fy,
      channel: 'phone',
      programs: ['colorectal'],
      mode: 'individual',
    },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = await currentFiscalYear(page);
  const eligible = (c: Check) => program(c, 'colorectal').eligible;
  waiting = (await findPerson(page, fy, eligible)).person;
  await apply(waiting);
  screened = (await findPerson(page, fy, eligible)).person;
  await apply(screened);
  const res = await page.request.post(`/api/adult/results/residents/${screened.id}`, {
    data: {
      program: 'colorectal',
      screenedOn: `${fy}-06-10`,
      mode: 'group',
      result: 'negative',
      items: { fobtDay1: 'negative', fobtDay2: 'negative' },
    },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(res.status(), await res.text()).toBe(200);
});
test.afterAll(async () => {
  await context.close();
});

test('申込があって結果のない方だけを抽出し、架電リストを出力する', async () => {
  await page.goto('/adult');
  await page.getByRole('link', { name: '未受診者勧奨' }).click();
  await page.getByLabel('検診').selectOption({ label: '大腸がん検診' });
  await page.getByLabel('対象', { exact: true }).selectOption({ label: '申込のある方' });
  await page.getByRole('button', { name: '抽出' }).click();
  const table = page.getByRole('table', { name: '勧奨の対象者' });
  await expect(table.getByRole('row').filter({ hasText: waiting.atenaNo })).toContainText('大腸がん検診');
  await expect(table.getByRole('row').filter({ hasText: waiting.atenaNo })).toContainText('申込あり');
  await expect(table.getByRole('row').filter({ hasText: screened.atenaNo })).toHaveCount(0);

  await page.getByRole('button', { name: '架電リスト（CSV）' }).click();
  const modal = page.getByRole('dialog', { name: '架電リストのCSV出力' });
  const file = await downloadOf(page, modal.getByRole('link', { name: 'CSV出力' }));
  const lines = iconv.decode(file.bytes, 'cp932').split('\r\n');
  expect(lines[0]).toBe('宛名番号,氏名,氏名カナ,生年月日,電話番号,住所,未受診の検診,案内・申込,架電結果');
  expect(lines.find((l) => l.startsWith(`${waiting.atenaNo},`))).toContain('大腸がん検診,申込あり');
  expect(lines.some((l) => l.startsWith(`${screened.atenaNo},`))).toBe(false);
});

test('受診勧奨通知を郵送物として作る（プレビューは勧奨通知）', async () => {
  await page.getByLabel('発送日').fill(`R${fy - 2018}.12.1`);
  await page.getByRole('button', { name: '郵送物を作成' }).click();
  const link = page.getByRole('link', { name: '作成した郵送物を開く（引き抜き・印刷・送付情報の登録）' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const mailingId = Number((await link.getAttribute('href'))!.split('/').pop());
  const preview = await page.request.get(`/api/mailings/${mailingId}/preview?residentId=${waiting.id}`);
  expect(preview.status()).toBe(200);
  const [first] = await pdfPages(await preview.body());
  expect(first).toContain('検診の受診のおすすめ');
  expect(first).toContain(compact(`${waiting.name} 様`));
  expect(first).toContain('・大腸がん検診');
  expect(first).toContain(`受診券番号${fy}-${waiting.atenaNo}`);
});
