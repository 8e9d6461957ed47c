import { expect, type Locator, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { csrfToken } from './helpers.ts';

const imports = '/api/maternal/checkups/imports';

/** A punch contractor's file: Shift_JIS, CRLF (Shift_JIS has no 「−」 U+2212: punch files write 「－」). */
export const sjisCsv = (rows: string[][]): Buffer =>
  iconv.encode(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'cp932');

/**
 * The 取込設定 the clerk made once from the contractor's header (「ファイルの見出しから自動で対応づける」 over the API).
 * Names are unique per import kind and specs share one database run: give each spec its own name.
 */
export async function addCheckupImportSetting(page: Page, name: string, header: string[]): Promise<void> {
  const suggest = await page.request.get(
    `${imports}/settings/suggest?header=${encodeURIComponent(header.join(','))}`,
  );
  expect(suggest.ok(), await suggest.text()).toBe(true);
  const { mapping } = (await suggest.json()) as { mapping: { column: string; field: string }[] };
  expect(mapping).toHaveLength(header.length);
  const made = await page.request.post(`${imports}/settings`, {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: { name, format: 'csv', encoding: 'auto', hasHeader: true, recordElement: null, mapping },
  });
  expect(made.ok(), await made.text()).toBe(true);
}

export type CheckupResultJson = {
  id: number;
  kind: string;
  referralFromId: number | null;
  voucherNo: string;
};

/** A result saved over the API (POST /api/maternal/checkups), as the entry screen saves it. */
export async function saveCheckup(
  page: Page,
  data: {
    voucherNo: string;
    category?: 'checkup' | 'detailed';
    examinedOn: string;
    institution: string;
    judgement: string;
    items: Record<string, unknown>;
  },
): Promise<CheckupResultJson> {
  const res = await page.request.post('/api/maternal/checkups', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data,
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: CheckupResultJson }).result;
}

/** The visit of a 受診券ID as the screen reads it: the voucher's result and the 精密健診 linked to it. */
export async function checkupVisit(
  page: Page,
  voucherNo: string,
): Promise<{ result: CheckupResultJson | null; detailed: CheckupResultJson | null }> {
  const res = await page.request.get(`/api/maternal/checkups/vouchers/${voucherNo}`);
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as { result: CheckupResultJson | null; detailed: CheckupResultJson | null };
}

/** The shared import panel of the 「パンチ・OCR の取込」 tab of /maternal/checkups. */
export const importPanel = (page: Page): Locator =>
  page.getByRole('region', { name: '取込の点検と取り込み' });
export const importDone = (page: Page): Locator =>
  importPanel(page).getByRole('status').filter({ hasText: '取り込みました' });

/** Chooses a file and checks it (取り込む前の点検); returns the 件数 line. */
export async function checkImportFile(page: Page, name: string, content: Buffer): Promise<Locator> {
  await page
    .getByLabel('取り込むファイル（CSV・XML）')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: '確認する（取り込む前の点検）' }).click();
  await expect(importPanel(page)).toContainText(name);
  return importPanel(page).getByRole('status').filter({ hasText: '件数:' });
}
