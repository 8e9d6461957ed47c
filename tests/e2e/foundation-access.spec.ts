import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectNoSeriousA11yViolations, login, logout, signIn, token } from './helpers.ts';

/**
 * Foundation: ログイン, 役割ごとの権限 (画面とAPI), 利用者の追加と初回パスワード変更, 自治体設定,
 * 住登外者登録, and axe on the main screens.
 */

const menu = (page: Page) => page.getByRole('navigation', { name: '業務メニュー' });

async function expectForbiddenScreen(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('権限がありません');
  await expect(page.getByRole('main')).toContainText('この画面を利用する権限がありません。');
}

async function searchQ(page: Page, q: string) {
  const form = page.getByRole('form', { name: '宛名検索条件' });
  await form.getByLabel('宛名番号・氏名・カナ・生年月日').fill(q);
  await form.getByRole('button', { name: '検索' }).click();
  await expect(page.getByRole('status')).toHaveText(/該当 [\d,]+件/);
}

test('ログイン: パスワードが違うと日本語のエラーが出て、正しいパスワードで入れる', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'ログイン' })).toBeVisible();
  await page.getByLabel('ログインID').fill('etsuran');
  await page.getByLabel('パスワード', { exact: true }).fill('wrong-password-1');
  await page.getByRole('button', { name: 'ログイン' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('ログインできません');
  await expect(alert).toContainText('ログインIDまたはパスワードが違います。入力を確かめてください。');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('パスワード', { exact: true })).toHaveValue('');

  // (a successful login also resets the failure count of the demo user)
  await page.getByLabel('パスワード', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('閲覧　次郎（閲覧のみ）');
});

test('閲覧のみ: 検索と閲覧だけができ、取込・管理・CSV出力はできない', async ({ page }) => {
  await signIn(page, 'etsuran');
  await expect(page).toHaveURL(/\/residents$/);
  await expect(menu(page).getByRole('link', { name: '宛名検索' })).toBeVisible();
  for (const name of ['バッチ・取込', '管理', '監査']) {
    await expect(menu(page).getByRole('link', { name })).toHaveCount(0);
  }
  await expect(page.getByRole('link', { name: '住登外者登録' })).toHaveCount(0);

  await searchQ(page, 'サトウ');
  const results = page.getByRole('table', { name: '検索結果' });
  await expect(results.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('region', { name: 'CSV出力の設定' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'CSV出力' })).toHaveCount(0);

  await results.getByRole('row').nth(1).click();
  await expect(page).toHaveURL(/\/residents\/\d+$/);
  await expect(page.getByTestId('atena-no')).toHaveText(/^\d+$/);
  await expect(page.getByRole('table', { name: '基本情報' })).toBeVisible();
  for (const name of ['修正', '個人番号を表示', '住所・連絡先を表示']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }

  await expectForbiddenScreen(page, '/jobs');
  await expectForbiddenScreen(page, '/admin');
  await expectForbiddenScreen(page, '/audit');

  // the API refuses too (the page's session cookie is shared with page.request)
  const res = await page.request.get('/api/residents/export?q=1');
  expect(res.status()).toBe(403);
  const body = await res.json();
  expect(body.error.code).toBe('FORBIDDEN');
  expect(body.error.message).toContain('この操作を行う権限がありません');
  expect(res.headers()['content-disposition']).toBeUndefined();
});

test('監査は住民を検索できない・未ログインのAPIは 401', async ({ page, request }) => {
  await signIn(page, 'kansa');
  await expect(page).toHaveURL(/\/audit$/);
  await expect(menu(page).getByRole('link', { name: '監査' })).toBeVisible();
  await expect(menu(page).getByRole('link', { name: '宛名検索' })).toHaveCount(0);
  await expectForbiddenScreen(page, '/residents');

  const search = await page.request.get('/api/residents?q=1');
  expect(search.status()).toBe(403);
  expect((await search.json()).error.code).toBe('FORBIDDEN');

  // `request` has no session
  for (const path of ['/api/residents?q=1', '/api/residents/export?q=1', '/api/audit']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.message).toBe('ログインしてください。');
  }

  await logout(page);
  await page.goto('/residents');
  await expect(page).toHaveURL(/\/login$/);
});

test('管理: 利用者を追加すると、その利用者は初回ログインでパスワードの変更を求められる', async ({ page }) => {
  const loginId = `e2e_${token()}`;
  const initial = 'Shokai2026pass';
  const next = 'Kenko2026Secure';

  await signIn(page, 'admin');
  await menu(page).getByRole('link', { name: '管理' }).click();
  await expect(page.getByRole('tab', { name: '利用者' })).toHaveAttribute('aria-selected', 'true');
  const add = page.getByRole('region', { name: '利用者の追加' });
  await add.getByLabel('ログインID').fill(loginId);
  await add.getByLabel('氏名').fill('検証　保健師');
  await add.getByLabel('役割').selectOption({ label: '保健師' });
  await add.getByLabel('初期パスワード').fill(initial);
  await add.getByRole('button', { name: '追加' }).click();
  await expect(add.getByRole('status')).toHaveText(
    `利用者「${loginId}」を登録しました。初回ログイン時にパスワードの変更が求められます。`,
  );
  const row = page.getByRole('table', { name: '利用者一覧' }).getByRole('row').filter({ hasText: loginId });
  await expect(row).toContainText('検証　保健師');
  await expect(row).toContainText('保健師');
  await expect(row).toContainText('パスワード変更待ち');
  await logout(page);

  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(initial);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByRole('status')).toHaveText(
    '初回ログインまたはパスワード再設定のため、新しいパスワードを設定してください。',
  );
  // nothing else opens before the change
  await page.goto('/residents');
  await expect(page).toHaveURL(/\/password$/);

  await page.getByLabel('現在のパスワード').fill(initial);
  await page.getByLabel('新しいパスワード', { exact: true }).fill('abc12345');
  await page.getByLabel('新しいパスワード（確認）').fill('abc12345');
  await page.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('alert')).toContainText('パスワードは10文字以上にしてください。');
  await page.getByLabel('新しいパスワード', { exact: true }).fill('abcdefghijkl');
  await page.getByLabel('新しいパスワード（確認）').fill('abcdefghijkl');
  await page.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('alert')).toContainText('パスワードには英字と数字の両方を含めてください。');
  await expect(page).toHaveURL(/\/password$/);

  await page.getByLabel('新しいパスワード', { exact: true }).fill(next);
  await page.getByLabel('新しいパスワード（確認）').fill(next);
  await page.getByRole('button', { name: '変更する' }).click();
  await expect(page).toHaveURL(/\/residents$/);
  await expect(page.getByTestId('current-user')).toHaveText('検証　保健師（保健師）');
  await logout(page);

  // the old password no longer works; the new one does and asks nothing more
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(initial);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('alert')).toContainText('ログインIDまたはパスワードが違います。');
  await login(page, loginId, next);
  await expect(page).toHaveURL(/\/residents$/);
});

test('管理: 自治体設定は地方公共団体コードの検査数字を確かめ、保存するとヘッダーの自治体名が変わる', async ({
  page,
}) => {
  await signIn(page, 'admin', '/admin');
  await page.getByRole('tab', { name: '自治体設定' }).click();
  const form = page.getByRole('form', { name: '自治体設定' });
  const name = form.getByLabel('自治体名');
  const lgCode = form.getByLabel('地方公共団体コード');
  await expect(name).not.toHaveValue('');
  const original = { name: await name.inputValue(), lgCode: await lgCode.inputValue() };
  await expect(page.getByTestId('municipality-name')).toHaveText(original.name);

  await lgCode.fill('123456');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(lgCode).toHaveAttribute('aria-invalid', 'true');
  await expect(lgCode).toHaveAccessibleDescription(/検査数字/);
  await expect(form.getByRole('alert')).toContainText('保存できません');
  await expect(page.getByTestId('municipality-name')).toHaveText(original.name);

  const renamed = `検証市${token()}`;
  await lgCode.fill('131016');
  await name.fill(renamed);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('status')).toHaveText('保存しました。');
  await expect(lgCode).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('municipality-name')).toHaveText(renamed);
  await page.reload();
  await expect(page.getByTestId('municipality-name')).toHaveText(renamed);

  // put the settings back for the other specs
  await expect(form.getByLabel('自治体名')).toHaveValue(renamed);
  await form.getByLabel('自治体名').fill(original.name);
  await form.getByLabel('地方公共団体コード').fill(original.lgCode);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('status')).toHaveText('保存しました。');
  await expect(page.getByTestId('municipality-name')).toHaveText(original.name);
});

test('住登外者登録: 氏名が空ならその欄にエラー、正しく登録すると住登外の宛名画面が開く', async ({ page }) => {
  await signIn(page, 'hokenshi');
  await page.getByRole('link', { name: '住登外者登録' }).click();
  await expect(page).toHaveURL(/\/residents\/new$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('住登外者登録');

  const form = page.getByRole('form', { name: '住登外者の情報' });
  await form.getByRole('button', { name: '登録' }).click();
  const nameBox = form.getByLabel('氏名', { exact: true });
  await expect(nameBox).toHaveAttribute('aria-invalid', 'true');
  await expect(nameBox).toHaveAccessibleDescription(/氏名を入力してください。/);
  await expect(page.getByRole('alert')).toContainText(
    '入力に誤りがあります。各項目のメッセージを確かめてください。',
  );
  await expect(page).toHaveURL(/\/residents\/new$/);

  await nameBox.fill('百目鬼　澄子');
  await form.getByLabel('氏名カナ').fill('どうめき　すみこ');
  const birth = form.getByLabel('生年月日');
  await birth.fill('S50.5.5');
  await birth.blur();
  await expect(form.getByText('昭和50年5月5日 (1975年)')).toBeVisible();
  await form.getByLabel('性別').selectOption('2');
  await form.getByLabel('郵便番号').fill('987-6543');
  await form.getByLabel('住所', { exact: true }).fill('とおく県とおく市港町1-2-3');
  await form.getByLabel('方書').fill('みなとハイツ202');
  await form.getByLabel('電話番号').fill('03-1234-5678');
  await form.getByRole('button', { name: '登録' }).click();

  await expect(page).toHaveURL(/\/residents\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('百目鬼　澄子');
  await expect(page.getByRole('main').getByText('ドウメキ　スミコ')).toBeVisible();
  await expect(page.getByRole('main').getByText('住登外', { exact: true })).toBeVisible();
  await expect(page.getByTestId('atena-no')).toHaveText(/^9\d{9}$/);
  const basic = page.getByRole('table', { name: '基本情報' });
  await expect(basic).toContainText('昭和50年5月5日 (1975)');
  await expect(basic).toContainText('987-6543');
  await expect(basic).toContainText('とおく県とおく市港町1-2-3');
  await expect(page.getByRole('button', { name: '修正' })).toBeVisible();
});

test('アクセシビリティ: 主な画面に重大 (serious/critical) な axe の違反がない', async ({ page }) => {
  // axe scans eight screens; with CI's two database suites side by side on two CPUs that can pass 60 s
  test.setTimeout(180_000);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'ログイン' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'ログイン');

  await login(page, 'admin');
  // a full name from the demo city, so that the result list is short (axe is slow on 100 rows)
  const some = await page.request.get(`/api/residents?q=${encodeURIComponent('サトウ')}&limit=1`);
  const kana: string = (await some.json()).rows[0].nameKana;
  await searchQ(page, kana);
  await expect(page.getByRole('table', { name: '検索結果' }).getByRole('row').nth(1)).toBeVisible();
  await expectNoSeriousA11yViolations(page, '宛名検索（検索結果あり）');

  await page.getByRole('table', { name: '検索結果' }).getByRole('row').nth(1).click();
  await expect(page.getByRole('table', { name: '基本情報' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '宛名画面');

  await menu(page).getByRole('link', { name: 'バッチ・取込' }).click();
  await expect(page.getByRole('region', { name: '住民記録取込' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'バッチ・取込');

  await menu(page).getByRole('link', { name: '管理' }).click();
  await expect(page.getByRole('table', { name: '利用者一覧' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '管理（利用者）');
  await page.getByRole('tab', { name: '自治体設定' }).click();
  await expect(page.getByRole('form', { name: '自治体設定' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '管理（自治体設定）');
  await logout(page);

  await login(page, 'kansa');
  await expect(page.getByRole('table', { name: 'アクセスログ' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '監査');
});

test('排他制御: 二人が同じ住登外者を修正すると、後の人には先の更新が示され、入力は残る', async ({
  browser,
}) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signIn(a, 'hokenshi', '/residents/new');
  const form = a.getByRole('form', { name: '住登外者の情報' });
  await form.getByLabel('氏名', { exact: true }).fill('排他　検証');
  await form.getByLabel('氏名カナ').fill('ハイタ　ケンショウ');
  await form.getByLabel('生年月日').fill('1990-01-01');
  await form.getByLabel('性別').selectOption('1');
  await form.getByLabel('住所', { exact: true }).fill('とおく県とおく市北町1-1');
  await form.getByRole('button', { name: '登録' }).click();
  await expect(a).toHaveURL(/\/residents\/\d+$/);
  const url = new URL(a.url()).pathname;

  await signIn(b, 'jimu', url);
  for (const p of [a, b]) await p.getByRole('button', { name: '修正' }).click();
  const editA = a.getByRole('dialog', { name: '住登外者の修正' });
  const editB = b.getByRole('dialog', { name: '住登外者の修正' });

  await editA.getByLabel('電話番号').fill('011-111-1111');
  await editA.getByRole('button', { name: '保存' }).click();
  await expect(editA).toBeHidden();

  await editB.getByLabel('電話番号').fill('022-222-2222');
  await editB.getByRole('button', { name: '保存' }).click();
  await expect(editB.getByRole('alert', { name: '他の利用者が先に更新しました' })).toBeVisible();
  await expect(editB.getByRole('table', { name: '現在登録されている内容' })).toContainText('011-111-1111');
  await expect(editB.getByLabel('電話番号')).toHaveValue('022-222-2222');

  await editB.getByRole('button', { name: /入力内容で上書きする/ }).click();
  await editB.getByRole('button', { name: '保存' }).click();
  await expect(editB).toBeHidden();
  await expect(b.getByRole('table', { name: '基本情報' })).toContainText('022-222-2222');
});
