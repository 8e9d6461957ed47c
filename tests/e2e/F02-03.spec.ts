import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { formatWareki } from '../../src/server/platform/calendar/index.ts';
import { type Check, findPerson, pickPerson, program } from './application-helpers.ts';
import {
  compact,
  csrfToken,
  downloadOf,
  expectNoSeriousA11yViolations,
  login,
  openSendHistory,
  pdfPages,
  residentOf,
  todayJst,
} from './helpers.ts';

/**
 * F02-03 個別受付（電話・はがき）: 申込受付 → 受診歴の確認 (胃がん 前年度受診済: not selectable, with the reason; the
 * API refuses it too) → 申込情報登録 (大腸がん, 個別) → 受診票（券） by 郵送 (PDF: name, address, program, 和暦,
 * 受診券番号) → 送付履歴.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let fy = 0;
let person: Check;
test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = (
    (await (await page.request.get('/api/adult/applications/meta')).json()) as { currentFiscalYear: number }
  ).currentFiscalYear;
  // screened for 胃がん last 年度 (2年に1回), 大腸がん due
  person = await findPerson(
    page,
    fy,
    (c) => program(c, 'stomach').reasons.includes('前年度受診済') && program(c, 'colorectal').eligible,
  );
});
test.afterAll(async () => {
  await context.close();
});

test('電話: 受診歴の確認で前年度受診済の胃がん検診は選べず理由を表示、APIで申し込んでも理由つきで断られる', async () => {
  await page.goto('/adult');
  await page.getByRole('link', { name: '申込受付' }).click();
  await expect(page).toHaveURL(/\/adult\/applications\/new$/);
  await pickPerson(page, person.person.atenaNo, person.person.name);

  const history = page.getByRole('table', { name: '受診歴と今年度の判定' });
  const stomach = history.getByRole('row').filter({ hasText: '胃がん検診' });
  await expect(stomach).toContainText(program(person, 'stomach').lastScreenedWareki);
  await expect(stomach).toContainText('2年に1回');
  await expect(stomach).toContainText('今年度受診不可');
  await expect(stomach).toContainText('前年度受診済');
  await expect(history.getByRole('row').filter({ hasText: '大腸がん検診' })).toContainText('今年度受診可');

  const form = page.getByRole('form', { name: '申込の登録' });
  await expect(
    form.getByRole('checkbox', { name: '胃がん検診（申込できません: 前年度受診済）' }),
  ).toBeDisabled();
  // keyboard first: the form starts at 受付方法 (電話), Enter goes on to the first program that can be chosen
  await expect(form.getByRole('radio', { name: '電話' })).toBeChecked();
  await expect(form.getByRole('radio', { name: '電話' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('checkbox').and(page.locator(':enabled')).first()).toBeFocused();

  const res = await page.request.post('/api/adult/applications', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      residentId: person.person.id,
      fiscalYear: fy,
      channel: 'phone',
      programs: ['stomach'],
      mode: 'individual',
    },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.message).toContain('胃がん検診: 前年度受診済');

  await expectNoSeriousA11yViolations(page, '申込受付');
});

test('大腸がん検診を個別で登録 → 郵送で受診票を発行: PDF の氏名・住所・検診・和暦・受診券番号、送付履歴に郵送', async () => {
  const form = page.getByRole('form', { name: '申込の登録' });
  await form.getByRole('checkbox', { name: /^大腸がん検診/ }).check();
  await expect(form.getByRole('radio', { name: '個別（医療機関）' })).toBeChecked();
  await form.getByRole('button', { name: '登録' }).click();
  const issue = page.getByRole('region', { name: '受診票の発行' });
  await expect(issue.getByRole('status').first()).toContainText(
    `${person.person.name}（宛名番号 ${person.person.atenaNo}）: 大腸がん検診（個別）`,
  );
  await issue.getByRole('button', { name: '郵送する' }).click();
  await expect(issue.getByText('受診票を発行しました')).toBeVisible();
  await expect(issue).toContainText('送付履歴に「郵送」で記録しました。');

  const file = await downloadOf(page, issue.getByRole('link', { name: '受診票のPDFを保存' }));
  const [text] = await pdfPages(file.bytes);
  const r = await residentOf(page.request, person.person.id);
  expect(text).toContain(compact(`${r.name} 様（宛名番号 ${r.atenaNo}`));
  expect(text).toContain(compact(r.address));
  expect(text).toContain('大腸がん検診');
  expect(text).not.toContain('胃がん検診');
  expect(text).toContain(compact(formatWareki(todayJst())));
  expect(text).toContain(`${fy}-${r.atenaNo}`);

  // the application is 受診票発行済 and the same program cannot be applied for twice
  const list = (await (
    await page.request.get(`/api/adult/applications?fiscalYear=${fy}&q=${r.atenaNo}`)
  ).json()) as { rows: { status: string; channel: string }[] };
  expect(list.rows).toMatchObject([{ status: 'ticket_issued', channel: 'phone' }]);

  // (other specs may have sent this person a 受診票 too, on their own 発送日)
  const sent = await openSendHistory(page, r.id, r.name);
  const row = sent
    .getByRole('row')
    .filter({ hasText: '受診票（券）' })
    .filter({ hasText: formatWareki(todayJst()) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('郵送');
});
