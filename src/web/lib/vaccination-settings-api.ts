/** 予防接種の自治体設定: 月末の扱い (N月以上の間隔) and the 接種期間 of the yearly programs. */
import type { VaccinationSettings } from '../../server/modules/vaccination/settings-rules.ts';
import { api } from './api.ts';

export type SettingsView = VaccinationSettings & {
  version: number;
  updatedAt: string | null;
  monthEndRules: Record<VaccinationSettings['monthEndRule'], string>;
  yearly: Array<{ code: string; name: string; from: string; to: string }>;
};

export const vaccinationSettingsKeys = { all: ['vaccination', 'settings'] as const };

export const vaccinationSettingsApi = {
  get: () => api.get<SettingsView>('/api/vaccination/settings'),
  save: (v: VaccinationSettings & { version: number }) =>
    api.put<SettingsView>('/api/vaccination/settings', v),
};
