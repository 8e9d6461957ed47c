/**
 * An import target for the engine's tests (not used by the application) over a tiny table the tests create:
 * コード (key), 氏名, 数量, 受診日. New rows are plain INSERTs (no unique key), so a chunk written twice shows.
 */
import type { SqlRunner } from '../db/connect.ts';
import type { Change, Classified, FieldError, ImportTarget } from './types.ts';

export type TestItem = { code: string; name: string; amount: number | null; visited: string | null };

export const testItemsTable = `CREATE TABLE import_test_items (
  code text NOT NULL, name text NOT NULL, amount int, visited date, written_by text NOT NULL)`;

export const testKind = 'test.items';

const isDate = (s: string) => {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

export function testTarget(hooks: { onApply?: (call: number) => void } = {}): ImportTarget<TestItem> {
  let calls = 0;
  return {
    kind: testKind,
    label: 'テスト項目',
    keyLabel: 'コード',
    fields: [
      { key: 'code', label: 'コード', required: true, aliases: ['番号'] },
      { key: 'name', label: '氏名', required: true, aliases: ['名前'] },
      { key: 'amount', label: '数量' },
      { key: 'visited', label: '受診日', hint: 'YYYY-MM-DD' },
    ],
    parse(row) {
      const errors: FieldError[] = [];
      if (!/^\d{1,10}$/.test(row.code ?? ''))
        errors.push({
          field: 'code',
          message: `『${row.code}』はコードとして読めません。数字10桁までで入力してください。`,
        });
      const amount = row.amount ? Number(row.amount) : null;
      if (amount !== null && !Number.isInteger(amount))
        errors.push({
          field: 'amount',
          message: `『${row.amount}』は整数ではありません。数字で入力してください。`,
        });
      const visited = row.visited ? isDate(row.visited) : null;
      if (row.visited && !visited)
        errors.push({
          field: 'visited',
          message: `『${row.visited}』は日付として読めません。YYYY-MM-DD か和暦で入力してください。`,
        });
      if (errors.length) return { ok: false, errors };
      return { ok: true, value: { code: row.code!, name: row.name ?? '', amount, visited } };
    },
    async classify(q: SqlRunner, values) {
      const rows = await q.query<TestItem>(
        `SELECT code, name, amount, to_char(visited, 'YYYY-MM-DD') AS visited FROM import_test_items
         WHERE code = ANY($1::text[])`,
        [values.map((v) => v.code)],
      );
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return values.map((v): Classified => {
        const who = { residentId: Number(v.code), label: v.name };
        if (v.code.startsWith('999'))
          return {
            action: 'error',
            errors: [{ field: 'code', message: 'このコードは登録できません。' }],
            ...who,
          };
        const old = byCode.get(v.code);
        if (!old) return { action: 'new', key: v.code, ...who };
        const changes: Change[] = [];
        for (const [field, label] of [
          ['name', '氏名'],
          ['amount', '数量'],
          ['visited', '受診日'],
        ] as const) {
          const before = String(old[field] ?? '');
          const after = String(v[field] ?? '');
          if (before !== after) changes.push({ field, label, before, after });
        }
        return { action: changes.length ? 'update' : 'unchanged', key: v.code, changes, ...who };
      });
    },
    async apply(tx, rows, actor) {
      hooks.onApply?.(++calls);
      const fresh = rows.filter((r) => r.action === 'new').map((r) => r.value);
      if (fresh.length)
        await tx.query(
          `INSERT INTO import_test_items (code, name, amount, visited, written_by)
           SELECT *, $5 FROM unnest($1::text[], $2::text[], $3::int[], $4::date[])`,
          [
            fresh.map((v) => v.code),
            fresh.map((v) => v.name),
            fresh.map((v) => v.amount),
            fresh.map((v) => v.visited),
            actor.loginId,
          ],
        );
      for (const { value: v } of rows.filter((r) => r.action === 'update'))
        await tx.query('UPDATE import_test_items SET name = $2, amount = $3, visited = $4 WHERE code = $1', [
          v.code,
          v.name,
          v.amount,
          v.visited,
        ]);
    },
  };
}
