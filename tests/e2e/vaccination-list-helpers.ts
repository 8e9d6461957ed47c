/** Helpers of the 予防接種 対象者抽出 specs (F10a-02, F11a-02). */
import { expect, type Page } from '@playwright/test';
import { csrfToken, freeNumbers, residentsCsv, token, warekiInput } from './helpers.ts';

export type Child = { id: number; atenaNo: string; name: string };

/**
 * Children as 住民 (住民記録取込・異動分 over the API, as the 住基 link delivers them), with a telephone number;
 * waits for the import job. Needs residents.import and jobs.view (jimu).
 */
export async function importChildren(
  page: Page,
  children: Array<{ birthDate: string; sex: '男' | '女'; phone: string }>,
): Promise<Child[]> {
  const numbers = await freeNumbers(page.request, '88', children.length * 2);
  const rows = children.map((c, i) => ({
    宛名番号: numbers[i]!,
    世帯番号: numbers[children.length + i]!,
    氏名: `抽出　${token().slice(-4)}${'一二三四五六'[i]}`,
    氏名カナ: 'チュウシュツ　コドモ',
    生年月日: c.birthDate,
    性別: c.sex,
    続柄: '子',
    郵便番号: '123-4501',
    住所: `すこやか県すこやか市本町一丁目${i + 1}番3号`,
    電話番号: c.phone,
    住民状態: '住民',
    異動事由: '出生',
    異動日: c.birthDate,
    住民となった日: c.birthDate,
  }));
  const res = await page.request.post('/api/residents/imports', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    multipart: {
      mode: 'delta',
      file: {
        name: `children-${token()}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(residentsCsv(rows), 'utf8'),
      },
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const jobId = ((await res.json()) as { job: { id: number } }).job.id;
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { job: { status: string } }).job
          .status,
      {
        timeout: 60_000,
      },
    )
    .toBe('succeeded');
  const out: Child[] = [];
  for (const r of rows) {
    const found = await page.request.get(`/api/residents?atenaNo=${r.宛名番号}&limit=1`);
    const { rows: hits } = (await found.json()) as { rows: { id: number }[] };
    expect(hits).toHaveLength(1);
    out.push({ id: Number(hits[0]!.id), atenaNo: r.宛名番号, name: r.氏名 });
  }
  return out;
}

/** A vaccination record over the API (as typed on the 接種記録 screen). */
export async function recordDose(
  page: Page,
  residentId: number,
  vaccine: string,
  vaccinatedOn: string,
): Promise<void> {
  const res = await page.request.post(`/api/vaccination/residents/${residentId}/records`, {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      vaccine,
      dose: '',
      vaccinatedOn,
      product: '',
      lot: 'E2E01',
      institutionId: null,
      institutionName: 'すこやか小児科',
      doctor: '',
      formNo: '',
      source: 'manual',
      note: '',
      id: null,
      version: null,
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

/**
 * 予防接種 › 対象者抽出 › 「対象者を抽出」: the kind (radio label), 基準日 and what `fill` sets in the dialog;
 * waits until the list opens. Returns its id.
 */
export async function extractVaccinationList(
  page: Page,
  kind: '予診票の接種別発送' | '未接種者勧奨',
  on: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<number> {
  await page.goto('/vaccination/lists');
  await page.getByRole('button', { name: '対象者を抽出' }).click();
  const dialog = page.getByRole('dialog', { name: '対象者抽出' });
  await dialog.getByRole('radio', { name: kind }).check();
  await dialog.getByLabel('基準日').fill(warekiInput(on));
  await fill(dialog);
  await dialog.getByRole('button', { name: '抽出を開始' }).click();
  await expect(page).toHaveURL(/\/vaccination\/lists\/\d+$/, { timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'リストの概要' })).toContainText('抽出済み');
  return Number(page.url().match(/\/vaccination\/lists\/(\d+)$/)![1]);
}
