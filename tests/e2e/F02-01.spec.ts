import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { addDays, formatWareki, nextBusinessDay } from '../../src/server/platform/calendar/index.ts';
import { businessDayAhead, planSession } from './application-helpers.ts';
import {
  checkMailing,
  compact,
  confirmPendingSupport,
  createMailing,
  downloadOf,
  expectNoSeriousA11yViolations,
  extractList,
  freeNumbers,
  login,
  mailingTab,
  moveOutByImport,
  openSendHistory,
  pdfFirstPages,
  pdfPages,
  printMailing,
  registerSend,
  residentOf,
  searchMailing,
  todayJst,
  token,
  warekiInput,
} from './helpers.ts';

/**
 * F02-01 検診案内（希望制）: 希望調査対象者の抽出 (胃がん・肺がん) → 希望調査票 (引き抜き確認, 印刷: 集団検診の日程) →
 * 送付情報 → 受診希望の登録 (keyboard first: 電話, 集団検診の日程) → 回答の取込 (CSV: 1 good row, 1 wrong row)
 * → 受診票送付対象者（受診希望者）の抽出 (only those who answered, only what they asked for) → 受診票（券）
 * (転出 pulled out) → 送付情報 → 送付履歴. The tests share the lists and people, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

/** One signed-in 事務 (jimu) page for the whole file (in its own context: axe opens pages in it). */
let context: BrowserContext;
let page: Page;
test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'jimu');
});
test.afterAll(async () => {
  await context.close();
});

const run = token();
const phoneNote = `E2E ${run} 電話で受付`;
const csvNote = `E2E ${run} 電子申請`;

type Entry = {
  residentId: number;
  atenaNo: string;
  name: string;
  programs: string[];
  included: boolean;
  supportMeasure: boolean;
};
type Session = { id: number; session_date: string; start_time: string; programs: string[]; venue: string };

let fy = 0;
let surveyListId = 0;
let surveySendDate = '';
let ticketListId = 0;
let ticketMailingId = 0;
let ticketSendDate = '';
let sessions: Session[] = [];
/** program code → 胃がん, 肺がん … (as the screens write them) */
let shortNames: Record<string, string> = {};
/** P1: typed (電話, 胃がん・肺がん); P2: typed with a 集団検診 (胃がん); P3: imported from CSV (肺がん), later 転出. */
let p1: Entry;
let p2: Entry;
let p3: Entry;
let booked: Session;

async function getJson<T>(path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

const entriesOf = (listId: number, query = '') =>
  getJson<{ rows: Entry[]; total: number }>(`/api/adult/lists/${listId}/entries?limit=500&${query}`);

const sessionText = (s: Session) => `${formatWareki(s.session_date)} ${s.start_time}　${s.venue}`;

test('希望調査対象者を抽出（胃がん・肺がん）→ 希望調査票: 引き抜き確認・印刷（日程と会場）・送付情報', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const meta = await getJson<{ currentFiscalYear: number; programs: { code: string; name: string }[] }>(
    '/api/adult/meta',
  );
  fy = meta.currentFiscalYear;
  shortNames = Object.fromEntries(meta.programs.map((p) => [p.code, p.name.replace(/検診$/, '')]));
  surveySendDate = nextBusinessDay(addDays(todayJst(), 1));
  // 集団検診 dates offered must lie after the reply deadline, whatever day the suite runs: the admin adds one
  // five weeks after the 発送日 (or on the 年度's last day when that is sooner).
  await planSession(browser, {
    fiscalYear: fy,
    programs: ['stomach', 'lung'],
    sessionDate: businessDayAhead(fy, surveySendDate, 35),
    startTime: '09:30',
    endTime: '11:30',
    capacity: 80,
    note: `E2E ${run}`,
  });
  sessions = (await getJson<{ sessions: Session[] }>(`/api/adult/sessions?fiscalYear=${fy}`)).sessions;

  surveyListId = await extractList(page, '希望調査対象者', ['胃がん検診', '肺がん検診']);
  const overview = page.getByRole('region', { name: 'リストの概要' });
  await expect(overview.getByRole('heading', { level: 1 })).toContainText('希望調査対象者（胃がん・肺がん）');
  await expect(overview).toContainText('種類: 希望調査対象者');
  const { list } = await getJson<{ list: { counts: { included: number } } }>(
    `/api/adult/lists/${surveyListId}`,
  );
  expect(list.counts.included).toBeGreaterThan(100);
  await expect(overview.getByText(`対象 ${list.counts.included.toLocaleString('ja-JP')}人`)).toBeVisible();

  // P1, P2 (胃がん and 肺がん due) and P3 (肺がん due): not 支援措置, three different names
  const rows = (await entriesOf(surveyListId, 'included=true')).rows.filter((e) => !e.supportMeasure);
  const both = rows.filter((e) => e.programs.includes('stomach') && e.programs.includes('lung'));
  p1 = both[0]!;
  p2 = both.find((e) => e.name !== p1.name)!;
  p3 = rows.find(
    (e) =>
      e.programs.includes('lung') &&
      ![p1.residentId, p2.residentId].includes(e.residentId) &&
      ![p1.name, p2.name].includes(e.name),
  )!;
  expect([p1, p2, p3].every(Boolean)).toBe(true);

  const surveyMailingId = await createMailing(page, surveySendDate);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `希望調査票（${formatWareki(surveySendDate)}発送）`,
  );
  await expect(page.getByText('帳票名 希望調査票')).toBeVisible();
  await checkMailing(page);
  await confirmPendingSupport(page, surveyMailingId, `E2E ${run} 送付先を確認済み`);

  // the first people to print, in 連番 order
  await mailingTab(page, '印刷対象').click();
  const first = page.getByRole('table', { name: '印刷対象' }).getByRole('row');
  await expect(first.nth(1)).toBeVisible();
  const firstAtena = (await first.nth(1).getByRole('cell').nth(1).textContent())!;
  const firstName = (await first.nth(1).getByRole('link').first().textContent())!;

  const links = await printMailing(page, { watchProgress: true });
  await expect(links.first()).toHaveText(
    new RegExp(`^希望調査票_${formatWareki(surveySendDate)}_\\d+-\\d+\\.pdf$`),
  );
  const file = await downloadOf(page, links.first());
  const [firstPage] = await pdfFirstPages(file.bytes, 1);
  expect(firstPage).toContain('受診希望調査票');
  expect(firstPage).toContain(compact(`${firstName} 様（宛名番号 ${firstAtena}`));
  // the programs this person is due for (of 胃がん・肺がん), and no other
  const [firstEntry] = (await entriesOf(surveyListId, `q=${firstAtena}`)).rows;
  for (const [code, name] of [
    ['stomach', '胃がん検診'],
    ['lung', '肺がん検診'],
  ] as const) {
    if (firstEntry!.programs.includes(code)) expect(firstPage).toContain(name);
    else expect(firstPage).not.toContain(name);
  }
  // the 集団検診 dates (和暦), times and venues that screen one of this person's programs
  // (only those after the reply deadline: earlier ones are over before the answer comes back)
  const replyBy = addDays(surveySendDate, 21);
  const offered = (x: Session) =>
    x.programs.some((p) => firstEntry!.programs.includes(p)) && x.session_date > replyBy;
  if (sessions.some(offered)) expect(firstPage).toContain('集団検診を希望する方は、日程を1つ選んでください');
  else expect(firstPage).not.toContain('集団検診を希望する方は');
  for (const x of sessions.filter(offered)) expect(firstPage).toContain(compact(sessionText(x)));
  for (const x of sessions.filter((y) => !offered(y)))
    expect(firstPage).not.toContain(compact(sessionText(x)));
  // 返送期限: 発送日 + 3 weeks
  expect(firstPage).toContain(`${formatWareki(addDays(surveySendDate, 21))}までに`);

  await registerSend(page, formatWareki(surveySendDate));
});

test('受診希望の登録（キーボード）: 宛名番号 Enter → 数字キーで検診 → 受付方法 電話 → Enter で登録、2人目は集団検診の日程つき', async () => {
  await page.goto('/adult');
  await page.getByRole('link', { name: '受診希望の登録' }).click();
  await expect(page).toHaveURL(/\/adult\/preferences$/);
  const form = page.getByRole('form', { name: '受診希望の入力' });
  const atena = form.getByLabel('宛名番号', { exact: true });
  await expect(atena).toBeFocused();
  const box = (name: string) => form.getByRole('checkbox', { name, exact: true });
  const keyOf = async (name: string) => {
    const key = await box(name).getAttribute('aria-keyshortcuts');
    expect(key, `number key of ${name}`).toMatch(/^[1-9]$/);
    return key!;
  };
  const stomachKey = await keyOf('胃がん検診');
  const lungKey = await keyOf('肺がん検診');

  // P1: everything from the keyboard
  await atena.pressSequentially(p1.atenaNo);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('link', { name: p1.name })).toBeVisible();
  await expect(form.getByText('新規', { exact: true })).toBeVisible();
  await expect(form.locator('input[name="pref-programs"]').first()).toBeFocused();
  await page.keyboard.press(stomachKey);
  await page.keyboard.press(lungKey);
  await expect(box('胃がん検診')).toBeChecked();
  await expect(box('肺がん検診')).toBeChecked();
  await expect(box('大腸がん検診')).not.toBeChecked();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('radio', { name: '紙' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: '電話' })).toBeChecked();
  await page.keyboard.press('Enter');
  // 希望形態: 個別 (the default) stays
  await expect(form.getByRole('radio', { name: '個別' })).toBeFocused();
  await expect(form.getByRole('radio', { name: '個別' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('集団検診の日程（任意）')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('回答日')).toBeFocused();
  await expect(form.getByLabel('回答日')).toHaveAccessibleDescription(
    `${formatWareki(todayJst())} (${todayJst().slice(0, 4)}年)`,
  );
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('備考（任意）')).toBeFocused();
  await page.keyboard.type(phoneNote);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText(
    `${p1.name}（宛名番号 ${p1.atenaNo}）の受診希望を登録しました。`,
  );
  // ready for the next form of the pile
  await expect(atena).toBeFocused();
  await expect(atena).toHaveValue('');

  const table = page.getByRole('table', { name: '登録済みの受診希望' });
  const row1 = table.getByRole('row').filter({ hasText: p1.atenaNo });
  await expect(row1.getByRole('cell')).toHaveText([
    p1.atenaNo,
    new RegExp(`^${p1.name}`),
    /^(大正|昭和|平成)/,
    '胃がん・肺がん',
    '個別',
    '電話',
    formatWareki(todayJst()),
    phoneNote,
    /修正/,
  ]);

  // P2: 胃がん with a 集団検診 date (the next one that screens 胃がん), saved with Ctrl+Enter
  const stomachSessions = sessions.filter((s) => s.programs.includes('stomach'));
  booked = stomachSessions.find((s) => s.session_date >= todayJst())!;
  const bookedLabel = `${formatWareki(booked.session_date)} ${booked.venue}（${booked.programs.map((p) => shortNames[p]).join('・')}）`;
  await atena.pressSequentially(p2.atenaNo);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('link', { name: p2.name })).toBeVisible();
  await expect(form.locator('input[name="pref-programs"]').first()).toBeFocused();
  await page.keyboard.press(stomachKey);
  await expect(box('胃がん検診')).toBeChecked();
  // 受付方法 stays as in the last form (電話)
  await expect(form.getByRole('radio', { name: '電話' })).toBeChecked();
  const session = form.getByLabel('集団検診の日程（任意）');
  await session.selectOption({ label: bookedLabel });
  // a date makes the answer 集団
  await expect(form.getByRole('radio', { name: '集団' })).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(form.getByRole('status')).toHaveText(
    `${p2.name}（宛名番号 ${p2.atenaNo}）の受診希望を登録しました。`,
  );
  const row2 = table.getByRole('row').filter({ hasText: p2.atenaNo });
  await expect(row2.getByRole('cell').nth(3)).toHaveText('胃がん');
  await expect(row2.getByRole('cell').nth(4)).toHaveText(bookedLabel);
  await expect(row2.getByRole('cell').nth(5)).toHaveText('電話');
  await expect(page.getByRole('status').filter({ hasText: /^\d+件$/ })).toHaveText('2件');

  await expectNoSeriousA11yViolations(page, '受診希望の登録');
});

test('回答の取込（CSV・UTF-8）: 確認で誤りの行番号と内容、正しい行だけ取り込む', async () => {
  const [unknown] = await freeNumbers(page.request, '77', 1);
  const csv = [
    '宛名番号,希望検診,集団検診日,会場,受付方法,回答日,備考',
    `${p3.atenaNo},肺がん,,,電子申請,${warekiInput(todayJst())},${csvNote}`,
    `${unknown},胃がん・肺がん,,,電子申請,,`,
    '',
  ].join('\r\n');
  await page.goto('/adult/preferences');
  const card = page.getByRole('region', { name: '受診希望の取込（CSV・XML）' });
  await card.getByLabel('取込ファイル').setInputFiles({
    name: `受診希望_${run}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await card.getByRole('button', { name: '確認（取り込まない）' }).click();
  const result = card.getByRole('region', { name: '取込の確認結果' });
  await expect(result.getByRole('status')).toHaveText(
    '全 2行: 正しい行 1件 / 誤りのある行 1件（まだ取り込んでいません）',
  );
  const errors = result.getByRole('table', { name: '誤りのある行' });
  await expect(errors.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(1);
  await expect(errors.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '3',
    unknown!,
    `宛名番号 ${unknown} の方が見つかりません。宛名番号を確かめてください。`,
  ]);
  // nothing saved yet
  const table = page.getByRole('table', { name: '登録済みの受診希望' });
  await expect(table.getByRole('row').filter({ hasText: p3.atenaNo })).toHaveCount(0);

  await card.getByRole('button', { name: '正しい行を取り込む（1件）' }).click();
  const done = card.getByRole('status').filter({ hasText: '取り込みました' });
  await expect(done).toContainText('1件を登録しました。 誤りのある 1行は取り込んでいません。');
  const row3 = table.getByRole('row').filter({ hasText: p3.atenaNo });
  await expect(row3.getByRole('cell').nth(3)).toHaveText('肺がん');
  await expect(row3.getByRole('cell').nth(5)).toHaveText('CSV取込');
  await expect(row3.getByRole('cell').nth(7)).toHaveText(csvNote);
  await expect(table.getByRole('row').filter({ hasText: unknown! })).toHaveCount(0);
});

test('受診票送付対象者（受診希望者）を抽出: 回答した方だけが、希望した検診だけで載る', async () => {
  ticketListId = await extractList(page, '受診票送付対象者（受診希望者）', ['胃がん検診', '肺がん検診']);
  await expect(page.getByRole('region', { name: 'リストの概要' })).toContainText(
    '種類: 受診票送付対象者（受診希望者）',
  );

  const answers = await getJson<{ rows: { residentId: number; programs: string[] }[]; total: number }>(
    `/api/adult/preferences?fiscalYear=${fy}&limit=500`,
  );
  const wanted = new Map(
    answers.rows.map((r) => [r.residentId, r.programs.filter((p) => p === 'stomach' || p === 'lung')]),
  );
  expect(wanted.get(p1.residentId)).toEqual(['stomach', 'lung']);
  expect(wanted.get(p2.residentId)).toEqual(['stomach']);
  expect(wanted.get(p3.residentId)).toEqual(['lung']);

  const list = await entriesOf(ticketListId);
  expect(new Map(list.rows.map((e) => [e.residentId, e.programs]))).toEqual(wanted);
  expect(list.rows.every((e) => e.included)).toBe(true);

  await expect(page.getByRole('status').filter({ hasText: /^該当/ })).toHaveText(
    new RegExp(`^該当 ${answers.total}人`),
  );
  const table = page.getByRole('table', { name: '対象者' });
  for (const [p, programs] of [
    [p1, '胃がん・肺がん'],
    [p2, '胃がん'],
    [p3, '肺がん'],
  ] as const)
    await expect(table.getByRole('row').filter({ hasText: p.atenaNo }).getByRole('cell').nth(5)).toHaveText(
      programs,
    );
});

test('受診票（券）: 作成後に転出した方は引き抜きリストへ。印刷した PDF は希望者の受診票（券）だけ。送付履歴', async () => {
  test.setTimeout(120_000);
  await page.goto(`/adult/lists/${ticketListId}`);
  ticketSendDate = nextBusinessDay(addDays(todayJst(), 2));
  ticketMailingId = await createMailing(page, ticketSendDate);
  await expect(page.getByText('帳票名 受診票（券）')).toBeVisible();

  // P3 moves out after the mailing was made, before printing
  await moveOutByImport(page, [p3.residentId], { date: todayJst(), fileName: `転出_F02-01_${run}.csv` });
  expect((await residentOf(page.request, p3.residentId)).status).toBe('moved_out');

  await page.goto(`/mailings/${ticketMailingId}`);
  await checkMailing(page);
  const pulled = await searchMailing(page, '引き抜きリスト', p3.atenaNo);
  const row = pulled.getByRole('row').filter({ hasText: p3.atenaNo });
  await expect(row).toContainText(p3.name);
  await expect(row.getByRole('cell').nth(3)).toHaveText('転出');
  await expect(mailingTab(page, '引き抜きリスト')).toHaveText('引き抜きリスト（1）');
  await confirmPendingSupport(page, ticketMailingId, `E2E ${run} 送付先を確認済み`);

  const links = await printMailing(page);
  await expect(links).toHaveCount(1);
  const file = await downloadOf(page, links.first());
  expect(file.name).toMatch(new RegExp(`^受診票（券）_${formatWareki(ticketSendDate)}_`));
  const pages = await pdfPages(file.bytes);
  const { mailing } = await getJson<{ mailing: { counts: { included: number } } }>(
    `/api/mailings/${ticketMailingId}`,
  );
  expect(pages).toHaveLength(mailing.counts.included);
  const pageOf = (p: Entry) => {
    const found = pages.filter((t) => t.includes(`宛名番号${p.atenaNo}`));
    expect(found, `${p.name}'s page`).toHaveLength(1);
    return found[0]!;
  };
  const page1 = pageOf(p1);
  expect(page1).toContain(compact(`${p1.name} 様`));
  expect(page1).toContain('受診票（券）');
  expect(page1).toContain('胃がん検診');
  expect(page1).toContain('肺がん検診');
  const page2 = pageOf(p2);
  expect(page2).toContain(compact(`${p2.name} 様`));
  expect(page2).toContain('胃がん検診');
  expect(page2).not.toContain('肺がん検診');
  // both 検査方法 of 胃がん, each on its own row with its 自己負担金 in full (事業マスタ of the demo city)
  expect(page2).toContain('胃がん検診胃部エックス線検査1,000円');
  // the 集団検診 P2 booked with the answer is printed on the ticket
  expect(page2).toContain(
    compact(`集団検診のご予約: ${formatWareki(booked.session_date)} ${booked.start_time}〜 ${booked.venue}`),
  );
  expect(page2).toContain('胃内視鏡検査3,000円');
  const all = pages.join('\n');
  expect(all).not.toContain(compact(p3.name));
  expect(all).not.toContain(p3.atenaNo);

  await registerSend(page, formatWareki(ticketSendDate));

  // P1 got both: the survey, then the ticket
  const history = await openSendHistory(page, p1.residentId, p1.name);
  const ticket = history.getByRole('row').filter({ hasText: '受診票（券）' });
  await expect(ticket).toHaveCount(1);
  await expect(ticket.getByRole('cell').nth(0)).toHaveText(formatWareki(ticketSendDate));
  const survey = history.getByRole('row').filter({ hasText: '希望調査票' });
  await expect(survey).toHaveCount(1);
  await expect(survey.getByRole('cell').nth(0)).toHaveText(formatWareki(surveySendDate));
  // P3 (転出) got the survey only
  const p3History = await getJson<{ records: { documentTitle: string }[] }>(
    `/api/residents/${p3.residentId}/send-records`,
  );
  expect(p3History.records.map((r) => r.documentTitle)).toEqual(['希望調査票']);
});
