/**
 * One visit's result checked against its 受診券 and pregnancy (F06-03…F06-06), the same for the entry screen and
 * the import: the 受診券ID must be a valid 妊婦健診・産婦健診 voucher not used by another result; a 精密健診 is
 * entered from the referring visit (the voucher's result, judged 要精密・要治療) and linked to it; then the items,
 * the 判定 and the 受診日 (checkup-rules.ts). Pure: the caller reads the voucher and the results.
 */
import { compareDates, formatWareki, type LocalDate } from '../../platform/calendar/index.ts';
import {
  type CheckupKind,
  checkupItemSets,
  checkupKinds,
  detailedKindOf,
  judgements,
  voucherKindLabels,
  voucherKindToCheckup,
} from './checkup-items.ts';
import type { ResultRow, ResultWrite, VoucherRow } from './checkup-repository.ts';
import {
  checkItems,
  checkJudgement,
  checkVisitDate,
  type EpdsThresholds,
  type FieldError,
  followUpReasons,
} from './checkup-rules.ts';

/** 区分: the visit itself (健診) or the 精密健診 it referred to */
export type CheckupCategory = 'checkup' | 'detailed';
export const categoryLabels: Record<CheckupCategory, string> = { checkup: '健診', detailed: '精密健診' };

export type VisitInput = {
  voucherNo: string;
  category: CheckupCategory;
  examinedOn: LocalDate;
  institutionId: number | null;
  institutionName: string;
  judgement: string;
  items: Record<string, unknown>;
  note: string;
};

export type VisitContext = {
  voucher: VoucherRow | undefined;
  /** the voucher's visit result (健診), if any */
  voucherResult: ResultRow | undefined;
  /** the 精密健診 linked to that result, if any */
  detailedResult: ResultRow | undefined;
  /** whether a stored result is the one this input updates (screen: the result being edited; import: same 受診日) */
  isSame(existing: ResultRow): boolean;
  today: LocalDate;
  /** the EPDS cut-offs in force (母子保健の自治体設定) */
  epds: EpdsThresholds;
};

/** 「受診券ID 1234 は令和8年5月10日の妊婦健診（第3回、判定: 異常なし）で使用済みです。」 */
export function usedMessage(v: VoucherRow, r: ResultRow) {
  return `受診券ID ${v.voucherNo} は${formatWareki(r.examinedOn)}の${checkupKinds[r.kind]}（第${v.seq}回、判定: ${judgements[r.judgement]}）で使用済みです。`;
}

const voucherError = (message: string): FieldError => ({ field: 'voucherNo', message });

/** The base 健診 of the voucher, or why it cannot be entered here. */
export function voucherCheck(v: VoucherRow | undefined, no: string): { kind: CheckupKind } | FieldError {
  if (!v)
    return voucherError(
      `受診券ID ${no} は登録されていません。受診券の番号を確かめてください（妊娠届のときに交付した受診券だけ入力できます）。`,
    );
  if (v.status === 'void')
    return voucherError(
      `受診券ID ${no} は無効になっています${v.voidReason ? `（${v.voidReason}）` : ''}。再交付した受診券の番号を確かめてください。`,
    );
  const kind = voucherKindToCheckup[v.kind];
  if (!kind)
    return voucherError(
      `受診券ID ${no} は${voucherKindLabels[v.kind] ?? v.kind}の受診券です。ここでは妊婦健診・産婦健診・妊婦歯科健診の受診券だけ入力できます。`,
    );
  return { kind };
}

export function prepareVisit(
  input: VisitInput,
  ctx: VisitContext,
): { ok: true; write: ResultWrite; existing: ResultRow | null } | { ok: false; errors: FieldError[] } {
  const fail = (...errors: FieldError[]) => ({ ok: false as const, errors });
  const v = ctx.voucher;
  const base = voucherCheck(v, input.voucherNo);
  if (!('kind' in base) || !v) return fail(base as FieldError);
  let kind: CheckupKind = base.kind;
  let existing: ResultRow | null = null;
  let referral: ResultRow | null = null;
  if (input.category === 'checkup') {
    const r = ctx.voucherResult;
    if (r && !ctx.isSame(r))
      return fail(voucherError(`${usedMessage(v, r)}受診券IDか受診日を確かめてください。`));
    if (!r && v.status === 'used')
      return fail(
        voucherError(
          `受診券ID ${v.voucherNo} は${v.usedOn ? formatWareki(v.usedOn) : ''}に使用済みとして登録されていますが、結果がありません。受診券IDを確かめてください。`,
        ),
      );
    existing = r ?? null;
  } else {
    const r = ctx.voucherResult;
    if (!r)
      return fail(
        voucherError(
          `受診券ID ${v.voucherNo} の${checkupKinds[kind]}の結果がまだありません。精密健診は要精密と判定された健診から入力します。先にその健診の結果を入力してください。`,
        ),
      );
    if (r.judgement !== 'detailed' && r.judgement !== 'treatment')
      return fail(
        voucherError(
          `受診券ID ${v.voucherNo} の${checkupKinds[kind]}（${formatWareki(r.examinedOn)}）の判定は「${judgements[r.judgement]}」で、要精密・要治療ではありません。受診券IDか、健診の判定を確かめてください。`,
        ),
      );
    const detailedKind = detailedKindOf(kind);
    if (!detailedKind)
      return fail(
        voucherError(
          `${checkupKinds[kind]}には精密健診の結果はありません（要治療は歯科医療機関での治療です）。受診券IDを確かめてください。`,
        ),
      );
    referral = r;
    kind = detailedKind;
    const d = ctx.detailedResult;
    if (d && !ctx.isSame(d))
      return fail(
        voucherError(
          `受診券ID ${v.voucherNo} の健診からの精密健診は${formatWareki(d.examinedOn)}の結果（判定: ${judgements[d.judgement]}）が入力済みです。その結果を直すか、受診券IDを確かめてください。`,
        ),
      );
    existing = d ?? null;
  }

  const errors: FieldError[] = [];
  const judgement = checkJudgement(kind, input.judgement);
  if (!('ok' in judgement)) errors.push(judgement);
  const items = checkItems(kind, input.items);
  if (!items.ok) errors.push(...items.errors);
  if (!input.institutionId && !input.institutionName.trim())
    errors.push({ field: 'institution', message: '医療機関を入れてください（受診票に書かれた医療機関）。' });
  if (input.note.length > 500) errors.push({ field: 'note', message: '備考は500文字以内にしてください。' });
  // the 産後日数 as written, even when another item is wrong (its own error is the items')
  const rawDays = String(input.items.daysAfterBirth ?? '')
    .normalize('NFKC')
    .trim();
  const days = /^\d+$/.test(rawDays) ? Number(rawDays) : null;
  const timing = checkVisitDate(kind, input.examinedOn, v, ctx.today, days);
  if (!timing.ok && !errors.some((e) => e.field === timing.error.field)) errors.push(timing.error);
  if (referral && compareDates(input.examinedOn, referral.examinedOn) < 0)
    errors.push({
      field: 'examinedOn',
      message: `精密健診の受診日 ${formatWareki(input.examinedOn)} が、紹介元の健診の受診日（${formatWareki(referral.examinedOn)}）より前です。受診日を確かめてください。`,
    });
  if (errors.length || !items.ok || !timing.ok || !('ok' in judgement)) return fail(...errors);

  const stored = { ...items.value.items };
  if (kind === 'postpartum' && timing.value.gestationalDays !== null)
    stored.daysAfterBirth = timing.value.gestationalDays;
  return {
    ok: true,
    existing,
    write: {
      id: existing?.id ?? null,
      version: existing?.version ?? null,
      pregnancyId: v.pregnancyId,
      residentId: v.residentId,
      kind,
      voucherId: referral ? null : v.id,
      referralFromId: referral?.id ?? null,
      examinedOn: input.examinedOn,
      ...timing.value,
      institutionId: input.institutionId,
      institutionName: input.institutionId ? '' : input.institutionName.trim(),
      items: stored,
      itemsVersion: checkupItemSets[kind].version,
      judgement: judgement.value,
      epdsScore: items.value.epdsScore,
      note: input.note.trim(),
      followUpReasons: followUpReasons(kind, judgement.value, stored, ctx.epds),
    },
  };
}

export type Institution = { id: number; code: string; name: string };

/** 医療機関: a registered code or name → its id; any other name is kept as written; an unknown code is an error. */
export function institutionOf(
  text: string,
  institutions: Institution[],
): { id: number | null; name: string } | FieldError {
  const t = text.normalize('NFKC').trim();
  if (!t) return { id: null, name: '' };
  const found = institutions.find((i) => i.code === t) ?? institutions.find((i) => i.name === t);
  if (found) return { id: Number(found.id), name: found.name };
  if (/^\d{7,10}$/.test(t))
    return {
      field: 'institution',
      message: `医療機関コード ${t} は医療機関マスタにありません。コードを確かめるか、医療機関の名称で入れてください。`,
    };
  return { id: null, name: text.trim() };
}
