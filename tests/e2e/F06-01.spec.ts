import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { compact, csrfToken, expectNoSeriousA11yViolations, login, pdfPages } from './helpers.ts';
import { addMother, importMother, registerPregnancy } from './maternal-helpers.ts';

/**
 * F06-01 妊娠届・母子健康手帳交付（窓口等）: the clerk finds the mother, registers the 妊娠届 by keyboard (twins → two
 * handbooks, the vouchers issued), prints the 受診券 set (PDF read back: name, 受診券ID, kind); the 個人番号 is shown
 * masked; a mover-in at 20週 gets only the vouchers left; a confirmed risk answer registers a follow-up target.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
});
test.afterAll(async () => {
  await context.close();
});

async function findMother(atenaNo: string, name: string) {
  await page.goto('/maternal');
  const search = page.getByLabel('宛名番号・氏名・カナ・生年月日');
  await expect(search).toBeFocused();
  await search.fill(atenaNo);
  await search.press('Enter');
  await expect(page.getByRole('region', { name: '妊娠届の一覧' })).toContainText(name);
}

test('双子の妊娠届をキーボードで登録し、手帳2冊と受診券を発行して印刷する（個人番号はマスク）', async () => {
  const mother = await importMother(page);
  await findMother(mother.atenaNo, mother.name);
  await page.getByRole('button', { name: '妊娠届を登録' }).click();
  const form = page.getByRole('form', { name: '妊娠届の入力' });
  await expect(form.getByLabel('届出日', { exact: true })).toBeFocused();
  await page.keyboard.press('Enter'); // 届出日: today as given
  await expect(form.getByLabel('出産予定日', { exact: true })).toBeFocused();
  await page.keyboard.press('Enter'); // 予定日 left empty: the 週数 instead
  await page.keyboard.type('11');
  await page.keyboard.press('Enter');
  await page.keyboard.type('3');
  await expect(form.getByRole('status', { name: '妊娠週数' })).toContainText(
    '届出日に妊娠11週3日（妊娠3か月）',
  );
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('胎児数', { exact: true })).toBeFocused();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // 届出の区分: 窓口
  await page.keyboard.type('医師 花子');
  await page.keyboard.press('Enter');
  await page.keyboard.type('すこやか産婦人科');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // 性病・結核: 不明
  await page.keyboard.type('会社員');
  await expectNoSeriousA11yViolations(page, '妊娠届の入力');
  await expect(form.getByRole('checkbox', { name: '多胎（該当）' })).toBeVisible();
  await form.getByLabel('特定妊婦として支援する').focus();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/maternal\/pregnancies\/\d+/);
  await expect(page.getByRole('status').first()).toContainText('母子健康手帳 2冊と受診券 20枚を発行しました');
  const books = page.getByRole('table', { name: '母子健康手帳の一覧' });
  await expect(books).toContainText('第1子');
  await expect(books).toContainText('第2子');
  const vouchers = page.getByRole('table', { name: '受診券の一覧' });
  await expect(vouchers.getByRole('row').filter({ hasText: '妊婦健診' })).toHaveCount(14);
  await expect(vouchers.getByRole('row').filter({ hasText: '新生児聴覚検査' })).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, '妊娠の画面');

  // 個人番号: masked only (the full number needs 個人番号を表示 with a purpose)
  const info = page.getByRole('region', { name: '妊婦の情報' });
  await expect(info.getByLabel('個人番号')).toContainText(mother.myNumber.slice(-4));
  await expect(info).not.toContainText(mother.myNumber);

  const id = Number(page.url().match(/pregnancies\/(\d+)/)![1]);
  const detail = (await (await page.request.get(`/api/maternal/pregnancies/${id}`)).json()) as {
    vouchers: { voucherNo: string; kind: string; seq: number }[];
  };
  const first = detail.vouchers.find((v) => v.kind === 'prenatal' && v.seq === 1)!;
  const popup = page.context().waitForEvent('page');
  const response = page.waitForResponse((r) =>
    r.url().endsWith(`/api/maternal/pregnancies/${id}/vouchers/print`),
  );
  await page.getByRole('button', { name: '受診券を印刷（未使用すべて）' }).click();
  expect((await response).headers()['content-type']).toBe('application/pdf');
  await (await popup).close();
  await expect(page.getByRole('status').filter({ hasText: '送付記録に残しました' })).toBeVisible();

  const again = await page.request.post(`/api/maternal/pregnancies/${id}/vouchers/print`, {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {},
  });
  expect(again.status()).toBe(200);
  const pages = await pdfPages(await again.body());
  expect(pages).toHaveLength(7); // 20 vouchers, three a page
  expect(pages[0]).toContain(compact(mother.name));
  expect(pages[0]).toContain('妊婦健診受診券（第1回）');
  expect(pages[0]).toContain(first.voucherNo);
  expect(pages.join('')).toContain('新生児聴覚検査受診券（第2回）');
});

test('転入（20週）: 残りの受診券だけを発行する', async () => {
  const mother = await addMother(page);
  const p = await registerPregnancy(page, mother.id, {
    source: 'moved_in',
    weeks: 20,
    movedIn: { city: 'となり市', handbookNo: 'T-0001', issuedOn: '' },
  });
  await page.goto(`/maternal/pregnancies/${p.id}`);
  const vouchers = page.getByRole('table', { name: '受診券の一覧' });
  const prenatal = vouchers.getByRole('row').filter({ hasText: '妊婦健診' });
  await expect(prenatal).toHaveCount(11);
  await expect(prenatal.first()).toContainText('第4回');
  // 子宮頸がん検診 (初期〜23週) is still due at 20週
  await expect(vouchers.getByRole('row').filter({ hasText: '子宮頸がん検診' })).toHaveCount(1);
  await expect(page.getByRole('table', { name: '母子健康手帳の一覧' })).toContainText(
    'となり市 手帳番号 T-0001',
  );
  await expect(page.getByRole('region', { name: '妊婦の情報' }).getByLabel('個人番号')).toContainText(
    '登録なし',
  );
});

test('アンケートの「相談できる人: いいえ」を確認するとフォロー対象に登録される', async () => {
  const mother = await addMother(page, '2008-01-10');
  await findMother(mother.atenaNo, mother.name);
  await page.getByRole('button', { name: '妊娠届を登録' }).click();
  const form = page.getByRole('form', { name: '妊娠届の入力' });
  await form.getByLabel('届出日の妊娠週数（週）').fill('9');
  await form.getByLabel('相談できる人がいますか').selectOption('no');
  const flag = form.getByRole('checkbox', { name: '相談相手なし（該当）' });
  await expect(flag).toBeVisible();
  await expect(form.getByRole('checkbox', { name: '若年（20歳未満）（該当）' })).toBeVisible();
  await flag.check();
  await form.getByRole('button', { name: '妊娠届を登録し手帳・受診券を発行' }).click();
  await expect(page).toHaveURL(/\/maternal\/pregnancies\/\d+/);
  await expect(page.getByRole('region', { name: 'リスク要因・特定妊婦' })).toContainText('フォロー対象');
  await expect(page.getByRole('region', { name: 'リスク要因・特定妊婦' })).toContainText('相談相手なし');
  await expect(page.getByRole('table', { name: '届出の内容' })).toContainText('いいえ');
});
