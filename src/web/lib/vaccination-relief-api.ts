/** 予防接種健康被害救済 (F11a-05): the case list, the case file and its steps, the 進達書 and the notice. */
import type { VaccinationRecordRow } from '../../server/modules/vaccination/records-repository.ts';
import type {
  ReliefCaseView,
  ReliefClaimInput,
  ReliefEditInput,
  ReliefListResult,
} from '../../server/modules/vaccination/relief.ts';
import type { ReliefCaseRow } from '../../server/modules/vaccination/relief-repository.ts';
import type { ReliefDocument } from '../../server/modules/vaccination/relief-rules.ts';
import { api, queryString } from './api.ts';
import { vaccineName } from './vaccination-api.ts';
import { formatWareki } from './wareki.ts';

export {
  type BenefitType,
  benefitCodes,
  benefitsByCategory,
  benefitTypes,
  categoryAt,
  categoryLabels,
  checklistFor,
  type ReliefStatus,
  reliefStatuses,
} from '../../server/modules/vaccination/relief-rules.ts';
export type { ReliefCaseRow, ReliefCaseView, ReliefClaimInput, ReliefDocument, ReliefEditInput };
export type ReliefListRow = ReliefListResult['rows'][number];

/** Badge colours of the statuses (the label is always shown too). */
export const statusColors: Record<string, string> = {
  received: 'blue.9',
  forwarded: 'indigo.9',
  recognized: 'teal.9',
  denied: 'red.9',
  withdrawn: 'gray.8',
};

export const reliefKeys = {
  list: (f: { status?: string; q?: string }) => ['vaccination-relief', 'list', f] as const,
  file: (id: number) => ['vaccination-relief', 'file', id] as const,
};

const base = '/api/vaccination/relief';

export const reliefApi = {
  list: (f: { status?: string; q?: string }) =>
    api.get<ReliefListResult>(
      `${base}${queryString({ status: f.status || undefined, q: f.q || undefined })}`,
    ),
  history: (residentId: number) =>
    api.get<{ person: ReliefCaseView['person']; records: VaccinationRecordRow[] }>(
      `${base}/history/${residentId}`,
    ),
  create: (v: ReliefClaimInput) => api.post<ReliefCaseRow>(base, v),
  view: (id: number) => api.get<ReliefCaseView>(`${base}/${id}`),
  edit: (id: number, version: number, v: ReliefEditInput) =>
    api.post<ReliefCaseRow>(`${base}/${id}/edit`, { version, ...v }),
  attachRecords: (id: number, version: number, recordIds: number[]) =>
    api.post<ReliefCaseRow>(`${base}/${id}/records`, { version, recordIds }),
  saveDocuments: (id: number, version: number, documents: ReliefDocument[]) =>
    api.post<ReliefCaseRow>(`${base}/${id}/documents`, { version, documents }),
  forward: (id: number, version: number, v: { forwardedOn: string; note: string }) =>
    api.post<ReliefCaseRow>(`${base}/${id}/forward`, { version, ...v }),
  decide: (
    id: number,
    version: number,
    v: {
      result: 'recognized' | 'denied';
      decidedOn: string;
      resultReceivedOn: string;
      recognizedBenefits: string[];
      note: string;
    },
  ) => api.post<ReliefCaseRow>(`${base}/${id}/decision`, { version, ...v }),
  withdraw: (id: number, version: number, v: { withdrawnOn: string; reason: string }) =>
    api.post<ReliefCaseRow>(`${base}/${id}/withdraw`, { version, ...v }),
  forwardLetter: (id: number, addressee: string) =>
    api.postBlob(`${base}/${id}/forward-letter`, { addressee }),
  notice: (id: number, version: number, v: { sentOn: string; method: 'post' | 'hand' | 'counter' }) =>
    api.postBlob(`${base}/${id}/notice`, { version, ...v }),
};

/** One record as the 予防接種歴 lists it: ワクチン 回（接種日・医療機関・ロット）, 任意接種扱い marked. */
export const recordLabel = (
  r: Pick<VaccinationRecordRow, 'vaccine' | 'dose' | 'vaccinatedOn' | 'institutionName' | 'lot' | 'routine'>,
) =>
  `${vaccineName(r.vaccine)} ${r.dose}（${formatWareki(r.vaccinatedOn)}・${r.institutionName || '医療機関不明'}${r.lot ? `・ロット${r.lot}` : ''}）${r.routine ? '' : ' 任意接種扱い'}`;
