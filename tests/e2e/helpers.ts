import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Download, expect, type Locator, type Page } from '@playwright/test';

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
