import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { downloadOf, login, todayJst } from './helpers.ts';
import {
  addCheckupImportSetting,
  checkImportFile,
  importDone,
  importPanel,
  sjisCsv,
} from './maternal-checkup-helpers.ts';
import { addMother, type RegisteredPregnancy, registerPregnancy } from './maternal-helpers.ts';

/**
 * F06-05 産婦健診結果入力: a nurse enters a 産婦健診 with an EPDS of 12 points and the mother is registered for
 * follow-up (§4.4: EPDS ≥9 or 問10 ≥1); the punch contractor's Shift_JIS file is checked — an unknown 受診券ID and a
 * voucher already used are explained — the good rows imported, the error rows downloaded (same header + エラー内容).
 * (The 精密健診 of a 要精密 産婦健診: F06-06.spec.ts.)
 */
test.describe.configure({ mode: 'serial' });

const settingName = 'パンチ業者の健診結果';
const header = [
  '受診券ID',
  '区分',
  '受診日',
  '医療機関',
  '判定',
  '収縮期血圧',
  '拡張期血圧',
  '体重',
  '浮腫',
  '尿蛋白',
  '尿糖',
  '産後日数',
  ...Array.from({ length: 10 }, (_, i) => `EPDS${i + 1}`),
  '診断名',
];
let context: BrowserContext;
let page: Page;
let mother: { id: number; atenaNo: string; name: string };
let pregnancy: RegisteredPregnancy;
const voucher = (kind: string, seq: number) =>
  pregnancy.vouchers.find((v) => v.kind === kind && v.seq === seq)!.voucherNo;
const daysAgo = (n: number) => new Date(Date.parse(todayJst()) - n * 86_400_000).toISOString().slice(0, 10);
const scan = () => page.getByLabel('受診券ID（バーコードを読み取るか入力して Enter）');
const form = () => page.getByRole('region', { name: /の結果を(入力|修正)$/ });
const panel = () => importPanel(page);
const done = () => importDone(page);
// a punch file writes the minus of 尿・浮腫 as 「－」 (Shift_JIS has no U+2212 「−」)
const epds = ['0', '1', '1', '0', '1', '0', '1', '0', '0', '0'];
const postpartumRow = (no: string, date: string, judgement: string, days: string) => [
  no,
  '',
  date,
  'すこやか産婦人科',
  judgement,
  '116',
  '70',
  '54.0',
  '',
  '－',
  '－',
  days,
  ...epds,
  '',
];

async function scanVoucher(no: string) {
  await scan().fill(no);
  await scan().press('Enter');
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  mother = await addMother(page, '1992-08-20');
  // 届出 250 days ago at 11週0日: the 出産予定日 was 47 days ago
  pregnancy = await registerPregnancy(page, mother.id, { notifiedOn: daysAgo(250), weeks: 11, days: 0 });
  await addCheckupImportSetting(page, settingName, header);
});
test.afterAll(async () => {
  await context.close();
});

test('産婦健診の結果を入力し、EPDS 12点でフォロー対象者に登録される', async () => {
  await page.goto('/maternal/checkups');
  await scanVoucher(voucher('postpartum', 1));
  await expect(form()).toContainText('産婦健診の結果を入力');
  await form().getByLabel('受診日').fill(daysAgo(33));
  await form().getByLabel('医療機関（コードまたは名称）').fill('すこやか産婦人科');
  await form().getByLabel('産後日数（日）').fill('14');
  await form().getByLabel('血圧（収縮期）（mmHg）').fill('112');
  await form().getByLabel('血圧（拡張期）（mmHg）').fill('68');
  await form().getByLabel('体重（kg）').fill('55.2');
  await form().getByLabel('尿蛋白').selectOption({ label: '−' });
  await form().getByLabel('尿糖').selectOption({ label: '−' });
  await form().getByLabel('子宮復古').selectOption({ label: '良好' });
  await form().getByLabel('悪露').selectOption({ label: '正常' });
  await form().getByLabel('乳房').selectOption({ label: '正常' });
  for (const [i, v] of ['1', '1', '2', '1', '1', '2', '1', '1', '1', '1'].entries())
    await form()
      .getByLabel(`EPDS 問${i + 1}`, { exact: true })
      .fill(v);
  await expect(form()).toContainText('合計 12点（フォロー対象）');
  await form().getByLabel('判定').selectOption({ label: '要観察' });
  await form().getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '登録しました' })).toHaveText(
    `${mother.name}さんの産婦健診の結果を登録しました（受診券ID ${voucher('postpartum', 1)}）。 フォロー対象者に登録しました（EPDS 12点、EPDS 問10（自分を傷つける考え）1点）。`,
  );
  await scanVoucher(voucher('postpartum', 1));
  const info = page.getByRole('region', { name: '受診券の情報' });
  await expect(info).toContainText('フォロー対象: EPDS 12点、EPDS 問10（自分を傷つける考え）1点');
  await expect(info.getByRole('row').filter({ hasText: '産婦健診' })).toContainText('産後14日');
});

test('Shift_JIS のパンチデータの誤りの行が説明され、エラーの行をダウンロードできる', async () => {
  await page.getByRole('tab', { name: 'パンチ・OCR の取込' }).click();
  await page.getByLabel('取込設定', { exact: true }).selectOption({ label: settingName });
  const good = [
    postpartumRow(voucher('postpartum', 2), daysAgo(5), '要精密', '42'),
    [
      voucher('prenatal', 1),
      '',
      daysAgo(240),
      'すこやか産婦人科',
      '異常なし',
      '110',
      '66',
      '52.5',
      '－',
      '－',
      '－',
      '',
      ...Array(10).fill(''),
      '',
    ],
  ];
  const bad = [
    postpartumRow('9999999999', daysAgo(5), '異常なし', '42'),
    postpartumRow(voucher('postpartum', 1), daysAgo(20), '異常なし', '27'),
  ];
  await expect(
    await checkImportFile(page, '産婦健診_パンチ.csv', sjisCsv([header, ...good, ...bad])),
  ).toHaveText('件数: 新規 2件 / 更新 0件 / 変更なし 0件 / 誤り 2件');
  const errors = panel().getByRole('table', { name: '誤りの行' });
  await expect(errors).toContainText('受診券ID 9999999999 は登録されていません。');
  await expect(errors).toContainText(`受診券ID ${voucher('postpartum', 1)} は令和`);
  await expect(errors).toContainText('の産婦健診（第1回、判定: 要観察）で使用済みです。');

  const file = await downloadOf(page, panel().getByRole('link', { name: 'エラーの行をダウンロード' }));
  const rows = parse(iconv.decode(file.bytes, 'cp932')) as string[][];
  expect(rows[0]).toEqual([...header, 'エラー内容']);
  expect(rows.slice(1).map((r) => r.slice(0, header.length))).toEqual(bad);
  expect(rows[1]![header.length]).toMatch(/^4行目 受診券ID: 受診券ID 9999999999 は登録されていません。/);
  expect(rows[2]![header.length]).toMatch(
    /^5行目 受診券ID: .*で使用済みです。受診券IDか受診日を確かめてください。$/,
  );

  await panel()
    .getByRole('checkbox', {
      name: '誤りのない行だけ取り込む（誤りの行は取り込まず、エラーファイルに残します）',
    })
    .check();
  await panel().getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(done()).toHaveText(
    '取り込みました: 新規 2件 / 更新 0件 / 変更なし 0件（誤りの2行は取り込んでいません）',
  );
});
