/** 予防接種の記録 (F11a-01, F10a-03): a person's records and schedule, save, delete. */
import type { MunicipalVaccineRow } from '../../server/modules/vaccination/municipal-repository.ts';
import type { MunicipalDoseSchedule } from '../../server/modules/vaccination/municipal-rules.ts';
import type { SaveRecordInput } from '../../server/modules/vaccination/records.ts';
import type {
  RecordSource,
  VaccinationRecordRow,
} from '../../server/modules/vaccination/records-repository.ts';
import type { RecordCheck } from '../../server/modules/vaccination/rules-check.ts';
import type { DoseSchedule, DoseStatus } from '../../server/modules/vaccination/types.ts';
import { vaccineMaster } from '../../server/modules/vaccination/vaccine-master.ts';
import { api } from './api.ts';
import type { ResidentStatus } from './types.ts';

/** A record as the server sends it (the server's row type; dates are strings in JSON as on the server). */
export type VaccinationRecord = VaccinationRecordRow;
export type { RecordSource };

export type VaccinationView = {
  on: string;
  person: {
    id: number;
    atenaNo: string;
    name: string;
    nameKana: string;
    birthDate: string;
    sex: string;
    status: ResidentStatus;
    address: string;
  };
  records: VaccinationRecord[];
  deleted: VaccinationRecord[];
  schedule: DoseSchedule[];
  institutions: Array<{ id: number; code: string; name: string }>;
  /** 市町村独自の予防接種 (任意接種助成): every definition (retired ones too) and the rows of the active ones */
  municipalVaccines: MunicipalVaccineRow[];
  municipalSchedule: MunicipalDoseSchedule[];
};

export type RecordInput = SaveRecordInput;

export const statusLabels: Record<DoseStatus, { label: string; color: string }> = {
  completed: { label: '接種済', color: 'teal.9' },
  due: { label: '接種時期', color: 'blue.9' },
  upcoming: { label: '今後', color: 'gray.8' },
  overdue: { label: '標準期間超過', color: 'orange.9' },
  expired: { label: '期間終了', color: 'red.9' },
  not_eligible: { label: '対象外', color: 'gray.8' },
};

export const sourceLabels: Record<RecordSource, string> = {
  manual: '手入力',
  handbook: '母子手帳転記',
  import: '取込',
  demo: 'デモデータ',
};

export const vaccines = vaccineMaster.vaccines;
export const vaccineName = (code: string) => vaccines.find((v) => v.code === code)?.name ?? code;

/** Every dose label of a vaccine, in the order of its series. */
export function doseLabelsOf(code: string): string[] {
  const v = vaccines.find((x) => x.code === code);
  return [
    ...new Set(v?.versions.flatMap((ver) => ver.series.flatMap((s) => s.doses.map((d) => d.label))) ?? []),
  ];
}

export const vaccinationKeys = { view: (residentId: number) => ['vaccination', 'view', residentId] as const };

export const vaccinationApi = {
  view: (residentId: number) => api.get<VaccinationView>(`/api/vaccination/residents/${residentId}`),
  save: (residentId: number, v: RecordInput) =>
    api.post<{ record: VaccinationRecord; check: RecordCheck }>(
      `/api/vaccination/residents/${residentId}/records`,
      v,
    ),
  remove: (id: number, version: number, reason: string) =>
    api.post<{ ok: true }>(`/api/vaccination/records/${id}/delete`, { version, reason }),
};
