/**
 * 予防接種健康被害救済 (F11a-05): the inputs of a claim, their checks, and the names the screens and documents use.
 */
import { parseDateInput } from '../../platform/calendar/index.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import { type BenefitType, benefitTypes } from './relief-rules.ts';
import { vaccineMaster } from './vaccine-master.ts';

export const reliefScreen = '予防接種 健康被害救済';
export const reliefNoticePurpose = 'vaccination.relief-notice';

export type ReliefClaimInput = {
  residentId: number;
  claimantName: string;
  claimantRelation: string;
  claimantPostalCode: string;
  claimantAddress: string;
  claimantPhone: string;
  vaccine: string;
  vaccinatedOn: string;
  recordIds: number[];
  benefits: string[];
  symptoms: string;
  receivedOn: string;
  note: string;
};

/** What may be corrected later (the claimant's address changes over the years; benefits only before 進達). */
export type ReliefEditInput = Pick<
  ReliefClaimInput,
  | 'claimantName'
  | 'claimantRelation'
  | 'claimantPostalCode'
  | 'claimantAddress'
  | 'claimantPhone'
  | 'benefits'
  | 'symptoms'
  | 'note'
>;

export type Field = { path: string; message: string };
export const fail = (fields: Field[]) =>
  badRequest(`入力に誤りがあります（${fields.length}件）。${fields[0]!.message}`, { fields });

export const vaccineNameOf = (code: string) =>
  vaccineMaster.vaccines.find((v) => v.code === code)?.name ?? code;
export const benefitLabels = (codes: readonly string[]) =>
  codes.map((b) => benefitTypes[b as BenefitType] ?? b);

export function dateField(path: string, label: string, text: string, fields: Field[]): string {
  const d = parseDateInput(text ?? '');
  if (!d.ok) {
    fields.push({ path, message: `${label}: ${d.message}` });
    return '';
  }
  return d.date;
}

/** The claimant block, trimmed and checked (the notice goes to this name and address). */
export function claimantOf(v: ReliefEditInput, fields: Field[]) {
  const name = v.claimantName.trim();
  if (!name)
    fields.push({
      path: 'claimantName',
      message: '請求者の氏名を入力してください（通知の宛名になります）。',
    });
  const postal = v.claimantPostalCode.replace(/[-－\s]/g, '');
  if (postal && !/^\d{7}$/.test(postal))
    fields.push({
      path: 'claimantPostalCode',
      message: '郵便番号は7桁の数字で入力してください（例: 123-4567）。',
    });
  const address = v.claimantAddress.trim();
  if (!address)
    fields.push({
      path: 'claimantAddress',
      message: '請求者の住所を入力してください（通知の送付先になります）。',
    });
  return {
    claimantName: name,
    claimantRelation: v.claimantRelation.trim(),
    claimantPostalCode: postal,
    claimantAddress: address,
    claimantPhone: v.claimantPhone.trim(),
  };
}
