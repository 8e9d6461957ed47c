/**
 * 事業マスタ › 結果項目: the 市町村独自の結果項目 (result_item_extras) an administrator adds to a program's results,
 * beside the national items in code (results-items.ts, shown for reference). Create, edit (optimistic locking by
 * version), 無効にする / 有効に戻す (never deleted: stored results keep the item's values) and the order on the
 * entry screen. Every change is audited. The entry screen and the import read the active ones.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import { type ProgramCode, programCodes, programLabels } from '../programs/types.ts';
import { type ResultItemExtra, resultExtrasRepository as repo } from './result-extras-repository.ts';
import { checkExtra, type ExtraInput, type FieldIssue } from './result-extras-rules.ts';
import { resultDefinitions } from './results-items.ts';

const screen = '事業マスタ 結果項目';

/** A validation failure in the shape of the HTTP layer's (details.fields, shown next to each field). */
function invalid(fields: FieldIssue[]): AppError {
  return new AppError(400, 'VALIDATION', `入力に誤りがあります: ${fields[0]!.message}`, { fields });
}

export type ExtraUpdate = Omit<ExtraInput, 'program' | 'key' | 'type'>;

export function resultExtrasService(deps: { database: Database; audit: AuditService }) {
  const { database, audit } = deps;

  async function get(id: number): Promise<ResultItemExtra> {
    const e = await repo.get(database, id);
    if (!e) throw notFound('結果項目');
    return e;
  }
  const name = (e: { program: string; label: string; key: string }) =>
    `${programLabels[e.program as ProgramCode] ?? e.program}「${e.label}」（${e.key}）`;

  return {
    /** Per program: the national items (read-only) and the city's extras, active or not, in entry order. */
    async list() {
      const extras = await repo.list(database);
      return programCodes.map((code) => ({
        code,
        name: programLabels[code],
        itemsVersion: resultDefinitions[code].version,
        national: resultDefinitions[code].items,
        extras: extras.filter((e) => e.program === code),
      }));
    },

    async create(actor: Actor, input: ExtraInput): Promise<ResultItemExtra> {
      const siblings = await repo.list(database, input.program);
      const c = checkExtra(input, siblings);
      if (!c.ok) throw invalid(c.errors);
      const row = await repo.insert(database, c.value, actor.userId);
      if (!row)
        throw invalid([
          {
            path: 'key',
            message: `キー「${c.value.key}」は他の利用者が先に登録しました。別のキーにしてください。`,
          },
        ]);
      await audit.record(actor, {
        action: 'admin',
        screen,
        summary: `結果項目の追加 ${name(row)}`,
        detail: { item: row },
      });
      return row;
    },

    /** Label, choices, unit and 必須 at the version read; the key and type stay (stored values use them). */
    async update(actor: Actor, id: number, version: number, input: ExtraUpdate): Promise<ResultItemExtra> {
      const current = await get(id);
      const program = current.program as ProgramCode;
      const siblings = (await repo.list(database, program)).filter((e) => e.id !== id);
      const c = checkExtra({ ...input, program, key: current.key, type: current.type }, siblings, current);
      if (!c.ok) throw invalid(c.errors);
      const row = await repo.update(database, id, version, c.value, actor.userId);
      if (!row) throw conflict('この結果項目', await get(id));
      await audit.record(actor, {
        action: 'admin',
        screen,
        summary: `結果項目の変更 ${name(row)}`,
        detail: { before: current, after: row },
      });
      return row;
    },

    /** 無効にする (gone from entry and import; stored values stay) or 有効に戻す, at the version read. */
    async setActive(actor: Actor, id: number, version: number, active: boolean): Promise<ResultItemExtra> {
      const current = await get(id);
      if (active) {
        const same = (await repo.list(database, current.program)).find(
          (e) => e.id !== id && e.active && e.label === current.label,
        );
        if (same)
          throw new AppError(
            409,
            'LABEL_IN_USE',
            `有効な項目に同じ項目名「${current.label}」（${same.key}）があります。どちらかの項目名を変えてから有効に戻してください。`,
          );
      }
      const row = await repo.setActive(database, id, version, active, actor.userId);
      if (!row) throw conflict('この結果項目', await get(id));
      await audit.record(actor, {
        action: 'admin',
        screen,
        summary: `結果項目を${active ? '有効に戻す' : '無効にする'} ${name(row)}`,
        detail: { item: row },
      });
      return row;
    },

    /** The order on the entry screen: `ids` must be exactly the program's extras (else someone changed them). */
    async reorder(actor: Actor, program: ProgramCode, ids: number[]) {
      const rows = await repo.list(database, program);
      const same = ids.length === rows.length && new Set(ids).size === ids.length;
      if (!same || !rows.every((r) => ids.includes(r.id)))
        throw new AppError(
          409,
          'VERSION_CONFLICT',
          `${programLabels[program]}の結果項目は他の利用者が変更しました。画面を読み込み直してから、もう一度並べ替えてください。`,
        );
      await repo.reorder(database, program, ids, actor.userId);
      const after = await repo.list(database, program);
      await audit.record(actor, {
        action: 'admin',
        screen,
        summary: `結果項目の並べ替え ${programLabels[program]}（${after.map((e) => e.label).join('、')}）`,
      });
      return after;
    },
  };
}

export type ResultExtrasService = ReturnType<typeof resultExtrasService>;
