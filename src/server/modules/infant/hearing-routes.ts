/** 新生児聴覚スクリーニング検査 (F07-02) routes: record a child's result, the period aggregate on screen, PDF and CSV. */

import { z } from 'zod';
import { csvHeaders } from '../../platform/csv/export.ts';
import { actorOf, type ZApp } from '../../platform/http/app.ts';
import { pdfHeaders } from '../../platform/http/file-reply.ts';
import type { HearingService } from './hearing.ts';

const id = z.coerce.number().int().positive();
const period = z.object({
  from: z.string().min(1, '集計期間の開始日を入力してください。').max(30),
  to: z.string().min(1, '集計期間の終了日を入力してください。').max(30),
});

const resultBody = z.object({
  kind: z.string().max(20),
  method: z.string().max(20),
  testedOn: z.string().max(30),
  institutionName: z.string().max(100).default(''),
  rightResult: z.string().max(20),
  leftResult: z.string().max(20),
  note: z.string().max(500).default(''),
  id: id.nullable().default(null),
  version: z.number().int().nullable().default(null),
});

export function registerHearingRoutes(app: ZApp, deps: { hearing: HearingService }) {
  const { hearing } = deps;

  app.post(
    '/api/infant/children/:id/hearing',
    { config: { permission: 'infant.edit' }, schema: { params: z.object({ id }), body: resultBody } },
    async (req) => hearing.record(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/infant/hearing/aggregate',
    { config: { permission: 'infant.view' }, schema: { querystring: period } },
    async (req) => hearing.aggregate(actorOf(req), req.query.from, req.query.to),
  );

  app.get(
    '/api/infant/hearing/aggregate/pdf',
    { config: { permission: 'infant.view' }, schema: { querystring: period } },
    async (req, reply) => {
      const pdf = await hearing.aggregatePdf(actorOf(req), req.query.from, req.query.to);
      return reply.headers(pdfHeaders(pdf.fileName, 'hearing-report.pdf')).send(pdf.body);
    },
  );

  app.get(
    '/api/infant/hearing/aggregate/csv',
    {
      config: { permission: 'infant.view' },
      schema: { querystring: period.extend({ encoding: z.enum(['utf8', 'sjis']).default('utf8') }) },
    },
    async (req, reply) => {
      const enc = req.query.encoding;
      const csv = await hearing.aggregateCsv(actorOf(req), req.query.from, req.query.to, enc);
      return reply.headers(csvHeaders(csv, enc)).send(csv.body);
    },
  );
}
