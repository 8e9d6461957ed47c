/** 事業マスタ › 結果項目 (市町村独自の結果項目): the list per program, add, edit, 無効/有効, order. */
import type { ResultItemExtra } from '../../server/modules/adult-health/result-extras-repository.ts';
import type { ProgramCode } from '../../server/modules/programs/types.ts';
import { api } from './api.ts';
import type { ResultItem } from './results-api.ts';

export type { ResultItemExtra } from '../../server/modules/adult-health/result-extras-repository.ts';
export { extraTypes, nextExtraKey } from '../../server/modules/adult-health/result-extras-rules.ts';

export type ResultItemsProgram = {
  code: ProgramCode;
  name: string;
  itemsVersion: number;
  national: ResultItem[];
  extras: ResultItemExtra[];
};

/** What the add/edit form sends (key and type only when adding). */
export type ExtraValues = {
  label: string;
  options: string[];
  unit: string;
  required: boolean;
};
export type NewExtraValues = ExtraValues & { program: ProgramCode; key: string; type: string };

export const resultItemsKey = ['result-items'] as const;

export const resultItemsApi = {
  list: () => api.get<{ programs: ResultItemsProgram[] }>('/api/adult/result-items'),
  create: (v: NewExtraValues) => api.post<{ item: ResultItemExtra }>('/api/adult/result-items', v),
  update: (id: number, v: ExtraValues, version: number) =>
    api.put<{ item: ResultItemExtra }>(`/api/adult/result-items/${id}`, { ...v, version }),
  setActive: (id: number, active: boolean, version: number) =>
    api.post<{ item: ResultItemExtra }>(
      `/api/adult/result-items/${id}/${active ? 'reactivate' : 'deactivate'}`,
      { version },
    ),
  reorder: (program: ProgramCode, ids: number[]) =>
    api.post<{ items: ResultItemExtra[] }>('/api/adult/result-items/reorder', { program, ids }),
};
