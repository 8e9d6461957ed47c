import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { addDays, formatWareki, nextBusinessDay } from '../../src/server/platform/calendar/index.ts';
import {
  checkMailing,
  compact,
  confirmPendingSupport,
  csrfToken,
  downloadOf,
  expectJobDone,
  expectNoSeriousA11yViolations,
  jobRowByTitle,
  login,
  logout,
  mailingTab,
  moveOutByImport,
  openSendHistory,
  pdfPages,
  printMailing,
  type ResidentJson,
  registerSend,
  residentOf,
  searchMailing,
  todayJst,
  token,
  warekiInput,
} from './helpers.ts';

/**
 * F02-02 検診案内（一括抽出）: 事業マスタ (自己負担金) → 対象者抽出 (5がん検診, job) → 除外 (入院中) → 転出 after
 * the extraction → 郵送物 (発送日 in 和暦) → 引き抜き確認 (転出 on the 引き抜きリスト, 支援措置 confirmed) →
 * プレビュー → 印刷 (PDF: coupon, the new fee, 受診券番号) → 送付情報 → 送付履歴 → CSV (Shift_JIS) → axe.
 * The tests share one list and one mailing, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

/**
 * One 事務 (jimu) page for the whole file, signed in by the second test (the first one uses an admin page), in
 * its own context: axe opens pages in it.
 */
let context: BrowserContext;
let page: Page;
test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
});
test.afterAll(async () => {
  await context.close();
});

const run = token();
const excludeNote = `E2E ${run} 3月まで入院`;
const colorectalFee = 600;

type Entry = {
  residentId: number;
  atenaNo: string;
  name: string;
  programs: string[];
  coupons: string[];
  included: boolean;
  supportMeasure: boolean;
  addedByHand: boolean;
};
type Counts = { total: number; included: number; excluded: number; byProgram: Record<string, number> };

let fy = 0;
let programNames: Record<string, string> = {};
let municipality = '';
let listId = 0;
let listTitle = '';
let mailingId = 0;
let sendDate = '';
let a: Entry;
let b: Entry;
let c: Entry;
let cPerson: ResidentJson;

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const count = (n: number) => n.toLocaleString('ja-JP');

async function getJson<T>(path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** A page of the list's entries through the API (limit 500 unless the query says otherwise). */
async function entries(query: string): Promise<{ rows: Entry[]; total: number }> {
  const q = new URLSearchParams(query);
  if (!q.has('limit')) q.set('limit', '500');
  return getJson(`/api/adult/lists/${listId}/entries?${q}`);
}

/** Someone whose name is nobody else's on the list (so the PDF can be checked for their absence). */
async function uniqueByName(candidates: Entry[], taken: Entry[]): Promise<Entry> {
  for (const e of candidates) {
    if (taken.some((t) => t.residentId === e.residentId || t.name === e.name)) continue;
    const same = await entries(`q=${encodeURIComponent(e.name)}`);
    if (same.total === 1) return e;
  }
  throw new Error('no one with a unique name on the list');
}

const listTable = () => page.getByRole('table', { name: '対象者' });
const listStatus = () => page.getByRole('status').filter({ hasText: /^該当/ });

async function searchList(q: string) {
  const form = page.getByRole('form', { name: '対象者の絞り込み' });
  await form.getByLabel('氏名・カナ・宛名番号').fill(q);
  await form.getByRole('button', { name: '検索', exact: true }).click();
}

test('事業マスタ（管理者）: 大腸がん検診の自己負担金を600円に、生活保護受給者の免除を外して保存', async ({
  browser,
}) => {
  const admin = await browser.newPage();
  try {
    await login(admin, 'admin');
    await admin
      .getByRole('navigation', { name: '業務メニュー' })
      .getByRole('link', { name: '管理', exact: true })
      .click();
    await admin.getByRole('link', { name: '事業マスタ（成人検診）' }).click();
    await expect(admin).toHaveURL(/\/adult\/programs$/);
    await expect(admin.getByLabel('年度')).toHaveValue(/^\d{4}$/);
    await expect(admin.getByLabel('年度').locator('option:checked')).toHaveText(/今年度/);

    const table = admin.getByRole('table', { name: '検診の一覧' });
    const row = table.getByRole('row').filter({ hasText: '大腸がん検診' });
    await row.getByRole('button', { name: '大腸がん検診を編集' }).click();
    const form = admin.getByRole('form', { name: '大腸がん検診の設定' });
    const method = form.getByRole('group', { name: /^検査方法 便潜血検査/ });
    await method.getByLabel('自己負担金', { exact: true }).fill(String(colorectalFee));
    // 大腸がん: 生活保護受給者 pay the fee in this city (the other programs keep the 指針 default: 免除)
    await expect(form.getByLabel('生活保護受給者', { exact: true })).toBeChecked();
    await form.getByLabel('生活保護受給者', { exact: true }).uncheck();
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await expect(form.getByRole('status')).toHaveText('保存しました。');
    await form.getByRole('button', { name: '閉じる', exact: true }).click();
    await expect(form).toBeHidden();
    await expect(row).toContainText(`便潜血検査（2日法） ${yen(colorectalFee)}`);
  } finally {
    await admin.close();
  }
});

test('対象者抽出（一括抽出・5がん検診）: ジョブが完了してリストが開き、人数が表示される', async () => {
  await login(page, 'jimu');
  const meta = await getJson<{ currentFiscalYear: number; programs: { code: string; name: string }[] }>(
    '/api/adult/meta',
  );
  fy = meta.currentFiscalYear;
  programNames = Object.fromEntries(meta.programs.map((p) => [p.code, p.name]));
  municipality = (await getJson<{ municipality: { name: string } }>('/api/settings/municipality'))
    .municipality.name;

  await page
    .getByRole('navigation', { name: '業務メニュー' })
    .getByRole('link', { name: '成人保健' })
    .click();
  await expect(page).toHaveURL(/\/adult$/);
  await page.getByRole('button', { name: '対象者を抽出' }).click();
  const dialog = page.getByRole('dialog', { name: '対象者抽出' });
  await expect(dialog.getByRole('radio', { name: '受診票送付対象者（一括抽出）' })).toBeChecked();
  // the five がん検診 are chosen by default, the others are not
  for (const name of ['胃がん検診', '大腸がん検診', '肺がん検診', '乳がん検診', '子宮頸がん検診'])
    await expect(dialog.getByRole('checkbox', { name, exact: true })).toBeChecked();
  for (const name of ['骨粗鬆症検診', '歯周疾患検診', '肝炎ウイルス検診'])
    await expect(dialog.getByRole('checkbox', { name, exact: true })).not.toBeChecked();
  await dialog.getByRole('button', { name: '抽出を開始' }).click();

  // the modal follows the job and opens the list when it is done
  await expect(page).toHaveURL(/\/adult\/lists\/\d+$/, { timeout: 60_000 });
  listId = Number(page.url().match(/\/adult\/lists\/(\d+)$/)![1]);
  const overview = page.getByRole('region', { name: 'リストの概要' });
  listTitle = (await overview.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(listTitle).toContain('受診票送付対象者（一括抽出）');
  await expect(overview).toContainText('抽出済み');

  const { list } = await getJson<{ list: { status: string; counts: Counts; jobId: number } }>(
    `/api/adult/lists/${listId}`,
  );
  expect(list.status).toBe('ready');
  const counts = list.counts;
  expect(counts.included).toBeGreaterThan(100);
  // demo 送付不要 registrations are on the list as 除外
  expect(counts.excluded).toBeGreaterThan(0);
  await expect(overview.getByText(`対象 ${count(counts.included)}人`)).toBeVisible();
  await expect(overview.getByText(`除外 ${count(counts.excluded)}人`)).toBeVisible();
  for (const [code, short] of [
    ['stomach', '胃がん'],
    ['colorectal', '大腸がん'],
    ['lung', '肺がん'],
    ['breast', '乳がん'],
    ['cervical', '子宮頸がん'],
  ] as const)
    await expect(overview.getByText(`${short} ${count(counts.byProgram[code] ?? 0)}人`)).toBeVisible();
  await expect(listStatus()).toHaveText(new RegExp(`^該当 ${count(counts.total)}人`));

  // the job's progress reached 100 % (ジョブ一覧)
  await page.goto('/jobs');
  const row = jobRowByTitle(page, `対象者抽出: ${listTitle}`);
  await expect(row).toHaveCount(1);
  const done = await expectJobDone(page, String(list.jobId), '完了');
  await expect(done).toContainText(`対象者 ${count(counts.included)}人、除外 ${counts.excluded}人`);
});

test('リスト: A・B・C（クーポン）を選び、A を入院中で除外すると除外理由とともに表示される', async () => {
  const sent = (await entries('included=true')).rows.filter((e) => !e.supportMeasure && !e.addedByHand);
  a = await uniqueByName(sent, []);
  b = await uniqueByName(sent, [a]);
  // C: a 乳がん coupon (40歳 in the previous 年度), so also of 大腸がん age
  // and of one more program without a coupon (its fee is 免除 after C's registration below)
  const coupons = (await entries('included=true&coupon=true&program=breast')).rows.filter(
    (e) =>
      !e.supportMeasure &&
      e.programs.includes('colorectal') &&
      e.coupons.includes('breast') &&
      e.programs.some((p) => p !== 'colorectal' && !e.coupons.includes(p)),
  );
  c = await uniqueByName(coupons, [a, b]);
  cPerson = await residentOf(page.request, c.residentId);

  await page.goto(`/adult/lists/${listId}`);
  // C through the クーポンのみ filter
  // (the box follows the URL: a plain click, then the state)
  await page.getByRole('checkbox', { name: 'クーポンのみ' }).click();
  await expect(page).toHaveURL(/coupon=1/);
  await expect(page.getByRole('checkbox', { name: 'クーポンのみ' })).toBeChecked();
  const couponTotal = (await entries('coupon=true')).total;
  await expect(listStatus()).toHaveText(new RegExp(`^該当 ${count(couponTotal)}人`));
  await searchList(c.atenaNo);
  await expect(listStatus()).toHaveText(/^該当 1人/);
  const cRow = listTable().getByRole('row').filter({ hasText: c.atenaNo });
  await expect(cRow).toContainText(c.name);
  await expect(cRow.getByRole('cell').nth(6)).toContainText('乳がん');
  await page.getByRole('button', { name: '条件をクリア' }).click();
  await expect(page.getByRole('checkbox', { name: 'クーポンのみ' })).not.toBeChecked();

  // A: 除外 with reason 入院中 and a note
  await searchList(a.atenaNo);
  await expect(listStatus()).toHaveText(/^該当 1人/);
  await listTable()
    .getByRole('button', { name: `${a.name}を除外` })
    .click();
  const dialog = page.getByRole('dialog', { name: '対象者リストから除外' });
  await expect(dialog).toContainText(`${a.name}（宛名番号 ${a.atenaNo}）`);
  await dialog.getByLabel('除外理由').selectOption({ label: '入院中' });
  await dialog.getByLabel('備考（任意）').fill(excludeNote);
  await dialog.getByRole('button', { name: '除外する' }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel('送付・除外').selectOption({ label: '除外' });
  await expect(page).toHaveURL(/show=excluded/);
  const aRow = listTable().getByRole('row').filter({ hasText: a.atenaNo });
  await expect(aRow).toContainText(a.name);
  await expect(aRow.getByRole('cell').nth(8)).toHaveText(`除外入院中（${excludeNote}）`);
  await expect(aRow.getByRole('button', { name: `${a.name}を戻す` })).toBeVisible();
  // and not among those to send
  await page.getByLabel('送付・除外').selectOption({ label: '送付' });
  await expect(listStatus()).toHaveText(/^該当 0人/);
});

test('抽出のあとで B が転出（住民記録取込・異動分）', async () => {
  await moveOutByImport(page, [b.residentId], { date: todayJst(), fileName: `転出_F02-02_${run}.csv` });
  expect((await residentOf(page.request, b.residentId)).status).toBe('moved_out');
  // the list keeps the extraction's result: B is still there, to be pulled out at the mailing
  expect((await entries(`q=${b.atenaNo}`)).rows.map((e) => e.included)).toEqual([true]);
});

test('宛名画面 › 成人検診: C に自己負担金の免除（生活保護受給者）を登録すると、和暦の開始日とともに表示される', async () => {
  await page.goto(`/residents/${c.residentId}`);
  await page.getByRole('tab', { name: '成人検診' }).click();
  const section = page.getByRole('region', { name: '自己負担金の免除' });
  await expect(section).toContainText('自己負担金の免除の登録はありません。');
  await section.getByRole('button', { name: '免除を登録' }).click();
  const dialog = page.getByRole('dialog', { name: '自己負担金の免除の登録' });
  await dialog.getByRole('button', { name: '登録', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('免除の種類を選んでください。');
  await dialog.getByLabel('免除の種類').selectOption({ label: '生活保護受給者' });
  await dialog.getByLabel('開始日').fill(warekiInput(`${fy}-04-01`));
  await dialog.getByRole('button', { name: '登録', exact: true }).click();
  await expect(dialog).toBeHidden();
  const row = section.getByRole('row').filter({ hasText: '生活保護受給者' });
  await expect(row).toContainText(formatWareki(`${fy}-04-01`));
  await expect(row).toContainText('期限なし');
});

test('郵送物を作成（発送日は和暦）→ 引き抜き確認: B は転出で引き抜き、A は郵送物にいない、支援措置を確認', async () => {
  sendDate = nextBusinessDay(addDays(todayJst(), 1));
  await page.goto(`/adult/lists/${listId}`);
  await page.getByRole('button', { name: '郵送物を作成' }).click();
  const dialog = page.getByRole('dialog', { name: '郵送物を作成' });
  const date = dialog.getByLabel('発送日');
  await date.fill(warekiInput(sendDate));
  await expect(dialog.getByText(`${formatWareki(sendDate)} (${sendDate.slice(0, 4)}年)`)).toBeVisible();
  await expect(dialog.getByLabel('送付方法')).toHaveValue('post');
  await dialog.getByRole('button', { name: '作成を開始' }).click();
  await expect(page).toHaveURL(/\/mailings\/\d+$/, { timeout: 60_000 });
  mailingId = Number(page.url().match(/\/mailings\/(\d+)$/)![1]);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `${listTitle} 受診票（券）（${formatWareki(sendDate)}発送）`,
  );
  await expect(page.getByText(`帳票名 受診票（券）`)).toContainText(`発送日 ${formatWareki(sendDate)}`);
  await expect(page.getByText('先に「引き抜き確認」を行ってください。')).toBeVisible();
  await expect(page.getByRole('button', { name: '印刷（PDF作成）' })).toBeDisabled();

  await checkMailing(page);
  await expect(page.getByLabel('進み具合: 引き抜き確認済み')).toBeVisible();

  // B: automatically on the 引き抜きリスト, reason 転出
  const pulled = await searchMailing(page, '引き抜きリスト', b.atenaNo);
  const bRow = pulled.getByRole('row').filter({ hasText: b.atenaNo });
  await expect(bRow).toContainText(b.name);
  await expect(bRow.getByRole('cell').nth(3)).toHaveText('転出');
  await expect(bRow.getByRole('cell').nth(4)).toHaveText('自動');

  // A: excluded from the list, so not in the mailing at all (no tab has them)
  await searchMailing(page, '印刷対象', a.atenaNo);
  await expect(page.getByText('条件に合う方はいません。')).toBeVisible();
  const all = await getJson<{ total: number }>(`/api/mailings/${mailingId}/items?q=${a.atenaNo}`);
  expect(all.total).toBe(0);

  // 支援措置対象者: held as 要確認 until someone confirms the send; printing is refused meanwhile
  await mailingTab(page, '要確認（支援措置）').click();
  const pending = (await getJson<{ total: number }>(`/api/mailings/${mailingId}/items?status=pending`)).total;
  expect(pending, 'the demo city has 支援措置対象者 among the targets').toBeGreaterThan(0);
  await expect(page.getByRole('alert').filter({ hasText: '支援措置対象者の送付確認' })).toBeVisible();
  await expect(page.getByRole('button', { name: '印刷（PDF作成）' })).toBeDisabled();
  const refused = await page.request.post(`/api/mailings/${mailingId}/print`, {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe('SUPPORT_MEASURE_PENDING');
  expect(await confirmPendingSupport(page, mailingId, `E2E ${run} 担当課に送付先を確認済み`)).toBe(pending);
  await expect(page.getByRole('button', { name: '印刷（PDF作成）' })).toBeEnabled();
});

test('プレビュー（1人分）は PDF', async () => {
  await page.goto(`/mailings/${mailingId}`);
  const table = await searchMailing(page, '印刷対象', c.atenaNo);
  const link = table.getByRole('link', { name: `${c.name}さんの帳票をプレビュー（新しいタブ）` });
  await expect(link).toHaveAttribute('target', '_blank');
  const href = (await link.getAttribute('href'))!;
  expect(href).toBe(`/api/mailings/${mailingId}/preview?residentId=${c.residentId}`);

  // a click opens a new tab with the PDF (Chromium may hand it over as a download instead)
  const popup = page.context().waitForEvent('page');
  const response = page.context().waitForEvent('response', (r) => r.url().endsWith(href));
  await link.click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  await (await popup).close();

  const again = await page.request.get(href);
  const preview = await pdfPages(await again.body());
  expect(preview).toHaveLength(1);
  expect(preview[0]).toContain(compact(c.name));
  expect(preview[0]).toContain('受診票（券）');
  expect(preview[0]).toContain(`${fy}-${c.atenaNo}`);
});

test('印刷（PDF作成）: 進捗のあと PDF をダウンロード。C の受診票（券）とクーポン、A・B はいない', async () => {
  test.setTimeout(180_000);
  await page.goto(`/mailings/${mailingId}`);
  const links = await printMailing(page, { watchProgress: true });

  const { mailing } = await getJson<{
    mailing: {
      counts: { included: number; pages: number };
      outputs: { name: string; from: number; to: number }[];
    };
  }>(`/api/mailings/${mailingId}`);
  expect(mailing.outputs.length).toBeGreaterThan(0);
  expect(mailing.counts.pages).toBe(mailing.counts.included);
  await expect(links).toHaveCount(mailing.outputs.length);

  const pages: string[] = [];
  for (const [i, o] of mailing.outputs.entries()) {
    const file = await downloadOf(page, links.nth(i));
    expect(file.name).toBe(o.name);
    expect(file.name).toMatch(new RegExp(`^受診票（券）_${formatWareki(sendDate)}_\\d{4}-\\d{4}\\.pdf$`));
    pages.push(...(await pdfPages(file.bytes)));
  }
  expect(pages).toHaveLength(mailing.counts.included);

  const cPages = pages.filter((p) => p.includes(`宛名番号${c.atenaNo}`));
  expect(cPages).toHaveLength(1);
  const cPage = cPages[0]!;
  expect(cPage).toContain(compact(`${c.name} 様`));
  expect(cPage).toContain(compact(cPerson.address + cPerson.addressExtra));
  expect(cPage).toContain(municipality);
  expect(cPage).toContain('受診票（券）');
  expect(cPage).toContain('がん検診無料クーポン券');
  expect(cPage).toMatch(/乳がん検診（クーポン）マンモグラフィ[^円]*無料（クーポン券）/);
  // the fee changed in the 事業マスタ before the extraction; 大腸がん does not exempt 生活保護 in this city
  expect(cPage).toContain(`大腸がん検診便潜血検査（2日法）${yen(colorectalFee)}`);
  // C's other program without a coupon: 免除 (registered on C's page)
  const other = c.programs.find((p) => p !== 'colorectal' && !c.coupons.includes(p))!;
  expect(cPage).toMatch(new RegExp(`${programNames[other]}[^円]*免除（生活保護受給者）`));
  expect(cPage).toContain(`${fy}-${c.atenaNo}`);

  const all = pages.join('\n');
  for (const gone of [a, b]) {
    expect(all, `${gone.name} is not printed`).not.toContain(compact(gone.name));
    expect(all).not.toContain(gone.atenaNo);
  }
});

test('送付情報を登録 → C の宛名画面「送付履歴」に受診票（券）と和暦の発送日', async () => {
  await page.goto(`/mailings/${mailingId}`);
  await registerSend(page, formatWareki(sendDate));

  const history = await openSendHistory(page, c.residentId, c.name);
  const record = history.getByRole('row').filter({ hasText: '受診票（券）' });
  await expect(record).toHaveCount(1);
  await expect(record.getByRole('cell').nth(0)).toHaveText(formatWareki(sendDate));
  await expect(record.getByRole('cell').nth(2)).toHaveText(
    formatWareki(`${fy}-04-01`).replace(/4月1日$/, '度'),
  );
  await expect(record.getByRole('cell').nth(3)).toHaveText('郵送');
  await expect(record.getByRole('cell').nth(5)).toContainText(cPerson.address);

  // B (転出, pulled out) has no record of this mailing
  const bHistory = await getJson<{ records: { mailingId: number | null }[] }>(
    `/api/residents/${b.residentId}/send-records`,
  );
  expect(bHistory.records.filter((r) => r.mailingId === mailingId)).toEqual([]);
});

test('郵送物一覧: 状態「送付情報登録済み」で絞ると、この郵送物が和暦の発送日とともにあり、開ける', async () => {
  await page.goto(`/adult?fy=${fy}`);
  await page.getByRole('link', { name: '郵送物一覧' }).click();
  await page.getByLabel('状態').selectOption({ label: '送付情報登録済み' });
  await expect(page).toHaveURL(/status=sent/);
  const row = page
    .getByRole('table', { name: '郵送物（発送日の新しい順）' })
    .getByRole('row')
    .filter({ has: page.locator(`a[href="/mailings/${mailingId}"]`) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(formatWareki(sendDate));
  await expect(row).toContainText('送付情報登録済み');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/mailings/${mailingId}$`));
});

test('リストの CSV出力（Shift_JIS・列を選ぶ）: 見出しと C の行', async () => {
  await page.goto(`/adult/lists/${listId}`);
  await page.getByRole('button', { name: 'CSV出力' }).click();
  const dialog = page.getByRole('dialog', { name: 'CSV出力' });
  await expect(dialog.getByRole('radio', { name: '送付のみ' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Shift_JIS (Excel)' }).check();
  await dialog.getByRole('button', { name: 'すべて解除' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('出力する列を1つ以上選んでください。');
  const columns = ['宛名番号', '氏名', '対象検診', 'クーポン', '受診券番号'];
  for (const col of columns)
    await dialog.getByRole('checkbox', { name: `出力列 ${col}`, exact: true }).check();
  const file = await downloadOf(page, dialog.getByRole('link', { name: 'CSV出力' }));
  expect(file.name).toMatch(/\.csv$/);
  expect([...file.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)).toThrow();
  const lines = iconv.decode(file.bytes, 'cp932').split('\r\n');
  expect(lines[0]).toBe(columns.join(','));
  const names = (codes: string[]) => codes.map((p) => programNames[p]).join('・');
  expect(lines.filter((l) => l.startsWith(`${c.atenaNo},`))).toEqual([
    [c.atenaNo, c.name, names(c.programs), names(c.coupons), `${fy}-${c.atenaNo}`].join(','),
  ]);
  expect(names(c.coupons)).toContain('乳がん検診');
  // 送付のみ: A (除外) is not in it; everyone else sent is
  expect(lines.some((l) => l.startsWith(`${a.atenaNo},`))).toBe(false);
  const sent = (await entries('included=true&limit=1')).total;
  expect(lines.filter(Boolean)).toHaveLength(sent + 1);
});

test('アクセシビリティ（axe）: 対象者リスト（除外の方）と郵送物（引き抜きリスト）の画面', async () => {
  // a short page of each (axe over 100 rows takes long on a busy machine): the 除外 and 引き抜き states
  await page.goto(`/adult/lists/${listId}?show=excluded`);
  await expect(listTable().getByRole('row').filter({ hasText: a.atenaNo })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '対象者リスト');
  await page.goto(`/mailings/${mailingId}?tab=pulled_out`);
  await expect(
    page.getByRole('table', { name: '引き抜きリスト' }).getByRole('row').filter({ hasText: b.atenaNo }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, '郵送物');
  await logout(page);
});
