/**
 * 予防接種の対象者リスト as staff read it: the words of statuses and exclusions, one entry's summary (what is sent
 * or reminded, until when), and the CSV columns — the list for review or an outside printer, and the 架電リスト
 * for phone reminders (F11a-02: 電話で勧奨する場合).
 */
import { formatWareki } from '../../platform/calendar/index.ts';
import type { CsvColumn } from '../../platform/csv/export.ts';
import type { EntryRow } from '../../platform/extraction/repository.ts';
import type { ReminderDetail } from './extraction-source.ts';
import { autoExclusions, type DoseDetail, type ReminderDose } from './list-rules.ts';
import type { DoseStatus } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

export const listKinds = {
  'vaccination.dose': '予診票の接種別発送',
  'vaccination.reminder': '未接種者勧奨',
} as const;
export type ListKind = keyof typeof listKinds;

/** 除外理由 staff choose on the list (the extraction's own are autoExclusions, prefixed 'auto:'). */
export const exclusionReasons = {
  vaccinated_elsewhere: '他市町村・任意で接種済',
  hospitalized: '入院・療養中',
  declined: '保護者の申出',
  duplicate: '重複',
  other: 'その他',
} as const;

export const statusWords: Record<DoseStatus, string> = {
  completed: '接種済',
  due: '接種時期',
  upcoming: '今後',
  overdue: '標準期間超過',
  expired: '期間終了',
  not_eligible: '対象外',
};

export function exclusionLabel(reason: string | null): string {
  if (!reason) return '';
  if (reason.startsWith('auto:'))
    return autoExclusions[reason.slice(5) as keyof typeof autoExclusions] ?? reason;
  return exclusionReasons[reason as keyof typeof exclusionReasons] ?? reason;
}

export const vaccineLabel = (code: string): string =>
  vaccineMaster.vaccines.find((v) => v.code === code)?.name ?? code;

const until = (d: string | null) => (d ? `${formatWareki(d)}まで` : '');

/** 「麻しん風しん 第1期 1回（令和9年3月31日まで）」 */
export const reminderText = (d: ReminderDose): string =>
  `${vaccineLabel(d.vaccine)} ${d.dose}${d.legalTo ? `（${until(d.legalTo)}）` : ''}`;

/** What the entry is about, in words (shown on the screen and in the CSV). */
export function entrySummary(kind: string, details: unknown): { what: string; until: string } {
  if (kind === 'vaccination.reminder') {
    const doses = (details as ReminderDetail).doses ?? [];
    const last = doses.reduce<string | null>(
      (a, d) => (d.legalTo && (a === null || d.legalTo < a) ? d.legalTo : a),
      null,
    );
    return { what: doses.map(reminderText).join('、'), until: last ? formatWareki(last) : '' };
  }
  const d = details as DoseDetail;
  const period =
    d.legalFrom || d.legalTo
      ? `定期接種の期間 ${d.legalFrom ? formatWareki(d.legalFrom) : ''}〜${d.legalTo ? formatWareki(d.legalTo) : ''}`
      : '';
  const given = d.givenOn ? ` 接種日 ${formatWareki(d.givenOn)}` : '';
  return {
    what: `${d.dose} ${statusWords[d.status] ?? d.status}${given}${period ? `／${period}` : ''}`,
    until: d.legalTo ? formatWareki(d.legalTo) : '',
  };
}

export type ListEntryView = EntryRow & {
  what: string;
  until: string;
  exclusionLabel: string;
  phone?: string;
};

const sexText: Record<string, string> = { '1': '男', '2': '女', '9': '不明' };
const postal = (p: string) => (p ? `${p.slice(0, 3)}-${p.slice(3)}` : '');

/** Columns of the list CSV (review, outside printer). */
export const listColumns: CsvColumn<ListEntryView>[] = [
  { key: 'atenaNo', label: '宛名番号', value: (r) => r.atenaNo },
  { key: 'name', label: '氏名', value: (r) => r.name },
  { key: 'nameKana', label: '氏名カナ', value: (r) => r.nameKana },
  { key: 'birthDate', label: '生年月日', value: (r) => formatWareki(r.birthDate) },
  { key: 'sex', label: '性別', value: (r) => sexText[r.sex] ?? r.sex },
  { key: 'age', label: '年齢（基準日）', value: (r) => r.age },
  { key: 'postalCode', label: '郵便番号', value: (r) => postal(r.postalCode) },
  { key: 'address', label: '住所', value: (r) => r.address },
  { key: 'addressExtra', label: '方書', value: (r) => r.addressExtra },
  { key: 'vaccines', label: 'ワクチン', value: (r) => r.programs.map(vaccineLabel).join('・') },
  { key: 'what', label: '回・状態', value: (r) => r.what },
  { key: 'until', label: '定期接種の期限', value: (r) => r.until },
  { key: 'included', label: '送付', value: (r) => (r.included ? '送付' : '除外') },
  {
    key: 'exclusion',
    label: '除外理由',
    value: (r) => [r.exclusionLabel, r.exclusionNote].filter(Boolean).join(' '),
  },
];

/** Columns of the 架電リスト (phone reminders): blank 架電日・結果・メモ to fill in. */
export const callColumns: CsvColumn<ListEntryView>[] = [
  { key: 'atenaNo', label: '宛名番号', value: (r) => r.atenaNo },
  { key: 'name', label: '氏名', value: (r) => r.name },
  { key: 'nameKana', label: '氏名カナ', value: (r) => r.nameKana },
  { key: 'birthDate', label: '生年月日', value: (r) => formatWareki(r.birthDate) },
  { key: 'age', label: '年齢（基準日）', value: (r) => r.age },
  { key: 'phone', label: '電話番号', value: (r) => r.phone ?? '' },
  { key: 'address', label: '住所', value: (r) => [r.address, r.addressExtra].filter(Boolean).join(' ') },
  { key: 'what', label: '勧奨する予防接種', value: (r) => r.what },
  { key: 'until', label: '最も早い期限', value: (r) => r.until },
  { key: 'calledOn', label: '架電日', value: () => '' },
  { key: 'result', label: '結果', value: () => '' },
  { key: 'memo', label: 'メモ', value: () => '' },
];
