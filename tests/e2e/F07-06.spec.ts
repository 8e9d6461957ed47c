import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { csrfToken, downloadOf, login, todayJst, warekiInput } from './helpers.ts';
import { addDetailedResult, addInfant, issueReferral } from './infant-result-helpers.ts';

/**
 * F07-06 乳幼児精密健診結果入力: the 精密健診依頼書 of a 要精密 1歳6か月児 come back from the institution. One is entered
 * by hand by its 依頼書番号 (the referral becomes 結果あり, 要観察 → フォロー対象者); the others arrive as a CSV — the
 * good row is imported, the unknown 依頼書番号 and the one already entered with another result are explained and
 * come back in the error file.
 */
test.describe.configure({ mode: 'serial' });

const base = '/api/infant/detailed-imports';
const header = ['依頼書番号', '受診日', '医療機関', '結果', '診断名', '備考'];
const settingName = '精密健診結果（標準）';
let context: BrowserContext;
let page: Page;
let child: { id: number; atenaNo: string; name: string };
const nos: string[] = [];
const panel = () => page.getByRole('region', { name: '取込の点検と取り込み' });

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  child = await addInfant(page, 19, '2');
  const resultId = await addDetailedResult(page, child.id);
  for (let i = 0; i < 2; i++) nos.push(await issueReferral(page, resultId));
  const suggest = await page.request.get(
    `${base}/settings/suggest?header=${encodeURIComponent(header.join(','))}`,
  );
  expect(suggest.ok(), await suggest.text()).toBe(true);
  const { mapping } = (await suggest.json()) as { mapping: { column: string; field: string }[] };
  const made = await page.request.post(`${base}/settings`, {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      name: settingName,
      format: 'csv',
      encoding: 'auto',
      hasHeader: true,
      recordElement: null,
      mapping,
    },
  });
  expect(made.ok(), await made.text()).toBe(true);
});
test.afterAll(async () => {
  await context.close();
});

test('依頼書番号で精密健診結果を入力する', async () => {
  await page.goto('/maternal/infant-results');
  await page.getByRole('tab', { name: '精密健診の結果' }).click();
  await page.getByRole('textbox', { name: '依頼書番号' }).fill(nos[0]!);
  await page.getByRole('textbox', { name: '依頼書番号' }).press('Enter');
  const form = page.getByRole('region', { name: '精密健診結果の入力' });
  await expect(form).toContainText(child.name);
  await expect(form).toContainText('言語障害の有無');
  await expect(form).toContainText('依頼済');
  await expect(form.getByLabel('精密健診の受診日')).toBeFocused();
  const k = page.keyboard;
  await k.type(warekiInput(todayJst()));
  await k.press('Enter');
  await expect(form.getByLabel('医療機関')).toHaveValue('すこやか発達クリニック');
  await k.press('Enter');
  await form.getByLabel('結果').selectOption({ label: '要観察' });
  await form.getByLabel('診断名・所見').fill('言語発達遅滞の疑い');
  await form.getByLabel('診断名・所見').press('Enter');
  await k.press('Enter');
  await expect(page.getByRole('status')).toHaveText(
    `${child.name}さんの精密健診結果（依頼書番号 ${nos[0]}、要観察）を登録しました。`,
  );
  const r = await page.request.get(`/api/infant/referrals/${nos[0]}`);
  expect(await r.json()).toMatchObject({
    status: 'examined',
    result: 'observe',
    diagnosis: '言語発達遅滞の疑い',
  });
  const view = await page.request.get(`/api/infant/checkup-results/children/${child.id}`);
  const { followUps } = (await view.json()) as { followUps: { reasons: string[] }[] };
  expect(followUps.flatMap((f) => f.reasons)).toContain(
    '乳幼児精密健診 要観察（言語障害の有無、言語発達遅滞の疑い）',
  );
});

test('CSV の取込: 誤りの行が説明され、エラーの行をダウンロードできる', async () => {
  const good = [nos[1]!, todayJst(), 'すこやか発達クリニック', '異常なし', '', ''];
  const bad = [
    ['IR-1999-09999', todayJst(), 'すこやか発達クリニック', '異常なし', '', ''],
    [nos[0]!, todayJst(), 'すこやか発達クリニック', '要治療', '言語発達遅滞', ''],
  ];
  const csv = iconv.encode(`${[header, good, ...bad].map((r) => r.join(',')).join('\r\n')}\r\n`, 'cp932');
  await page.getByLabel('取込設定', { exact: true }).selectOption({ label: settingName });
  await page
    .getByLabel('取り込むファイル（CSV・XML）')
    .setInputFiles({ name: '精密健診結果.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: '確認する（取り込む前の点検）' }).click();
  await expect(panel()).toContainText('精密健診結果.csv');
  await expect(panel().getByRole('status').filter({ hasText: '件数:' })).toHaveText(
    '件数: 新規 1件 / 更新 0件 / 変更なし 0件 / 誤り 2件',
  );
  const errors = panel().getByRole('table', { name: '誤りの行' });
  await expect(errors).toContainText('依頼書番号 IR-1999-09999 の精密健診依頼はありません。');
  await expect(errors).toContainText(`依頼書番号 ${nos[0]} の精密健診結果は入力済みです`);

  const file = await downloadOf(page, panel().getByRole('link', { name: 'エラーの行をダウンロード' }));
  const rows = parse(iconv.decode(file.bytes, 'cp932')) as string[][];
  expect(rows[0]).toEqual([...header, 'エラー内容']);
  expect(rows.slice(1).map((r) => r.slice(0, header.length))).toEqual(bad);
  expect(rows[1]![header.length]).toMatch(
    /^3行目 依頼書番号: 依頼書番号 IR-1999-09999 の精密健診依頼はありません。/,
  );
  expect(rows[2]![header.length]).toMatch(
    new RegExp(`^4行目 依頼書番号: 依頼書番号 ${nos[0]} の精密健診結果は入力済みです（令和.+、要観察）`),
  );

  await panel()
    .getByRole('checkbox', {
      name: '誤りのない行だけ取り込む（誤りの行は取り込まず、エラーファイルに残します）',
    })
    .check();
  await panel().getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(panel().getByRole('status').filter({ hasText: '取り込みました' })).toHaveText(
    '取り込みました: 新規 1件 / 更新 0件 / 変更なし 0件（誤りの2行は取り込んでいません）',
  );
  const r = await page.request.get(`/api/infant/referrals/${nos[1]}`);
  expect(await r.json()).toMatchObject({ status: 'examined', result: 'normal', resultSource: 'import' });
});
