/** 対象者リスト: 除外理由 and the CSV columns (keys stable, headers Japanese). */
import { formatWareki } from '../../platform/calendar/index.ts';
import type { CsvColumn } from '../../platform/csv/export.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import { type ProgramCode, type ProgramSettings, programLabels } from '../programs/types.ts';
import type { TargetListsService } from './target-lists.ts';

export const exclusionReasons = {
  hospitalized: '入院中',
  facility: '施設入所',
  workplace: '職場等で受診',
  declined: '本人の申出',
  duplicate: '重複',
  other: 'その他',
} as const;

export function exclusionLabel(reason: string | null): string {
  if (!reason) return '';
  if (reason.startsWith('opt_out:')) {
    const r = reason.slice(8) as keyof typeof exclusionReasons;
    return `送付不要登録（${exclusionReasons[r] ?? 'その他'}）`;
  }
  return exclusionReasons[reason as keyof typeof exclusionReasons] ?? reason;
}

type EntryView = Awaited<ReturnType<TargetListsService['entries']>>['rows'][number];

const sexText: Record<string, string> = { '1': '男', '2': '女', '9': '不明' };

/** Columns of the list CSV (keys are stable; headers Japanese). */
export function entryColumns(settings: ProgramSettings[], fy: number): CsvColumn<EntryView>[] {
  return [
    { key: 'atenaNo', label: '宛名番号', value: (r) => r.atenaNo },
    { key: 'name', label: '氏名', value: (r) => r.name },
    { key: 'nameKana', label: '氏名カナ', value: (r) => r.nameKana },
    { key: 'birthDate', label: '生年月日', value: (r) => formatWareki(r.birthDate) },
    { key: 'sex', label: '性別', value: (r) => sexText[r.sex] ?? r.sex },
    { key: 'age', label: '年度末年齢', value: (r) => r.age },
    {
      key: 'postalCode',
      label: '郵便番号',
      value: (r) => (r.postalCode ? `${r.postalCode.slice(0, 3)}-${r.postalCode.slice(3)}` : ''),
    },
    { key: 'address', label: '住所', value: (r) => r.address },
    { key: 'addressExtra', label: '方書', value: (r) => r.addressExtra },
    {
      key: 'programs',
      label: '対象検診',
      value: (r) => r.programs.map((p) => programLabels[p as ProgramCode] ?? p).join('・'),
    },
    {
      key: 'coupons',
      label: 'クーポン',
      value: (r) => r.coupons.map((p) => programLabels[p as ProgramCode] ?? p).join('・'),
    },
    { key: 'ticketNo', label: '受診券番号', value: (r) => `${fy}-${r.atenaNo}` },
    { key: 'included', label: '送付', value: (r) => (r.included ? '送付' : '除外') },
    {
      key: 'exclusion',
      label: '除外理由',
      value: (r) => [r.exclusionLabel, r.exclusionNote].filter(Boolean).join(' '),
    },
    { key: 'reasons', label: '判定理由', value: (r) => r.reasons.join('／') },
    ...settings.map((p) => ({
      key: `program_${p.code}`,
      label: p.name,
      value: (r: EntryView) => {
        const d = (r.details as Record<string, { eligible: boolean } | undefined>)[p.code];
        return d ? (d.eligible ? '対象' : '対象外') : '';
      },
    })),
  ];
}

export function pickEntryColumns<T>(all: CsvColumn<T>[], keys?: string[]): CsvColumn<T>[] {
  if (!keys?.length) return all;
  const byKey = new Map(all.map((c) => [c.key, c]));
  const unknown = keys.filter((k) => !byKey.has(k));
  if (unknown.length) throw badRequest(`出力できない列です: ${unknown.join('、')}`);
  return keys.map((k) => byKey.get(k)!);
}
