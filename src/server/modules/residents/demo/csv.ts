/**
 * The demo city as a residents import file (住民記録 → 健康管理, docs/interfaces/residents.md): header in
 * Japanese, CRLF, UTF-8 or CP932. Streams with backpressure, so a million-person file needs no memory.
 */
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { stringify } from 'csv-stringify';
import { formatWareki } from '../../../platform/calendar/index.ts';
import { encodeCp932 } from '../../../platform/text/index.ts';
import { eventLabels, type ResidentState, sexLabels, statusLabels } from '../types.ts';
import type { DemoEvent, DemoPerson } from './generator.ts';

export const residentsCsvHeader = [
  '宛名番号',
  '世帯番号',
  '氏名',
  '氏名カナ',
  '生年月日',
  '性別',
  '続柄',
  '郵便番号',
  '住所',
  '方書',
  '電話番号',
  '住民状態',
  '異動事由',
  '異動日',
  '住民となった日',
  '住民でなくなった日',
  '支援措置',
  '個人番号',
] as const;

export type ResidentsCsvOptions = {
  encoding?: 'utf8' | 'cp932';
  /**
   * full: one row per person with the current state and its last 異動 (an initial-load row has an empty
   * 異動事由); delta: one row per 異動, oldest first for each person, initial-load rows left out.
   */
  mode?: 'full' | 'delta';
  /** full mode: the state on this day instead of the current one (people not yet known are left out). */
  until?: string;
  /** delta mode: only the 異動 dated after this day. `until: D` then `since: D` gives the same city. */
  since?: string;
  /** Write 生年月日 in 和暦 ('昭和60年1月1日') on every third row, to exercise the importer's parser. */
  wareki?: boolean;
  /** UTF-8 byte order mark (Excel wants it); ignored for CP932. */
  bom?: boolean;
  /** End `out` when done (default true). */
  end?: boolean;
};

export type ResidentsCsvResult = { rows: number };

function row(state: ResidentState, event: DemoEvent, myNumber: string | null, wareki: boolean): string[] {
  return [
    state.atenaNo,
    state.householdNo ?? '',
    state.name,
    state.nameKana,
    wareki ? formatWareki(state.birthDate) : state.birthDate,
    sexLabels[state.sex],
    state.relationship,
    state.postalCode,
    state.address,
    state.addressExtra,
    state.phone,
    statusLabels[state.status],
    event.eventCode === 'full' ? '' : eventLabels[event.eventCode],
    event.eventDate,
    state.residentSince ?? '',
    state.residentUntil ?? '',
    state.supportMeasure ? '1' : '',
    myNumber ?? '',
  ];
}

/** The data rows (without header) of `people` in the given mode; 住登外者 are not in the register. */
export async function* residentsCsvRows(
  people: Iterable<DemoPerson> | AsyncIterable<DemoPerson>,
  options: Pick<ResidentsCsvOptions, 'mode' | 'until' | 'since' | 'wareki'> = {},
): AsyncGenerator<string[]> {
  const { mode = 'full', until, since, wareki = false } = options;
  let n = 0;
  for await (const p of people) {
    if (p.source !== 'juki') continue;
    if (mode === 'full') {
      let last: DemoEvent | undefined;
      for (const e of p.events) if (until === undefined || e.eventDate <= until) last = e;
      if (last) yield row(last.state, last, p.myNumber, wareki && n++ % 3 === 0);
    } else {
      for (const e of p.events) {
        if (e.eventCode === 'full' || (since !== undefined && e.eventDate <= since)) continue;
        yield row(e.state, e, p.myNumber, wareki && n++ % 3 === 0);
      }
    }
  }
}

/** Writes a residents import file to `out`, respecting backpressure; resolves when everything is written. */
export async function writeResidentsCsv(
  people: Iterable<DemoPerson> | AsyncIterable<DemoPerson>,
  out: NodeJS.WritableStream,
  options: ResidentsCsvOptions = {},
): Promise<ResidentsCsvResult> {
  const { encoding = 'utf8', bom = false, end = true } = options;
  let rows = 0;
  async function* records(): AsyncGenerator<string[]> {
    yield [...residentsCsvHeader];
    for await (const r of residentsCsvRows(people, options)) {
      rows++;
      yield r;
    }
  }
  let first = true;
  const decoder = new StringDecoder('utf8');
  const encode = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      let text = decoder.write(chunk);
      if (encoding === 'cp932') {
        // 𠮷 and other characters outside CP932 become 〓 (the usual 外字 convention).
        callback(null, encodeCp932(text, { replacement: '〓' }));
        return;
      }
      if (first && bom) text = `\ufeff${text}`;
      first = false;
      callback(null, Buffer.from(text, 'utf8'));
    },
  });
  await pipeline(Readable.from(records()), stringify({ record_delimiter: '\r\n' }), encode, out, { end });
  return { rows };
}
