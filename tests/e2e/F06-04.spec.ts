import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { login, todayJst } from './helpers.ts';
import {
  addCheckupImportSetting,
  checkImportFile,
  checkupVisit,
  importDone,
  importPanel,
  saveCheckup,
  sjisCsv,
} from './maternal-checkup-helpers.ts';
import { addMother, type RegisteredPregnancy, registerPregnancy } from './maternal-helpers.ts';

/**
 * F06-04 妊婦精密健診結果入力: a 妊婦健診 judged 要精密 refers the mother to a hospital; its 精密健診 result is entered
 * from the referring visit — by hand (scan the 受診券ID, 「精密健診の結果を入力」) or as a 精密 row of the punch
 * contractor's Shift_JIS file — and linked to that visit in 「この妊娠の健診結果」. A 精密 row for a visit that was not
 * 要精密 is explained as an error.
 */
test.describe.configure({ mode: 'serial' });

const settingName = 'パンチ業者の妊婦精密健診結果';
const header = ['受診券ID', '区分', '受診日', '医療機関', '判定', '診断名'];
let context: BrowserContext;
let page: Page;
let mother: { id: number; atenaNo: string; name: string };
let pregnancy: RegisteredPregnancy;
const voucher = (seq: number) =>
  pregnancy.vouchers.find((v) => v.kind === 'prenatal' && v.seq === seq)!.voucherNo;
const scan = () => page.getByLabel('受診券ID（バーコードを読み取るか入力して Enter）');
const form = () => page.getByRole('region', { name: /の結果を(入力|修正)$/ });
const visits = () => page.getByRole('table', { name: 'この妊娠の健診結果' });
// a 妊婦健診 of today as the 受診票 comes back (API, as the entry screen saves it)
const prenatalVisit = (voucherNo: string, judgement: string) =>
  saveCheckup(page, {
    voucherNo,
    examinedOn: todayJst(),
    institution: 'すこやか産婦人科',
    judgement,
    items: {
      bpSystolic: 142,
      bpDiastolic: 92,
      weight: 60.2,
      edema: '+',
      urineProtein: '+',
      urineGlucose: '-',
    },
  });

async function scanVoucher(no: string) {
  await scan().fill('');
  await scan().pressSequentially(no);
  await scan().press('Enter');
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  mother = await addMother(page, '1993-02-14');
  // 妊娠20週0日 today: the visits today are 妊娠20週0日
  pregnancy = await registerPregnancy(page, mother.id, { notifiedOn: todayJst(), weeks: 20, days: 0 });
  await addCheckupImportSetting(page, settingName, header);
});
test.afterAll(async () => {
  await context.close();
});

test('F06-04 要精密の健診から精密健診の結果を入力し、紹介元の健診に結び付く', async () => {
  await page.goto('/maternal/checkups');
  await scanVoucher(voucher(1));
  await form().getByLabel('受診日').fill(todayJst());
  await form().getByLabel('医療機関（コードまたは名称）').fill('すこやか産婦人科');
  await form().getByLabel('血圧（収縮期）（mmHg）').fill('146');
  await form().getByLabel('血圧（拡張期）（mmHg）').fill('94');
  await form().getByLabel('体重（kg）').fill('59.0');
  await form().getByLabel('浮腫').selectOption({ label: '+' });
  await form().getByLabel('尿蛋白').selectOption({ label: '+' });
  await form().getByLabel('尿糖').selectOption({ label: '−' });
  await form().getByLabel('判定').selectOption({ label: '要精密' });
  await form().getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '登録しました' })).toContainText(
    'フォロー対象者に登録しました（妊婦健診 要精密）',
  );

  await scanVoucher(voucher(1));
  await page.getByRole('button', { name: '精密健診の結果を入力' }).click();
  await expect(form()).toContainText('妊婦精密健診の結果を入力');
  await expect(form()).toContainText('紹介元: 妊婦健診');
  await form().getByLabel('受診日').fill(todayJst());
  await form().getByLabel('医療機関（コードまたは名称）').fill('すこやか総合病院');
  await form().getByLabel('診断名').fill('妊娠高血圧症候群');
  await expect(form().getByLabel('判定').locator('option', { hasText: '要精密' })).toHaveCount(0);
  await form().getByLabel('判定').selectOption({ label: '要治療' });
  await form().getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '登録しました' })).toContainText(
    '妊婦精密健診の結果を登録しました',
  );

  await scanVoucher(voucher(1));
  const detailedRow = visits().getByRole('row').filter({ hasText: '妊婦精密健診' });
  await expect(detailedRow).toContainText(voucher(1));
  await expect(detailedRow).toContainText('すこやか総合病院');
  await expect(detailedRow).toContainText('要治療');
  await expect(page.getByRole('button', { name: '精密健診の結果を修正' })).toBeVisible();
});

test('パンチデータの精密の行は紹介元の健診に結び付き、要精密でない健診への精密の行は誤りになる', async () => {
  const referral = await prenatalVisit(voucher(2), 'detailed');
  await prenatalVisit(voucher(3), 'normal');

  await page.getByRole('tab', { name: 'パンチ・OCR の取込' }).click();
  await page.getByLabel('取込設定', { exact: true }).selectOption({ label: settingName });
  const good = [voucher(2), '精密', todayJst(), 'すこやか総合病院', '要治療', '妊娠高血圧症候群'];
  const bad = [voucher(3), '精密', todayJst(), 'すこやか総合病院', '異常なし', ''];
  await expect(
    await checkImportFile(page, '妊婦精密健診_パンチ.csv', sjisCsv([header, good, bad])),
  ).toHaveText('件数: 新規 1件 / 更新 0件 / 変更なし 0件 / 誤り 1件');
  await expect(importPanel(page).getByRole('table', { name: '誤りの行' })).toContainText(
    new RegExp(
      `受診券ID ${voucher(3)} の妊婦健診（令和\\d+年\\d+月\\d+日）の判定は「異常なし」で、要精密・要治療ではありません。受診券IDか、健診の判定を確かめてください。`,
    ),
  );
  await importPanel(page)
    .getByRole('checkbox', {
      name: '誤りのない行だけ取り込む（誤りの行は取り込まず、エラーファイルに残します）',
    })
    .check();
  await importPanel(page).getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(importDone(page)).toHaveText(
    '取り込みました: 新規 1件 / 更新 0件 / 変更なし 0件（誤りの1行は取り込んでいません）',
  );

  await page.getByRole('tab', { name: '結果票の入力' }).click();
  await scanVoucher(voucher(2));
  const detailedRow = visits()
    .getByRole('row')
    .filter({ hasText: '妊婦精密健診' })
    .filter({ hasText: voucher(2) });
  await expect(detailedRow).toContainText('すこやか総合病院');
  await expect(detailedRow).toContainText('要治療');
  await expect(page.getByRole('button', { name: '精密健診の結果を修正' })).toBeVisible();
  const linked = await checkupVisit(page, voucher(2));
  expect(linked.detailed).toMatchObject({ kind: 'prenatal_detailed', referralFromId: referral.id });
  // the 異常なし visit got no 精密健診
  expect((await checkupVisit(page, voucher(3))).detailed).toBeNull();
});
