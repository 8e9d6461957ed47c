import { z } from 'zod';
import { attachment, type CsvColumn, csvFileName, toCsv } from '../csv/export.ts';
import { actorOf, type ZApp } from '../http/app.ts';
import type { AuditService } from './service.ts';

type Row = Awaited<ReturnType<AuditService['list']>>[number];

export const actionLabels: Record<string, string> = {
  search: '検索',
  view: '閲覧',
  export: '出力',
  change: '変更',
  import: '取込',
  login: 'ログイン',
  login_failed: 'ログイン失敗',
  logout: 'ログアウト',
  password_change: 'パスワード変更',
  denied: '権限なし',
  admin: '管理操作',
  audit: 'ログ閲覧',
};

const jst = (d: Date) => d.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', hour12: false });

const columns: CsvColumn<Row>[] = [
  { key: 'id', label: '番号', value: (r) => r.id },
  { key: 'at', label: '日時', value: (r) => jst(r.at) },
  { key: 'loginId', label: 'ログインID', value: (r) => r.loginId },
  { key: 'roleCode', label: '役割', value: (r) => r.roleCode },
  { key: 'action', label: '操作', value: (r) => actionLabels[r.action] ?? r.action },
  { key: 'screen', label: '画面', value: (r) => r.screen },
  { key: 'residentCount', label: '対象人数', value: (r) => r.residentCount },
  { key: 'residentIds', label: '対象宛名ID', value: (r) => r.residentIds?.join(' ') },
  { key: 'purpose', label: '利用目的', value: (r) => r.purpose },
  { key: 'sensitive', label: '要注意情報', value: (r) => (r.sensitive ? '○' : '') },
  { key: 'summary', label: '内容', value: (r) => r.summary },
  { key: 'ip', label: '端末', value: (r) => r.ip },
];

const filter = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  loginId: z.string().optional(),
  action: z.string().optional(),
  residentId: z.coerce.number().int().optional(),
  sensitiveOnly: z.enum(['true', 'false']).optional(),
  beforeId: z.coerce.number().int().optional(),
  encoding: z.enum(['utf8', 'sjis']).default('utf8'),
});

/** JST calendar day → the instant it starts. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+09:00`);
const nextDay = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

function toFilter(q: z.infer<typeof filter>, limit: number) {
  return {
    from: q.from ? dayStart(q.from) : undefined,
    to: q.to ? nextDay(q.to) : undefined,
    loginId: q.loginId || undefined,
    action: q.action || undefined,
    residentId: q.residentId,
    sensitiveOnly: q.sensitiveOnly === 'true',
    beforeId: q.beforeId,
    limit,
  };
}

/** 監査 > アクセスログ: read-only; looking at the log is itself logged. */
export function registerAuditRoutes(app: ZApp, deps: { audit: AuditService }) {
  const { audit } = deps;
  app.get(
    '/api/audit',
    { config: { permission: 'audit.view' }, schema: { querystring: filter } },
    async (req) => {
      const rows = await audit.list(toFilter(req.query, 200));
      await audit.record(actorOf(req), {
        action: 'audit',
        summary: 'アクセスログ検索',
        detail: { query: req.query },
      });
      return { entries: rows, actionLabels };
    },
  );

  app.get(
    '/api/audit/export',
    { config: { permission: 'audit.view' }, schema: { querystring: filter } },
    async (req, reply) => {
      const rows = await audit.list(toFilter(req.query, 100_000));
      await audit.record(actorOf(req), {
        action: 'audit',
        summary: `アクセスログCSV出力 ${rows.length}件`,
        detail: { query: req.query },
      });
      const { body } = toCsv(rows, columns, req.query.encoding);
      reply.header(
        'content-type',
        `text/csv; charset=${req.query.encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`,
      );
      reply.header('content-disposition', attachment(csvFileName('アクセスログ', req.query.encoding)));
      return reply.send(body);
    },
  );
}
