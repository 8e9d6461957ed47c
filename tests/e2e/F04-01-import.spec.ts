import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { type Check, findPerson, program } from './application-helpers.ts';
import { csrfToken, downloadOf, expectNoSeriousA11yViolations, login, token } from './helpers.ts';
import { currentFiscalYear, personWithPositiveFobt } from './result-helpers.ts';

/**
 * F04-01 精密検査結果の取込: a clerk opens the import from 精密検査の把握, sets up a 取込設定 for a clinic's CSV of
 * 精検結果 (mapped from the file's header), checks a file with one good row (a 大腸がん 要精検 person) and one bad
 * row (a person whose 大腸がん検診 was 異常認めず), sees the Japanese error, imports only the good row, and the person
 * becomes 精検受診 with the imported 精検結果; re-importing the good row changes nothing.
 */
test.describe.configure({ mode: 'serial' });

type Person = Check['person'];
let context: BrowserContext;
let page: Page;
let fy = 0;
let positive: Person;
let negative: Person;
const header = ['宛名番号', '精検日', '医療機関コード', '精検法', '精検結果', '病期'];
const settingName = `中央病院 精検結果 ${token()}`;

const csv = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
const goodRow = () => [
  positive.atenaNo,
  `R${fy - 2018}.7.1`,
  '9910100011',
  '全大腸内視鏡検査',
  'がん以外の疾患',
  '',
];
const badRow = () => [negative.atenaNo, `${fy}-07-02`, '9910100011', '全大腸内視鏡検査', '異常認めず', ''];

const panel = () => page.getByRole('region', { name: '取込の点検と取り込み' });
const summary = () => panel().getByRole('status').filter({ hasText: '件数:' });
const done = () => panel().getByRole('status').filter({ hasText: '取り込みました' });

/** Chooses the file (大腸がん検診, this 年度) and checks it. */
async function check(name: string, content: Buffer) {
  await page.getByLabel('検診（ファイルに検診の列がないとき）').selectOption({ label: '大腸がん検診' });
  await page
    .getByLabel('取り込むファイル（CSV・XML）')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: '確認する（取り込む前の点検）' }).click();
  await expect(panel()).toContainText(name);
  return summary();
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = await currentFiscalYear(page);
  positive = await personWithPositiveFobt(page, fy);
  // a person whose 大腸がん検診 of this 年度 was 異常認めず (not 要精検)
  negative = (
    await findPerson(page, fy, (c) => program(c, 'colorectal').eligible && c.person.id !== positive.id)
  ).person;
  const res = await page.request.post(`/api/adult/results/residents/${negative.id}`, {
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

test('精密検査の把握から取込画面を開き、見本のファイルの見出しから取込設定を作る', async () => {
  await page.goto('/adult/detailed-exams');
  await page.getByRole('link', { name: '精検結果の取込（CSV・XML）' }).click();
  await expect(page).toHaveURL(/\/adult\/detailed-exams\/imports$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('精密検査結果の取込');

  await page.getByRole('button', { name: '新しい取込設定' }).click();
  const dialog = page.getByRole('dialog', { name: '取込設定を作成' });
  await dialog.getByLabel('取込設定の名前').fill(settingName);
  await dialog
    .getByLabel('見本のファイル')
    .setInputFiles({ name: 'sample.csv', mimeType: 'text/csv', buffer: csv([header, goodRow()]) });
  await dialog.getByRole('button', { name: 'ファイルの見出しから自動で対応づける' }).click();
  await expect(dialog.getByRole('status')).toHaveText('6列を対応づけました。');
  await expect(dialog.getByLabel('精検結果の列', { exact: true })).toHaveValue('精検結果');
  await expect(dialog.getByLabel('精検機関コードの列', { exact: true })).toHaveValue('医療機関コード');
  await expect(dialog.getByLabel('病期・所見の列', { exact: true })).toHaveValue('病期');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('取込設定').locator('option:checked')).toHaveText(settingName);
});

test('要精検でない方の行は誤りとして日本語で示され、誤りのない行だけを取り込める', async () => {
  await expect(await check('精検結果_中央病院.csv', csv([header, goodRow(), badRow()]))).toHaveText(
    '件数: 新規 1件 / 更新 0件 / 変更なし 0件 / 誤り 1件',
  );
  const errors = panel().getByRole('table', { name: '誤りの行' });
  await expect(errors.getByRole('row')).toHaveCount(2);
  const row = errors.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
  await expect(row).toContainText(negative.name);
  await expect(row).toContainText(
    `この方の令和${fy - 2018}年度の大腸がん検診は要精検になっていません（判定: 異常認めず）。`,
  );
  await expectNoSeriousA11yViolations(page, '精密検査結果の取込（点検の結果）');

  const file = await downloadOf(page, panel().getByRole('link', { name: 'エラーの行をダウンロード' }));
  const rows = parse(file.bytes.toString('utf8').replace(/^\ufeff/, '')) as string[][];
  expect(rows[0]).toEqual([...header, 'エラー内容']);
  expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([badRow()]);
  expect(rows[1]![6]).toMatch(/^3行目: この方の.+は要精検になっていません/);

  const commit = panel().getByRole('button', { name: '取り込む', exact: true });
  await expect(commit).toBeDisabled();
  await panel()
    .getByRole('checkbox', {
      name: '誤りのない行だけ取り込む（誤りの行は取り込まず、エラーファイルに残します）',
    })
    .check();
  await commit.click();
  await expect(done()).toHaveText(
    '取り込みました: 新規 1件 / 更新 0件 / 変更なし 0件（誤りの1行は取り込んでいません）',
  );
});

test('同じ行をもう一度取り込むと変更なしで、取り込む行はない', async () => {
  await expect(await check('精検結果_中央病院_再送.csv', csv([header, goodRow()]))).toHaveText(
    '件数: 新規 0件 / 更新 0件 / 変更なし 1件 / 誤り 0件',
  );
  await expect(panel().getByRole('button', { name: '取り込む', exact: true })).toBeDisabled();
});

test('取り込んだ方は精密検査の把握で「精検受診」になり、取り込んだ精検結果が出る', async () => {
  await page.getByRole('link', { name: '精密検査の把握へ' }).click();
  await expect(page).toHaveURL(/\/adult\/detailed-exams$/);
  const table = page.getByRole('table', { name: '要精検者' });
  // gone from the follow-up list (the default filter) …
  await expect(table.getByRole('row').first()).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: positive.atenaNo })).toHaveCount(0);
  // … and 精検受診 with what was imported
  await page.getByLabel('精検の状況').selectOption({ label: '精検受診' });
  await page.getByRole('button', { name: '検索' }).click();
  const row = table.getByRole('row').filter({ hasText: positive.atenaNo });
  await expect(row).toContainText('精検受診');
  await expect(row).toContainText(
    `令和${fy - 2018}年7月1日 / すこやか市立中央病院 / がん以外の疾患であった者`,
  );
  // the person whose screening was not 要精検 is not in the list at all
  await page.getByLabel('精検の状況').selectOption({ label: 'すべて' });
  await page.getByLabel('宛名番号・氏名').fill(negative.atenaNo);
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.getByRole('status').filter({ hasText: '人' })).toHaveText('0人');
});
