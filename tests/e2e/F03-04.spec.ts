import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { callSummary } from '../../src/server/modules/adult-health/reminder-calls-rules.ts';
import { type Check, findPerson, program } from './application-helpers.ts';
import { compact, csrfToken, downloadOf, login, pdfPages } from './helpers.ts';
import { currentFiscalYear } from './result-helpers.ts';

/**
 * F03-04 未受診者勧奨: two people applied for 大腸がん検診; one has had it. The extraction (申込のある方, 大腸がん) finds
 * only the other; the call list (CSV) has the phone and the program; a 架電結果 recorded by keyboard shows on the
 * row and in the CSV; the call list PDF has the person and blank columns to write in; the 受診勧奨通知 are made as
 * a mailing (job) whose preview is the letter.
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
  expect(lines[0]).toBe(
    '宛名番号,氏名,氏名カナ,生年月日,電話番号,住所,未受診の検診,案内・申込,最終架電日,最終架電結果',
  );
  expect(lines.find((l) => l.startsWith(`${waiting.atenaNo},`))).toContain('大腸がん検診,申込あり');
  expect(lines.some((l) => l.startsWith(`${screened.atenaNo},`))).toBe(false);
  await expect(modal).toBeHidden();
});

test('架電結果をキーボードで記録すると、一覧とCSVに最新の結果が出る', async () => {
  const row = page
    .getByRole('table', { name: '勧奨の対象者' })
    .getByRole('row')
    .filter({ hasText: waiting.atenaNo });
  await row.getByRole('button', { name: `${waiting.name}の架電結果` }).click();
  const dialog = page.getByRole('dialog', { name: `${waiting.name}さんの架電結果` });
  await expect(dialog.getByText('この年度の架電結果はまだありません。')).toBeVisible();
  // the first result has the focus: 4 = 不在・留守電, Enter → メモ, Enter records
  await expect(dialog.getByRole('radio', { name: '1 受診予定' })).toBeFocused();
  await page.keyboard.press('4');
  await expect(dialog.getByRole('radio', { name: '4 不在・留守電' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('メモ')).toBeFocused();
  await page.keyboard.type('夕方に再度');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const summary = callSummary({ calledAt: new Date(), outcome: 'no_answer' });
  await expect(row).toContainText(summary);

  // the history is in the dialog
  await row.getByRole('button', { name: `${waiting.name}の架電結果` }).click();
  await expect(dialog.getByRole('table', { name: '架電結果の履歴' })).toContainText('不在・留守電');
  await expect(dialog.getByRole('table', { name: '架電結果の履歴' })).toContainText('夕方に再度');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: '架電リスト（CSV）' }).click();
  const modal = page.getByRole('dialog', { name: '架電リストのCSV出力' });
  const file = await downloadOf(page, modal.getByRole('link', { name: 'CSV出力' }));
  const lines = iconv.decode(file.bytes, 'cp932').split('\r\n');
  expect(lines.find((l) => l.startsWith(`${waiting.atenaNo},`))).toMatch(
    /,申込あり,令和\d+年\d+月\d+日 \d\d:\d\d,不在・留守電$/,
  );
  await expect(modal).toBeHidden();
});

test('架電リスト（PDF）: 氏名・電話・検診と、手書き用の架電日・結果・メモ欄', async () => {
  const response = page.waitForResponse((r) => r.url().includes('/api/adult/reminders/call-list.pdf'));
  const popup = page.context().waitForEvent('page');
  await page.getByRole('button', { name: '架電リスト（PDF）' }).click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  await (await popup).close();
  // the same list over the API (the browser keeps the body of that response to itself)
  const again = await page.request.get(new URL(res.url()).pathname + new URL(res.url()).search);
  const pages = await pdfPages(await again.body());
  const text = pages.join('');
  expect(pages[0]).toContain('架電リスト（未受診者勧奨）');
  expect(pages[0]).toContain('宛名番号氏名カナ年齢電話検診前回架電日結果メモ');
  expect(text).toContain(`${waiting.atenaNo}${compact(waiting.name)}`);
  expect(text).toContain(compact(callSummary({ calledAt: new Date(), outcome: 'no_answer' })));
  expect(text).not.toContain(screened.atenaNo);
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
