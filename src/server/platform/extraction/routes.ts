/**
 * The routes every area's 対象者リスト has alike: the list, and an entry excluded (with a reason) or put back. The
 * area registers them under its own URL and permissions and adds its own (extraction, entries, CSV, mailing).
 */
import { type ZodType, z } from 'zod';
import type { Actor } from '../audit/service.ts';
import { actorOf, type ZApp } from '../http/app.ts';
import type { EntryFilter, TargetListRow } from './repository.ts';

const id = z.coerce.number().int().positive();
const listParam = z.object({ id });
const entryParam = z.object({ id, residentId: id });

/** 'true' / 'false' / missing of a query string → the entries' included filter. */
export const includedOf = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

/** The query of a page of entries: 送付・除外, 氏名・カナ・宛名番号, the page. */
const entriesQuery = z.object({
  included: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function registerListEntryRoutes<R extends string, S extends z.ZodRawShape>(
  app: ZApp,
  o: {
    /** e.g. '/api/adult/lists' */
    base: string;
    /** to read a list */
    viewPermission: string;
    /** to exclude and put back */
    changePermission: string;
    /** the 除外理由 field, with its message when none is chosen */
    reason: ZodType<R>;
    /** the area's own filters of the entries (検診, ワクチン …): their query fields and the filter they make */
    entryFilters: { query: S; filterOf(q: z.infer<z.ZodObject<S>>): Omit<EntryFilter, 'included'> };
    lists: {
      get(id: number): Promise<TargetListRow>;
      entries(
        actor: Actor,
        listId: number,
        f: EntryFilter & { q?: string },
        page: { offset: number; limit: number },
      ): Promise<unknown>;
      exclude(
        actor: Actor,
        listId: number,
        residentId: number,
        v: { reason: R; note: string },
      ): Promise<void>;
      restore(actor: Actor, listId: number, residentId: number): Promise<void>;
    };
  },
) {
  const { lists } = o;

  app.get(
    `${o.base}/:id`,
    { config: { permission: o.viewPermission }, schema: { params: listParam } },
    async (req) => ({
      list: await lists.get(req.params.id),
    }),
  );

  app.get(
    `${o.base}/:id/entries`,
    {
      config: { permission: o.viewPermission },
      schema: { params: listParam, querystring: entriesQuery.extend(o.entryFilters.query) },
    },
    async (req) => {
      const q = req.query as z.infer<typeof entriesQuery> & z.infer<z.ZodObject<S>>;
      return lists.entries(
        actorOf(req),
        req.params.id,
        { included: includedOf(q.included), ...o.entryFilters.filterOf(q), q: q.q },
        { offset: q.offset, limit: q.limit },
      );
    },
  );

  app.post(
    `${o.base}/:id/entries/:residentId/exclude`,
    {
      config: { permission: o.changePermission },
      schema: {
        params: entryParam,
        body: z.object({ reason: o.reason, note: z.string().max(500).default('') }),
      },
    },
    async (req) => {
      const body = req.body as { reason: R; note: string };
      await lists.exclude(actorOf(req), req.params.id, req.params.residentId, body);
      return { ok: true };
    },
  );

  app.post(
    `${o.base}/:id/entries/:residentId/restore`,
    { config: { permission: o.changePermission }, schema: { params: entryParam } },
    async (req) => {
      await lists.restore(actorOf(req), req.params.id, req.params.residentId);
      return { ok: true };
    },
  );
}
