import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { downloadOf, expectNoSeriousA11yViolations, freeNumbers, login } from './helpers.ts';
import { addChild, openPerson } from './vaccination-helpers.ts';

/**
 * F11a-01 接種結果の取込: a clerk opens 接種結果の取込 from the 予防接種 menu, makes the standard 取込設定, checks a
 * clinic's Shift_JIS CSV with 3 bad rows (宛名番号 of nobody, 生年月日 of someone else, 「麻しん風しん」 without 期)
 * and sees the Japanese errors; a 5種混合 given 9 days after the first shows as a warning (任意接種扱い). Only the
 * good rows are imported; the error file (Shift_JIS, same header plus エラー内容) is fixed and imported again;
 * re-importing the whole corrected file changes nothing; the records appear on each child's 予防接種 screen.
 */
test.describe.configure({ mode: 'serial' });

type Child = { id: number; atenaNo: string; name: string };
let context: BrowserContext;
let page: Page;
let taro: Child;
let jiro: Child;
let nobody = '';
const standardSetting = '医療機関の接種結果（標準の列）';
const header = [
  '宛名番号',
  '氏名',
  '生年月日',
  '接種日',
  'ワクチン',
  '回',
  '製品名',
  'ロット番号',
  '実施医療機関',
  '医師名',
  '予診票番号',
];

/** One row of the clinic's file; the 予診票番号 is made from the lot. */
const line = (
  who: { atenaNo: string; name: string },
  birth: string,
  date: string,
  vaccine: string,
  dose: string,
  lot: string,
  clinic = ['ゴービック', 'すこやか小児科', '健康 一郎'],
) => [who.atenaNo, who.name, birth, date, vaccine, dose, clinic[0]!, lot, clinic[1]!, clinic[2]!, `Y${lot}`];
const mr = ['ミールビック', '中央こどもクリニック', '医師 花子'];

/** The clinic's rows (taro born 2025-06-01, jiro born 2025-05-01). */
const good = () => [
  line(taro, 'R7.6.1', 'R7.8.1', '5種混合', '1', 'G-101'),
  line(taro, '', '20250901', '５種混合', '2', 'G-102'),
  line(jiro, '', '2025-07-01', '5種混合', '', 'G-201'),
  // 9 days after the first dose: too short (≥20日), stored 任意接種扱い
  line(jiro, '', '2025-07-10', '5種混合', '', 'G-202'),
];
const bad = () => [
  line({ atenaNo: nobody, name: jiro.name }, '', '2025-08-20', '5種混合', '', 'G-203'),
  line(taro, 'R7.6.2', 'R7.10.1', '5種混合', '3', 'G-103'),
  line(taro, '', 'R8.6.10', '麻しん風しん', '', 'M-101', mr),
];
/** The bad rows as the clinic corrects them. */
const fixed = () => [
  line(jiro, '', '2025-08-20', '5種混合', '', 'G-203'),
  line(taro, 'R7.6.1', 'R7.10.1', '5種混合', '3', 'G-103'),
  line(taro, '', 'R8.6.10', '麻しん風しん1期', '', 'M-101', mr),
];

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const sjis = (rows: string[][]) =>
  iconv.encode(`${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'cp932');

const panel = () => page.getByRole('region', { name: '取込の点検と取り込み' });
const summary = () => panel().getByRole('status').filter({ hasText: '件数:' });
const done = () => panel().getByRole('status').filter({ hasText: '取り込みました' });

async function check(name: string, content: Buffer) {
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
  await login(page, 'hokenshi');
  taro = await addChild(page, '2025-06-01');
  jiro = await addChild(page, '2025-05-01');
  nobody = (await freeNumbers(page.request, '98', 1))[0]!;
});
test.afterAll(async () => {
  await context.close();
});

test('予防接種のメニューから接種結果の取込を開き、標準の取込設定を作る', async () => {
  await page.getByRole('link', { name: '予防接種', exact: true }).click();
  await page
    .getByRole('navigation', { name: '予防接種のメニュー' })
    .getByRole('link', { name: '接種結果の取込' })
    .click();
  await expect(page).toHaveURL(/\/vaccination\/imports$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('接種結果の取込');
  const make = page.getByRole('button', { name: '標準の取込設定を作る' });
  await make.click(); // a fresh database: no 取込設定 of this import yet
  await expect(make).toBeHidden();
  const select = page.getByLabel('取込設定', { exact: true });
  await select.selectOption({ label: standardSetting });
  await page.getByRole('button', { name: '取込設定を直す' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('宛名番号の列', { exact: true })).toHaveValue('宛名番号');
  await expect(dialog.getByLabel('実施医療機関の列', { exact: true })).toHaveValue('実施医療機関');
  await dialog.getByRole('form', { name: '取込設定' }).getByRole('button', { name: '閉じる' }).click();
  await expect(dialog).toBeHidden();
});

test('Shift_JIS のファイルの誤りの3行が日本語で示され、間隔不足の行は注意（任意接種扱い）として出る', async () => {
  await expect(await check('接種結果_すこやか小児科.csv', sjis([header, ...good(), ...bad()]))).toHaveText(
    '件数: 新規 4件 / 更新 0件 / 変更なし 0件 / 誤り 3件 / うち注意 1件',
  );
  const errors = panel().getByRole('table', { name: '誤りの行' });
  await expect(errors.getByRole('row')).toHaveCount(4);
  const row = (n: number) =>
    errors.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
  await expect(row(6)).toContainText(`宛名番号 ${nobody} の方が見つかりません。番号を確かめてください。`);
  await expect(row(7)).toContainText('生年月日が宛名と違います（宛名の生年月日は 2025-06-01）。');
  await expect(row(8)).toContainText(
    'ワクチン「麻しん風しん」では麻しん風しん 第1期か麻しん風しん 第2期かがわかりません。期まで入れてください',
  );
  await expectNoSeriousA11yViolations(page, '接種結果の取込（点検の結果）');

  await panel().getByRole('tab', { name: /^新規/ }).click();
  const fresh = panel().getByRole('table', { name: '新規の行' });
  await expect(fresh.getByRole('row').filter({ hasText: '注意:' })).toHaveCount(1);
  await expect(fresh.getByRole('row').filter({ hasText: '注意:' })).toContainText(
    '定期接種として扱えません（任意接種扱いで記録します）: 5種混合（DPT-IPV-Hib） 初回2回目: 接種間隔が不足しています',
  );
  await expect(fresh.getByRole('row').filter({ hasText: '注意:' })).toContainText(jiro.name);
});

test('エラーの行をダウンロードして直し、その行だけ取り込み直せる', async () => {
  const file = await downloadOf(page, panel().getByRole('link', { name: 'エラーの行をダウンロード' }));
  const rows = parse(iconv.decode(file.bytes, 'cp932')) as string[][];
  expect(rows[0]).toEqual([...header, 'エラー内容']);
  expect(rows.slice(1).map((r) => r.slice(0, header.length))).toEqual(bad());
  expect(rows[1]![header.length]).toBe(
    `6行目 宛名番号: 宛名番号 ${nobody} の方が見つかりません。番号を確かめてください。`,
  );
  expect(rows[2]![header.length]).toMatch(/^7行目 生年月日: 生年月日が宛名と違います/);
  expect(rows[3]![header.length]).toMatch(/^8行目 ワクチン: ワクチン「麻しん風しん」では/);

  // only the rows without errors first
  await panel()
    .getByRole('checkbox', {
      name: '誤りのない行だけ取り込む（誤りの行は取り込まず、エラーファイルに残します）',
    })
    .check();
  await panel().getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(done()).toHaveText(
    '取り込みました: 新規 4件 / 更新 0件 / 変更なし 0件（誤りの3行は取り込んでいません）',
  );

  // the clinic fixes the error file (the エラー内容 column may stay) and sends it back
  const corrected = [rows[0]!, ...fixed().map((r, i) => [...r, rows[i + 1]![header.length]!])];
  await expect(await check('接種結果_すこやか小児科_修正.csv', sjis(corrected))).toHaveText(
    '件数: 新規 3件 / 更新 0件 / 変更なし 0件 / 誤り 0件',
  );
  await panel().getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(done()).toHaveText('取り込みました: 新規 3件 / 更新 0件 / 変更なし 0件');
});

test('直したファイル全体をもう一度取り込んでも変更なしで、取り込む行はない', async () => {
  await expect(
    await check('接種結果_すこやか小児科_全件.csv', sjis([header, ...good(), ...fixed()])),
  ).toHaveText('件数: 新規 0件 / 更新 0件 / 変更なし 7件 / 誤り 0件');
  await expect(panel().getByRole('button', { name: '取り込む', exact: true })).toBeDisabled();
});

test('取り込んだ記録が予防接種の画面に出て、間隔不足の記録は警告付きで記録されている', async () => {
  await openPerson(page, taro.atenaNo, taro.name);
  const records = page.getByRole('region', { name: '接種の記録' });
  await expect(records).toContainText('接種の記録（4件）');
  for (const lot of ['G-101', 'G-102', 'G-103', 'M-101'])
    await expect(records.getByRole('row').filter({ hasText: lot })).toContainText('定期接種');
  await expect(records.getByRole('row').filter({ hasText: 'G-103' })).toContainText('初回3回目');
  await expect(records.getByRole('row').filter({ hasText: 'M-101' })).toContainText(
    '中央こどもクリニック / 医師 花子',
  );
  await expect(records.getByRole('row').filter({ hasText: 'M-101' })).toContainText('取込');

  await page.goto('/vaccination/imports'); // from another page, the search field gets the focus again
  await openPerson(page, jiro.atenaNo, jiro.name);
  await expect(records).toContainText('接種の記録（3件）');
  const short = records.getByRole('row').filter({ hasText: 'G-202' });
  await expect(short).toContainText('初回2回目');
  await expect(short).toContainText('警告: 5種混合（DPT-IPV-Hib） 初回2回目: 接種間隔が不足しています');
  await expect(records.getByRole('row').filter({ hasText: 'G-201' })).toContainText('定期接種');
});
