/** 申込一覧のCSV: columns (keys stable, headers Japanese, dates in 和暦). */
import { formatWareki } from '../../platform/calendar/index.ts';
import type { CsvColumn } from '../../platform/csv/export.ts';
import { type ProgramCode, programLabels } from '../programs/types.ts';
import type { ApplicationRow } from './applications-repository.ts';
import { applicationChannels, applicationModes, applicationStatuses } from './applications-rules.ts';

export const applicationColumns: CsvColumn<ApplicationRow>[] = [
  { key: 'id', label: '申込番号', value: (r) => r.id },
  { key: 'fiscalYear', label: '年度', value: (r) => r.fiscalYear },
  { key: 'appliedOn', label: '申込日', value: (r) => formatWareki(r.appliedOn) },
  { key: 'channel', label: '受付方法', value: (r) => applicationChannels[r.channel] },
  { key: 'atenaNo', label: '宛名番号', value: (r) => r.atenaNo },
  { key: 'name', label: '氏名', value: (r) => r.name },
  { key: 'nameKana', label: '氏名カナ', value: (r) => r.nameKana },
  { key: 'birthDate', label: '生年月日', value: (r) => formatWareki(r.birthDate) },
  {
    key: 'programs',
    label: '検診',
    value: (r) => r.programs.map((p) => programLabels[p as ProgramCode] ?? p).join('・'),
  },
  { key: 'mode', label: '受診形態', value: (r) => applicationModes[r.mode] },
  { key: 'institution', label: '医療機関', value: (r) => r.institutionName ?? '' },
  {
    key: 'session',
    label: '集団検診の日程',
    value: (r) => (r.sessionDate ? `${formatWareki(r.sessionDate)} ${r.startTime}〜 ${r.venueName}` : ''),
  },
  { key: 'status', label: '状態', value: (r) => applicationStatuses[r.status] },
  { key: 'externalNo', label: '電子申請番号', value: (r) => r.externalNo ?? '' },
  { key: 'note', label: '備考', value: (r) => r.note },
];
