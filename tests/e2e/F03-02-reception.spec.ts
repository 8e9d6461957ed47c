import { expect, type Page, test } from '@playwright/test';
import { fiscalYearOf, formatWareki } from '../../src/server/platform/calendar/index.ts';
import {
  compact,
  csrfToken,
  downloadOf,
  expectNoSeriousA11yViolations,
  pdfPages,
  signIn,
  todayJst,
  token,
  warekiInput,
} from './helpers.ts';

/**
 * F03-02 受付情報登録 on the reservations engine: the admin plans a 集団検診 (定員 2, on a 祝日) on the 事業マスタ
 * screen → 事務 books one person →
 * two staff (事務 and 保健師, two browsers) book the last place at the same moment: exactly one gets it, the
 * other sees the 定員 message → 受付 / 欠席 → 当日受付（予約なし） → 受付名簿 as PDF (names, 和暦) and CSV.
 */
const run = token();

type Person = { id: number; atenaNo: string; name: string; sex: string; supportMeasure: boolean };

async function openBooking(page: Page, person: Person) {
  await page.getByRole('button', { name: '予約を登録' }).click();
  const dialog = page.getByRole('dialog', { name: '予約の登録' });
  await dialog.getByLabel('宛名番号・氏名・カナ・生年月日').fill(person.atenaNo);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: `宛名番号 ${person.atenaNo}` })).toBeVisible();
  return dialog;
}

test('受付: 最後の1枠を2人が同時に予約すると1人だけ予約でき、受付・欠席・当日受付のあと名簿を出力する', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  // the admin plans the session on the 事業マスタ screen: next 年度 (always ahead), on 憲法記念日 (flagged 祝日)
  const fy = fiscalYearOf(todayJst()) + 1;
  const date = `${fy}-05-03`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin', `/adult/programs?fy=${fy}&tab=sessions`);
  const { venues } = (await (await admin.request.get('/api/venues')).json()) as {
    venues: { id: number; code: string; name: string }[];
  };
  const venue = venues[0]!;
  await admin.getByRole('button', { name: '日程を登録' }).click();
  const form = admin.getByRole('dialog', { name: /集団検診日程の登録/ });
  await form.getByLabel('実施日').fill(warekiInput(date));
  await form.getByLabel('開始時刻').fill('13:00');
  await form.getByLabel('終了時刻').fill('15:00');
  await form.getByPlaceholder('コード・名称・カナで検索').fill(venue.code);
  await admin.getByRole('option', { name: `${venue.code} ${venue.name}` }).click();
  await form.getByLabel('定員').fill('2');
  await form.getByRole('checkbox', { name: '胃がん検診' }).check();
  await form.getByLabel('備考').fill(`E2E 受付 ${run}`);
  await form.getByRole('button', { name: '登録' }).click();
  await expect(form).toBeHidden();
  const planned = admin
    .getByRole('row')
    .filter({ hasText: venue.name })
    .filter({ hasText: formatWareki(date) });
  await expect(planned).toContainText('祝日（憲法記念日）');
  await expect(planned).toContainText('受付中');
  await expect(planned).toContainText('0 / 2人');
  const { sessions } = (await (
    await admin.request.get(`/api/reservations/sessions?fiscalYear=${fy}&from=${date}&to=${date}`)
  ).json()) as { sessions: { id: number; venueId: number }[] };
  const sessionId = sessions.find((x) => x.venueId === venue.id)!.id;
  await adminContext.close();

  // 事務: four people (not 支援措置) — one booked already, two racing for the last place, one walk-in
  await signIn(page, 'jimu', `/reservations/sessions/${sessionId}`);
  const found = (await (await page.request.get('/api/residents?status=resident&limit=200')).json()) as {
    rows: Person[];
  };
  const [first, racerA, racerB, walkIn] = found.rows.filter((r) => !r.supportMeasure).slice(40, 44) as [
    Person,
    Person,
    Person,
    Person,
  ];
  const booked = await page.request.post(`/api/reservations/sessions/${sessionId}/bookings`, {
    headers: { 'x-csrf-token': await csrfToken(page.request) },
    data: { residentId: first.id },
  });
  expect(booked.status(), await booked.text()).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    new RegExp(`${formatWareki(date)}（.）\\s*${venue.name}`),
  );
  await expect(page.getByRole('region', { name: '人数' })).toContainText('定員 2人予約 1人');

  // the race: 事務 and 保健師 press 予約する at the same moment
  const nurseContext = await browser.newContext();
  const nurse = await nurseContext.newPage();
  await signIn(nurse, 'hokenshi', `/reservations/sessions/${sessionId}`);
  const dialogA = await openBooking(page, racerA);
  const dialogB = await openBooking(nurse, racerB);
  await Promise.all([
    dialogA.getByRole('button', { name: '予約する' }).click(),
    dialogB.getByRole('button', { name: '予約する' }).click(),
  ]);
  const message = 'この日程は定員（2人）に達しています。キャンセル待ちにするか、別の日程を選んでください。';
  const refusedA = dialogA.getByRole('alert').filter({ hasText: message });
  const refusedB = dialogB.getByRole('alert').filter({ hasText: message });
  await expect
    .poll(async () => [await refusedA.isVisible(), await refusedB.isVisible()].filter(Boolean).length)
    .toBe(1);
  const aWon = !(await refusedA.isVisible());
  const [winner, loser] = aWon ? [racerA, racerB] : [racerB, racerA];
  await expect(aWon ? dialogA : dialogB).toBeHidden();
  await expect(aWon ? refusedB : refusedA).toBeVisible();
  await nurseContext.close();
  await page.reload();

  const table = page.getByRole('table', { name: '予約一覧' });
  await expect(table.getByRole('row').filter({ hasText: winner.atenaNo })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: loser.atenaNo })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '人数' })).toContainText('予約 2人');

  // 受付 / 欠席 with the keyboard-reachable row buttons
  await table.getByRole('button', { name: `${first.name}さんを受付` }).click();
  await expect(table.getByRole('row').filter({ hasText: first.atenaNo })).toContainText('受付済');
  await table.getByRole('button', { name: `${winner.name}さんを欠席にする` }).click();
  await expect(table.getByRole('row').filter({ hasText: winner.atenaNo })).toContainText('欠席');

  // 当日受付（予約なし）: beyond the 定員, flagged 定員超過
  await page.getByRole('button', { name: '当日受付（予約なし）' }).click();
  const walk = page.getByRole('dialog', { name: '当日受付（予約なし）' });
  await walk.getByLabel('宛名番号・氏名・カナ・生年月日').fill(walkIn.atenaNo);
  await page.keyboard.press('Enter');
  await expect(walk.getByRole('status').filter({ hasText: `宛名番号 ${walkIn.atenaNo}` })).toBeVisible();
  await walk.getByLabel('受付の備考').fill('予約なしで来所');
  await walk.getByRole('button', { name: '受付する' }).click();
  await expect(walk).toBeHidden();
  const counts = page.getByRole('region', { name: '人数' });
  await expect(counts).toContainText('受付済 2人');
  await expect(counts).toContainText('定員超過');
  await expectNoSeriousA11yViolations(page, '受付');

  // 受付名簿: PDF (the button opens it in a new tab; read it through the same URL) and CSV
  const pdfLink = page.getByRole('link', { name: '名簿PDF' });
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = (await pdfPages(await pdf.body())).join('');
  for (const p of [first, winner, walkIn]) expect(text).toContain(compact(p.name));
  expect(text).not.toContain(compact(loser.name));
  expect(text).toContain(compact(formatWareki(date)));
  expect(text).toContain('受付名簿（集団検診）');

  const csv = await downloadOf(page, page.getByRole('link', { name: '名簿CSV' }));
  const lines = csv.bytes
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('番号,時間枠,宛名番号,氏名,カナ,生年月日,受付,備考');
  expect(lines).toHaveLength(4);
  expect(lines.find((l) => l.includes(first.atenaNo))).toContain(',受付済,');
  expect(lines.find((l) => l.includes(winner.atenaNo))).toContain(',欠席,');
  expect(lines.find((l) => l.includes(walkIn.atenaNo))).toContain('当日受付 予約なしで来所');
});
