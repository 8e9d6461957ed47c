import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  compact,
  csrfToken,
  expectNoSeriousA11yViolations,
  login,
  pdfPages,
  todayJst,
  warekiInput,
} from './helpers.ts';
import { addChild, entryForm, openPerson, typeRecord } from './vaccination-helpers.ts';

/**
 * F11a-05 予防接種健康被害救済制度: a child's ヒブ dose is recorded; the mother's claim (医療費・医療手当) is registered
 * with the keyboard and the dose attached (予防接種歴照会), the 請求書 is ticked as received, the claim is forwarded
 * to the prefecture and the 進達書 printed (PDF read back), the 認定 (医療費) is recorded and the notice to the
 * mother at her own address printed (PDF read back: her name, the vaccine, 認定), and the case list shows 認定.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let child: { id: number; atenaNo: string; name: string };
let caseId = 0;
let caseNo = '';
const on = todayJst();

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
  child = await addChild(page, '2023-12-01');
  await openPerson(page, child.atenaNo, child.name);
  await typeRecord(page, {
    vaccine: 'HIB',
    date: 'R6.2.5',
    lot: 'RELIEF1',
    institution: 'すこやか小児科',
    source: '1',
  });
  await page.keyboard.press('Enter');
  await expect(entryForm(page).getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '接種の記録' })).toContainText('接種の記録（1件）');
});
test.afterAll(async () => {
  await context.close();
});

const mother = () => `救済 母${child.atenaNo.slice(-4)}`;

test('請求を受け付ける（キーボードで入力し、接種記録を紐付ける）', async () => {
  await page
    .getByRole('navigation', { name: '予防接種のメニュー' })
    .getByRole('link', { name: '健康被害救済' })
    .click();
  await expect(page).toHaveURL(/\/vaccination\/relief$/);
  await page.getByRole('button', { name: '請求を受け付ける' }).click();
  const search = page.getByLabel('宛名番号・氏名・カナ・生年月日');
  await expect(search).toBeFocused();
  await search.fill(child.atenaNo);
  await search.press('Enter');
  const form = page.getByRole('form', { name: '健康被害救済の請求の受付' });
  const record = form.getByRole('checkbox', { name: /ヒブ.*令和6年2月5日/ });
  await expect(record).toBeFocused();
  await page.keyboard.press('Space'); // 予防接種歴照会: the dose the claim is about (fills ワクチン・接種日)
  await page.keyboard.press('Enter');
  await expect(form.getByRole('textbox', { name: 'ワクチン', exact: true })).toBeFocused();
  await page.keyboard.press('Enter'); // ワクチン (from the record)
  await page.keyboard.press('Enter'); // 接種日 (from the record)
  await page.keyboard.press('Enter'); // 受理日 (today)
  for (const value of [mother(), '母', '0000-11-2222', '765-4321', 'となり市南町二丁目3番4号']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(form.getByText('接種の類型: A類')).toBeVisible();
  await expect(form.getByRole('checkbox', { name: /遺族年金/ })).toBeDisabled();
  await expect(form.getByRole('checkbox', { name: '医療費', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('checkbox', { name: '医療手当', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await form.getByLabel('症状・経過の概要').focus();
  await page.keyboard.type('接種翌日に発熱とけいれん。入院3日。');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('備考')).toBeFocused();
  await expectNoSeriousA11yViolations(page, '健康被害救済 請求の受付');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/vaccination\/relief\/\d+$/);
  caseId = Number(page.url().split('/').pop());
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/健康被害救済の請求 \d{4}-\d{4}/);
  caseNo = (await heading.textContent())!.replace('健康被害救済の請求 ', '').trim();
  const summary = page.getByRole('region', { name: '請求の概要' });
  await expect(summary).toContainText('受理');
  await expect(summary).toContainText(mother());
  await expect(summary).toContainText('ヒブ（単独）（A類）');
  await expect(summary).toContainText('医療費、医療手当');
  await expect(
    page.getByRole('region', { name: '予防接種歴' }).getByRole('checkbox', { name: /ヒブ/ }),
  ).toBeChecked();
  await expect(page.getByRole('region', { name: '経過' })).toContainText('請求書等受理');

  // the claimant's phone changed: corrected at the version shown
  await page.getByRole('button', { name: '請求者・請求の内容を修正する' }).click();
  const edit = page.getByRole('form', { name: '請求の修正' });
  await edit.getByLabel('請求者の電話番号').fill('0000-33-4444');
  await edit.getByLabel('請求者の電話番号').press('Enter');
  await edit.getByRole('button', { name: /修正を保存/ }).click();
  await expect(edit).toHaveCount(0);
  await expect(summary).toContainText('電話 0000-33-4444');
});

test('請求書類を受理し、進達して進達書を印刷する', async () => {
  const docs = page.getByRole('region', { name: '請求書類' });
  const claimForm = docs.getByLabel('請求書（給付の種類ごと）の受理日');
  await claimForm.fill(warekiInput(on));
  await claimForm.press('Enter');
  await docs.getByRole('button', { name: /書類の受理を保存/ }).click();
  await expect(docs.getByRole('heading', { name: /請求書類（受理 1件／/ })).toBeVisible();

  const forward = page.getByRole('region', { name: '進達の登録' });
  await forward.getByLabel('進達の備考（送付方法・添付資料など）').fill('県保健所へ持参');
  await forward.getByRole('button', { name: /進達を登録/ }).click();
  const summary = page.getByRole('region', { name: '請求の概要' });
  await expect(summary).toContainText('進達済');
  await expect(page.getByRole('region', { name: '経過' })).toContainText('都道府県へ進達');

  const letter = page.getByRole('region', { name: '進達書の印刷' });
  await letter.getByLabel('宛先（都道府県知事）').fill('すこやか県知事');
  const response = page.waitForResponse((r) =>
    r.url().endsWith(`/api/vaccination/relief/${caseId}/forward-letter`),
  );
  const popup = page.context().waitForEvent('page');
  await letter.getByRole('button', { name: '進達書を印刷' }).click();
  expect((await response).status()).toBe(200);
  await (await popup).close();
  const again = await page.request.post(`/api/vaccination/relief/${caseId}/forward-letter`, {
    data: { addressee: 'すこやか県知事' },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(again.status(), await again.text()).toBe(200);
  const [first] = await pdfPages(await again.body());
  expect(first).toContain('すこやか県知事様');
  expect(first).toContain(compact('予防接種健康被害救済給付の請求について（進達）'));
  expect(first).toContain(caseNo);
  expect(first).toContain(compact(child.name));
  expect(first).toContain('請求書（給付の種類ごと）');
  expect(first).toContain('令和6年2月5日');
});

test('認定を登録して請求者あての通知を印刷し、一覧に認定と出る', async () => {
  const decision = page.getByRole('region', { name: '認定・否認の登録' });
  await decision.getByLabel('決定日（厚生労働大臣の認定・否認の日）').fill(warekiInput(on));
  await decision.getByRole('checkbox', { name: '医療手当', exact: true }).uncheck();
  await decision.getByRole('button', { name: /結果を登録/ }).click();
  const summary = page.getByRole('region', { name: '請求の概要' });
  await expect(summary.getByText('認定', { exact: true })).toBeVisible();
  await expect(summary).toContainText('認定された給付医療費');

  const notice = page.getByRole('region', { name: '通知の印刷' });
  await expect(notice).toContainText(`宛先: ${mother()} 様（〒7654321 となり市南町二丁目3番4号）`);
  const response = page.waitForResponse((r) => r.url().endsWith(`/api/vaccination/relief/${caseId}/notice`));
  const popup = page.context().waitForEvent('page');
  await notice.getByRole('button', { name: '通知を印刷' }).click();
  expect((await response).status()).toBe(200);
  await (await popup).close();
  await expect(page.getByRole('region', { name: '経過' })).toContainText('請求者へ通知');
  await expect(notice).toContainText('送付記録:');
  await expectNoSeriousA11yViolations(page, '健康被害救済 請求記録');

  // the browser keeps that body: the same notice again over the API (a 再発行) at the version now shown
  const file = (await (await page.request.get(`/api/vaccination/relief/${caseId}`)).json()) as {
    case: { version: number };
  };
  const again = await page.request.post(`/api/vaccination/relief/${caseId}/notice`, {
    data: { version: file.case.version, method: 'post' },
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(again.status(), await again.text()).toBe(200);
  const [first] = await pdfPages(await again.body());
  const { municipality: m } = (await (await page.request.get('/api/settings/municipality')).json()) as {
    municipality: { mayorTitle: string; mayorName: string };
  };
  expect(first).toContain(compact(`${mother()} 様`));
  expect(first).toContain('となり市南町二丁目3番4号');
  expect(first).toContain(compact('予防接種健康被害救済給付の認定について（通知）'));
  expect(first).toContain('ヒブ');
  expect(first).toContain('認定された給付医療費');
  expect(first).toContain(compact(`${m.mayorTitle} ${m.mayorName}`));

  // two send records to the mother in the child's 送付履歴
  const history = await page.request.get(`/api/residents/${child.id}/send-records`);
  const { records } = (await history.json()) as { records: { purpose: string; recipientName: string }[] };
  expect(records.filter((r) => r.purpose === 'vaccination.relief-notice')).toEqual([
    expect.objectContaining({ recipientName: mother() }),
    expect.objectContaining({ recipientName: mother() }),
  ]);

  await page.getByRole('link', { name: '← 請求の一覧へ' }).click();
  await page.getByLabel('状態').selectOption({ label: '認定' });
  await expect(page).toHaveURL(/status=recognized/);
  const row = page
    .getByRole('table', { name: '健康被害救済の請求' })
    .getByRole('row')
    .filter({ hasText: caseNo });
  await expect(row).toContainText('認定');
  await expect(row).toContainText(mother());
  await expectNoSeriousA11yViolations(page, '健康被害救済 請求の一覧');
});
