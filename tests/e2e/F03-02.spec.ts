import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type Check, findPerson, program } from './application-helpers.ts';
import { csrfToken, login } from './helpers.ts';
import { currentFiscalYear } from './result-helpers.ts';

/**
 * F03-02 検診結果入力（集団検診）: a 集団検診 day that has passed; two people are registered at the venue after the
 * fact (当日受付, 受付情報登録); the clerk opens the session's 結果入力 and enters the 胃がん検診 result of one from the
 * roster — the session's date and 集団 are filled in, no 実施機関 is asked — and the roster shows what is left.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let fy = 0;
let people: Check['person'][] = [];
let sessionId = 0;
let sessionDate = '';

type Session = { id: number; sessionDate: string; programs: string[]; status: string };

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  fy = await currentFiscalYear(page);
  const today = new Date().toISOString().slice(0, 10);
  const { sessions } = (await (
    await page.request.get(`/api/reservations/sessions?fiscalYear=${fy}&purpose=adult-health.group`)
  ).json()) as { sessions: Session[] };
  const past = sessions.find((s) => s.sessionDate < today && s.programs.includes('stomach'));
  if (!past) throw new Error('the demo city has no past 胃がん 集団検診 this 年度');
  sessionId = past.id;
  sessionDate = past.sessionDate;
  const first = await findPerson(page, fy, (c) => program(c, 'stomach').eligible);
  const second = await findPerson(
    page,
    fy,
    (c) => program(c, 'stomach').eligible && c.person.id !== first.person.id,
  );
  people = [first.person, second.person];
  for (const p of people) {
    const res = await page.request.post(`/api/reservations/sessions/${sessionId}/walk-in`, {
      data: { residentId: p.id, note: '会場で受付（後日登録）' },
      headers: { 'x-csrf-token': await csrfToken(page.request) },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
});
test.afterAll(async () => {
  await context.close();
});

test('受診者の一覧から選び、日程の日付と「集団」が入った結果票に胃がん検診の結果を入れる', async () => {
  await page.goto(`/reservations/sessions/${sessionId}`);
  await page.getByRole('link', { name: '結果入力' }).click();
  await expect(page).toHaveURL(new RegExp(`/adult/results\\?session=${sessionId}$`));
  const roster = page.getByRole('table', { name: '受診者の一覧' });
  await expect(roster.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('region', { name: '集団検診の受診者' }).getByRole('status')).toContainText(
    '2人 / 結果の入力が残っている方 2人',
  );
  await roster.getByRole('button', { name: `${people[0]!.name}の結果を入力` }).click();
  const form = page.getByRole('form', { name: '胃がん検診の結果' });
  const [yy, mm, dd] = sessionDate.split('-').map(Number);
  await expect(form.getByLabel('受診日')).toHaveValue(sessionDate);
  await expect(form.getByText(`令和${yy! - 2018}年${mm}月${dd}日`)).toBeVisible();
  await expect(form.getByLabel('受診区分')).toHaveValue('2');
  await expect(form.getByLabel('実施機関（医療機関コード・名称）')).toHaveCount(0);
  await form.getByLabel('受診日').press('Enter');
  await page.keyboard.press('Enter'); // 受診区分 (集団) → 検査方法
  await expect(form.getByLabel('検査方法')).toBeFocused();
  await page.keyboard.type('1'); // 胃部エックス線検査
  await page.keyboard.press('Enter');
  await page.keyboard.type('異常なし');
  await page.keyboard.press('Enter'); // 所見 → 判定
  await page.keyboard.type('1'); // 異常認めず
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // 備考: save
  await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toContainText(
    `${people[0]!.name}さん 胃がん検診 異常認めず`,
  );
  const row = roster.getByRole('row').filter({ hasText: people[0]!.atenaNo });
  await expect(row.getByRole('cell').nth(3)).toHaveText('入力済');
  // 肺がん検診 is still to be entered for both
  await expect(page.getByRole('region', { name: '集団検診の受診者' }).getByRole('status')).toContainText(
    '2人 / 結果の入力が残っている方 2人',
  );
});
