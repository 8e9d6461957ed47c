import { z } from 'zod';
import { actorOf, type ZApp } from '../http/app.ts';
import type { JobRunner } from './runner.ts';

/** ジョブ: the job centre's API (list, progress, cancel). */
export function registerJobRoutes(app: ZApp, deps: { jobs: JobRunner }) {
  const { jobs } = deps;
  const id = z.object({ id: z.coerce.number().int() });

  app.get('/api/jobs', { config: { permission: 'jobs.view' } }, async () => ({ jobs: await jobs.list(100) }));

  app.get('/api/jobs/:id', { config: { permission: 'jobs.view' }, schema: { params: id } }, async (req) => ({
    job: await jobs.get(req.params.id),
  }));

  app.post(
    '/api/jobs/:id/cancel',
    { config: { permission: 'jobs.view' }, schema: { params: id } },
    async (req) => {
      actorOf(req);
      return { job: await jobs.cancel(req.params.id) };
    },
  );
}
