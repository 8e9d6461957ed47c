import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { login, todayJst, warekiInput } from './helpers.ts';
import { addChild } from './vaccination-helpers.ts';

/**
 * F07-01 出生時状況: a 出生連絡票 received at the counter is typed with the keyboard for a newborn (Enter from field to
 * field, Enter on the last registers); the mother is found by her 宛名番号; the 母子カード shows the birth with the
 * 低出生体重 badge and the child is registered for follow-up.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

const daysAgo = (n: number) =>
  new Date(Date.parse(`${todayJst()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
});
test.afterAll(async () => {
  await context.close();
});

test('出生連絡票をキーボードで登録し、母子カードに低出生体重が表示される', async () => {
  const mother = await addChild(page, '1994-06-15', '2');
  const child = await addChild(page, daysAgo(6));
  await page.goto('/maternal/children');
  await expect(page.getByRole('heading', { name: '母子カード（出生連絡票・新生児聴覚検査）' })).toBeVisible();
  const search = page.getByLabel('宛名番号・氏名・カナ・生年月日');
  await expect(search).toBeFocused();
  await search.fill(child.atenaNo);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/maternal/children/${child.id}$`));
  await expect(page.getByRole('region', { name: '子の情報' })).toContainText(child.name);

  const form = page.getByRole('form', { name: '出生連絡票の入力' });
  const motherSearch = form.getByLabel('宛名番号・氏名・カナ・生年月日');
  await motherSearch.fill(mother.atenaNo);
  await motherSearch.press('Enter');
  await expect(form.getByRole('status').first()).toContainText(mother.name);

  // keyboard only from the 受理日: each value, then Enter to the next field
  await form.getByLabel('受理日').focus();
  const steps: Array<string | null> = [
    warekiInput(daysAgo(1)), // 受理日
    null, // 受理の経路: 来所 (as preselected)
    '10:05', // 出生時刻
    '2300', // 出生時体重 g
    '45.5', // 身長 cm
    '31.0', // 頭囲
    '29.5', // 胸囲
    '36', // 在胎週数（週）
    '4', // 在胎週数（日）
    'ArrowDown', // 分娩方法: 経腟分娩
    '', // 出生順
    '8', // アプガー 1分
    '9', // アプガー 5分
    null, // 立会者
    'すこやか市', // 出生場所
    'すこやか産院', // 医療機関名
    '', // 特記事項
  ];
  for (const s of steps) {
    if (s === 'ArrowDown') await page.keyboard.press('ArrowDown');
    else if (s) {
      await page.keyboard.press('ControlOrMeta+a'); // replaces what is there (the 受理日 starts as today)
      await page.keyboard.type(s);
    }
    await page.keyboard.press('Enter');
  }
  await expect(form.getByLabel('備考')).toBeFocused();
  await page.keyboard.press('Enter'); // the last field: registers

  await expect(page.getByRole('status').filter({ hasText: '出生連絡票を登録しました' })).toContainText(
    '低出生体重（2,300g）',
  );
  const birth = page.getByRole('region', { name: '出生時の状況（出生連絡票）' });
  await expect(birth).toContainText('2,300g');
  await expect(birth).toContainText('45.5cm');
  await expect(birth).toContainText('36週4日');
  await expect(birth).toContainText('経腟分娩');
  await expect(birth).toContainText(mother.name);
  await expect(birth.getByText('低出生体重', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '子の情報' }).getByText('低出生体重')).toBeVisible();
  const followUps = page.getByRole('region', { name: 'フォロー' });
  await expect(followUps).toContainText('出生連絡票');
  await expect(followUps).toContainText('低出生体重（2,300g）');
  await expect(followUps).toContainText('早産（在胎36週4日）');

  // the recent list of the search page shows it with the badge
  await page.goto('/maternal/children');
  const row = page
    .getByRole('table', { name: '最近の出生連絡票' })
    .getByRole('row', { name: new RegExp(child.atenaNo) });
  await expect(row).toContainText('低出生体重');
});
