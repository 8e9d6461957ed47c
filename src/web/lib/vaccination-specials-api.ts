/** 本人ごとの特例・除外 (長期療養特例, 既罹患・除外, MR 供給不足, 風しん第5期, 60〜64歳の障害, 妊娠). */

import type { SpecialView } from '../../server/modules/vaccination/specials.ts';
import type { SpecialInput } from '../../server/modules/vaccination/specials-rules.ts';
import { api } from './api.ts';

export {
  disabilityLabels,
  diseaseLabels,
  exclusionReasonLabels,
  type SpecialKind,
  specialKinds,
} from '../../server/modules/vaccination/specials-rules.ts';
export type { SpecialInput, SpecialView };

export const specialsKeys = { of: (residentId: number) => ['vaccination', 'specials', residentId] as const };

export const specialsApi = {
  list: (residentId: number) =>
    api.get<{ rows: SpecialView[] }>(`/api/vaccination/residents/${residentId}/specials`),
  add: (residentId: number, v: SpecialInput) =>
    api.post<SpecialView>(`/api/vaccination/residents/${residentId}/specials`, v),
  end: (id: number, version: number, reason: string) =>
    api.post<{ ok: true }>(`/api/vaccination/specials/${id}/end`, { version, reason }),
};
