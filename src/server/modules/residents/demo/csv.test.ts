import { PassThrough, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../../platform/calendar/index.ts';
import { mapHeader, parseResidentRow } from '../rules.ts';
import { eventLabels } from '../types.ts';
import { type ResidentsCsvOptions, residentsCsvHeader, writeResidentsCsv } from './csv.ts';
import { type DemoPerson, generateCity } from './generator.ts';

const asOf = '2026-04-01';
const city = [...generateCity({ residents: 3000, seed: 11, asOf })];
const juki = city.filter((p) => p.source === 'juki');

async function toBuffer(people: Iterable<DemoPerson>, options: ResidentsCsvOptions = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeResidentsCsv(people, out, options);
  return Buffer.concat(chunks);
}

const rowsOf = (text: string): string[][] => parse(text, { bom: true, record_delimiter: '\r\n' });

/** Runs every data row through the importer's row rules; returns the problems found. */
function importerErrors(rows: string[][], mode: 'full' | 'delta'): string[] {
  const { index, missing } = mapHeader(rows[0]!);
  expect(missing).toEqual([]);
  const problems: string[] = [];
  for (const r of rows.slice(1)) {
    const get = (k: keyof typeof index) => {
      const i = index[k];
      return i === undefined ? '' : (r[i] ?? '');
    };
    const res = parseResidentRow(get, mode, asOf);
    for (const e of res.errors) problems.push(`${r[0]} ${e.column} ${e.value}: ${e.message}`);
  }
  return problems;
}

describe('writeResidentsCsv', () => {
  it('writes one row per register person in full mode, 住登外者 left out', async () => {
    const rows = rowsOf((await toBuffer(city)).toString('utf8'));
    expect(rows[0]).toEqual([...residentsCsvHeader]);
    expect(rows).toHaveLength(juki.length + 1);
    const byAtena = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const p of juki) {
      const r = byAtena.get(p.state.atenaNo)!;
      const last = p.events.at(-1)!;
      expect(r[2]).toBe(p.state.name);
      expect(r[4]).toBe(p.state.birthDate);
      expect(r[5]).toBe(p.state.sex === '1' ? '男' : '女');
      expect(r[12]).toBe(last.eventCode === 'full' ? '' : eventLabels[last.eventCode]);
      expect(r[13]).toBe(last.eventDate);
      expect(r[16]).toBe(p.state.supportMeasure ? '1' : '');
      expect(r[17]).toBe(p.myNumber ?? '');
    }
    expect(new Set(rows.slice(1).map((r) => r[11]))).toEqual(new Set(['住民', '転出', '死亡', '消除']));
  });

  it('writes one row per 異動 in delta mode, oldest first for each person', async () => {
    const rows = rowsOf((await toBuffer(city, { mode: 'delta' })).toString('utf8')).slice(1);
    const expected = juki.flatMap((p) => p.events.filter((e) => e.eventCode !== 'full'));
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => r[13])).toEqual(expected.map((e) => e.eventDate));
    expect(rows.every((r) => r[12] !== '')).toBe(true);
    const allowed = ['転入', '出生', '転出', '死亡', '氏名変更', '住所変更', '職権消除', '回復'];
    const labels = new Set(rows.map((r) => r[12]!));
    for (const l of labels) expect(allowed).toContain(l);
    for (const l of allowed.slice(0, 6)) expect(labels).toContain(l);
  });

  it('produces files the importer rules accept (full, delta, 和暦)', async () => {
    const full = rowsOf((await toBuffer(city, { wareki: true, bom: true })).toString('utf8'));
    expect(importerErrors(full, 'full')).toEqual([]);
    const delta = rowsOf((await toBuffer(city, { mode: 'delta' })).toString('utf8'));
    expect(importerErrors(delta, 'delta')).toEqual([]);
  });

  it('writes 和暦 birth dates on every third row when asked', async () => {
    const rows = rowsOf((await toBuffer(juki.slice(0, 300), { wareki: true })).toString('utf8')).slice(1);
    rows.forEach((r, i) => {
      const birth = juki[i]!.state.birthDate;
      if (i % 3 === 0) {
        expect(r[4]).toMatch(/^(大正|昭和|平成|令和)(元|\d+)年\d+月\d+日$/);
        expect(parseDateInput(r[4]!)).toEqual({ ok: true, date: birth });
      } else expect(r[4]).toBe(birth);
    });
  });

  it('splits the history at a day: full until D plus delta since D', async () => {
    const day = '2020-03-31';
    const full = rowsOf((await toBuffer(city, { until: day })).toString('utf8')).slice(1);
    const delta = rowsOf((await toBuffer(city, { mode: 'delta', since: day })).toString('utf8')).slice(1);
    expect(full.every((r) => r[13]! <= day)).toBe(true);
    expect(delta.every((r) => r[13]! > day)).toBe(true);
    expect(full).toHaveLength(juki.filter((p) => p.events[0]!.eventDate <= day).length);
    const known = new Set([...full, ...delta].map((r) => r[0]));
    expect(known.size).toBe(juki.length);
  });

  it('encodes CP932 with 〓 for characters outside it', async () => {
    const person = juki[0]!;
    const state = { ...person.state, name: '𠮷田　髙﨑' };
    const yoshida: DemoPerson = { ...person, state, events: [{ ...person.events.at(-1)!, state }] };
    const bytes = await toBuffer([yoshida, ...juki.slice(1, 50)], { encoding: 'cp932' });
    const text = iconv.decode(bytes, 'cp932');
    const rows = rowsOf(text);
    expect(rows[0]).toEqual([...residentsCsvHeader]);
    expect(rows[1]![2]).toBe('〓田　髙﨑');
    expect(rows[2]![2]).toBe(juki[1]!.state.name);
    expect(text.includes('\r\n')).toBe(true);
  });

  it('is byte-identical for the same seed and respects backpressure of a slow sink', async () => {
    const fast = await toBuffer(generateCity({ residents: 2000, seed: 5 }), { mode: 'delta' });
    expect(await toBuffer(generateCity({ residents: 2000, seed: 5 }), { mode: 'delta' })).toEqual(fast);

    const chunks: Buffer[] = [];
    let pending = 0;
    let maxPending = 0;
    const slow = new Writable({
      highWaterMark: 256,
      write(chunk: Buffer, _enc, callback) {
        pending++;
        maxPending = Math.max(maxPending, pending);
        setImmediate(() => {
          pending--;
          chunks.push(chunk);
          callback();
        });
      },
    });
    const { rows } = await writeResidentsCsv(generateCity({ residents: 2000, seed: 5 }), slow, {
      mode: 'delta',
    });
    expect(Buffer.concat(chunks)).toEqual(fast);
    expect(rows).toBe(rowsOf(fast.toString('utf8')).length - 1);
    expect(maxPending).toBe(1);
  });
});
