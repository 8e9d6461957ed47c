/**
 * 受付名簿 (session roster): the people booked on a session, for the reception desk — as a PDF (A4, title with
 * 会場・日付（和暦）・時間, a 受付欄 □ per person) and as a CSV with the same columns.
 */
import { formatWareki } from '../calendar/index.ts';
import { type CsvColumn, type CsvEncoding, toCsv } from '../csv/export.ts';
import type { Layout } from '../documents/layout.ts';
import { documentTitle } from '../documents/letter.ts';
import type { DocumentItem, DocumentTemplate } from '../documents/types.ts';
import type { BookingRow } from './repository.ts';
import { bookingStatusLabels, receptionLabels } from './rules.ts';
import type { SessionView } from './sessions.ts';

export type RosterLine = {
  no: number;
  slot: string;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  reception: string;
  note: string;
};

export type RosterPayload = {
  title: string;
  venue: string;
  date: string;
  time: string;
  counts: string;
  lines: RosterLine[];
};

const slotLabel = (s: SessionView, slotId: number | null) => {
  const t = s.slots.find((x) => x.id === slotId);
  return t ? `${t.startTime}〜${t.endTime}` : '';
};

/** The session's date as printed: 令和8年6月10日（水）, with the 祝日 when it is one. */
export function sessionDateLabel(s: SessionView): string {
  return `${formatWareki(s.sessionDate)}（${s.weekday}${s.holidayName ? `・${s.holidayName}` : ''}）`;
}

/** Who is on the roster: the booked (walk-ins included) first, then the waiting list; cancelled left out. */
export function rosterLines(s: SessionView, bookings: BookingRow[]): RosterLine[] {
  return bookings
    .filter((b) => b.status !== 'cancelled')
    .map((b, i) => ({
      no: i + 1,
      slot: slotLabel(s, b.slotId),
      atenaNo: b.atenaNo,
      name: b.name,
      nameKana: b.nameKana,
      birthDate: formatWareki(b.birthDate),
      reception: b.reception === 'none' ? '' : receptionLabels[b.reception],
      note: [
        b.status === 'waiting' ? bookingStatusLabels.waiting : '',
        b.walkIn ? '当日受付' : '',
        b.receptionNote,
      ]
        .filter(Boolean)
        .join(' '),
    }));
}

export function rosterPayload(s: SessionView, bookings: BookingRow[]): RosterPayload {
  return {
    title: `受付名簿（${s.purposeLabel}）`,
    venue: s.venueName,
    date: sessionDateLabel(s),
    time: `${s.startTime}〜${s.endTime}`,
    counts: `定員 ${s.capacity}人 ／ 予約 ${s.booked}人 ／ キャンセル待ち ${s.waiting}人`,
    lines: rosterLines(s, bookings),
  };
}

const columns = [
  { header: '番号', width: 10, align: 'right' as const },
  { header: '時間枠', width: 22 },
  { header: '宛名番号', width: 22 },
  { header: '氏名', width: 32 },
  { header: 'カナ', width: 34 },
  { header: '生年月日', width: 28 },
  { header: '受付', width: 12, align: 'center' as const },
  { header: '備考', width: 20 },
];
const rowsPerPage = 30;

/** 受付名簿: one item = one session, as many pages as its people need. */
export const rosterTemplate: DocumentTemplate<RosterPayload> = {
  code: 'reservations.roster',
  title: '受付名簿',
  render(layout: Layout, item: DocumentItem<RosterPayload>) {
    const p = item.payload;
    const pages = Math.max(1, Math.ceil(p.lines.length / rowsPerPage));
    for (let page = 0; page < pages; page++) {
      layout.newPage();
      documentTitle(layout, p.title, 14);
      layout.text(20, 26, `会場: ${p.venue}`, { size: 10.5 });
      layout.text(20, 32, `日付: ${p.date}　時間: ${p.time}`, { size: 10.5 });
      layout.text(20, 38, p.counts, { size: 9 });
      layout.text(150, 38, `${page + 1} / ${pages} ページ`, { size: 9, width: 40, align: 'right' });
      const lines = p.lines.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
      layout.table(10, 45, {
        columns,
        rowHeight: 7.5,
        size: 8.5,
        rows: lines.map((l) => [
          String(l.no),
          l.slot,
          l.atenaNo,
          l.name,
          l.nameKana,
          l.birthDate,
          l.reception || '□',
          l.note,
        ]),
      });
    }
  },
};

const csvColumns: CsvColumn<RosterLine>[] = [
  { key: 'no', label: '番号', value: (l) => l.no },
  { key: 'slot', label: '時間枠', value: (l) => l.slot },
  { key: 'atenaNo', label: '宛名番号', value: (l) => l.atenaNo },
  { key: 'name', label: '氏名', value: (l) => l.name },
  { key: 'nameKana', label: 'カナ', value: (l) => l.nameKana },
  { key: 'birthDate', label: '生年月日', value: (l) => l.birthDate },
  { key: 'reception', label: '受付', value: (l) => l.reception },
  { key: 'note', label: '備考', value: (l) => l.note },
];

export function rosterCsv(lines: RosterLine[], encoding: CsvEncoding) {
  return toCsv(lines, csvColumns, encoding);
}

/** File name base: 受付名簿_2026-06-10_北部公民館. */
export const rosterFileName = (s: SessionView) => `受付名簿_${s.sessionDate}_${s.venueName}`;
