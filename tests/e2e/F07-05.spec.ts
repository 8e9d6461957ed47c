import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { compact, csrfToken, expectNoSeriousA11yViolations, login, pdfPages } from './helpers.ts';
import { addGroupSession, addInfant, enterUntilSaved } from './infant-result-helpers.ts';

/**
 * F07-05 乳幼児健診結果入力（集団健診）: after a 1歳6か月児健診 session the nurse picks the session, the roster of the
 * booked children appears and she enters each child's 結果票 in turn by keyboard (the next child follows by
 * itself). The second child has 言語 要精密 → the 総合判定 is 要精密, a フォロー対象者 is registered and the
 * 精密健診依頼書 is issued and printed (PDF read back: 依頼書番号, the child, the area) with its 送付記録 shown.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let first: { id: number; atenaNo: string; name: string };
let second: { id: number; atenaNo: string; name: string };
let sessionId = 0;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  first = await addInfant(page, 19, '1');
  second = await addInfant(page, 20, '2');
  sessionId = await addGroupSession(page, 'y1h', [first.id, second.id]);
});
test.afterAll(async () => {
  await context.close();
});

test('集団健診の名簿から1人ずつ入力し、要精密の児に精密健診依頼書を発行する', async () => {
  await page.goto('/maternal/infant-results');
  await expect(page.getByRole('tab', { name: '集団健診（名簿から入力）' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByLabel('集団健診の日程（過去90日）').selectOption(String(sessionId));
  const roster = page.getByRole('table', { name: '受診者名簿' });
  await expect(roster.getByRole('row')).toHaveCount(3);
  await expect(roster).toContainText(first.name);
  await expect(roster).toContainText(second.name);
  await roster
    .getByRole('row', { name: new RegExp(first.name) })
    .getByRole('button', { name: '入力' })
    .click();

  // the first child: all 所見なし; the 受診日 is the session's day
  const k = page.keyboard;
  const form1 = page.getByRole('form', { name: `${first.name}さんの1歳6か月児健康診査の結果を入力` });
  await expect(form1.getByLabel('受診日')).toBeFocused();
  await k.press('Enter');
  for (const v of ['80.4', '10.55', '46.0', '47.2']) {
    await k.type(v);
    await k.press('Enter');
  }
  for (let i = 0; i < 11; i++) await k.press('Enter');
  await expect(form1.getByLabel('歯数')).toBeFocused();
  await k.type('14');
  await enterUntilSaved(page, first.name);
  await expect(page.getByRole('status')).toContainText('判定: 異常なし');
  await expect(roster.getByRole('row', { name: new RegExp(first.name) })).toContainText('異常なし');

  // the next child follows: 言語 所見あり 要精密
  const form2 = page.getByRole('form', { name: `${second.name}さんの1歳6か月児健康診査の結果を入力` });
  await expect(form2.getByLabel('受診日')).toBeFocused();
  await k.press('Enter');
  for (const v of ['79.0', '9.80', '45.5', '46.0']) {
    await k.type(v);
    await k.press('Enter');
  }
  await form2.getByLabel('言語障害の有無', { exact: true }).selectOption('present');
  await form2.getByLabel('言語障害の有無の所見').fill('有意語なし');
  await form2.getByLabel('言語障害の有無の判定').selectOption('detailed');
  await form2.getByLabel('歯数').fill('12');
  await form2.getByLabel('歯数').focus();
  await enterUntilSaved(page, second.name);
  const status = page.getByRole('status').filter({ hasText: '結果を保存しました' });
  await expect(status).toContainText('判定: 要精密');
  await expect(status).toContainText(
    'フォロー対象者に登録しました（1歳6か月児健康診査 要精密（言語障害の有無））',
  );
  await expect(roster.getByRole('row', { name: new RegExp(second.name) })).toContainText('要精密');

  const issue = page.getByRole('region', { name: '精密健診依頼書の発行' });
  await expect(issue.getByLabel('精密健診の部位・項目（、区切り）')).toHaveValue('言語障害の有無');
  await issue.getByLabel('依頼の理由・所見').fill('1歳6か月で有意語なし');
  await issue.getByLabel('依頼先の医療機関').fill('すこやか発達クリニック');
  const response = page.waitForResponse((r) =>
    /\/api\/infant\/checkup-results\/\d+\/referrals$/.test(r.url()),
  );
  const popup = page.context().waitForEvent('page');
  await issue.getByRole('button', { name: '依頼書を発行して印刷' }).click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const no = res.headers()['x-referral-no']!;
  expect(no).toMatch(/^IR-\d{4}-\d{5}$/);
  await (await popup).close();

  // the referral and its 送付記録 (窓口, today) are shown
  const referrals = page.getByRole('table', { name: '精密健診依頼' });
  const row = referrals.getByRole('row', { name: new RegExp(no) });
  await expect(row).toContainText('言語障害の有無');
  await expect(row).toContainText('依頼済');
  await expect(row).toContainText('窓口');
  await expectNoSeriousA11yViolations(page, '乳幼児健診の結果（集団）');

  // the PDF read back (the browser keeps the body of the popup's response: the same document again, reprinted)
  const again = await page.request.post(`/api/infant/referrals/${no}/print`, {
    data: { method: 'counter' },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(again.status(), await again.text()).toBe(200);
  const pages = await pdfPages(await again.body());
  expect(pages).toHaveLength(1);
  expect(pages[0]).toContain('乳幼児精密健康診査依頼書');
  expect(pages[0]).toContain(no);
  expect(pages[0]).toContain(compact(second.name));
  expect(pages[0]).toContain('すこやか発達クリニック');
  expect(pages[0]).toContain('言語障害の有無');
  expect(pages[0]).toContain('1歳6か月児健康診査');

  // two send records 乳幼児精密健康診査依頼書 in the child's 送付履歴
  const history = await page.request.get(`/api/residents/${second.id}/send-records`);
  expect(history.status(), await history.text()).toBe(200);
  const { records } = (await history.json()) as { records: { purpose: string; documentTitle: string }[] };
  expect(records.filter((r) => r.purpose === 'infant.referral')).toHaveLength(2);
  expect(records.find((r) => r.purpose === 'infant.referral')?.documentTitle).toBe(
    '乳幼児精密健康診査依頼書',
  );
});
