import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { addMonthsClamped, formatWareki } from '../../src/server/platform/calendar/index.ts';
import { expectNoSeriousA11yViolations, login, todayJst, warekiInput } from './helpers.ts';
import { addChild, entryForm, openPerson, typeRecord } from './vaccination-helpers.ts';

/**
 * 市町村独自の予防接種 (任意接種の費用助成): an administrator adds おたふくかぜ（1歳から3歳に至るまで, 1回, 3,000円）
 * in 予防接種 › 市町村独自の予防接種 (a national code is refused with the reason); a nurse opens a 2-year-old and
 * sees the おたふくかぜ row as 接種可能, records the dose with the keyboard (助成の対象), the row becomes 接種済; the
 * administrator retires it (confirmation) and a new child no longer sees it.
 */
test.describe.configure({ mode: 'serial' });

let adminContext: BrowserContext;
let admin: Page;
let nurseContext: BrowserContext;
let nurse: Page;
const label = 'おたふくかぜ（任意接種助成）';
const today = todayJst();
const twoYearsOld = addMonthsClamped(today, -26);

const municipalRegion = (page: Page) =>
  page.getByRole('region', { name: '市町村独自の予防接種（任意接種助成）' });
const mumpsRow = (page: Page) =>
  municipalRegion(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: label, exact: true }) });

test.beforeAll(async ({ browser }) => {
  adminContext = await browser.newContext();
  admin = await adminContext.newPage();
  await login(admin, 'admin');
  nurseContext = await browser.newContext();
  nurse = await nurseContext.newPage();
  await login(nurse, 'hokenshi');
});
test.afterAll(async () => {
  await adminContext.close();
  await nurseContext.close();
});

test('管理者がおたふくかぜ（1歳から3歳、1回、3,000円）を登録する', async () => {
  await admin.goto('/vaccination/municipal');
  await expect(
    admin.getByRole('heading', { name: '市町村独自の予防接種（任意接種の費用助成）' }),
  ).toBeVisible();
  await admin.getByRole('button', { name: '予防接種を登録' }).click();
  const dialog = admin.getByRole('dialog', { name: '市町村独自の予防接種の登録' });
  await expect(dialog.getByLabel('コード')).toBeFocused();
  // keyboard: each value then Enter; the selects keep their defaults (…歳) except 種類
  await admin.keyboard.type('mr1');
  await admin.keyboard.press('Enter');
  await admin.keyboard.type('おたふくかぜ');
  await admin.keyboard.press('Enter');
  await dialog.getByLabel('種類').selectOption({ label: '注射生ワクチン' });
  await dialog.getByRole('textbox', { name: '対象年齢（から）' }).fill('1');
  await dialog.getByRole('textbox', { name: '対象年齢（まで）' }).fill('3');
  await expect(dialog.getByRole('status', { name: '対象年齢の表示' })).toHaveText(
    '対象年齢: 1歳から3歳に至るまで',
  );
  await dialog.getByRole('textbox', { name: '助成額（円/回）' }).fill('3000');
  await dialog.getByRole('textbox', { name: '助成の開始日' }).fill('R2.4.1');
  await dialog.getByRole('textbox', { name: '備考' }).focus();
  await admin.keyboard.press('Enter');
  await expect(dialog.getByLabel('コード')).toHaveAccessibleDescription(/定期接種のワクチンのコードです/);
  await dialog.getByLabel('コード').fill('MUMPS');
  await dialog.getByRole('textbox', { name: '備考' }).focus();
  await admin.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const row = admin
    .getByRole('table', { name: '市町村独自の予防接種の一覧' })
    .locator('tr[data-code="MUMPS"]');
  for (const text of [
    'おたふくかぜ',
    '注射生ワクチン',
    '1歳から3歳に至るまで',
    '1回',
    '3,000円',
    '令和2年4月1日〜',
    '実施中',
  ])
    await expect(row).toContainText(text);
  await expectNoSeriousA11yViolations(admin, '市町村独自の予防接種');
});

test('2歳の子ではおたふくかぜが接種可能と表示され、キーボードで記録すると接種済になる', async () => {
  const child = await addChild(nurse, twoYearsOld);
  await openPerson(nurse, child.atenaNo, child.name);
  await expect(mumpsRow(nurse)).toContainText('1回目');
  await expect(mumpsRow(nurse)).toContainText('接種可能');
  await expect(mumpsRow(nurse)).toContainText('助成額 3,000円');
  await typeRecord(nurse, { vaccine: 'MUMPS', date: warekiInput(today), institution: 'すこやか小児科' });
  const form = entryForm(nurse);
  await expect(form.getByRole('alert')).toHaveCount(0);
  await nurse.keyboard.press('Enter');
  await expect(nurse.getByRole('status').filter({ hasText: '保存しました' })).toHaveText(
    `保存しました: ${label} 1回目（${formatWareki(today)}）（任意接種助成の対象）。`,
  );
  await expect(mumpsRow(nurse)).toContainText('接種済');
  await expect(mumpsRow(nurse)).toContainText(formatWareki(today));
  const records = nurse.getByRole('region', { name: '接種の記録' });
  await expect(records).toContainText(label);
  await expect(records).toContainText('任意接種助成');
  await expectNoSeriousA11yViolations(nurse, '予防接種（市町村独自）');
});

test('管理者が廃止すると、新しい子には表示されない（記録は残る）', async () => {
  await admin.getByRole('button', { name: 'おたふくかぜを廃止' }).click();
  const confirm = admin.getByRole('dialog', { name: '予防接種の廃止' });
  await expect(confirm).toContainText('これまでの接種の記録は残ります');
  await confirm.getByRole('button', { name: '廃止する' }).click();
  await expect(admin.getByRole('status')).toHaveText('おたふくかぜを廃止しました。');
  const row = admin
    .getByRole('table', { name: '市町村独自の予防接種の一覧' })
    .locator('tr[data-code="MUMPS"]');
  await expect(row).toContainText('廃止');
  await expect(admin.getByRole('button', { name: 'おたふくかぜを廃止' })).toHaveCount(0);

  const other = await addChild(nurse, twoYearsOld, '2');
  await nurse.goto('/'); // a fresh 予防接種 screen (the search field has the focus)
  await openPerson(nurse, other.atenaNo, other.name);
  await expect(nurse.getByRole('region', { name: '接種スケジュール' })).toBeVisible();
  await expect(mumpsRow(nurse)).toHaveCount(0);
  await expect(
    entryForm(nurse).getByRole('textbox', { name: 'ワクチン', exact: true }),
  ).not.toHaveAccessibleDescription(/おたふくかぜ/);
});
