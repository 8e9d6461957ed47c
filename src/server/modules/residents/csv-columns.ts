import { formatWareki } from '../../platform/calendar/index.ts';
import type { CsvColumn } from '../../platform/csv/export.ts';
import type { ResidentView } from './service.ts';
import { sexLabels, statusLabels } from './types.ts';

/** Columns staff can choose for the 宛名一覧 CSV (Excel). */
export const residentCsvColumns: CsvColumn<ResidentView>[] = [
  { key: 'atenaNo', label: '宛名番号', value: (r) => r.atenaNo },
  { key: 'householdNo', label: '世帯番号', value: (r) => r.householdNo },
  { key: 'name', label: '氏名', value: (r) => r.name },
  { key: 'nameKana', label: '氏名カナ', value: (r) => r.nameKana },
  { key: 'birthDate', label: '生年月日', value: (r) => r.birthDate },
  { key: 'birthDateWareki', label: '生年月日（和暦）', value: (r) => formatWareki(r.birthDate) },
  { key: 'sex', label: '性別', value: (r) => sexLabels[r.sex] },
  { key: 'relationship', label: '続柄', value: (r) => r.relationship },
  {
    key: 'postalCode',
    label: '郵便番号',
    value: (r) => (r.postalCode ? `${r.postalCode.slice(0, 3)}-${r.postalCode.slice(3)}` : ''),
  },
  { key: 'address', label: '住所', value: (r) => r.address },
  { key: 'addressExtra', label: '方書', value: (r) => r.addressExtra },
  { key: 'phone', label: '電話番号', value: (r) => r.phone },
  { key: 'status', label: '住民状態', value: (r) => statusLabels[r.status] },
  { key: 'supportMeasure', label: '支援措置', value: (r) => (r.supportMeasure ? '対象' : '') },
];
