/** 予診票一括発行（冊子渡し）(F10a-01): the extraction preview and making the mailing of 予診票冊子. */
import { api } from './api.ts';
import type { Job } from './types.ts';

/** 対象児の抽出の条件 (dates as YYYY-MM-DD). */
export type BookletCriteria = {
  /** birth: 出生日の範囲 / age: 生後N月に至る日が期間内 */
  basis: 'birth' | 'age';
  from: string;
  to: string;
  months?: number;
  includeNonRegistered: boolean;
  excludeSent: boolean;
};

export type BookletPreviewRow = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  /** resident | non_registered */
  status: string;
  address: string;
  supportMeasure: boolean;
  /** 発送日 of the last booklet sent */
  sentOn: string | null;
  /** in a booklet mailing not sent yet */
  inMailing: boolean;
};

export type BookletPreview = {
  total: number;
  /** left out as already sent (or in a mailing) */
  leftOut: number;
  rows: BookletPreviewRow[];
  label: string;
};

export const bookletsApi = {
  preview: (c: BookletCriteria) => api.post<BookletPreview>('/api/vaccination/booklets/preview', c),
  startMailing: async (c: BookletCriteria, sendDate: string, method: string) =>
    (await api.post<{ job: Job }>('/api/vaccination/booklets/mailing', { ...c, sendDate, method })).job,
};
