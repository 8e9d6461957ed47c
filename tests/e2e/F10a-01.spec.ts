import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import {
  addDays,
  formatWareki,
  nextBusinessDay,
  reachMonths,
} from '../../src/server/platform/calendar/index.ts';
import {
  checkMailing,
  compact,
  confirmPendingSupport,
  downloadOf,
  expectJobDone,
  expectNoSeriousA11yViolations,
  freeNumbers,
  login,
  mailingTab,
  moveOutByImport,
  openSendHistory,
  pdfPages,
  printMailing,
  registerSend,
  residentsCsv,
  searchMailing,
  startImport,
  todayJst,
  token,
  warekiInput,
} from './helpers.ts';

/**
 * F10a-01 予診票一括発行（冊子渡し）: two newborns come in with the 出生届 (住民記録取込, 異動事由 出生); the clerk
 * extracts them by 出生日 (and, as the variant, by 生後1月), makes the mailing of 予診票冊子; one child moves out
 * before printing and is pulled out (引き抜き); the 送付状 (with the list of 予診票) and the 予診票貼付用宛名シール are
 * printed and read back, the CSV for an outside printer is checked, the send is registered and shows in the
 * child's 送付履歴.
 */
test.describe.configure({ mode: 'serial' });

type Child = { id: number; atenaNo: string; name: string; birthDate: string; address: string };

let context: BrowserContext;
let page: Page;
let stays: Child;
let leaves: Child;
let mailingId = 0;
const run = token();
const today = todayJst();
const sendDate = nextBusinessDay(addDays(today, 1));

/** 出生届 → 住民記録 (異動分: 出生) for two newborns in two households; returns them as registered. */
async function registerBirths(): Promise<[Child, Child]> {
  const [a1, a2, h1, h2] = await freeNumbers(page.request, '9101', 4);
  const born = [addDays(today, -20), addDays(today, -19)];
  const people = [
    { atenaNo: a1!, householdNo: h1!, name: `冊子 ${run.slice(-4)}いち`, birthDate: born[0]! },
    { atenaNo: a2!, householdNo: h2!, name: `冊子 ${run.slice(-4)}に`, birthDate: born[1]! },
  ].map((p, i) => ({ ...p, address: `すこやか県すこやか市本町三丁目${i + 1}番${i + 5}号` }));
  const csv = residentsCsv(
    people.map((p) => ({
      宛名番号: p.atenaNo,
      世帯番号: p.householdNo,
      氏名: p.name,
      氏名カナ: 'サッシ アカチャン',
      生年月日: p.birthDate,
      性別: '男',
      続柄: '子',
      郵便番号: '1234501',
      住所: p.address,
      住民状態: '住民',
      異動事由: '出生',
      異動日: p.birthDate,
      住民となった日: p.birthDate,
    })),
  );
  await page.goto('/jobs');
  const jobId = await startImport(page, {
    name: `出生_F10a-01_${run}.csv`,
    content: Buffer.from(csv, 'utf8'),
    mode: 'delta',
  });
  await expectJobDone(page, jobId, '完了');
  const out: Child[] = [];
  for (const p of people) {
    const res = await page.request.get(`/api/residents?atenaNo=${p.atenaNo}&limit=1`);
    const { rows } = (await res.json()) as { rows: { id: number; status: string }[] };
    expect(rows[0]?.status).toBe('resident');
    out.push({ id: Number(rows[0]!.id), ...p });
  }
  return [out[0]!, out[1]!];
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
  [stays, leaves] = await registerBirths();
});
test.afterAll(async () => {
  await context.close();
});

const form = () => page.getByRole('form', { name: '対象児の抽出' });
/** the count line of the extraction (the region also holds the job's status once a mailing is made) */
const summary = () =>
  page
    .getByRole('region', { name: '対象児' })
    .getByRole('status')
    .filter({ hasText: /生まれ|に至る方/ });
const childRow = (c: Child) =>
  page.getByRole('table', { name: '対象児' }).getByRole('row').filter({ hasText: c.atenaNo });

test('予防接種対象児抽出: 出生日で（キーボードで入力、和暦表示）、生後の月数でも', async () => {
  await page.goto('/vaccination');
  await page
    .getByRole('navigation', { name: '予防接種のメニュー' })
    .getByRole('link', { name: '予診票冊子の一括発行' })
    .click();
  await expect(page).toHaveURL(/\/vaccination\/booklets$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予診票冊子の一括発行');

  const from = form().getByLabel('出生日（から）');
  const to = form().getByLabel('出生日（まで）');
  await from.fill(warekiInput(stays.birthDate));
  await from.press('Enter');
  await expect(to).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(warekiInput(leaves.birthDate));
  await expect(from).toHaveAccessibleDescription(
    `${formatWareki(stays.birthDate)} (${stays.birthDate.slice(0, 4)}年)`,
  );
  await expect(to).toHaveAccessibleDescription(
    `${formatWareki(leaves.birthDate)} (${leaves.birthDate.slice(0, 4)}年)`,
  );
  await expect(
    form().getByRole('checkbox', { name: '予診票冊子を送付済み・作成中の方を除く' }),
  ).toBeChecked();
  await form().getByRole('button', { name: '抽出' }).click();
  const status = summary();
  await expect(status).toContainText(
    `${formatWareki(stays.birthDate)}〜${formatWareki(leaves.birthDate)}生まれ`,
  );
  for (const c of [stays, leaves]) {
    await expect(childRow(c)).toContainText(c.name);
    await expect(childRow(c)).toContainText(formatWareki(c.birthDate));
    await expect(childRow(c)).toContainText(c.address);
    await expect(childRow(c)).toContainText('住民');
  }
  await expectNoSeriousA11yViolations(page, '予診票冊子の一括発行');

  // the variant: timed to a set age (生後1月に至った日, §1.2)
  await form().getByLabel('抽出のしかた').selectOption({ label: '生後の月数で抽出（決まった月齢で送る）' });
  await form().getByLabel('生後の月数').fill('1');
  const reached = [reachMonths(stays.birthDate, 1), reachMonths(leaves.birthDate, 1)] as const;
  await form().getByLabel('生後N月に至る日（から）').fill(warekiInput(reached[0]));
  await form().getByLabel('生後N月に至る日（まで）').fill(warekiInput(reached[0]));
  await form().getByRole('button', { name: '抽出' }).click();
  await expect(status).toContainText(`に生後1月に至る方`);
  await expect(childRow(stays)).toHaveCount(1);
  await expect(childRow(leaves)).toHaveCount(0);
  await form().getByLabel('生後N月に至る日（まで）').fill(warekiInput(reached[1]));
  await form().getByRole('button', { name: '抽出' }).click();
  await expect(childRow(leaves)).toHaveCount(1);
  await expect(childRow(stays)).toHaveCount(1);
});

test('郵送物（予診票冊子）を作成し、作成後に転出した子は引き抜きリストへ', async () => {
  test.setTimeout(120_000);
  await form().getByLabel('抽出のしかた').selectOption({ label: '出生日で抽出（出生届の後に送る）' });
  await form().getByLabel('出生日（から）').fill(warekiInput(stays.birthDate));
  await form().getByLabel('出生日（まで）').fill(warekiInput(leaves.birthDate));
  await form().getByRole('button', { name: '抽出' }).click();
  // the list of the 出生日 criteria replaces the one of 生後1月 (and its 郵送物を作成 with it)
  await expect(summary()).toContainText('生まれ');
  await expect(childRow(leaves)).toHaveCount(1);
  await page.getByLabel('発送日').fill(warekiInput(sendDate));
  await expect(page.getByLabel('発送日')).toHaveAccessibleDescription(
    `${formatWareki(sendDate)} (${sendDate.slice(0, 4)}年)`,
  );
  await page.getByRole('button', { name: '郵送物を作成' }).click();
  const link = page.getByRole('link', { name: '作成した郵送物を開く（引き抜き・印刷・送付情報の登録）' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  mailingId = Number((await link.getAttribute('href'))!.split('/').pop());

  // already in a booklet mailing: a new extraction leaves them out
  await form().getByRole('button', { name: '抽出' }).click();
  await expect(summary()).toContainText(/送付済み・作成中で除いた方 \d+人/);
  await expect(childRow(stays)).toHaveCount(0);

  await moveOutByImport(page, [leaves.id], { date: today, fileName: `転出_F10a-01_${run}.csv` });
  await page.goto(`/mailings/${mailingId}`);
  await expect(page.getByText('帳票名 予診票冊子')).toBeVisible();
  await checkMailing(page);
  const pulled = await searchMailing(page, '引き抜きリスト', leaves.atenaNo);
  const row = pulled.getByRole('row').filter({ hasText: leaves.atenaNo });
  await expect(row).toContainText(leaves.name);
  await expect(row.getByRole('cell').nth(3)).toHaveText('転出');
  await expect(mailingTab(page, '引き抜きリスト')).toHaveText('引き抜きリスト（1）');
  await confirmPendingSupport(page, mailingId, `E2E ${run} 送付先を確認済み`);
});

test('送付状（予診票の一覧）と予診票貼付用宛名シールを印刷して読み返し、CSV（印刷業者向け）を確かめる', async () => {
  test.setTimeout(180_000);
  const links = await printMailing(page);
  const pages: string[] = [];
  for (const l of await links.all()) pages.push(...(await pdfPages((await downloadOf(page, l)).bytes)));
  const mine = pages.filter((t) => t.includes(stays.atenaNo));
  expect(mine, 'the sheet of the child who stays').toHaveLength(1);
  const sheet = mine[0]!;
  expect(sheet).toContain('予防接種予診票（冊子）の送付について');
  expect(sheet).toContain(compact(`${stays.name} 様`));
  expect(sheet).toContain(compact(stays.address));
  expect(sheet).toContain(formatWareki(stays.birthDate));
  for (const v of [
    '5種混合',
    '小児肺炎球菌',
    'B型肝炎',
    'ロタ',
    'BCG',
    '麻しん風しん第1期',
    '水痘',
    '母子健康手帳',
  ])
    expect(sheet).toContain(v);
  const all = pages.join('\n');
  expect(all).not.toContain(leaves.atenaNo);
  expect(all).not.toContain(compact(leaves.name));

  const labelsSection = page.getByRole('region', { name: '宛名シールとCSV出力' });
  for (const sheetKind of ['12', '21']) {
    await labelsSection.getByText(`${sheetKind}面`, { exact: true }).click();
    const labelLink = labelsSection.getByRole('link', { name: '宛名シール', exact: true });
    await expect(labelLink).toHaveAttribute('href', new RegExp(`labels\\?sheet=${sheetKind}$`));
    const res = await page.request.get((await labelLink.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    const text = (await pdfPages(await res.body())).join('\n');
    expect(text).toContain(compact(`${stays.name} 様`));
    expect(text).toContain(compact(stays.address));
    expect(text).not.toContain(compact(leaves.name));
  }

  const csv = await downloadOf(page, labelsSection.getByRole('link', { name: 'CSV出力（印刷業者向け）' }));
  const text = csv.name.includes('_sjis') ? iconv.decode(csv.bytes, 'cp932') : csv.bytes.toString('utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toContain('お子さんの氏名,お子さんの氏名カナ,生年月日,予診票の枚数,同封する予診票');
  const line = lines.find((l) => l.includes(stays.atenaNo));
  expect(line).toContain(formatWareki(stays.birthDate));
  expect(line).toContain('B型肝炎 1回目・2回目・3回目');
  expect(lines.some((l) => l.includes(leaves.atenaNo))).toBe(false);
});

test('送付情報を登録すると、子の送付履歴に予診票冊子が出る（引き抜いた子には出ない）', async () => {
  await registerSend(page, formatWareki(sendDate));
  const history = await openSendHistory(page, stays.id, stays.name);
  const record = history.getByRole('row').filter({ hasText: '予診票冊子' });
  await expect(record).toHaveCount(1);
  await expect(record.getByRole('cell').nth(0)).toHaveText(formatWareki(sendDate));
  const other = await page.request.get(`/api/residents/${leaves.id}/send-records`);
  expect(((await other.json()) as { records: unknown[] }).records).toEqual([]);
});
