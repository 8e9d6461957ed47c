import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type Check, findPerson, program } from './application-helpers.ts';
import { login, type ResidentJson, residentOf, token } from './helpers.ts';

/**
 * F02-04 個別受付（電子申請）: a CSV of two demo people's e-applications — one with its 宛名番号 (registered at
 * once), one without it and with another address (確認待ち) — imported with its job's progress; the review row is
 * registered by picking the resident; the same 申込番号 again is reported as 取込済み; the registered application
 * is in 申込一覧 with 受付方法 電子申請; both files are in the 取込履歴 and the first one's result opens again.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let fy = 0;
let a: ResidentJson;
let b: ResidentJson;
const run = token();
const noA = `E2E-${run}-1`;
const noB = `E2E-${run}-2`;
const header = '申込番号,申込日時,宛名番号,氏名,氏名カナ,生年月日,住所,希望検診,受診形態';

const line = (no: string, r: ResidentJson, o: { atena: boolean; address: string }) =>
  [
    no,
    '2026-06-15T10:00',
    o.atena ? r.atenaNo : '',
    r.name,
    r.nameKana,
    r.birthDate,
    o.address,
    '大腸がん',
    '個別',
  ].join(',');

async function upload(rows: string[], name: string) {
  await page.goto('/adult');
  await page.getByRole('link', { name: '電子申請の取込' }).click();
  await expect(page).toHaveURL(/\/adult\/e-applications$/);
  await page.getByLabel('申込ファイル', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(`\ufeff${[header, ...rows].join('\r\n')}\r\n`),
  });
  await page.getByRole('button', { name: '取り込む' }).click();
  return page.getByRole('region', { name: '取込結果' });
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = (
    (await (await page.request.get('/api/adult/applications/meta')).json()) as { currentFiscalYear: number }
  ).currentFiscalYear;
  const eligible = (c: Check) => program(c, 'colorectal').eligible;
  const first = await findPerson(page, fy, eligible);
  const second = await findPerson(page, fy, (c) => eligible(c) && c.person.id !== first.person.id);
  a = await residentOf(page.request, first.person.id);
  b = await residentOf(page.request, second.person.id);
});
test.afterAll(async () => {
  await context.close();
});

test('取込: 宛名番号の合う申込は登録、住所の違う申込は確認待ち（件数と照合の理由）', async () => {
  const result = await upload(
    [
      line(noA, a, { atena: true, address: a.address }),
      line(noB, b, { atena: false, address: 'すこやか市どこか町9-9-9' }),
    ],
    `電子申請_${run}.csv`,
  );
  await expect(result.getByRole('status')).toContainText(
    '登録 1件 / 確認待ち 1件 / 登録不可 0件 / 取込済み 0件 / 誤り 0件',
  );
  const item = page.getByRole('group', { name: `申込番号 ${noB}` });
  await expect(item).toContainText('住所が異なる（転居の可能性）');
  await expect(item).toContainText(`${b.name}（${b.nameKana}）`);
});

test('確認待ち: 候補から本人を選んで「この方で登録」', async () => {
  const item = page.getByRole('group', { name: `申込番号 ${noB}` });
  const candidates = item.getByRole('table', { name: `申込番号 ${noB} の候補` });
  const row = candidates.getByRole('row').filter({ hasText: b.atenaNo });
  await expect(row).toContainText(b.nameKana);
  await row.getByRole('button', { name: 'この方で登録' }).click();
  await expect(item).toHaveCount(0);
});

test('同じ申込番号を再び取り込むと「取込済み」と示し、二重に登録しない', async () => {
  const result = await upload([line(noA, a, { atena: true, address: a.address })], `電子申請_${run}_再.csv`);
  await expect(result.getByRole('status')).toContainText(
    '登録 0件 / 確認待ち 0件 / 登録不可 0件 / 取込済み 1件',
  );
  const table = result.getByRole('table', { name: '取り込めなかった申込' });
  await expect(table).toContainText(`申込番号 ${noA} は取込済みです（令和`);
});

test('取込履歴: 2つのファイルが「完了」で並び、前の取込の結果を開ける', async () => {
  const history = page.getByRole('table', { name: '取込履歴' });
  const first = history.getByRole('row').filter({ hasText: `電子申請_${run}.csv` });
  await expect(first).toContainText('完了');
  await expect(history.getByRole('row').filter({ hasText: `電子申請_${run}_再.csv` })).toContainText('完了');
  await first.getByRole('button', { name: '結果を見る' }).click();
  await expect(page.getByRole('region', { name: '取込結果' }).getByRole('status')).toContainText(
    '登録 2件 / 確認待ち 0件 / 登録不可 0件 / 取込済み 0件 / 誤り 0件',
  );
});

test('申込一覧: 受付方法=電子申請で2人の申込がある', async () => {
  await page.goto('/adult/applications');
  await page.getByLabel('受付方法').selectOption({ label: '電子申請' });
  for (const r of [a, b]) {
    await page.getByLabel('氏名・宛名番号').fill(r.atenaNo);
    await page.getByRole('button', { name: '検索' }).click();
    const row = page.getByRole('table', { name: '申込一覧' }).getByRole('row').filter({ hasText: r.atenaNo });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('電子申請');
    await expect(row).toContainText('大腸がん検診');
  }
});

test('申込一覧から受付済の申込の受診票を発行（郵送）すると「受診票発行済」になる', async () => {
  await page.goto('/adult/applications');
  await page.getByLabel('受付方法').selectOption({ label: '電子申請' });
  await page.getByLabel('氏名・宛名番号').fill(a.atenaNo);
  await page.getByRole('button', { name: '検索' }).click();
  const row = page.getByRole('table', { name: '申込一覧' }).getByRole('row').filter({ hasText: a.atenaNo });
  await expect(row).toContainText('受付済');
  await row.getByRole('button', { name: /の受診票（申込\d+）を発行する$/ }).click();
  const dialog = page.getByRole('dialog', { name: '受診票の発行' });
  await expect(dialog).toContainText('受付済の申込');
  await dialog.getByRole('button', { name: '郵送する' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '受診票を発行しました' })).toContainText('郵送');
  await dialog.getByRole('button', { name: '閉じる', exact: true }).last().click();
  await expect(row).toContainText('受診票発行済');
  await expect(row.getByRole('button', { name: /を発行する$/ })).toHaveCount(0);
});
