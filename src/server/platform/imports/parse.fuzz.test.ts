import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { AppError } from '../errors/app-error.ts';
import { CsvSyntaxError, csvSplitter } from './csv-split.ts';
import { bindMapping, mapRow } from './mapping.ts';
import { openCsv, type RawRow } from './parse-csv.ts';
import { parseXml } from './parse-xml.ts';
import { testKind, testTarget } from './test-target.ts';
import { actor, csvSetting, resetTestImports, screen, testEngine } from './testing.ts';

const japanese = /[ぁ-んァ-ヶ一-龠]/;
/** Every failure of reading a file is an AppError with a Japanese message. */
const expectUserError = (e: unknown) => {
  if (!(e instanceof AppError)) throw e;
  expect(e.message).toMatch(japanese);
};

async function* pieces(buf: Buffer, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const cell = fc.string({
  unit: fc.constantFrom(
    'a',
    '1',
    'あ',
    '髙',
    '𠮷',
    '"',
    ',',
    ' ',
    '\r\n',
    '\n',
    '\r',
    '\ufffd',
    '\u0000',
    '　',
  ),
  maxLength: 12,
});
const encodings = fc.constantFrom('auto', 'utf8', 'cp932') as fc.Arbitrary<'auto' | 'utf8' | 'cp932'>;
const target = testTarget();

/** Reads a CSV and maps + parses every row as the validation job does (without the database). */
async function readAndParse(
  buf: Buffer,
  encoding: 'auto' | 'utf8' | 'cp932',
  hasHeader: boolean,
  chunk: number,
) {
  const source = await openCsv(pieces(buf, chunk), { encoding, hasHeader });
  const mapping = hasHeader
    ? csvSetting.mapping
    : csvSetting.mapping.map((m, i) => ({ column: String(i + 1), field: m.field }));
  const bound = bindMapping(target.fields, mapping, source.info);
  const rows: RawRow[] = [];
  for await (const batch of source.rows)
    for (const row of batch) {
      rows.push(row);
      const mapped = mapRow(bound, row, 'csv');
      target.parse(mapped.values, undefined);
    }
  return rows;
}

/** Fuzzing the readers: no crash, every failure a Japanese AppError, and nothing written from a rejected file. */
describe('import parsing (fuzz)', () => {
  it('survives random bytes as CSV in any encoding, with or without a header', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        encodings,
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, encoding, hasHeader, chunk) => {
          await readAndParse(Buffer.from(bytes), encoding, hasHeader, chunk).catch(expectUserError);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads back what a CSV writer wrote (quotes, CRLF inside cells, BOM, Shift_JIS), rows by their line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        async (records, bom, sjis) => {
          const clean = records
            .map((r) => r.map((c) => c.replaceAll('\u0000', '').replaceAll('\ufffd', '')))
            .filter((r) => r.some((c) => c !== ''))
            .map((r) => (sjis ? r.map((c) => c.replaceAll('𠮷', '吉')) : r));
          if (!clean.length) return;
          const text = stringify([['コード', '氏名', '数量', '受診日'], ...clean], {
            record_delimiter: '\r\n',
            quoted_match: /[\r\n]/,
          });
          const buf = sjis ? iconv.encode(text, 'cp932') : Buffer.from(`${bom ? '\ufeff' : ''}${text}`);
          const rows = await readAndParse(buf, 'auto', true, 5);
          expect(rows.map((r) => r.raw)).toEqual(clean);
          let line = 2;
          rows.forEach((r, i) => {
            expect(r.rowNo).toBe(line);
            line += 1 + clean[i]!.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with csv-parse (strict) wherever csv-parse reads the text, and fails only where it fails', () => {
    const text = (eol: string) =>
      fc.array(fc.constantFrom('a', '"', ',', eol, ' ', 'あ'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(text('\r\n'), text('\n')), (t) => {
        let theirs: string[][] | 'error';
        try {
          theirs = parseSync(t, { relax_column_count: true, skip_empty_lines: true });
        } catch {
          theirs = 'error';
        }
        let ours: string[][] | 'error';
        try {
          const s = csvSplitter(1e6);
          ours = [...s.push(t), ...s.end()].map((r) => r.raw);
        } catch (e) {
          if (!(e instanceof CsvSyntaxError)) throw e;
          ours = 'error';
        }
        if (theirs !== 'error') expect(ours).toEqual(theirs);
        if (ours === 'error') expect(theirs).toBe('error');
      }),
      { numRuns: 2000 },
    );
  });

  it('survives random XML-ish text and bytes', () => {
    const xmlish = fc
      .array(
        fc.constantFrom(
          '<r>',
          '</r>',
          '<a>',
          '</a>',
          '<b>',
          'x',
          '&amp;',
          '&',
          '<!--',
          '-->',
          '<?xml?>',
          '髙',
        ),
        {
          maxLength: 30,
        },
      )
      .map((p) => Buffer.from(p.join('')));
    fc.assert(
      fc.property(
        fc.oneof(
          xmlish,
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
        ),
        encodings,
        (buf, encoding) => {
          try {
            parseXml(buf, { encoding, recordElement: 'a' });
          } catch (e) {
            expectUserError(e);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  describe('through the engine', () => {
    let s: Services;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ services: s, drop } = await freshServices());
    });
    afterAll(() => drop());

    it('commits nothing from a rejected or erroneous file, and fails only with Japanese messages', async () => {
      await resetTestImports(s);
      const t = await testEngine(s);
      const header = Buffer.from('コード,氏名,数量,受診日\r\n');
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
            fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([header, Buffer.from(b)])),
            fc.constant(Buffer.alloc(0)),
            fc.constant(Buffer.from('\ufeff')),
          ),
          async (body) => {
            const run = await t.upload(body, 'fuzz.csv').catch((e) => {
              expectUserError(e);
              return undefined;
            });
            if (!run) return;
            expect(['validated', 'failed']).toContain(run.status);
            if (run.status === 'failed') expect(run.message).toMatch(japanese);
            if (run.status === 'failed' || (run.counts.error ?? 0) > 0)
              await t.engine.commit(actor, testKind, run.id, false, screen).then(
                () => expect.fail('commit must be refused'),
                (e) => expect((e as AppError).status).toBe(409),
              );
            expect(await t.items()).toEqual([]);
            await s.database.query('TRUNCATE import_test_items');
          },
        ),
        { numRuns: 25 },
      );
    });
  });
});
