import { randomInt } from 'node:crypto';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { addDays, addMonthsClamped, formatWareki } from '../../src/server/platform/calendar/index.ts';
import {
  checkMailing,
  compact,
  csrfToken,
  downloadOf,
  expectNoSeriousA11yViolations,
  login,
  openSendHistory,
  pdfPages,
  printMailing,
  registerSend,
  todayJst,
  token,
} from './helpers.ts';
import { importMother } from './maternal-helpers.ts';

/**
 * F06-02 妊娠届（電子申請）: a Shift_JIS CSV of three 届 — a resident's twin pregnancy asking for a 面談 (matched by
 * 宛名番号), a woman nobody matches, and a row in error — is imported with its job; the nurse registers the twins by
 * keyboard (suggested flags confirmed, 郵送, 面談の来庁依頼) → the 妊娠届 is 電子申請 with 2 handbooks and the 受診券;
 * the unknown woman is registered as 住登外者 to be handed over at the visit; the same file again receives nothing;
 * 郵送待ち → the mailing of 母子健康手帳等, printed and read back (letter, 手帳番号, 面談のお願い, 受診券), 宛名シール and
 * the 送付情報; a later 届 is dropped (取込まない) with its reason, and a registration at a stale version is refused.
 */
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let mother: { id: number; atenaNo: string; name: string };
const run = token();
const today = todayJst();
const due = addMonthsClamped(today, 7);
const noTwins = `F0602-${run}-1`;
const noNew = `F0602-${run}-2`;
const noBad = `F0602-${run}-3`;
const kata = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
const newKana = `テンニュウ ${Array.from({ length: 4 }, () => kata[randomInt(kata.length)]).join('')}`;
const newBirth = addDays('1990-01-01', randomInt(3000));
const fileName = `妊娠届_${run}.csv`;
let pregnancyId = 0;

const header = [
  '申請番号',
  '申請日時',
  '宛名番号',
  '氏名',
  '氏名カナ',
  '生年月日',
  '郵便番号',
  '住所',
  '電話番号',
  '職業',
  '出産予定日',
  '妊娠週数',
  '胎児数',
  '診断医師',
  '診断医療機関',
  '性病・結核の健診',
  '交付方法',
  '面談希望',
  '面談希望日時',
  '備考',
  '相談できる人がいますか',
  '妊娠がわかったときの気持ち',
] as const;
const line = (v: Partial<Record<(typeof header)[number], string>>) => header.map((h) => v[h] ?? '').join(',');

function csv(): Buffer {
  const rows = [
    line({
      申請番号: noTwins,
      申請日時: `${today}T09:00`,
      宛名番号: mother.atenaNo,
      氏名: mother.name,
      氏名カナ: 'ニンプ ハナコ',
      生年月日: '1994-06-15',
      郵便番号: '1234501',
      住所: 'すこやか県すこやか市本町二丁目1番3号',
      電話番号: '090-1111-2222',
      職業: '会社員',
      出産予定日: due,
      胎児数: '2',
      診断医師: '医師 一郎',
      診断医療機関: 'すこやか産婦人科',
      '性病・結核の健診': '有',
      交付方法: '郵送',
      面談希望: '希望する',
      面談希望日時: '平日午前',
      相談できる人がいますか: 'いいえ',
      妊娠がわかったときの気持ち: 'うれしい',
    }),
    line({
      申請番号: noNew,
      申請日時: `${today}T10:00`,
      氏名: '転入 さくら',
      氏名カナ: newKana,
      生年月日: newBirth,
      郵便番号: '1234568',
      住所: 'すこやか市中央三丁目2番1号',
      妊娠週数: '10週3日',
      交付方法: '来庁',
      面談希望: '希望しない',
      相談できる人がいますか: 'はい',
      妊娠がわかったときの気持ち: '戸惑った',
    }),
    line({
      申請番号: noBad,
      申請日時: `${today}T11:00`,
      氏名: '誤り 三子',
      氏名カナ: 'ゴアヤマ ミツコ',
      生年月日: '平成31年5月1日',
      住所: 'すこやか市中央1-1',
      出産予定日: due,
      交付方法: '郵送',
    }),
  ];
  return iconv.encode(`${[header.join(','), ...rows].join('\r\n')}\r\n`, 'Shift_JIS');
}

async function upload() {
  await page.goto('/maternal/e-notifications');
  await page.getByLabel('妊娠届のファイル', { exact: true }).setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: csv(),
  });
  await page.getByRole('button', { name: '取り込む' }).click();
  return page.getByRole('region', { name: '取込結果' });
}

const pendingRow = (no: string) =>
  page.getByRole('table', { name: '受付一覧（未登録）' }).getByRole('row').filter({ hasText: no });

test.beforeAll(async ({ browser }) => {
  // the mother comes from the 住基 link (住民記録取込 needs the clerk's permission)
  const clerk = await browser.newContext();
  const clerkPage = await clerk.newPage();
  await login(clerkPage, 'jimu');
  mother = await importMother(clerkPage, '1994-06-15');
  await clerk.close();
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'hokenshi');
});
test.afterAll(async () => {
  await context.close();
});

test('取込: 2件を受け付け、誤りの行は行・項目・内容を日本語で示す', async () => {
  await page.goto('/maternal');
  await page
    .getByRole('navigation', { name: '母子保健のメニュー' })
    .getByRole('link', { name: '妊娠届（電子申請）' })
    .click();
  await expect(page).toHaveURL(/\/maternal\/e-notifications$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('妊娠届（電子申請）');
  const result = await upload();
  await expect(result.getByRole('status')).toContainText('受付 2件 / 取込済み 0件 / 誤り 1件', {
    timeout: 60_000,
  });
  const errors = result.getByRole('table', { name: '誤りのある行' });
  const bad = errors.getByRole('row').filter({ hasText: noBad });
  await expect(bad).toHaveCount(1);
  await expect(bad.getByRole('cell').nth(0)).toHaveText('4');
  await expect(bad.getByRole('cell').nth(2)).toHaveText('生年月日');
  await expect(bad.getByRole('cell').nth(3)).toHaveText(
    '生年月日: 平成31年5月1日は存在しません（平成は31年4月30日まで）。',
  );

  const twins = pendingRow(noTwins);
  await expect(twins).toContainText(mother.name);
  await expect(twins).toContainText(formatWareki('1994-06-15'));
  await expect(twins).toContainText(`予定日 ${formatWareki(due)}`);
  await expect(twins).toContainText('確実');
  await expect(twins).toContainText('宛名番号が一致');
  await expect(twins).toContainText('希望する（平日午前）');
  const other = pendingRow(noNew);
  await expect(other).toContainText('該当なし');
  await expect(other).toContainText('妊娠10週3日');
  await expect(other).toContainText('来庁時に交付');
  await expectNoSeriousA11yViolations(page, '妊娠届（電子申請）');
});

test('双子の届をキーボードで登録する（リスク要因の確認・郵送・面談の来庁依頼）', async () => {
  const flags = Object.keys(
    (
      (await (await page.request.get('/api/maternal/pregnancies/meta')).json()) as {
        riskFlags: Record<string, string>;
      }
    ).riskFlags,
  );
  await pendingRow(noTwins)
    .getByRole('button', { name: `申請番号 ${noTwins} を確認・登録` })
    .focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '妊娠届（電子申請）の確認・登録' });
  const form = dialog.getByRole('form', { name: '妊娠届（電子申請）の登録' });
  await expect(form.getByRole('table', { name: '届出の内容' })).toContainText('すこやか産婦人科');
  await expect(form.getByRole('table', { name: '届出時アンケート' })).toContainText('相談できる人がいますか');
  const candidate = form.getByRole('radio', { name: new RegExp(`宛名番号 ${mother.atenaNo}`) });
  await expect(candidate).toBeChecked();
  await expect(candidate).toBeFocused();
  // the flags the 届 and the アンケート raise are ticked for the nurse to confirm
  await expect(form.getByRole('checkbox', { name: '多胎（該当）' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: '相談相手なし（該当）' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: '喫煙', exact: true })).not.toBeChecked();
  await expect(form.getByRole('radio', { name: '郵送' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: '面談のため来庁依頼' })).toBeChecked();
  await expect(form.getByLabel('面談の希望日時・メモ')).toHaveValue('平日午前');
  await expectNoSeriousA11yViolations(page, '妊娠届（電子申請）の確認・登録');
  // Enter walks: the mother → each flag → 特定妊婦 → 交付方法 → 面談 → メモ; Enter on the last field registers
  for (let i = 0; i < flags.length + 4; i++) await page.keyboard.press('Enter');
  await expect(form.getByLabel('面談の希望日時・メモ')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type('（午前10時）');
  await page.keyboard.press('Enter');

  const done = dialog.getByRole('status');
  await expect(done).toContainText(`申請番号 ${noTwins}: 登録（妊娠届`);
  await expect(done).toContainText('・面談依頼・郵送）');
  await dialog.getByRole('link', { name: '登録した妊娠届を開く（手帳・受診券）' }).click();
  await expect(page).toHaveURL(/\/maternal\/pregnancies\/\d+$/);
  pregnancyId = Number(page.url().match(/pregnancies\/(\d+)$/)![1]);
  await expect(page.getByRole('table', { name: '届出の内容' })).toContainText('電子申請');
  const books = page.getByRole('table', { name: '母子健康手帳の一覧' });
  await expect(books).toContainText('第1子');
  await expect(books).toContainText('第2子');
  await expect(
    page.getByRole('table', { name: '受診券の一覧' }).getByRole('row').filter({ hasText: '妊婦健診' }),
  ).not.toHaveCount(0);
  await expect(page.getByRole('region', { name: 'リスク要因・特定妊婦' })).toContainText('相談相手なし');
});

test('該当なしの方を住登外者として登録し、来庁時に交付する', async () => {
  await page.goto('/maternal/e-notifications');
  await pendingRow(noNew)
    .getByRole('button', { name: `申請番号 ${noNew} を確認・登録` })
    .click();
  const dialog = page.getByRole('dialog', { name: '妊娠届（電子申請）の確認・登録' });
  const form = dialog.getByRole('form', { name: '妊娠届（電子申請）の登録' });
  await expect(form.getByRole('checkbox', { name: '予期せぬ妊娠（該当）' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: '面談のため来庁依頼' })).not.toBeChecked();
  await form.getByRole('button', { name: '登録（手帳・受診券を発行）' }).click();
  await expect(form.getByRole('alert')).toContainText('住登外者として登録');
  await form.getByRole('radio', { name: /^住登外者として登録/ }).check();
  await expect(form.getByRole('radio', { name: '来庁時に交付' })).toBeChecked();
  await form.getByRole('button', { name: '登録（手帳・受診券を発行）' }).click();
  await expect(dialog.getByRole('status')).toContainText('・来庁時に交付）');
  await dialog.getByRole('button', { name: '閉じる', exact: true }).last().click();
  await expect(pendingRow(noNew)).toHaveCount(0);
  await page.getByRole('tab', { name: '登録済み' }).click();
  const registered = page.getByRole('table', { name: '受付一覧（登録済み）' });
  await expect(registered.getByRole('row').filter({ hasText: noNew })).toContainText('来庁時に交付');
});

test('同じファイルをもう一度取り込むと「取込済み」2件で、新しい届出はない', async () => {
  const result = await upload();
  await expect(result.getByRole('status')).toContainText('受付 0件 / 取込済み 2件 / 誤り 1件', {
    timeout: 60_000,
  });
  const dups = result.getByRole('table', { name: '取込済みの届出' });
  await expect(dups).toContainText(`申請番号 ${noTwins} は取込済みです（令和`);
  await expect(dups).toContainText(`申請番号 ${noNew} は取込済みです`);
  await expect(pendingRow(noTwins)).toHaveCount(0);
  await expect(pendingRow(noNew)).toHaveCount(0);
  const history = page.getByRole('table', { name: '取込履歴' });
  await expect(history.getByRole('row').filter({ hasText: fileName })).toHaveCount(2);
});

test('郵送待ちから母子健康手帳等の送付を作り、送付状・受診券と宛名シールを読み返す', async () => {
  test.setTimeout(240_000);
  await page.getByRole('tab', { name: '郵送待ち' }).click();
  const toMail = page.getByRole('table', { name: '受付一覧（郵送待ち）' });
  await expect(toMail.getByRole('row').filter({ hasText: noNew })).toHaveCount(0);
  await toMail.getByRole('checkbox', { name: `${mother.name}（申請番号 ${noTwins}）を選ぶ` }).check();
  const mail = page.getByRole('form', { name: '母子健康手帳等の送付' });
  await expect(mail.getByLabel('発送日')).toHaveValue(formatWareki(today));
  await expect(mail).toContainText('選んだ届出: 1件');
  await mail.getByRole('button', { name: '母子健康手帳等の送付を作成' }).click();
  await expect(mail.getByRole('status')).toContainText('1人分の郵送物を作成しました');
  await expect(toMail.getByRole('row').filter({ hasText: noTwins })).toHaveCount(0);
  await mail.getByRole('link', { name: '作成した郵送物を開く' }).click();
  await expect(page).toHaveURL(/\/mailings\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('母子健康手帳等の送付');

  const detail = (await (await page.request.get(`/api/maternal/pregnancies/${pregnancyId}`)).json()) as {
    handbooks: { handbookNo: string }[];
    vouchers: { voucherNo: string; kind: string; seq: number }[];
  };
  expect(detail.handbooks).toHaveLength(2);
  await checkMailing(page);
  const links = await printMailing(page);
  const pages: string[] = [];
  for (const l of await links.all()) pages.push(...(await pdfPages((await downloadOf(page, l)).bytes)));
  const letter = pages.find((p) => p.includes('母子健康手帳等の送付について'));
  expect(letter, 'the cover letter').toBeDefined();
  expect(letter).toContain(compact(`${mother.name} 様`));
  for (const h of detail.handbooks) expect(letter).toContain(h.handbookNo);
  expect(letter).toContain('面談のお願い');
  expect(letter).toContain(compact('ご希望の日時: 平日午前（午前10時）'));
  const first = detail.vouchers.find((v) => v.kind === 'prenatal' && v.seq === 1)!;
  const voucherPage = pages.find((p) => p.includes(first.voucherNo));
  expect(voucherPage, 'a 受診券 page').toBeDefined();
  expect(voucherPage).toContain('妊婦健診受診券（第1回）');

  const labelsSection = page.getByRole('region', { name: '宛名シールとCSV出力' });
  const labelLink = labelsSection.getByRole('link', { name: '宛名シール', exact: true });
  const res = await page.request.get((await labelLink.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect((await pdfPages(await res.body())).join('\n')).toContain(compact(`${mother.name} 様`));

  // 送付情報の登録 (手順9): the mother's 送付履歴 shows the mailing, by post, on the 発送日
  await registerSend(page, formatWareki(today));
  const history = await openSendHistory(page, mother.id, mother.name);
  const record = history.getByRole('row').filter({ hasText: '母子健康手帳等の送付' });
  await expect(record).toHaveCount(1);
  await expect(record.getByRole('cell').nth(0)).toHaveText(formatWareki(today));
  await expect(record).toContainText('郵送');
});

test('「取込まない」は理由を入れて記録し、取込まないの一覧に移る（古い版の登録は断られる）', async () => {
  const noDrop = `F0602-${run}-9`;
  const again = iconv.encode(
    `${header.join(',')}\r\n${line({
      申請番号: noDrop,
      申請日時: `${today}T12:00`,
      宛名番号: mother.atenaNo,
      氏名: mother.name,
      氏名カナ: 'ニンプ ハナコ',
      生年月日: '1994-06-15',
      住所: 'すこやか県すこやか市本町二丁目1番3号',
      出産予定日: due,
      胎児数: '2',
    })}\r\n`,
    'Shift_JIS',
  );
  await page.goto('/maternal/e-notifications');
  await page
    .getByLabel('妊娠届のファイル', { exact: true })
    .setInputFiles({ name: `再申請_${run}.csv`, mimeType: 'text/csv', buffer: again });
  await page.getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByRole('region', { name: '取込結果' }).getByRole('status')).toContainText(
    '受付 1件 / 取込済み 0件 / 誤り 0件',
    { timeout: 60_000 },
  );
  await expect(pendingRow(noDrop)).toHaveCount(1);

  // a registration at a version read before someone else changed the row is refused (409), nothing made
  const list = (await (await page.request.get('/api/maternal/e-notifications?view=pending')).json()) as {
    rows: { id: number; applicationNo: string; version: number; residentId: number | null }[];
  };
  const row = list.rows.find((r) => r.applicationNo === noDrop)!;
  const stale = await page.request.post(`/api/maternal/e-notifications/${row.id}/register`, {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: {
      version: row.version + 1,
      residentId: row.residentId,
      createNonResident: false,
      riskFlags: [],
      specificPregnant: false,
      delivery: 'mail',
      interview: { requested: false, note: '' },
    },
  });
  expect(stale.status()).toBe(409);

  await pendingRow(noDrop)
    .getByRole('button', { name: `申請番号 ${noDrop} を取込まない` })
    .click();
  const dialog = page.getByRole('dialog', { name: '取込まない' });
  await dialog.getByRole('button', { name: '取込まない' }).click();
  await expect(dialog).toContainText('取込まない理由を入力してください');
  await dialog.getByLabel('取込まない理由').fill('同じ妊娠の届が窓口で出ている');
  await dialog.getByRole('button', { name: '取込まない' }).click();
  await expect(dialog).toBeHidden();
  await expect(pendingRow(noDrop)).toHaveCount(0);
  await page.getByRole('tab', { name: '取込まない' }).click();
  const dropped = page
    .getByRole('table', { name: '受付一覧（取込まない）' })
    .getByRole('row')
    .filter({ hasText: noDrop });
  await expect(dropped).toContainText('取込まない: 同じ妊娠の届が窓口で出ている');
});
