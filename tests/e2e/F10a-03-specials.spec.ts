import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { addDays } from '../../src/server/platform/calendar/index.ts';
import { login, todayJst } from './helpers.ts';
import { addChild, openPerson, scheduleRow } from './vaccination-helpers.ts';

/**
 * F10a-03 窓口（特例・除外）: the parent says the child had 水痘; the nurse registers 既罹患 for 水痘 (施行令第3条: 既罹患
 * excludes) with the keyboard, the schedule no longer offers 水痘; the registration was a mistake, so it is ended with
 * the reason and 水痘 is offered again. Both steps stay in the list of ended registrations.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let child: { id: number; atenaNo: string; name: string };
/** about 1歳2か月 today: in the 水痘 window */
const birth = addDays(todayJst(), -440);

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  child = await addChild(page, birth, '1');
});
test.afterAll(async () => {
  await context.close();
});

const panel = () => page.getByRole('region', { name: '特例・除外' });

test('既罹患（水痘）を登録すると、水痘の接種は対象外になる', async () => {
  await openPerson(page, child.atenaNo, child.name);
  await expect(panel()).toContainText('登録はありません');
  await expect(scheduleRow(page, '水痘', '1回目')).toContainText('接種時期');

  await panel().getByRole('button', { name: '特例・除外を登録' }).click();
  const form = page.getByRole('form', { name: '特例・除外の登録' });
  const kind = form.getByLabel('種類');
  await expect(kind).toBeFocused();
  await kind.selectOption({ label: '既罹患・除外' });
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(form.getByRole('alert')).toContainText('対象疾病を選んでください');
  await form.getByLabel('対象疾病').selectOption({ label: '水痘' });
  await form.getByLabel('理由').selectOption({ label: '既罹患' });
  await form.getByLabel('備考').fill('保護者の申告（2025年に罹患）');
  await form.getByLabel('備考').press('Enter');
  await expect(form).toHaveCount(0);

  await expect(panel().getByRole('table')).toContainText('既罹患・除外: 水痘（既罹患）');
  await expect(panel().getByRole('table')).toContainText('保護者の申告（2025年に罹患）');
  await expect(scheduleRow(page, '水痘', '1回目')).toHaveCount(0);
  await page.getByLabel('対象外の接種も表示').check({ force: true });
  const varicella = page
    .getByRole('region', { name: '接種スケジュール' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: '水痘', exact: true }) });
  await expect(varicella).toHaveCount(1);
  await expect(varicella).toContainText('対象外');
  await expect(varicella).toContainText(
    '既にかかったことがあるため対象外です（保護者の申告（2025年に罹患））',
  );
  await expect(scheduleRow(page, '麻しん風しん 第1期', '1回')).toContainText('接種時期');
});

test('誤って登録した除外は理由を入れて終了し、水痘がまた受けられる', async () => {
  await panel().getByRole('button', { name: '終了' }).click();
  const dialog = page.getByRole('form', { name: '特例・除外の登録の終了' });
  await dialog.getByLabel('終了する理由').fill('誤登録（罹患したのは兄）');
  await dialog.getByRole('button', { name: '終了する' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel()).toContainText('登録はありません');
  await expect(scheduleRow(page, '水痘', '1回目')).toContainText('接種時期');
  await panel().getByRole('button', { name: '終了した登録（1件）' }).click();
  await expect(panel().getByRole('table')).toContainText('終了（誤登録（罹患したのは兄））');
});
