import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { type Session, testApp } from '../../test/http.ts';

const fy = fiscalYearOf(today()) + 1;

describe('日程割当 routes', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let clerk: Session;
  let viewer: Session;
  beforeAll(async () => {
    t = await testApp();
    await t.user('jimu_t', 'clerk');
    await t.user('etsuran_t', 'viewer');
    clerk = await t.login('jimu_t');
    viewer = await t.login('etsuran_t');
  });
  afterAll(() => t.close());

  const url = `/api/adult/preferences/${fy}/allocation`;

  it('previews with adult.view and applies with adult.edit only', async () => {
    const preview = await t.as(viewer)({ url: `${url}?fromDate=${addDays(today(), 2)}` });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ waiting: 0, assigned: 0, sessions: [], unassigned: [] });
    expect((await t.as(viewer)({ method: 'POST', url, payload: {} })).statusCode).toBe(403);
    const applied = await t.as(clerk)({ method: 'POST', url, payload: { venueId: 1 } });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ fromDate: addDays(today(), 1), venueId: 1, assigned: 0 });
  });

  it('answers a wrong from-date or venue in Japanese', async () => {
    const bad = await t.as(clerk)({ method: 'POST', url, payload: { fromDate: '令和8年13月1日' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ path: 'fromDate' });
    const past = await t.as(clerk)({ url: `${url}?fromDate=${today()}` });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe(
      '割り当てる日程の開始日は明日以降にしてください（今日までの日程には割り当てません）。',
    );
    const venue = await t.as(clerk)({ url: `${url}?venueId=abc` });
    expect(venue.statusCode).toBe(400);
  });
});
