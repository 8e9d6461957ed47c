/**
 * 市町村独自の予防接種 (任意接種の費用助成) — the definitions an administrator keeps (事業マスタ, programs.edit):
 * list (active and retired), create, edit at the version read (optimistic lock), retire (active = false; the
 * records stay). Validated with Japanese messages (municipal-input.ts); every change is audited like the other
 * 事業マスタ changes (action 'admin', who and what, no resident data).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import { type MunicipalVaccineInput, municipalVaccineInputSchema } from './municipal-input.ts';
import { type MunicipalVaccineRow, municipalRepository as repo } from './municipal-repository.ts';
import { ageWindowLabel } from './municipal-rules.ts';

const screen = '事業マスタ 市町村独自の予防接種';

type FieldIssue = { path: string; message: string };

function invalid(fields: FieldIssue[]): AppError {
  return new AppError(400, 'VALIDATION', `入力に誤りがあります: ${fields[0]?.message ?? ''}`, { fields });
}

/** The input as the schema reads it, or a 400 with every field's message. */
export function parseMunicipalVaccine(input: unknown): MunicipalVaccineInput {
  const r = municipalVaccineInputSchema.safeParse(input);
  if (!r.success)
    throw invalid(r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  return r.data;
}

const summaryOf = (v: Pick<MunicipalVaccineRow, 'code' | 'name'> & Parameters<typeof ageWindowLabel>[0]) =>
  `${v.code} ${v.name}（${ageWindowLabel(v)}）`;

export function municipalVaccinesService(deps: { database: Database; audit: AuditService }) {
  const { database, audit } = deps;

  async function get(id: number): Promise<MunicipalVaccineRow> {
    const row = await repo.get(database, id);
    if (!row) throw notFound('市町村独自の予防接種');
    return row;
  }

  return {
    /** Every definition: active ones first (表示順, code), then the retired ones. */
    list: (opts: { activeOnly?: boolean } = {}) => repo.list(database, opts),
    get,

    async create(actor: Actor, input: unknown): Promise<MunicipalVaccineRow> {
      const v = parseMunicipalVaccine(input);
      const id = await repo.insert(database, v, actor.userId);
      if (id === null) {
        const other = await repo.byCode(database, v.code);
        throw invalid([
          {
            path: 'code',
            message: `コード「${v.code}」は既に「${other?.name ?? ''}」で使われています${other && !other.active ? '（廃止済み）' : ''}。別のコードにしてください。`,
          },
        ]);
      }
      const row = (await repo.get(database, id))!;
      await audit.record(actor, {
        action: 'admin',
        screen,
        summary: `市町村独自の予防接種の登録 ${summaryOf(row)}`,
        detail: { municipalVaccine: row },
      });
      return row;
    },

    async update(actor: Actor, id: number, version: number, input: unknown): Promise<MunicipalVaccineRow> {
      const v = parseMunicipalVaccine(input);
      const current = await get(id);
      if (v.code !== current.code) {
        const other = await repo.byCode(database, v.code);
        if (other)
          throw invalid([
            { path: 'code', message: `コード「${v.code}」は既に「${other.name}」で使われています。` },
          ]);
        const n = await repo.recordCount(database, current.code);
        if (n > 0)
          throw invalid([
            {
              path: 'code',
              message: `コード「${current.code}」は接種の記録${n}件で使われているため変更できません。元のコードに戻してください。`,
            },
          ]);
      }
      if (!(await repo.update(database, id, version, v, actor.userId)))
        throw conflict('この市町村独自の予防接種', current);
      const row = (await repo.get(database, id))!;
      await audit.record(actor, {
        action: 'admin',
        screen,
        summary: `市町村独自の予防接種の変更 ${summaryOf(row)}`,
        detail: { before: current, after: row },
      });
      return row;
    },

    /** 廃止: no longer offered (schedule, entry choices); the records of the code are kept. */
    async retire(actor: Actor, id: number, version: number): Promise<MunicipalVaccineRow> {
      const current = await get(id);
      if (!current.active) return current;
      if (!(await repo.retire(database, id, version, actor.userId)))
        throw conflict('この市町村独自の予防接種', current);
      const row = (await repo.get(database, id))!;
      await audit.record(actor, {
        action: 'admin',
        screen,
        summary: `市町村独自の予防接種の廃止 ${summaryOf(row)}`,
        detail: { before: current, after: row },
      });
      return row;
    },
  };
}

export type MunicipalVaccinesService = ReturnType<typeof municipalVaccinesService>;
