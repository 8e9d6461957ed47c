import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { addDays, formatWareki } from '../../src/server/platform/calendar/index.ts';
import { compact, csrfToken, downloadOf, login, pdfPages, todayJst } from './helpers.ts';
import { bornReaching, sendInvitations, waitJob } from './infant-invitation-helpers.ts';
import { type Child, importChildren } from './vaccination-list-helpers.ts';

/**
 * F07-07 未受診者勧奨: two children were sent the 1歳6か月児健診 invitation (F07-03, through the API); one has a result
 * since. The reminder extraction lists only the other; the 架電・訪問リスト (CSV) carries the child, the telephone and
 * the address; the 受診勧奨通知 printed reads back with the child's name.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let missing: Child;
let examined: Child;
const today = todayJst();
const from = addDays(today, -25);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  [missing, examined] = (await importChildren(page, [
    { birthDate: bornReaching(addDays(today, -5), 18), sex: '女', phone: '012-777-0701' },
    { birthDate: bornReaching(addDays(today, -6), 18), sex: '男', phone: '012-777-0702' },
  ])) as [Child, Child];
  await sendInvitations(page, {
    checkup: 'y1h',
    from,
    to: today,
    sessionDate: addDays(today, 9),
    sendDate: today,
  });
  const res = await page.request.post('/api/infant/checkup-results', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      childResidentId: examined.id,
      checkup: 'y1h',
      mode: 'individual',
      sessionId: null,
      examinedOn: today,
      institutionName: 'すこやか小児科',
      ticketNo: '',
      measures: { heightCm: '81.5', weightKg: '10.80' },
      findings: {},
      dental: {
        teeth: 16,
        cariesUntreated: 0,
        cariesTreated: 0,
        plaque: 'none',
        occlusion: 'normal',
        riskType: 'O1',
        fluoride: 'applied',
      },
      judgement: 'normal',
      note: '',
      resultId: null,
      version: null,
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
});
test.afterAll(async () => {
  await context.close();
});

test('案内を送った未受診児だけが勧奨の対象に出る', async () => {
  await page.goto('/maternal/infant-checkups');
  await page.getByRole('tab', { name: '未受診者勧奨' }).click();
  await page.getByRole('form', { name: '未受診児の抽出' }).getByRole('button', { name: '抽出' }).click();
  const table = page.getByRole('table', { name: '未受診児' });
  await expect(table.getByRole('row').filter({ hasText: missing.atenaNo })).toContainText(missing.name);
  await expect(table.getByRole('row').filter({ hasText: examined.atenaNo })).toHaveCount(0);
  const row = table.getByRole('row').filter({ hasText: missing.atenaNo });
  await row.getByLabel(`${missing.name}の架電・訪問結果`).selectOption('no_answer');
  await expect(row).toContainText('不在');
});

test('架電・訪問リスト（CSV）に児・電話・住所と架電結果が出る', async () => {
  await page.getByRole('button', { name: '架電・訪問リスト（CSV）' }).click();
  const dialog = page.getByRole('dialog', { name: '架電・訪問リストのCSV出力' });
  await dialog.getByRole('radio', { name: 'UTF-8' }).check();
  const file = await downloadOf(page, dialog.getByRole('link', { name: 'CSV出力' }));
  const lines = file.bytes
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n');
  expect(lines[0]).toContain('宛名番号,氏名,氏名カナ,生年月日,電話番号,住所（地区）,健診,案内送付日');
  const line = lines.find((l) => l.startsWith(missing.atenaNo));
  expect(line).toContain(missing.name);
  expect(line).toContain('012-777-0701');
  expect(line).toContain('1歳6か月児健康診査');
  expect(line).toContain(formatWareki(today));
  expect(line).toContain('不在・留守電');
  expect(lines.some((l) => l.startsWith(examined.atenaNo))).toBe(false);
  await page.keyboard.press('Escape');
});

test('受診勧奨通知を作成し、PDF を読む', async () => {
  test.setTimeout(180_000);
  const headers = { 'x-csrf-token': await csrfToken(page.request) };
  const res = await page.request.post('/api/infant/reminders/mailing', {
    headers,
    data: { checkup: 'y1h', asOf: today, sendDate: today },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const done = await waitJob(page, ((await res.json()) as { job: { id: number } }).job.id);
  expect(done.status).toBe('succeeded');
  const mailingId = (done.result as { mailingId: number }).mailingId;
  const preview = await page.request.get(`/api/mailings/${mailingId}/preview?residentId=${missing.id}`);
  expect(preview.ok(), await preview.text()).toBe(true);
  const [letter] = await pdfPages(await preview.body());
  expect(letter).toContain('1歳6か月児健康診査の受診のおすすめ');
  expect(letter).toContain(compact(missing.name));
  const other = await page.request.get(`/api/mailings/${mailingId}/preview?residentId=${examined.id}`);
  expect(other.ok()).toBe(false);
});
