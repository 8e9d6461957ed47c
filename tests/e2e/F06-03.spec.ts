import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { csrfToken, expectNoSeriousA11yViolations, login, todayJst } from './helpers.ts';
import { addMother, type RegisteredPregnancy, registerPregnancy } from './maternal-helpers.ts';

/**
 * F06-03 妊婦健診結果入力: a nurse has the returned 受診票 on the desk; she scans the 受診券ID (the scanner types it
 * and Enter), sees the mother and the pregnancy, and enters the result by keyboard only (Enter from field to field,
 * Enter on the last field saves). The 妊娠週数 comes from the 出産予定日. The same voucher scanned again is refused as
 * used, with the date and the result. (The 精密健診 of a 要精密 visit: F06-04.spec.ts.)
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let mother: { id: number; atenaNo: string; name: string };
let pregnancy: RegisteredPregnancy;
const voucher = (seq: number) =>
  pregnancy.vouchers.find((v) => v.kind === 'prenatal' && v.seq === seq)!.voucherNo;
const scan = () => page.getByLabel('受診券ID（バーコードを読み取るか入力して Enter）');
const form = () => page.getByRole('region', { name: /の結果を(入力|修正)$/ });

async function scanVoucher(no: string) {
  await scan().fill('');
  await scan().pressSequentially(no);
  await scan().press('Enter');
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  mother = await addMother(page, '1994-05-10');
  // 妊娠20週0日 today: the visit today is 妊娠20週0日
  pregnancy = await registerPregnancy(page, mother.id, { notifiedOn: todayJst(), weeks: 20, days: 0 });
});
test.afterAll(async () => {
  await context.close();
});

test('受診券IDを読み取り、妊婦健診の結果をキーボードだけで入力して保存する', async () => {
  await page.goto('/maternal/checkups');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('妊婦・産婦健診の結果');
  await expect(scan()).toBeFocused();
  await scanVoucher(voucher(1));
  const summary = page.getByRole('region', { name: '受診券の情報' });
  await expect(summary).toContainText(mother.name);
  await expect(summary).toContainText(`妊婦健診 第1回（受診券ID ${voucher(1)}）`);
  await expect(form()).toContainText('妊婦健診の結果を入力');

  const k = page.keyboard;
  await expect(form().getByLabel('受診日')).toBeFocused();
  await k.type(todayJst());
  await k.press('Enter');
  await k.type('すこやか産婦人科');
  await k.press('Enter');
  for (const v of ['118', '72', '58.6', '18.5', '82.0']) {
    await k.type(v);
    await k.press('Enter');
  }
  await expect(form().getByLabel('浮腫')).toBeFocused();
  await k.press('ArrowDown'); // −
  await k.press('Enter');
  await k.press('ArrowDown'); // 尿蛋白 −
  await k.press('Enter');
  await k.press('ArrowDown');
  await k.press('ArrowDown'); // 尿糖 ±
  await k.press('Enter');
  await k.press('ArrowDown'); // 胎児心拍 確認
  await k.press('Enter');
  // 実施した検査: 血液型 (skip), 血算 (check) … 超音波 (check)
  await expect(form().getByRole('checkbox', { name: '血液型' })).toBeFocused();
  await k.press('Enter');
  await k.press('Space');
  for (let i = 0; i < 11; i++) await k.press('Enter');
  await expect(form().getByRole('checkbox', { name: '超音波' })).toBeFocused();
  await k.press('Space');
  await k.press('Enter');
  await k.type('特記なし');
  await k.press('Enter');
  await expect(form().getByLabel('判定')).toBeFocused();
  await k.press('ArrowDown'); // 異常なし
  await k.press('Enter');
  await expect(form().getByLabel('備考')).toBeFocused();
  await k.press('Enter'); // the last field: saves

  await expect(page.getByRole('status').filter({ hasText: '登録しました' })).toHaveText(
    `${mother.name}さんの妊婦健診の結果を登録しました（受診券ID ${voucher(1)}）。`,
  );
  await expect(scan()).toBeFocused();
  await expectNoSeriousA11yViolations(page, '妊婦・産婦健診の結果（入力）');
});

test('使用済みの受診券IDは、受診日と結果を示して断られる', async () => {
  await scanVoucher(voucher(1));
  const used = page.getByRole('alert').filter({ hasText: '使用済みの受診券です' });
  await expect(used).toContainText(
    new RegExp(
      `受診券ID ${voucher(1)} は令和\\d+年\\d+月\\d+日の妊婦健診（第1回、判定: 異常なし）で使用済みです。`,
    ),
  );
  const visits = page.getByRole('table', { name: 'この妊娠の健診結果' });
  await expect(visits.getByRole('row').nth(1)).toContainText('妊娠20週0日');
  await expect(visits.getByRole('row').nth(1)).toContainText('すこやか産婦人科');
  await expect(form()).toBeHidden();
  // a second result on the same voucher is refused by the server too
  const res = await page.request.post('/api/maternal/checkups', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      voucherNo: voucher(1),
      examinedOn: todayJst(),
      institution: '中央クリニック',
      judgement: 'normal',
      items: {
        bpSystolic: 120,
        bpDiastolic: 70,
        weight: 59,
        edema: '-',
        urineProtein: '-',
        urineGlucose: '-',
      },
    },
  });
  expect(res.status()).toBe(409);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/で使用済みです。/);
});

test('妊婦歯科健診の受診券: 歯科の項目で入力し、要精密は選べず、精密健診の入力もない', async () => {
  const dental = pregnancy.vouchers.find((v) => v.kind === 'prenatal_dental')!.voucherNo;
  await scanVoucher(dental);
  const summary = page.getByRole('region', { name: '受診券の情報' });
  await expect(summary).toContainText(`妊婦歯科健診 第1回（受診券ID ${dental}）`);
  await expect(form()).toContainText('妊婦歯科健診の結果を入力');
  await expect(form().getByLabel('血圧（収縮期）（mmHg）')).toHaveCount(0);
  await form().getByLabel('受診日').fill(todayJst());
  await form().getByLabel('医療機関（コードまたは名称）').fill('すこやか歯科');
  await form().getByLabel('現在歯数（本）').fill('28');
  await form().getByLabel('未処置歯数（本）').fill('33');
  await form().getByLabel('歯肉の状態').selectOption({ label: '歯肉炎' });
  await expect(form().getByLabel('判定').locator('option', { hasText: '要精密' })).toHaveCount(0);
  await form().getByLabel('判定').selectOption({ label: '要治療' });
  await form().getByRole('button', { name: '保存' }).click();
  await expect(form()).toContainText('未処置歯数「33」は 0〜32本 の整数で入れてください。');
  await form().getByLabel('未処置歯数（本）').fill('3');
  await form().getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '登録しました' })).toHaveText(
    `${mother.name}さんの妊婦歯科健診の結果を登録しました（受診券ID ${dental}）。`,
  );
  await scanVoucher(dental);
  await expect(page.getByRole('alert').filter({ hasText: '使用済みの受診券です' })).toContainText(
    '妊婦歯科健診（第1回、判定: 要治療）で使用済みです。',
  );
  await expect(page.getByRole('button', { name: '精密健診の結果を入力' })).toHaveCount(0);
});
