/** Helpers of the 乳幼児健診の案内・未受診者勧奨 specs (F07-03, F07-07). */
import { expect, type Page } from '@playwright/test';
import { addDays, addMonthsClamped } from '../../src/server/platform/calendar/index.ts';
import { csrfToken } from './helpers.ts';

/** A birth date reaching 生後`months`月 (§1.2: the day before the 応当日) on `day`. */
export const bornReaching = (day: string, months: number): string =>
  addDays(addMonthsClamped(day, -months), 1);

export async function waitJob(page: Page, jobId: number): Promise<{ status: string; result: unknown }> {
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { job: { status: string } }).job
          .status,
      { timeout: 90_000 },
    )
    .toMatch(/succeeded|failed|cancelled/);
  return (
    (await (await page.request.get(`/api/jobs/${jobId}`)).json()) as {
      job: { status: string; result: unknown };
    }
  ).job;
}

/**
 * The invitation of a checkup sent through the API (F07-03 done before F07-07): a session, the extraction of the
 * period, the mailing, 引き抜き確認, printing and the send records (support-measure items confirmed as sent).
 */
export async function sendInvitations(
  page: Page,
  o: { checkup: string; from: string; to: string; sessionDate: string; sendDate: string },
): Promise<number> {
  const headers = { 'x-csrf-token': await csrfToken(page.request) };
  const post = async (url: string, data: unknown = {}) => {
    const res = await page.request.post(url, { headers, data });
    expect(res.ok(), await res.text()).toBe(true);
    return res.json();
  };
  const venues = (await (await page.request.get('/api/venues')).json()) as {
    venues: { id: number; active: boolean }[];
  };
  await post('/api/infant/invitations/sessions', {
    checkup: o.checkup,
    venueId: venues.venues.find((v) => v.active)!.id,
    sessionDate: o.sessionDate,
    startTime: '09:30',
    endTime: '11:30',
    capacity: 200,
  });
  const { list } = await post('/api/infant/invitations/lists', {
    checkup: o.checkup,
    from: o.from,
    to: o.to,
  });
  expect((await waitJob(page, list.jobId)).status).toBe('succeeded');
  const { job } = await post(`/api/infant/invitations/lists/${list.id}/mailing`, { sendDate: o.sendDate });
  const done = await waitJob(page, job.id);
  expect(done.status).toBe('succeeded');
  const mailingId = (done.result as { mailingId: number }).mailingId;
  await post(`/api/mailings/${mailingId}/check`);
  const pending = (await (
    await page.request.get(`/api/mailings/${mailingId}/items?status=pending&limit=500`)
  ).json()) as {
    rows: { residentId: number }[];
  };
  for (const r of pending.rows)
    await post(`/api/mailings/${mailingId}/items/${r.residentId}/confirm`, {
      send: true,
      note: 'E2E 確認済み',
    });
  const printed = await post(`/api/mailings/${mailingId}/print`);
  expect((await waitJob(page, printed.job.id)).status).toBe('succeeded');
  await post(`/api/mailings/${mailingId}/sent`, { sentOn: o.sendDate });
  return mailingId;
}
