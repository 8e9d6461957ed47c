import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Download, expect, type Locator, type Page } from '@playwright/test';
import { formatWareki } from '../../src/server/platform/calendar/index.ts';

/** Password of every demo login (demo mode). */
export const demoPassword = 'sukoyaka2026';

/** Logs in through the ログイン screen and waits until the signed-in frame is shown. */
export async function login(page: Page, loginId: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/**
 * Signs in through the API (the page's context shares the session cookie) and opens `path`: faster
 * than the ログイン screen for tests about something else.
 */
export async function signIn(
  page: Page,
  loginId: string,
  path = '/',
  password = demoPassword,
): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { loginId, password } });
  expect(res.status(), `login ${loginId}`).toBe(200);
  await page.goto(path);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Logs out with the header button and waits for the ログイン screen. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'ログイン' })).toBeVisible();
}

/**
 * 個人番号 check digit: P1..P11 are the first 11 digits counted from the right, Q_n = n + 1 (n ≤ 6)
 * or n − 5 (n ≥ 7); r = ΣP·Q mod 11; the check digit is 0 when r ≤ 1, else 11 − r.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new Error(`not 11 digits: ${first11}`);
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** A valid 12-digit 個人番号 made from 11 digits. */
export const myNumber = (first11: string): string => `${first11}${myNumberCheckDigit(first11)}`;

/** The columns of a residents file (docs/interfaces/residents.md), in the order written. */
export const residentColumns = [
  '宛名番号',
  '世帯番号',
  '氏名',
  '氏名カナ',
  '生年月日',
  '性別',
  '続柄',
  '郵便番号',
  '住所',
  '方書',
  '電話番号',
  '住民状態',
  '異動事由',
  '異動日',
  '住民となった日',
  '住民でなくなった日',
  '支援措置',
  '個人番号',
] as const;
export type ResidentColumn = (typeof residentColumns)[number];
export type ResidentRow = Partial<Record<ResidentColumn, string>>;

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A residents CSV (header row + one line per row, CRLF) as text. */
export function residentsCsv(rows: ResidentRow[]): string {
  const lines = [residentColumns.join(',')];
  for (const r of rows) lines.push(residentColumns.map((c) => csvCell(r[c] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A short random token for file names and login ids (unique per run). */
export const token = (): string => `${Date.now().toString(36)}${randomInt(36 ** 4).toString(36)}`;

/**
 * `count` 10-digit numbers starting with `prefix` that are neither a 宛名番号 nor a 世帯番号 in the
 * database yet (checked through the search API with the page's session, which needs residents.search).
 */
export async function freeNumbers(
  request: APIRequestContext,
  prefix: string,
  count: number,
): Promise<string[]> {
  if (count > 100 || prefix.length > 6) throw new Error('freeNumbers: up to 100 numbers, prefix ≤ 6 digits');
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = randomInt(10 ** (8 - prefix.length)) * 100;
    const numbers = Array.from(
      { length: count },
      (_, i) => `${prefix}${String(base + i).padStart(10 - prefix.length, '0')}`,
    );
    let taken = false;
    for (const n of numbers) {
      for (const param of ['atenaNo', 'householdNo']) {
        const res = await request.get(`/api/residents?${param}=${n}&limit=1`);
        expect(res.status()).toBe(200);
        if ((await res.json()).total > 0) taken = true;
      }
      if (taken) break;
    }
    if (!taken) return numbers;
  }
  throw new Error('no free numbers found');
}

/** The row of one job in ジョブ一覧. */
export const jobRow = (page: Page, jobId: string): Locator =>
  page.getByRole('table', { name: 'ジョブ一覧' }).locator(`tr[data-job-id="${jobId}"]`);

/** The row of the job whose 処理 (title) is exactly `title`. */
export const jobRowByTitle = (page: Page, title: string): Locator =>
  page
    .getByRole('table', { name: 'ジョブ一覧' })
    .locator('tr[data-job-id]')
    .filter({ has: page.getByRole('cell', { name: title, exact: true }) });

/**
 * Uploads a residents file on バッチ・取込 and returns the new job's id (the row whose title holds the
 * unique file name). The page must be on /jobs.
 */
export async function startImport(
  page: Page,
  file: { name: string; content: Buffer; mode: 'full' | 'delta'; dryRun?: boolean },
): Promise<string> {
  const card = page.getByRole('region', { name: '住民記録取込' });
  await card.getByLabel('取込ファイル').setInputFiles({
    name: file.name,
    mimeType: 'text/csv',
    buffer: file.content,
  });
  await card.getByRole('radio', { name: file.mode === 'full' ? '全件' : '異動分' }).check();
  const dry = card.getByRole('checkbox', { name: '検証のみ（取り込まない）' });
  if (file.dryRun) await dry.check();
  else await dry.uncheck();
  await card.getByRole('button', { name: '取込開始' }).click();
  await expect(card.getByRole('status')).toContainText(file.name);
  const title = `住民記録取込（${file.mode === 'full' ? '全件' : '異動分'}${file.dryRun ? '・試行' : ''}）${file.name}`;
  const row = jobRowByTitle(page, title);
  await expect(row).toHaveCount(1);
  const id = await row.getAttribute('data-job-id');
  if (!id) throw new Error('job row without id');
  return id;
}

/** Waits until a job's progress bar reaches 100 % and its status badge says `status`. */
export async function expectJobDone(page: Page, jobId: string, status: '完了' | '要確認'): Promise<Locator> {
  const row = jobRow(page, jobId);
  await expect(row.getByRole('progressbar', { name: `ジョブ${jobId}の進捗` })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(row.getByRole('cell').nth(1)).toHaveText(status);
  return row;
}

/** The text content of a finished download. */
export async function downloadBytes(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Runs axe on the current page and expects no violation of impact serious or critical. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  expect(serious, `${screen}: axe violations (serious/critical)`).toEqual([]);
}

/** Today in Japan as YYYY-MM-DD. */
export function todayJst(): string {
  return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
}

// ---- 成人保健・郵送物 (F02-01, F02-02) ---------------------------------------------------------------

/** Removes every kind of white space (incl. the full-width space and PDF line breaks) for matching Japanese. */
export const compact = (s: string): string => s.replace(/\s/g, '');

/** A 令和 date 'YYYY-MM-DD' as staff type it in 和暦 shorthand: 2026-12-01 → R8.12.1. */
export function warekiInput(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (iso < '2019-05-01') throw new Error(`warekiInput: not a 令和 date: ${iso}`);
  return `R${y - 2018}.${m}.${d}`;
}

/** A person as GET /api/residents/:id returns it (the fields a residents file carries). */
export type ResidentJson = {
  id: number;
  atenaNo: string;
  householdNo: string | null;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  relationship: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  phone: string;
  status: string;
  residentSince: string | null;
  supportMeasure: boolean;
};

/** One person through the API with the page's session (needs residents.view). */
export async function residentOf(request: APIRequestContext, id: number): Promise<ResidentJson> {
  const res = await request.get(`/api/residents/${id}`);
  expect(res.status(), `resident ${id}`).toBe(200);
  return (await res.json()).resident as ResidentJson;
}

/** The 異動分 row that makes a person 転出 on `date` (YYYY-MM-DD), the other columns as now. */
export function moveOutRow(r: ResidentJson, date: string): ResidentRow {
  if (r.supportMeasure) throw new Error('moveOutRow: the address of a 支援措置対象者 is not readable');
  return {
    宛名番号: r.atenaNo,
    世帯番号: r.householdNo ?? '',
    氏名: r.name,
    氏名カナ: r.nameKana,
    生年月日: r.birthDate,
    性別: r.sex,
    続柄: r.relationship,
    郵便番号: r.postalCode,
    住所: r.address,
    方書: r.addressExtra,
    電話番号: r.phone,
    住民状態: '転出',
    異動事由: '転出',
    異動日: date,
    住民となった日: r.residentSince ?? '',
  };
}

/**
 * Makes the people 転出 on `date` through バッチ・取込 › 住民記録取込 (異動分, UTF-8) and waits until the
 * job is 完了 with one update per person. Leaves the page on /jobs.
 */
export async function moveOutByImport(
  page: Page,
  residentIds: number[],
  opts: { date: string; fileName: string },
): Promise<void> {
  const rows: ResidentRow[] = [];
  for (const id of residentIds) rows.push(moveOutRow(await residentOf(page.request, id), opts.date));
  await page.goto('/jobs');
  const jobId = await startImport(page, {
    name: opts.fileName,
    content: Buffer.from(residentsCsv(rows), 'utf8'),
    mode: 'delta',
  });
  const row = await expectJobDone(page, jobId, '完了');
  const n = rows.length;
  await expect(row.getByTestId('job-result')).toHaveText(
    `行数 ${n} / 正しい行 ${n} / 誤りのある行 0 / 新規 0 / 更新 ${n} / 変更なし 0`,
  );
}

/** Clicks `trigger` (a link or button that downloads) and returns the file name and bytes. */
export async function downloadOf(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await trigger.click();
  const d = await downloading;
  return { name: d.suggestedFilename(), bytes: await downloadBytes(d) };
}

/** The text of each page of a PDF, white space removed (pdf.js is loaded only when needed). */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  expect(pdf.subarray(0, 5).toString('latin1'), 'a PDF file').toBe('%PDF-');
  const { pdfText } = await import('../../src/server/platform/documents/pdf-text.ts');
  return (await pdfText(pdf)).map(compact);
}

/** The text of the first `count` pages of a PDF, white space removed (a long print run needs only a few). */
export async function pdfFirstPages(pdf: Buffer, count: number): Promise<string[]> {
  expect(pdf.subarray(0, 5).toString('latin1'), 'a PDF file').toBe('%PDF-');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(pdf.byteLength);
  data.set(pdf);
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(count, doc.numPages); n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(compact(content.items.map((i) => ('str' in i ? i.str : '')).join('')));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * 成人保健 › 対象者を抽出: chooses the kind (radio label) and, unless `programs` is 'default', exactly the
 * given programs (checkbox labels, e.g. 胃がん検診); waits until the modal opens the list. Returns its id.
 */
export async function extractList(
  page: Page,
  purpose: string,
  programs: string[] | 'default',
  opts: { session?: string } = {},
): Promise<number> {
  await page.goto('/adult');
  await page.getByRole('button', { name: '対象者を抽出' }).click();
  const dialog = page.getByRole('dialog', { name: '対象者抽出' });
  await dialog.getByRole('radio', { name: purpose, exact: true }).check();
  if (programs !== 'default') {
    // the only check boxes of the dialog are the programs of the 年度
    const boxes = dialog.getByRole('checkbox');
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) {
      const label = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
      if (programs.includes(label)) await box.check();
      else await box.uncheck();
    }
    for (const name of programs)
      await expect(dialog.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
  if (opts.session) await dialog.getByLabel('集団検診日程').selectOption({ label: opts.session });
  await dialog.getByRole('button', { name: '抽出を開始' }).click();
  await expect(page).toHaveURL(/\/adult\/lists\/\d+$/, { timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'リストの概要' })).toContainText('抽出済み');
  return Number(page.url().match(/\/adult\/lists\/(\d+)$/)![1]);
}

/** 郵送物を作成 on the list screen with 発送日 typed in 和暦; waits for the job and the 郵送物 screen. Returns its id. */
export async function createMailing(page: Page, sendDate: string): Promise<number> {
  await page.getByRole('button', { name: '郵送物を作成' }).click();
  const dialog = page.getByRole('dialog', { name: '郵送物を作成' });
  await dialog.getByLabel('発送日').fill(warekiInput(sendDate));
  await expect(dialog.getByLabel('発送日')).toHaveAccessibleDescription(
    `${formatWareki(sendDate)} (${sendDate.slice(0, 4)}年)`,
  );
  await dialog.getByRole('button', { name: '作成を開始' }).click();
  await expect(page).toHaveURL(/\/mailings\/\d+$/, { timeout: 60_000 });
  return Number(page.url().match(/\/mailings\/(\d+)$/)![1]);
}

/** A tab of the 郵送物 screen by its label (印刷対象, 引き抜きリスト, 要確認（支援措置）), whatever its count. */
export const mailingTab = (page: Page, name: string): Locator =>
  page.getByRole('tab', { name: new RegExp(`^${name.replace(/[()（）]/g, '\\$&')}（[\\d,]+）$`) });

/** Searches one tab of the 郵送物 screen (連番・宛名番号・氏名) and returns its table. */
export async function searchMailing(page: Page, tab: string, q: string): Promise<Locator> {
  await mailingTab(page, tab).click();
  const form = page.getByRole('form', { name: `${tab}の検索` });
  await form.getByLabel('連番・宛名番号・氏名').fill(q);
  await form.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(q)}`));
  return page.getByRole('table', { name: tab });
}

/** 1. 引き抜き確認 on the 郵送物 screen (inline up to 5,000 people). */
export async function checkMailing(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: '引き抜き確認' })
    .getByRole('button', { name: '引き抜き確認' })
    .click();
  await expect(page.getByLabel(/^進み具合: (引き抜き確認済み|印刷済み)$/)).toBeVisible();
}

/** The CSRF token of the page's session (for the few API calls a test makes itself). */
export async function csrfToken(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/auth/me');
  expect(res.status()).toBe(200);
  return (await res.json()).user.csrfToken as string;
}

/**
 * 支援措置対象者 held as 要確認: the first one is confirmed through 「送付を確認」 (送付する + what was
 * confirmed); the others, to keep the test short, through the same API call. Then the tab must be empty.
 * Returns how many were confirmed.
 */
export async function confirmPendingSupport(page: Page, mailingId: number, note: string): Promise<number> {
  const tab = mailingTab(page, '要確認（支援措置）');
  await tab.click();
  const items = async () => {
    const res = await page.request.get(`/api/mailings/${mailingId}/items?status=pending&limit=500`);
    expect(res.status()).toBe(200);
    return (await res.json()) as { rows: { residentId: number }[]; total: number };
  };
  const { total } = await items();
  await expect(tab).toHaveText(`要確認（支援措置）（${total.toLocaleString('ja-JP')}）`);
  if (total > 0) {
    const table = page.getByRole('table', { name: '要確認（支援措置）' });
    await table.getByRole('button', { name: '送付を確認' }).first().click();
    const dialog = page.getByRole('dialog', { name: '支援措置対象者の送付確認' });
    await dialog.getByRole('radio', { name: '送付する' }).check();
    await dialog.getByLabel('確認した内容').fill(note);
    await dialog.getByRole('button', { name: '確認を登録' }).click();
    await expect(dialog).toBeHidden();
    await expect(tab).toHaveText(`要確認（支援措置）（${(total - 1).toLocaleString('ja-JP')}）`);
    const headers = { 'x-csrf-token': await csrfToken(page.request) };
    for (const r of (await items()).rows) {
      const res = await page.request.post(`/api/mailings/${mailingId}/items/${r.residentId}/confirm`, {
        headers,
        data: { send: true, note },
      });
      expect(res.status()).toBe(200);
    }
    await page.reload();
  }
  await expect(tab).toHaveText('要確認（支援措置）（0）');
  await tab.click();
  await expect(page.getByText('要確認（支援措置）の方はいません。')).toBeVisible();
  return total;
}

/** 2. 印刷（PDF作成）: waits until printed and returns the download links of the PDF parts, in order. */
export async function printMailing(page: Page, opts: { watchProgress?: boolean } = {}): Promise<Locator> {
  const section = page.getByRole('region', { name: 'プレビューと印刷' });
  await section.getByRole('button', { name: '印刷（PDF作成）' }).click();
  // a long run (thousands of pages) shows its progress while the PDF parts are made
  if (opts.watchProgress) {
    await expect(section.getByRole('progressbar', { name: '印刷の進捗' })).toBeVisible();
    await expect(page.getByLabel('進み具合: 印刷中')).toBeVisible();
  }
  await expect(page.getByLabel('進み具合: 印刷済み')).toBeVisible({ timeout: 150_000 });
  await expect(section).toContainText(/作成したPDF（[\d,]+ページ/);
  return section.getByRole('link', { name: /\.pdf$/ });
}

/** 3. 送付情報の登録 with the 発送日 shown (the mailing's), confirmed in the dialog. */
export async function registerSend(page: Page, sendDateWareki: string): Promise<void> {
  const section = page.getByRole('region', { name: '送付情報の登録' });
  await expect(section.getByLabel('発送日')).toHaveValue(sendDateWareki);
  await section.getByRole('button', { name: '送付情報を登録' }).click();
  const dialog = page.getByRole('dialog', { name: '送付情報の登録' });
  await expect(dialog).toContainText(`発送日 ${sendDateWareki} の送付情報を登録します`);
  await dialog.getByRole('button', { name: '登録する' }).click();
  await expect(dialog).toBeHidden();
  await expect(section).toContainText('送付情報を登録しました');
  await expect(page.getByLabel('進み具合: 送付情報登録済み')).toBeVisible();
}

/** The 送付履歴 table of a resident (宛名画面, tab 送付履歴). */
export async function openSendHistory(page: Page, residentId: number, name: string): Promise<Locator> {
  await page.goto(`/residents/${residentId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await page.getByRole('tab', { name: '送付履歴' }).click();
  return page.getByRole('table', { name: '送付履歴' });
}
