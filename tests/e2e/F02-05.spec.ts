import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { formatWareki } from '../../src/server/platform/calendar/index.ts';
import {
  businessDayAhead,
  type Check,
  findPerson,
  type PlannedSession,
  pickPerson,
  planSession,
  program,
} from './application-helpers.ts';
import { compact, downloadOf, login, openSendHistory, pdfPages, todayJst, token } from './helpers.ts';

/**
 * F02-05 個別受付（窓口）: 申込受付 (窓口) → 肺がん検診 集団 with a session the admin has just planned → 受診票（券）
 * handed over (PDF: the booked date in 和暦, time and venue) → 申込一覧 (受付方法 窓口) and its CSV (Shift_JIS)
 * → 受診票の再発行 (紛失) from the resident page → 送付履歴.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let fy = 0;
let person: Check;
let session: PlannedSession;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = (
    (await (await page.request.get('/api/adult/applications/meta')).json()) as { currentFiscalYear: number }
  ).currentFiscalYear;
  // as admin: a 胃・肺 集団検診 two weeks ahead (or on the 年度's last day when that is sooner)
  ({ session } = await planSession(browser, {
    fiscalYear: fy,
    programs: ['stomach', 'lung'],
    sessionDate: businessDayAhead(fy, todayJst(), 14),
    startTime: '13:30',
    endTime: '15:30',
    capacity: 30,
    note: `E2E ${token()}`,
  }));
  person = await findPerson(page, fy, (c) => program(c, 'lung').eligible);
});
test.afterAll(async () => {
  await context.close();
});

const sessionText = () => `${formatWareki(session.sessionDate)} ${session.startTime}〜 ${session.venueName}`;

test('窓口: 肺がん検診を集団（日程・会場・残り人数から選ぶ）で登録し、受診票を窓口で渡す（PDFに予約日時と会場）', async () => {
  await page.goto('/adult');
  await page.getByRole('link', { name: '申込受付' }).click();
  await pickPerson(page, person.person.atenaNo, person.person.name);
  const form = page.getByRole('form', { name: '申込の登録' });
  await form.getByRole('radio', { name: '窓口' }).check();
  await form.getByRole('checkbox', { name: /^肺がん検診/ }).check();
  await form.getByRole('radio', { name: '集団（日程を予約）' }).check();
  const select = form.getByLabel('集団検診の日程');
  const option = select
    .locator('option')
    .filter({ hasText: session.venueName })
    .filter({
      hasText: `${formatWareki(session.sessionDate)}`,
    });
  await expect(option.first()).toContainText(`${session.startTime}〜`);
  await expect(option.first()).toContainText('（残り30人）');
  await select.selectOption({ label: (await option.first().textContent())! });
  await form.getByRole('button', { name: '登録' }).click();

  const issue = page.getByRole('region', { name: '受診票の発行' });
  await expect(issue.getByRole('status').first()).toContainText(`肺がん検診（集団 ${sessionText()}）`);
  const popup = page.waitForEvent('popup');
  await issue.getByRole('button', { name: '窓口で渡す（PDFを開く）' }).click();
  await (await popup).close();
  await expect(issue).toContainText('送付履歴に「窓口」で記録しました。');
  const file = await downloadOf(page, issue.getByRole('link', { name: '受診票のPDFを保存' }));
  const [text] = await pdfPages(file.bytes);
  expect(text).toContain(compact(`集団検診のご予約: ${sessionText()}`));
  expect(text).toContain('肺がん検診');
  expect(text).toContain(`${fy}-${person.person.atenaNo}`);
});

test('申込一覧: 受付方法=窓口で絞り込み、CSV（Shift_JIS）に出力', async () => {
  await page.goto('/adult');
  await page.getByRole('link', { name: '申込一覧' }).click();
  await expect(page).toHaveURL(/\/adult\/applications$/);
  await page.getByLabel('受付方法').selectOption({ label: '窓口' });
  await page.getByLabel('氏名・宛名番号').fill(person.person.atenaNo);
  await page.getByRole('button', { name: '検索' }).click();
  const table = page.getByRole('table', { name: '申込一覧' });
  const row = table.getByRole('row').filter({ hasText: person.person.atenaNo });
  await expect(row).toContainText(person.person.name);
  await expect(row).toContainText('窓口');
  await expect(row).toContainText('肺がん検診');
  await expect(row).toContainText(`集団 ${sessionText()}`);
  await expect(row).toContainText('受診票発行済');

  await page.getByRole('button', { name: 'CSV出力' }).click();
  const modal = page.getByRole('dialog', { name: '申込一覧のCSV出力' });
  await expect(modal.getByRole('radio', { name: 'Shift_JIS (Excel)' })).toBeChecked();
  const file = await downloadOf(page, modal.getByRole('link', { name: 'CSV出力' }));
  expect(file.name).toMatch(/申込一覧_sjis\.csv$/);
  const lines = iconv.decode(file.bytes, 'cp932').split('\r\n');
  expect(lines[0]).toBe(
    '申込番号,年度,申込日,受付方法,宛名番号,氏名,氏名カナ,生年月日,検診,受診形態,医療機関,集団検診の日程,状態,電子申請番号,備考',
  );
  const line = lines.find((l) => l.includes(person.person.atenaNo))!;
  expect(line).toContain(`${formatWareki(todayJst())},窓口,${person.person.atenaNo},${person.person.name}`);
  // Shift_JIS writes 〜 as the CP932 ～
  expect(line).toContain(`肺がん検診,集団,,${sessionText().replace('〜', '～')},受診票発行済`);
});

test('紛失: 宛名画面の成人検診タブから受診票を再発行し、送付履歴に窓口と再発行が残る', async () => {
  await page.goto(`/residents/${person.person.id}?tab=adult`);
  await page.getByRole('button', { name: '受診票を再発行' }).click();
  const modal = page.getByRole('dialog', { name: '受診票を再発行' });
  await modal.getByLabel('理由').fill('紛失');
  const popup = page.waitForEvent('popup');
  await modal.getByRole('button', { name: '再発行してPDFを開く' }).click();
  await (await popup).close();
  await expect(modal.getByText('再発行しました')).toBeVisible();
  await modal.getByRole('button', { name: '閉じる', exact: true }).last().click();

  // today's 窓口 records (other specs may have mailed this person a 受診票 on their own 発送日)
  const sent = await openSendHistory(page, person.person.id, person.person.name);
  const rows = sent
    .getByRole('row')
    .filter({ hasText: '受診票（券）' })
    .filter({ hasText: formatWareki(todayJst()) });
  await expect(rows).toHaveCount(2);
  // the lost ticket's record is marked 再発行 (the counter ticket is too when a bulk 受診票 went out before)
  expect(await rows.filter({ hasText: '再発行' }).count()).toBeGreaterThanOrEqual(1);
  for (const r of await rows.all()) await expect(r).toContainText('窓口');
});

test('取消: 申込一覧から理由を入れて取り消すと状態が「取消」になり、集団検診の枠が空く', async () => {
  const bookedOf = async () =>
    (
      (await (await page.request.get(`/api/reservations/sessions/${session.id}`)).json()) as {
        session: { booked: number };
      }
    ).session.booked;
  const before = await bookedOf();
  await page.goto('/adult/applications');
  await page.getByLabel('氏名・宛名番号').fill(person.person.atenaNo);
  await page.getByRole('button', { name: '検索' }).click();
  const row = page
    .getByRole('table', { name: '申込一覧' })
    .getByRole('row')
    .filter({ hasText: person.person.atenaNo });
  await expect(row).toContainText('受診票発行済');
  await row.getByRole('button', { name: /を取り消す$/ }).click();
  const dialog = page.getByRole('dialog', { name: '申込の取消' });
  await expect(dialog).toContainText('集団検診の予約も取り消し');
  await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('取消の理由を入力してください');
  await dialog.getByLabel('取消の理由').fill('本人から辞退の連絡');
  await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('取消');
  await expect(row.getByRole('button', { name: /を取り消す$/ })).toHaveCount(0);
  expect(await bookedOf()).toBe(before - 1);
});
