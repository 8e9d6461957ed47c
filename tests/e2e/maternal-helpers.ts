import { randomInt } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { csrfToken, freeNumbers, myNumber, residentsCsv, todayJst, token } from './helpers.ts';

/** A mother registered as 住登外者 (as at the counter); returns id, 宛名番号 and name. */
export async function addMother(
  page: Page,
  birthDate = '1995-04-01',
  opts: { name?: string; nameKana?: string } = {},
): Promise<{ id: number; atenaNo: string; name: string }> {
  const name = opts.name ?? `妊婦 ${token().slice(-5)}`;
  const res = await page.request.post('/api/residents', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      name,
      nameKana: opts.nameKana ?? 'ニンプ ハナコ',
      birthDate,
      sex: '2',
      postalCode: '1234567',
      address: 'すこやか市中央一丁目1番1号',
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const r = (await res.json()) as { id: number; atenaNo: string };
  return { id: Number(r.id), atenaNo: r.atenaNo, name };
}

export type RegisteredPregnancy = {
  id: number;
  notificationNo: string;
  dueDate: string;
  handbooks: { id: number; handbookNo: string; childIndex: number; kind: string }[];
  vouchers: { id: number; voucherNo: string; kind: string; seq: number; status: string }[];
};

/**
 * Registers a 妊娠届 through the API (POST /api/maternal/pregnancies): handbooks and vouchers are issued as at the
 * counter. Give the 出産予定日 or the 妊娠週数 on the 届出日 (default: 11週0日 today).
 */
export async function registerPregnancy(
  page: Page,
  motherId: number,
  opts: {
    notifiedOn?: string;
    dueDate?: string;
    weeks?: number;
    days?: number;
    fetusCount?: number;
    source?: 'counter' | 'moved_in';
    movedIn?: { city: string; handbookNo: string; issuedOn: string };
    questionnaire?: Record<string, unknown>;
    riskFlags?: string[];
    specificPregnant?: boolean;
  } = {},
): Promise<RegisteredPregnancy> {
  const notifiedOn = opts.notifiedOn ?? todayJst();
  const res = await page.request.post('/api/maternal/pregnancies', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      motherResidentId: motherId,
      notifiedOn,
      dueDate: opts.dueDate ?? null,
      weeks: opts.dueDate ? null : (opts.weeks ?? 11),
      days: opts.dueDate ? null : (opts.days ?? 0),
      fetusCount: opts.fetusCount ?? 1,
      source: opts.source ?? 'counter',
      movedIn: opts.movedIn ?? null,
      diagnosedBy: '医師 花子',
      diagnosisInstitution: 'すこやか産婦人科',
      questionnaire: opts.questionnaire ?? {},
      riskFlags: opts.riskFlags ?? [],
      specificPregnant: opts.specificPregnant ?? false,
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as RegisteredPregnancy;
}

/**
 * A mother as 住民 with a 個人番号 (住民記録取込・異動分 over the API, as the 住基 link delivers her); waits for the
 * import job. Needs residents.import and jobs.view (jimu). Returns id, 宛名番号, name and the 個人番号.
 */
export async function importMother(
  page: Page,
  birthDate = '1994-06-15',
): Promise<{ id: number; atenaNo: string; name: string; myNumber: string }> {
  const [atenaNo, householdNo] = await freeNumbers(page.request, '77', 2);
  const first11 = `${String(Date.now()).slice(-9)}${String(randomInt(100)).padStart(2, '0')}`;
  const number = myNumber(first11);
  const name = `妊婦　${token().slice(-4)}`;
  const row = {
    宛名番号: atenaNo!,
    世帯番号: householdNo!,
    氏名: name,
    氏名カナ: 'ニンプ　ハナコ',
    生年月日: birthDate,
    性別: '女',
    続柄: '世帯主',
    郵便番号: '123-4501',
    住所: 'すこやか県すこやか市本町二丁目1番3号',
    住民状態: '住民',
    異動事由: '転入',
    異動日: '2026-04-01',
    住民となった日: '2026-04-01',
    個人番号: number,
  };
  const res = await page.request.post('/api/residents/imports', {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    multipart: {
      mode: 'delta',
      file: {
        name: `mother-${token()}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(residentsCsv([row]), 'utf8'),
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
      { timeout: 60_000 },
    )
    .toBe('succeeded');
  const found = await page.request.get(`/api/residents?atenaNo=${atenaNo}&limit=1`);
  const { rows } = (await found.json()) as { rows: { id: number }[] };
  expect(rows).toHaveLength(1);
  return { id: Number(rows[0]!.id), atenaNo: atenaNo!, name, myNumber: number };
}
