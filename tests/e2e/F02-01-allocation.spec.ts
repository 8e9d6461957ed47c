import { expect, test } from '@playwright/test';
import {
  addDays,
  fiscalYearOf,
  formatWareki,
  nextBusinessDay,
} from '../../src/server/platform/calendar/index.ts';
import { planSession } from './application-helpers.ts';
import { expectNoSeriousA11yViolations, login, todayJst, token } from './helpers.ts';

/**
 * F02-01 集団検診の日程割当: the admin adds a 乳がん 集団検診 (定員 2) in the next 年度 (kept apart from the
 * F02-01 spec's answers) → 事務 registers two women 集団希望 without a date → 日程割当: 割当を確認 (counts per
 * session) → 割り当てる → both answers show the date.
 */
const run = token();

type Person = { id: number; atenaNo: string; name: string; sex: string; supportMeasure: boolean };

test('集団検診の日程割当: 日程が未定の集団希望2人を確認してから定員どおりに割り当てる', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  // as admin: the session (the only one of the next 年度) at the first venue
  const fy = fiscalYearOf(todayJst()) + 1;
  const date = nextBusinessDay(`${fy}-06-10`);
  const { venue } = await planSession(browser, {
    fiscalYear: fy,
    programs: ['breast'],
    sessionDate: date,
    startTime: '09:00',
    endTime: '11:00',
    capacity: 2,
    note: `E2E ${run}`,
  });
  const sessionLabel = `${formatWareki(date)} ${venue.name}（乳がん）`;

  await login(page, 'jimu');
  // two women without an answer in that 年度
  const found = (await (await page.request.get('/api/residents?status=resident&limit=200')).json()) as {
    rows: Person[];
  };
  const people: Person[] = [];
  for (const r of found.rows.filter((x) => x.sex === '2' && !x.supportMeasure)) {
    const pref = await (await page.request.get(`/api/adult/preferences/${fy}/${r.id}`)).json();
    if (pref.preference === null) people.push(r);
    if (people.length === 2) break;
  }
  expect(people).toHaveLength(2);

  await page.goto(`/adult/preferences?fy=${fy}`);
  const form = page.getByRole('form', { name: '受診希望の入力' });
  const table = page.getByRole('table', { name: '登録済みの受診希望' });
  for (const p of people) {
    await form.getByLabel('宛名番号', { exact: true }).fill(p.atenaNo);
    await page.keyboard.press('Enter');
    await expect(form.getByRole('link', { name: p.name })).toBeVisible();
    await form.getByRole('checkbox', { name: '乳がん検診', exact: true }).check();
    await form.getByRole('radio', { name: '集団' }).check();
    await expect(form.getByLabel('集団検診の日程（任意）')).toHaveValue('');
    await page.keyboard.press('Control+Enter');
    await expect(form.getByRole('status')).toHaveText(
      `${p.name}（宛名番号 ${p.atenaNo}）の受診希望を登録しました。`,
    );
    await expect(table.getByRole('row').filter({ hasText: p.atenaNo }).getByRole('cell').nth(4)).toHaveText(
      '集団（未割当）',
    );
  }

  const section = page.getByRole('region', { name: '集団検診の日程割当' });
  await section.getByRole('button', { name: '日程割当…' }).click();
  const dialog = page.getByRole('dialog', { name: '集団検診の日程割当' });
  const tomorrow = addDays(todayJst(), 1);
  await expect(dialog.getByLabel('割り当てる日程の開始日')).toHaveAccessibleDescription(
    `${formatWareki(tomorrow)} (${tomorrow.slice(0, 4)}年)`,
  );
  await dialog.getByLabel('会場').selectOption({ label: venue.name });
  await dialog.getByRole('button', { name: '割当を確認' }).click();
  const preview = dialog.getByRole('region', { name: '割当の確認結果' });
  await expect(preview.getByRole('status')).toHaveText(
    '日程が未定の方 2人: 割当 2人 / 割り当てられない方 0人（まだ割り当てていません）',
  );
  await expect(
    preview.getByRole('table', { name: '日程ごとの割当（確認）' }).getByRole('row').nth(1).getByRole('cell'),
  ).toHaveText([`${formatWareki(date)} 09:00〜11:00`, venue.name, '乳がん', '2', '0', '2']);
  await expectNoSeriousA11yViolations(page, '集団検診の日程割当');

  await dialog.getByRole('button', { name: '割り当てる（2人）' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '割り当てました' })).toContainText(
    '2人に日程を割り当てました。',
  );
  await dialog.getByRole('button', { name: '閉じる', exact: true }).first().click();
  await expect(dialog).toBeHidden();
  for (const p of people)
    await expect(table.getByRole('row').filter({ hasText: p.atenaNo }).getByRole('cell').nth(4)).toHaveText(
      sessionLabel,
    );
});
