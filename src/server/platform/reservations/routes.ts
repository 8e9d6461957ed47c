import { z } from 'zod';
import { attachment, csvFileName } from '../csv/export.ts';
import { AppError } from '../errors/app-error.ts';
import { actorOf, userOf, type ZApp } from '../http/app.ts';
import { disposition } from '../http/file-reply.ts';
import {
  bookBody,
  cancelBody,
  moveBody,
  receptionBody,
  sessionInputSchema,
  sessionStatusSchema,
  walkInBody,
} from './input.ts';
import type { ReservationsService } from './service.ts';

const id = z.coerce.number().int().min(1);
const idParams = z.object({ id });
const version = z.object({ version: z.number({ error: '版数（version）がありません。' }).int() });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日付は YYYY-MM-DD で指定してください（例: 2026-06-10）。' });
const listQuery = z.object({
  purpose: z.string().max(100).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: sessionStatusSchema.optional(),
});

/**
 * 日程・予約・受付 API. Reading sessions, their bookings and the 受付名簿 needs reservations.view; booking,
 * cancelling, moving, promoting, 当日受付 and 受付情報 reservations.book; planning sessions (and booking after
 * the 締切) reservations.manage.
 */
export function registerReservationRoutes(app: ZApp, deps: { reservations: ReservationsService }) {
  const { reservations: r } = deps;

  app.get('/api/reservations/purposes', { config: { permission: 'reservations.view' } }, async () => ({
    purposes: r.purposes(),
  }));
  app.get(
    '/api/reservations/sessions',
    { config: { permission: 'reservations.view' }, schema: { querystring: listQuery } },
    async (req) => ({ sessions: await r.sessions.list(req.query) }),
  );
  app.get(
    '/api/reservations/sessions/:id',
    { config: { permission: 'reservations.view' }, schema: { params: idParams } },
    async (req) => r.sessions.detail(actorOf(req), req.params.id),
  );
  app.post(
    '/api/reservations/sessions',
    { config: { permission: 'reservations.manage' }, schema: { body: sessionInputSchema } },
    async (req) => ({ session: await r.sessions.create(actorOf(req), req.body) }),
  );
  app.put(
    '/api/reservations/sessions/:id',
    {
      config: { permission: 'reservations.manage' },
      schema: { params: idParams, body: sessionInputSchema.and(version) },
    },
    async (req) => {
      const { version: v, ...input } = req.body;
      return { session: await r.sessions.update(actorOf(req), req.params.id, v, input) };
    },
  );
  app.post(
    '/api/reservations/sessions/:id/status',
    {
      config: { permission: 'reservations.manage' },
      schema: { params: idParams, body: version.extend({ status: sessionStatusSchema }) },
    },
    async (req) => ({
      session: await r.sessions.setStatus(actorOf(req), req.params.id, req.body.version, req.body.status),
    }),
  );

  // ── 予約 ──────────────────────────────────────────────────────────────────
  app.post(
    '/api/reservations/sessions/:id/bookings',
    { config: { permission: 'reservations.book' }, schema: { params: idParams, body: bookBody } },
    async (req) => {
      const b = req.body;
      if (b.afterCutoff && !userOf(req).permissions.includes('reservations.manage'))
        throw new AppError(
          403,
          'FORBIDDEN',
          '締切後の受付には「日程の登録・変更と締切後の予約」の権限が必要です。管理者に依頼してください。',
        );
      const booking = await r.book(actorOf(req), {
        sessionId: req.params.id,
        slotId: b.slotId ?? null,
        residentId: b.residentId,
        source: 'counter',
        waitIfFull: b.waitIfFull,
        override: { cutoff: b.afterCutoff },
      });
      return { booking };
    },
  );
  app.post(
    '/api/reservations/sessions/:id/walk-in',
    { config: { permission: 'reservations.book' }, schema: { params: idParams, body: walkInBody } },
    async (req) => ({
      booking: await r.walkIn(actorOf(req), req.params.id, req.body.residentId, {
        note: req.body.note,
        slotId: req.body.slotId ?? null,
      }),
    }),
  );
  app.post(
    '/api/reservations/bookings/:id/cancel',
    { config: { permission: 'reservations.book' }, schema: { params: idParams, body: cancelBody } },
    async (req) => ({
      booking: await r.cancel(actorOf(req), req.params.id, req.body.reason, req.body.version),
    }),
  );
  app.post(
    '/api/reservations/bookings/:id/move',
    { config: { permission: 'reservations.book' }, schema: { params: idParams, body: moveBody } },
    async (req) => ({
      booking: await r.move(actorOf(req), req.params.id, req.body.version, {
        sessionId: req.body.toSessionId,
        slotId: req.body.toSlotId ?? null,
      }),
    }),
  );
  app.post(
    '/api/reservations/bookings/:id/promote',
    { config: { permission: 'reservations.book' }, schema: { params: idParams, body: version } },
    async (req) => ({ booking: await r.promote(actorOf(req), req.params.id, req.body.version) }),
  );
  app.post(
    '/api/reservations/bookings/:id/reception',
    { config: { permission: 'reservations.book' }, schema: { params: idParams, body: receptionBody } },
    async (req) => ({
      booking: await r.setReception(
        actorOf(req),
        req.params.id,
        { reception: req.body.reception, note: req.body.note },
        req.body.version,
      ),
    }),
  );

  // ── 受付名簿 ──────────────────────────────────────────────────────────────
  app.get(
    '/api/reservations/sessions/:id/roster.pdf',
    { config: { permission: 'reservations.view' }, schema: { params: idParams } },
    async (req, reply) => {
      const out = await r.roster(actorOf(req), req.params.id, { format: 'pdf' });
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', disposition('inline', out.fileName, 'roster.pdf'));
      reply.header('cache-control', 'no-store');
      return reply.send(out.body);
    },
  );
  app.get(
    '/api/reservations/sessions/:id/roster.csv',
    {
      config: { permission: 'reservations.view' },
      schema: {
        params: idParams,
        querystring: z.object({ encoding: z.enum(['utf8', 'sjis']).default('utf8') }),
      },
    },
    async (req, reply) => {
      const { encoding } = req.query;
      const out = await r.roster(actorOf(req), req.params.id, { format: 'csv', encoding });
      reply.header('content-type', `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`);
      reply.header(
        'content-disposition',
        attachment(csvFileName(out.fileName.replace(/\.csv$/, ''), encoding)),
      );
      reply.header('x-unmappable-characters', String(out.unmappable.length));
      reply.header('cache-control', 'no-store');
      return reply.send(out.body);
    },
  );
}
