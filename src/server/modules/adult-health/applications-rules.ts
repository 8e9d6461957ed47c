/**
 * 個別受付 (F02-03/04/05) step 3 「受診歴の確認」: pure rules over the eligibility judgements of rules.ts.
 * The screening history per program (last 受診日, result, interval rule → 今年度受診可/不可 and why) and the
 * check of an application: every requested program must be eligible this 年度, otherwise it is refused with
 * the reasons of the eligibility rules (adult-health-statistics-bank-barcode.md §2.1 intervals, §2.2 年度末年齢,
 * §2.3 "2年に1回", §2.4 coupons, §2.6 once-in-a-lifetime).
 */
import { formatWareki } from '../../platform/calendar/index.ts';
import type { IntervalRule, ProgramSettings } from '../programs/types.ts';
import { type Eligibility, resultLabels } from './rules.ts';

export const applicationChannels = {
  phone: '電話',
  postcard: 'はがき',
  counter: '窓口',
  e_application: '電子申請',
} as const;
export type ApplicationChannel = keyof typeof applicationChannels;

export const applicationModes = { individual: '個別', group: '集団' } as const;
export type ApplicationMode = keyof typeof applicationModes;

export const applicationStatuses = {
  accepted: '受付済',
  ticket_issued: '受診票発行済',
  cancelled: '取消',
} as const;
export type ApplicationStatus = keyof typeof applicationStatuses;

/** A past screening as the history table shows it. */
export type PastScreening = { program: string; screenedOn: string; result: string | null };

/** One row of the history check: what staff read to the caller. */
export type ProgramHistory = {
  program: string;
  name: string;
  lastScreenedOn: string | null;
  /** 和暦 of lastScreenedOn, or '' */
  lastScreenedWareki: string;
  resultLabel: string;
  /** 「2年に1回」「偶数年齢」「生涯1回」… */
  intervalText: string;
  eligible: boolean;
  /** 「今年度受診可」 / 「今年度受診不可」 */
  verdict: string;
  /** why (blocking and info reasons, Japanese) */
  reasons: string[];
  coupon: boolean;
};

/** The interval rule in words (§2.1, §2.3, §2.6). */
export function intervalText(rule: IntervalRule): string {
  if (rule.kind === 'once') return '生涯1回';
  if (rule.kind === 'parity') return rule.parity === 'even' ? '偶数年齢（2年に1回）' : '奇数年齢（2年に1回）';
  return rule.years === 1 ? '毎年度' : `${rule.years}年に1回`;
}

export function resultLabel(result: string | null): string {
  if (!result) return '';
  return resultLabels[result as keyof typeof resultLabels] ?? result;
}

/** The history check of every program: the latest 受診 and the judgement of this 年度 with its reasons. */
export function historySummary(
  settings: ProgramSettings[],
  judgements: Eligibility[],
  records: PastScreening[],
): ProgramHistory[] {
  return settings.map((p) => {
    const j = judgements.find((x) => x.program === p.code);
    let last: PastScreening | undefined;
    for (const r of records) if (r.program === p.code && (!last || r.screenedOn > last.screenedOn)) last = r;
    const eligible = j?.eligible === true;
    return {
      program: p.code,
      name: p.name,
      lastScreenedOn: last?.screenedOn ?? null,
      lastScreenedWareki: last ? formatWareki(last.screenedOn) : '',
      resultLabel: resultLabel(last?.result ?? null),
      intervalText: intervalText(p.interval),
      eligible,
      verdict: eligible ? '今年度受診可' : '今年度受診不可',
      reasons: j?.labels ?? ['判定できません'],
      coupon: j?.coupon === true,
    };
  });
}

export type ApplicationCheck = {
  ok: boolean;
  results: { program: string; name: string; ok: boolean; reasons: string[] }[];
  /** 「胃がん検診: 前年度受診済」… joined, for the refusal message; '' when ok */
  message: string;
};

/**
 * Each requested program must be eligible this 年度 (the same rules as bulk extraction). A program without a
 * judgement (not run this 年度) is refused as 実施していない.
 */
export function checkApplication(
  judgements: (Eligibility & { name?: string })[],
  requested: string[],
): ApplicationCheck {
  const results = requested.map((code) => {
    const j = judgements.find((x) => x.program === code);
    const name = j?.name ?? code;
    if (!j) return { program: code, name, ok: false, reasons: ['実施していない'] };
    if (j.eligible) return { program: code, name, ok: true, reasons: [] };
    return { program: code, name, ok: false, reasons: blockingLabels(j) };
  });
  const refused = results.filter((r) => !r.ok);
  return {
    ok: refused.length === 0 && results.length > 0,
    results,
    message: refused.map((r) => `${r.name}: ${r.reasons.join('・')}`).join('、'),
  };
}

/** The labels of the reasons that block (info reasons such as クーポン対象 are left out). */
function blockingLabels(j: Eligibility): string[] {
  const out: string[] = [];
  j.reasons.forEach((code, i) => {
    if (code !== 'coupon' && code !== 'hpv_follow_up') out.push(j.labels[i]!);
  });
  return out.length ? out : j.labels;
}
