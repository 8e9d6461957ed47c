import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { csrfToken, demoPassword, expectNoSeriousA11yViolations, token } from './helpers.ts';
import { addMother, registerPregnancy } from './maternal-helpers.ts';

/**
 * 母子保健の設定: a 母子保健の係長 (a role with 母子保健 and 事業マスタの変更, created here by the administrator) opens
 * 母子保健 › 母子保健の設定, sees the defaults beside each field, is told what to fix for an EPDS cut-off of 31, saves
 * 妊婦健診 16回・産婦健診の助成上限 6,000円・妊婦歯科健診を交付しない; a 妊娠届 registered next gets those 受診券; a save
 * over a change made meanwhile is a conflict; a 保健師 (no 事業マスタの変更) sees the settings read-only and no link.
 * The settings found at the start are put back in afterAll, so specs sharing the database are not affected.
 */
test.describe.configure({ mode: 'serial' });

const password = 'Msettings-2026-first';
const newPassword = 'Msettings-2026-second';
let leadContext: BrowserContext;
let lead: Page;
let original: Record<string, unknown>;

async function put(request: APIRequestContext, url: string, data: unknown, method: 'put' | 'post' = 'put') {
  const res = await request[method](url, { headers: { 'x-csrf-token': await csrfToken(request) }, data });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

const settingsOf = async (request: APIRequestContext) => (await request.get('/api/maternal/settings')).json();
const row = (page: Page, kind: string) =>
  page.getByRole('table', { name: '受診券の種類' }).locator(`tr[data-kind="${kind}"]`);

test.beforeAll(async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = adminContext.request;
  expect(
    (await admin.post('/api/auth/login', { data: { loginId: 'admin', password: demoPassword } })).ok(),
  ).toBe(true);
  const code = `ms_${token()}`;
  await put(admin, `/api/admin/roles/${code}`, {
    name: `母子保健の係長 ${code}`,
    permissions: [
      'residents.search',
      'residents.view',
      'residents.edit',
      'maternal.view',
      'maternal.edit',
      'programs.view',
      'programs.edit',
    ],
  });
  await put(
    admin,
    '/api/admin/users',
    { loginId: code, displayName: '係長 設定', roleCode: code, password },
    'post',
  );
  await adminContext.close();

  leadContext = await browser.newContext();
  lead = await leadContext.newPage();
  expect((await lead.request.post('/api/auth/login', { data: { loginId: code, password } })).ok()).toBe(true);
  await put(lead.request, '/api/auth/password', { currentPassword: password, newPassword }, 'post');
  const s = await settingsOf(lead.request);
  original = {
    voucherPlan: s.voucherPlan,
    epdsFollowUpThreshold: s.epdsFollowUpThreshold,
    epdsSelfHarmThreshold: s.epdsSelfHarmThreshold,
    lowBirthWeightGrams: s.lowBirthWeightGrams,
  };
});

test.afterAll(async () => {
  const now = await settingsOf(lead.request);
  await put(lead.request, '/api/maternal/settings', { ...original, version: now.version });
  await leadContext.close();
});

test('係長が受診券の回数・助成上限・交付しない種類を設定すると、次の妊娠届の受診券が変わる', async () => {
  await lead.goto('/maternal');
  await lead
    .getByRole('navigation', { name: '母子保健のメニュー' })
    .getByRole('link', { name: '母子保健の設定' })
    .click();
  await expect(lead.getByRole('heading', { name: '母子保健の設定' })).toBeVisible();
  await expect(row(lead, 'prenatal')).toContainText('14回・上限なし（全額）');
  await expect(row(lead, 'postpartum')).toContainText('2回・5,000円');
  await expect(lead.getByLabel('EPDS 合計点（この点数以上をフォロー対象）')).toHaveAccessibleDescription(
    /既定: 9点以上/,
  );

  await lead.getByLabel('EPDS 合計点（この点数以上をフォロー対象）').fill('31');
  await lead.getByRole('button', { name: '保存する' }).click();
  await expect(lead.getByLabel('EPDS 合計点（この点数以上をフォロー対象）')).toHaveAccessibleDescription(
    /0〜30点の整数で入れてください/,
  );
  await lead.getByLabel('EPDS 合計点（この点数以上をフォロー対象）').fill('');
  await lead.getByRole('textbox', { name: '妊婦健診の回数' }).fill('16');
  await lead.getByRole('textbox', { name: '産婦健診の助成上限（円）' }).fill('6,000');
  await lead.getByRole('checkbox', { name: '妊婦歯科健診を交付する' }).uncheck();
  await lead.getByRole('button', { name: '保存する' }).click();
  await expect(lead.getByRole('status')).toHaveText('保存しました。');
  await expect(lead.getByRole('textbox', { name: '妊婦健診の回数' })).toHaveValue('16');
  await expect(lead.getByRole('checkbox', { name: '妊婦歯科健診を交付する' })).not.toBeChecked();
  await expectNoSeriousA11yViolations(lead, '母子保健の設定');

  const mother = await addMother(lead);
  const p = await registerPregnancy(lead, mother.id);
  const vouchers = p.vouchers as Array<(typeof p.vouchers)[number] & { limitYen: number | null }>;
  expect(vouchers.filter((v) => v.kind === 'prenatal')).toHaveLength(16);
  expect(vouchers.filter((v) => v.kind === 'prenatal_dental')).toHaveLength(0);
  expect(vouchers.filter((v) => v.kind === 'postpartum').map((v) => v.limitYen)).toEqual([6000, 6000]);
});

test('ほかの人が先に変更していると、保存せずにそのことを伝える', async () => {
  await lead.goto('/maternal/settings');
  await expect(lead.getByRole('textbox', { name: '妊婦健診の回数' })).toHaveValue('16');
  const now = await settingsOf(lead.request);
  await put(lead.request, '/api/maternal/settings', { ...now, lowBirthWeightGrams: 2400 });
  await lead.getByRole('textbox', { name: '妊婦健診の回数' }).fill('15');
  await lead.getByRole('button', { name: '保存する' }).click();
  await expect(lead.getByRole('alert')).toContainText('他の利用者が先に更新しました');
  await expect(lead.getByRole('textbox', { name: '妊婦健診の回数' })).toHaveValue('15');
});

test('保健師には設定へのリンクが無く、画面は確認だけできる', async ({ page }) => {
  await page.request.post('/api/auth/login', { data: { loginId: 'hokenshi', password: demoPassword } });
  await page.goto('/maternal');
  const nav = page.getByRole('navigation', { name: '母子保健のメニュー' });
  await expect(nav.getByRole('link', { name: '妊娠届・母子健康手帳' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '母子保健の設定' })).toHaveCount(0);
  await page.goto('/maternal/settings');
  await expect(page.getByRole('note')).toContainText('「事業マスタの変更」の権限が必要です');
  await expect(page.getByRole('textbox', { name: '妊婦健診の回数' })).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: '保存する' })).toHaveCount(0);
});

test('システム管理者は事業マスタから母子保健の設定を開ける（母子保健の閲覧の権限なしで）', async ({
  page,
}) => {
  await page.request.post('/api/auth/login', { data: { loginId: 'admin', password: demoPassword } });
  await page.goto('/adult/programs');
  await page.getByRole('link', { name: '母子保健の設定' }).click();
  await expect(page.getByRole('heading', { name: '母子保健の設定' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '妊婦健診の回数' })).not.toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: '保存する' })).toBeVisible();
});
