import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import {
  csrfToken,
  downloadOf,
  expectNoSeriousA11yViolations,
  login,
  todayJst,
  warekiInput,
} from './helpers.ts';
import { addInfant, enterUntilSaved } from './infant-result-helpers.ts';

/**
 * F07-04 乳幼児健診結果入力（個別健診）: the 結果票 of a 3歳児健診 comes back from the 医療機関; the nurse finds the child
 * by 宛名番号, opens the 3歳児健康診査 form and enters it by keyboard only (Enter from field to field, Enter on the
 * last saves): 受診日, 医療機関, 受診票番号, 身長・体重・頭囲・胸囲, the 法定 items (施行規則第2条 + 眼・耳鼻咽頭; 所見なし
 * by default), 歯科 (歯数, リスク分類 O). The 月齢 on the day is shown; the 受診票番号 finds the child again. The
 * contractor's punch file (Shift_JIS) goes through the shared import panel: the bad row is explained and comes
 * back in the error file, the good one is in the child's results.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let child: { id: number; atenaNo: string; name: string };

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  child = await addInfant(page, 40);
});
test.afterAll(async () => {
  await context.close();
});

test('3歳児健診（個別）の結果をキーボードだけで入力する', async () => {
  await page.goto('/maternal/infant-results');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('乳幼児健診の結果・精密健診');
  await expect(page.getByRole('navigation', { name: '母子保健のメニュー' })).toBeVisible();
  await page.getByRole('tab', { name: '個別健診' }).click();
  const atena = page.getByLabel('宛名番号', { exact: true });
  await expect(atena).toBeFocused();
  await page.keyboard.type(child.atenaNo);
  await page.keyboard.press('Enter');
  const info = page.getByRole('region', { name: '児の情報' });
  await expect(info).toContainText(child.name);
  await expect(info.getByLabel('健診')).toHaveValue('y3');
  await info.getByRole('button', { name: '結果を入力' }).click();

  const form = page.getByRole('form', { name: `${child.name}さんの3歳児健康診査の結果を入力` });
  await expect(form.getByLabel('受診日')).toBeFocused();
  const k = page.keyboard;
  const ticket = `T${Date.now().toString(36)}`;
  for (const v of [warekiInput(todayJst()), 'すこやか小児科', ticket, '95.2', '14.10', '49.5', '51.0']) {
    await k.type(v);
    await k.press('Enter');
  }
  // the 法定 items stay 所見なし (Enter passes each); 歯科: 歯数 20, the rest as proposed (むし歯 0, O型)
  await expect(form.getByLabel('身体発育状況')).toBeFocused();
  for (let i = 0; i < 13; i++) await k.press('Enter');
  await expect(form.getByLabel('歯数')).toBeFocused();
  await k.type('20');
  await enterUntilSaved(page, child.name);

  const status = page.getByRole('status').filter({ hasText: '結果を保存しました' });
  await expect(status).toContainText('3歳');
  await expect(status).toContainText('判定: 異常なし');
  const results = page.getByRole('table', { name: '乳幼児健診の結果' });
  await expect(results).toContainText('3歳児健康診査');
  await expect(results).toContainText('個別（すこやか小児科）');
  await expect(results).toContainText('異常なし');
  await expectNoSeriousA11yViolations(page, '乳幼児健診の結果（個別）');

  // the 受診票番号 finds the same child
  await page.getByLabel('宛名番号', { exact: true }).fill('');
  await page.getByLabel('または 受診票番号').fill(ticket);
  await page.getByLabel('または 受診票番号').press('Enter');
  await expect(page.getByRole('region', { name: '児の情報' })).toContainText(child.atenaNo);
  await expect(page.getByRole('button', { name: '結果を修正' })).toBeVisible();
});

test('パンチデータ（Shift_JIS）の取込: 誤りの行が説明され、良い行は児の結果に入る', async () => {
  const base = '/api/infant/result-imports';
  const header = [
    '宛名番号',
    '健診の種類',
    '受診日',
    '実施形態',
    '医療機関',
    '身長',
    '体重',
    '歯数',
    'むし歯のリスク分類',
    '総合判定',
  ];
  const good = await addInfant(page, 40, '2');
  const other = await addInfant(page, 40);
  const suggest = await page.request.get(
    `${base}/settings/suggest?header=${encodeURIComponent(header.join(','))}`,
  );
  expect(suggest.ok(), await suggest.text()).toBe(true);
  const { mapping } = (await suggest.json()) as { mapping: { column: string; field: string }[] };
  expect(mapping).toHaveLength(header.length);
  const settingName = `健診結果パンチ ${Date.now().toString(36)}`;
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

  const date = warekiInput(todayJst());
  const goodRow = [
    good.atenaNo,
    '3歳児健診',
    date,
    '個別',
    'すこやか小児科',
    '96.0',
    '14.50',
    '20',
    'O',
    '異常なし',
  ];
  const badRow = [
    other.atenaNo,
    '3歳児健診',
    date,
    '個別',
    'すこやか小児科',
    '300',
    '14.50',
    '20',
    'O',
    '異常なし',
  ];
  const csv = iconv.encode(`${[header, goodRow, badRow].map((r) => r.join(',')).join('\r\n')}\r\n`, 'cp932');

  await page.goto('/maternal/infant-results');
  await page.getByRole('tab', { name: '健診結果の取込' }).click();
  const panel = page.getByRole('region', { name: '取込の点検と取り込み' });
  await page.getByLabel('取込設定', { exact: true }).selectOption({ label: settingName });
  await page
    .getByLabel('取り込むファイル（CSV・XML）')
    .setInputFiles({ name: '乳幼児健診結果.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: '確認する（取り込む前の点検）' }).click();
  await expect(panel).toContainText('乳幼児健診結果.csv');
  await expect(panel.getByRole('status').filter({ hasText: '件数:' })).toHaveText(
    '件数: 新規 1件 / 更新 0件 / 変更なし 0件 / 誤り 1件',
  );
  const message = '身長「300」は 84〜110cm の小数第1位までで入れてください。';
  await expect(panel.getByRole('table', { name: '誤りの行' })).toContainText(message);

  const file = await downloadOf(page, panel.getByRole('link', { name: 'エラーの行をダウンロード' }));
  const rows = parse(iconv.decode(file.bytes, 'cp932')) as string[][];
  expect(rows[0]).toEqual([...header, 'エラー内容']);
  expect(rows.slice(1).map((r) => r.slice(0, header.length))).toEqual([badRow]);
  // the range's 〜 (U+301C) has no Shift_JIS code: the error file writes the CP932 ～ (U+FF5E)
  expect(rows[1]![header.length]).toBe(
    '3行目 身長: 身長「300」は 84～110cm の小数第1位までで入れてください。',
  );

  await panel
    .getByRole('checkbox', {
      name: '誤りのない行だけ取り込む（誤りの行は取り込まず、エラーファイルに残します）',
    })
    .check();
  await panel.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: '取り込みました' })).toHaveText(
    '取り込みました: 新規 1件 / 更新 0件 / 変更なし 0件（誤りの1行は取り込んでいません）',
  );

  await page.getByRole('tab', { name: '個別健診' }).click();
  await page.getByLabel('宛名番号', { exact: true }).fill(good.atenaNo);
  await page.getByLabel('宛名番号', { exact: true }).press('Enter');
  const results = page.getByRole('table', { name: '乳幼児健診の結果' });
  await expect(results).toContainText('3歳児健康診査');
  await expect(results).toContainText('個別（すこやか小児科）');
  await expect(results).toContainText('異常なし');
  await expectNoSeriousA11yViolations(page, '乳幼児健診の結果（取込のあと）');
});

test('要精密の結果に依頼書がまだないときは、児の結果から「依頼書を発行」できる', async () => {
  const later = await addInfant(page, 40);
  await page.goto('/maternal/infant-results');
  await page.getByRole('tab', { name: '個別健診' }).click();
  await page.getByLabel('宛名番号', { exact: true }).fill(later.atenaNo);
  await page.getByLabel('宛名番号', { exact: true }).press('Enter');
  await page.getByRole('region', { name: '児の情報' }).getByRole('button', { name: '結果を入力' }).click();
  const form = page.getByRole('form', { name: `${later.name}さんの3歳児健康診査の結果を入力` });
  await form.getByLabel('受診日').fill(warekiInput(todayJst()));
  await form.getByLabel('医療機関').fill('すこやか小児科');
  for (const [label, v] of [
    ['身長', '95.0'],
    ['体重', '14.00'],
  ] as const)
    await form.getByLabel(label, { exact: false }).first().fill(v);
  await form.getByLabel('言語障害の有無', { exact: true }).selectOption('present');
  await form.getByLabel('言語障害の有無の所見').fill('二語文なし');
  await form.getByLabel('言語障害の有無の判定').selectOption('detailed');
  await form.getByLabel('歯数').fill('20');
  await form.getByRole('button', { name: '保存（Enter）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '結果を保存しました' })).toContainText(
    '判定: 要精密',
  );

  // the clerk leaves without issuing the 依頼書; the next day she opens the child again
  await page.goto('/maternal/infant-results');
  await page.getByRole('tab', { name: '個別健診' }).click();
  await page.getByLabel('宛名番号', { exact: true }).fill(later.atenaNo);
  await page.getByLabel('宛名番号', { exact: true }).press('Enter');
  const results = page.getByRole('table', { name: '乳幼児健診の結果' });
  await results.getByRole('button', { name: '3歳児健康診査の精密健診依頼書を発行' }).click();
  const issue = page.getByRole('region', { name: '精密健診依頼書の発行' });
  await expect(issue.getByLabel('精密健診の部位・項目（、区切り）')).toHaveValue('言語障害の有無');
  await issue.getByLabel('依頼先の医療機関').fill('すこやか発達クリニック');
  const response = page.waitForResponse((r) =>
    /\/api\/infant\/checkup-results\/\d+\/referrals$/.test(r.url()),
  );
  const popup = page.context().waitForEvent('page');
  await issue.getByRole('button', { name: '依頼書を発行して印刷' }).click();
  const res = await response;
  expect(res.status()).toBe(200);
  const no = res.headers()['x-referral-no']!;
  await (await popup).close();
  const row = page.getByRole('table', { name: '精密健診依頼' }).getByRole('row', { name: new RegExp(no) });
  await expect(row).toContainText('依頼済');
  await expect(results.getByRole('button', { name: /精密健診依頼書を発行/ })).toHaveCount(0);
});
