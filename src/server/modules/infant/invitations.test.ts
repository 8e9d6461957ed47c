import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import type { Actor } from '../../platform/audit/service.ts';
import {
  addDays,
  addMonthsClamped,
  firstDayOfMonth,
  formatWareki,
  lastDayOfMonth,
  today,
} from '../../platform/calendar/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';

const actor: Actor = { userId: null, loginId: 'test', roleCode: 'admin' };
const compact = (s: string) => s.replace(/\s+/g, '');

// the period: next month; children reaching 生後18月 in it (1歳6か月児健診), sessions the month after
const from = firstDayOfMonth(addMonthsClamped(today(), 1));
const to = lastDayOfMonth(from);
const bornReaching = (day: string) => addDays(addMonthsClamped(day, -18), 1);
const s1 = addDays(to, 10);
const s2 = addDays(to, 17);

/** A result of the checkup (the result entry is another file's; test-only SQL). */
async function addResult(s: Services, child: number, code: string, on: string) {
  await s.database.query(
    `INSERT INTO infant_checkup_results (child_resident_id, checkup, mode, examined_on, age_months, judgement, source)
     VALUES ($1, $2, 'group', $3, 18, 'normal', 'manual')`,
    [child, code, on],
  );
}

describe('乳幼児健診の案内・未受診者勧奨 (F07-03, F07-07 service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  const id = (n: string) => ids.get(`00000771${n}`)!;
  let session1: number;
  let session2: number;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    await s.settings.ensureDefaults();
    ids = await addResidents(s, [
      { atenaNo: '0000077101', name: '案内 一郎', birthDate: bornReaching(addDays(from, 2)), sex: '1' },
      { atenaNo: '0000077102', name: '案内 二葉', birthDate: bornReaching(addDays(from, 5)), sex: '2' },
      { atenaNo: '0000077103', name: '案内 三太', birthDate: bornReaching(addDays(from, 9)), sex: '1' },
      { atenaNo: '0000077104', name: '受診 四郎', birthDate: bornReaching(addDays(from, 3)), sex: '1' },
      { atenaNo: '0000077105', name: '転出 五郎', birthDate: bornReaching(addDays(from, 4)), sex: '1' },
      { atenaNo: '0000077106', name: '対象外 六子', birthDate: bornReaching(addDays(to, 3)), sex: '2' },
    ]);
    await addResult(s, id('04'), 'y1h', addDays(from, -1));
    const [v] = await s.database.query<{ id: number }>(
      `INSERT INTO venues (code, name) VALUES ('IV1', '中央保健センター') RETURNING id`,
    );
    const session = (sessionDate: string, capacity: number) =>
      s.infantInvitations.invitations.createSession(actor, {
        checkup: 'y1h',
        venueId: Number(v!.id),
        sessionDate,
        startTime: '13:00',
        endTime: '15:00',
        capacity,
      });
    session1 = (await session(s1, 2)).id;
    session2 = (await session(s2, 10)).id;
  }, 60_000);
  afterAll(() => drop());

  it('lists the sessions of the checkup (乳幼児健診 in the reservations engine)', async () => {
    const sessions = await s.infantInvitations.invitations.sessions('y1h', from);
    expect(sessions.map((x) => [x.id, x.venue, x.capacity])).toEqual([
      [session1, '中央保健センター', 2],
      [session2, '中央保健センター', 10],
    ]);
    await expect(
      s.infantInvitations.invitations.createSession(actor, { checkup: 'zz', sessionDate: s1 }),
    ).rejects.toThrow('健診を選んでください');
  });

  let listId: number;
  it('extracts the children reaching 生後18月 in the period, allocated to the sessions by capacity', async () => {
    await expect(
      s.infantInvitations.invitations.startExtraction(actor, { checkup: 'y1h', from: to, to: from }),
    ).rejects.toThrow('期間の終わりが始まりより前です');
    const list = await s.infantInvitations.invitations.startExtraction(actor, { checkup: 'y1h', from, to });
    listId = list.id;
    await s.jobs.runPending();
    const { rows } = await s.infantInvitations.invitations.entries(
      actor,
      listId,
      {},
      { offset: 0, limit: 50 },
    );
    const got = rows
      .map((r) => [r.name, r.included, r.venue, r.session.startsWith(formatWareki(r.included ? s1 : s2))])
      .sort();
    expect(got).toEqual([
      ['案内 一郎', true, '中央保健センター', true],
      ['案内 三太', true, '中央保健センター', false],
      ['案内 二葉', true, '中央保健センター', false],
      ['転出 五郎', true, '中央保健センター', true],
    ]);
    // 受診 四郎 (result already) and 対象外 六子 (reaches the age after the period) are not listed
  });

  it('excludes with a reason (入院中) and mails 案内通知 + 健康診査票; the allocated are booked', async () => {
    await s.infantInvitations.invitations.exclude(actor, listId, id('03'), {
      reason: 'hospitalized',
      note: '',
    });
    await s.database.query(`UPDATE residents SET status = 'moved_out' WHERE id = $1`, [id('05')]);
    const job = await s.infantInvitations.invitations.startMailing(actor, listId, {
      sendDate: from,
      method: 'post',
    });
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done.status, done.error ?? '').toBe('succeeded');
    const mailingId = (done.result as { mailingId: number }).mailingId;
    const pages = (await pdfText(await s.mailings.preview(actor, mailingId, { residentId: id('01') })))
      .map(compact)
      .join('');
    expect(pages).toContain('1歳6か月児健康診査のご案内');
    expect(pages).toContain('案内一郎');
    expect(pages).toContain(compact(formatWareki(s1)));
    expect(pages).toContain('中央保健センター');
    expect(pages).toContain('健康診査票');
    expect(pages).toContain('言語障害の有無');
    await s.mailings.check(actor, mailingId);
    const pulled = await s.mailings.items(actor, mailingId, { status: 'pulled_out', offset: 0, limit: 10 });
    expect(pulled.rows.map((r) => r.residentId)).toEqual([id('05')]);
    const booked = await s.database.query<{ resident_id: number; session_id: number }>(
      `SELECT resident_id, session_id FROM bookings WHERE status = 'booked' ORDER BY resident_id`,
    );
    expect(booked.map((b) => [Number(b.resident_id), Number(b.session_id)])).toEqual([
      [id('01'), session1],
      [id('02'), session2],
      [id('05'), session1],
    ]);
    const printed = await s.mailings.print(actor, mailingId);
    await s.jobs.runPending();
    expect((await s.jobs.get(printed.job.id)).status).toBe('succeeded');
    await s.mailings.registerSent(actor, mailingId, { sentOn: from });
  });

  it('個別: a 受診票番号 per child with a check digit', async () => {
    const list = await s.infantInvitations.invitations.startExtraction(actor, {
      checkup: 'y1h',
      mode: 'individual',
      from,
      to,
    });
    await s.jobs.runPending();
    const { rows } = await s.infantInvitations.invitations.entries(
      actor,
      list.id,
      {},
      { offset: 0, limit: 50 },
    );
    const nos = rows.map((r) => r.ticketNo);
    expect(nos.every((n) => /^Y1H-\d{4}-\d{4}-\d{4}-\d$/.test(n))).toBe(true);
    expect(new Set(nos).size).toBe(nos.length);
  });

  it('F07-07: invited children without a result are listed (CSV), a child with a result is not', async () => {
    const asOf = addDays(s2, 1);
    await addResult(s, id('02'), 'y1h', s2);
    const found = await s.infantInvitations.reminders.search(actor, { checkup: 'y1h', asOf });
    expect(found.rows.map((r) => r.name)).toEqual(['案内 一郎']);
    await s.infantInvitations.reminders.recordCall(actor, {
      residentId: id('01'),
      checkup: 'y1h',
      asOf,
      outcome: 'no_answer',
    });
    const csv = await s.infantInvitations.reminders.exportCsv(actor, { checkup: 'y1h', asOf }, 'utf8');
    const text = csv.body.toString('utf8');
    expect(text).toContain('案内 一郎');
    expect(text).toContain('不在・留守電');
    expect(text).not.toContain('案内 二葉');

    const job = await s.infantInvitations.reminders.startMailing(
      actor,
      { checkup: 'y1h', asOf },
      { sendDate: asOf, method: 'post' },
    );
    await s.jobs.runPending();
    const done = await s.jobs.get(job.id);
    expect(done.status, done.error ?? '').toBe('succeeded');
    const mailingId = (done.result as { mailingId: number }).mailingId;
    const page = (await pdfText(await s.mailings.preview(actor, mailingId, { residentId: id('01') })))
      .map(compact)
      .join('');
    expect(page).toContain('1歳6か月児健康診査の受診のおすすめ');
    expect(page).toContain('案内一郎');
  });
});
