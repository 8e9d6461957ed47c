/** 母子保健の自治体設定: the 受診券 issued (回数・助成上限・交付しない種類), the EPDS cut-offs and the 低出生体重 threshold. */
import type { MaternalSettings } from '../../server/modules/maternal/settings-rules.ts';
import { api } from './api.ts';

type VoucherTypeView = {
  kind: string;
  label: string;
  count: number;
  perFetus: boolean;
  limitYen: number | null;
};

export type MaternalSettingsView = MaternalSettings & {
  version: number;
  updatedAt: string | null;
  defaults: {
    voucherTypes: VoucherTypeView[];
    epdsFollowUpThreshold: number;
    epdsSelfHarmThreshold: number;
    lowBirthWeightGrams: number;
  };
  limits: Record<
    'count' | 'limitYen' | 'epdsFollowUpThreshold' | 'epdsSelfHarmThreshold' | 'lowBirthWeightGrams',
    readonly [number, number]
  >;
};

export const maternalSettingsKeys = { all: ['maternal', 'settings'] as const };

export const maternalSettingsApi = {
  get: () => api.get<MaternalSettingsView>('/api/maternal/settings'),
  save: (v: MaternalSettings & { version: number }) =>
    api.put<MaternalSettingsView>('/api/maternal/settings', v),
};
