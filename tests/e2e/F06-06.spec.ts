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
 * F06-06 産婦精密健診結果入力: a 産婦健診 judged 要精密 refers the mother on; the 精密健診 result comes back as a 精密
 * row of the punch contractor's Shift_JIS file, or on paper and is entered by keyboard only from the referring visit
 * (scan the 受診券ID, 「精密健診の結果を入力」, Enter from field to field). Either way it is linked to that visit.
 */
test.describe.configure({ mode: 'serial' });

// its own 取込設定: setting names are unique per import kind, and F06-05 makes 「パンチ業者の健診結果」 in the same run
const settingName = 'パンチ業者の産婦精密健診結果';
const header = ['受診券ID', '区分', '受診日', '医療機関', '判定', '診断名'];
let context: BrowserContext;
let page: Page;
let mother: { id: number; atenaNo: string; name: string };
let pregnancy: RegisteredPregnancy;
const voucher = (seq: number) =>
  pregnancy.vouchers.find((v) => v.kind === 'postpartum' && v.seq === seq)!.voucherNo;
const daysAgo = (n: number) => new Date(Date.parse(todayJst()) - n * 86_400_000).toISOString().slice(0, 10);
const scan = () => page.getByLabel('受診券ID（バーコードを読み取るか入力して Enter）');
const form = () => page.getByRole('region', { name: /の結果を(入力|修正)$/ });
const detailedRow = (no: string) =>
  page
    .getByRole('table', { name: 'この妊娠の健診結果' })
    .getByRole('row')
    .filter({ hasText: '産婦精密健診' })
    .filter({ hasText: no });
// a 産婦健診 judged 要精密 as the 受診票 comes back (API, as the entry screen saves it)
const referringVisit = (voucherNo: string, examinedOn: string, daysAfterBirth: number) =>
  saveCheckup(page, {
    voucherNo,
    examinedOn,
    institution: 'すこやか産婦人科',
    judgement: 'detailed',
    items: {
      daysAfterBirth,
      bpSystolic: 150,
      bpDiastolic: 96,
      weight: 56.4,
      urineProtein: '+',
      urineGlucose: '-',
      epds: [0, 1, 1, 0, 1, 0, 1, 0, 0, 0],
    },
  });

async function scanVoucher(no: string) {
  await scan().fill(no);
  await scan().press('Enter');
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  mother = await addMother(page, '1991-11-03');
  // 届出 250 days ago at 11週0日: the 出産予定日 was 47 days ago
  pregnancy = await registerPregnancy(page, mother.id, { notifiedOn: daysAgo(250), weeks: 11, days: 0 });
  await addCheckupImportSetting(page, settingName, header);
});
test.afterAll(async () => {
  await context.close();
});

test('F06-06 要精密の産婦健診の精密健診の結果を取り込むと、紹介元の健診に結び付く', async () => {
  const referral = await referringVisit(voucher(2), daysAgo(5), 42);
  await page.goto('/maternal/checkups');
  await page.getByRole('tab', { name: 'パンチ・OCR の取込' }).click();
  await page.getByLabel('取込設定', { exact: true }).selectOption({ label: settingName });
  const detailed = [voucher(2), '精密', daysAgo(1), 'すこやか総合病院', '要治療', '産後うつ病'];
  await expect(
    await checkImportFile(page, '産婦精密健診_パンチ.csv', sjisCsv([header, detailed])),
  ).toHaveText('件数: 新規 1件 / 更新 0件 / 変更なし 0件 / 誤り 0件');
  await importPanel(page).getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(importDone(page)).toHaveText('取り込みました: 新規 1件 / 更新 0件 / 変更なし 0件');

  await page.getByRole('tab', { name: '結果票の入力' }).click();
  await scanVoucher(voucher(2));
  await expect(detailedRow(voucher(2))).toContainText('すこやか総合病院');
  await expect(detailedRow(voucher(2))).toContainText('要治療');
  await expect(page.getByRole('region', { name: '受診券の情報' })).toContainText('産婦健診 要精密');
  await expect(page.getByRole('button', { name: '精密健診の結果を修正' })).toBeVisible();
  expect((await checkupVisit(page, voucher(2))).detailed).toMatchObject({
    kind: 'postpartum_detailed',
    referralFromId: referral.id,
    items: { diagnosis: '産後うつ病' },
  });
});

test('要精密の産婦健診から産婦精密健診の結果をキーボードだけで入力し、紹介元の健診に結び付く', async () => {
  const referral = await referringVisit(voucher(1), daysAgo(33), 14);
  await scanVoucher(voucher(1));
  await page.getByRole('button', { name: '精密健診の結果を入力' }).click();
  await expect(form()).toContainText('産婦精密健診の結果を入力');
  await expect(form()).toContainText('紹介元: 産婦健診');

  const k = page.keyboard;
  await expect(form().getByLabel('受診日')).toBeFocused();
  await k.type(daysAgo(30));
  await k.press('Enter');
  await k.type('すこやか総合病院');
  await k.press('Enter');
  await expect(form().getByLabel('診断名')).toBeFocused();
  await k.type('産後うつ病');
  await k.press('Enter');
  await k.type('心療内科に通院');
  await k.press('Enter');
  await expect(form().getByLabel('判定')).toBeFocused();
  await expect(form().getByLabel('判定').locator('option', { hasText: '要精密' })).toHaveCount(0);
  for (let i = 0; i < 3; i++) await k.press('ArrowDown'); // 異常なし, 要観察, 要治療
  await k.press('Enter');
  await expect(form().getByLabel('備考')).toBeFocused();
  await k.press('Enter'); // the last field: saves
  await expect(page.getByRole('status').filter({ hasText: '登録しました' })).toContainText(
    `${mother.name}さんの産婦精密健診の結果を登録しました（受診券ID ${voucher(1)}）。`,
  );
  await expect(scan()).toBeFocused();

  await scanVoucher(voucher(1));
  await expect(detailedRow(voucher(1))).toContainText('すこやか総合病院');
  await expect(detailedRow(voucher(1))).toContainText('要治療');
  await expect(page.getByRole('button', { name: '精密健診の結果を修正' })).toBeVisible();
  expect((await checkupVisit(page, voucher(1))).detailed).toMatchObject({
    kind: 'postpartum_detailed',
    referralFromId: referral.id,
    examinedOn: daysAgo(30),
    items: { diagnosis: '産後うつ病', findings: '心療内科に通院' },
  });
});
