/** Inputs and outputs of the schedule engine (rules.ts). */
import type { LocalDate } from '../../platform/calendar/index.ts';
import type { Disease, VaccineCode } from './master-types.ts';

/** Why a person is excluded for a disease (§1.7): 既罹患, 接種済（任意を含む）, B型肝炎母子感染予防, その他. */
export type ExclusionReason = 'infected' | 'prior_vaccination' | 'hbv_prophylaxis' | 'other';

export interface PersonSpecials {
  /** 長期療養特例: the vaccines, the illness (理由書) and the day the reason ended. */
  longTermCare?: Array<{ vaccines: VaccineCode[]; reason: string; endDate: LocalDate }>;
  /** MR 供給不足による延長を市町村長が認めた. */
  mrShortage?: boolean;
  /** 風しん第5期: 抗体検査の結果、抗体価が不十分. */
  rubella5?: boolean;
  /** 既罹患・除外 per disease. */
  exclusions?: Array<{ disease: Disease; reason: ExclusionReason; note?: string }>;
  /** 60〜64歳の障害（身体障害者手帳1級相当）: 心臓・腎臓・呼吸器 ('organ') or HIV ('hiv'). */
  disability60to64?: 'organ' | 'hiv';
  /** 妊娠中: 出産予定日 (RSウイルス母子免疫). */
  pregnancy?: { dueDate: LocalDate };
}

export interface VaccinationPerson {
  birthDate: LocalDate;
  sex?: 'M' | 'F';
  specials?: PersonSpecials;
}

/** One recorded vaccination (予防接種に関する記録, reduced to what the schedule needs). */
export interface HistoryDose {
  vaccine: VaccineCode;
  date: LocalDate;
  product?: string;
}

export type DoseStatus = 'completed' | 'due' | 'upcoming' | 'overdue' | 'expired' | 'not_eligible';

export interface DoseSchedule {
  vaccine: VaccineCode;
  dose: string;
  legalFrom: LocalDate | null;
  legalTo: LocalDate | null;
  standardFrom: LocalDate | null;
  standardTo: LocalDate | null;
  earliest: LocalDate | null;
  /** The date of the recorded dose (completed rows). */
  givenOn: LocalDate | null;
  status: DoseStatus;
  reasons: string[];
}
