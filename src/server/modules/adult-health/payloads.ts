/**
 * What the 受診票（券） and 希望調査票 print for one person: built from a list entry and the list's settings
 * snapshot, so a later edit of the 事業マスタ does not change a mailing already made.
 */
import { formatWareki } from '../../platform/calendar/index.ts';
import { feeExemptionKinds, type ProgramSettings } from '../programs/types.ts';
import type { EntryDetail } from './extraction.ts';
import { exemptionFor, type FeeExemption } from './fee-exemptions.ts';

export type TicketProgram = {
  code: string;
  name: string;
  /** 検査方法 names offered to this person */
  methods: string[];
  /** 自己負担金 per method, in the order of `methods` (「1,000円」, 「無料」, 「医療機関でご確認ください」) */
  fees: string[];
  coupon: boolean;
  /** 受診期間 in 和暦, or '' (the whole 年度) */
  period: string;
  notice: string;
  /** 集団 / 個別 */
  delivery: ProgramSettings['delivery'];
};

export type TicketPayload = {
  kind: 'ticket';
  fiscalYear: number;
  /** 受診券番号 (printed and as a code128 barcode): 年度 + 宛名番号 — the same on a reissue */
  ticketNo: string;
  atenaNo: string;
  age: number;
  programs: TicketProgram[];
  exemptionNote: string;
  /** 自己負担金の免除 that applies (e.g. 「生活保護受給者」): the exempt programs' fees read 「免除」 */
  exemption?: string;
  /** 集団検診の予約 (preference lists), e.g. 「令和9年1月20日 09:00〜 すこやか市保健センター」 */
  booking?: string;
};

export type SurveySession = { id: number; date: string; time: string; venue: string; programs: string[] };

export type SurveyPayload = {
  kind: 'survey';
  fiscalYear: number;
  /** 調査票番号 (QR): used to find the person when the answer comes back */
  surveyNo: string;
  atenaNo: string;
  age: number;
  programs: { code: string; name: string; methods: string[] }[];
  sessions: SurveySession[];
  /** 返送期限 */
  replyBy: string;
};

const yen = (n: number) => (n === 0 ? '無料' : `${n.toLocaleString('ja-JP')}円`);

/** 自己負担金 of each offered method (the city's amount, or where to ask when none is set). */
export function methodFees(p: ProgramSettings, methods: string[]): string[] {
  const out: string[] = [];
  for (const m of p.methods) {
    if (!methods.includes(m.code)) continue;
    const amount = p.fees.amounts[m.code] ?? p.fees.amounts['*'];
    out.push(amount === undefined ? '医療機関でご確認ください' : yen(amount));
  }
  return out;
}

export function periodText(p: ProgramSettings): string {
  if (!p.periodStart && !p.periodEnd) return '';
  return `${p.periodStart ? formatWareki(p.periodStart) : ''}〜${p.periodEnd ? formatWareki(p.periodEnd) : ''}`;
}

export const ticketNo = (fy: number, atenaNo: string) => `${fy}-${atenaNo}`;

export function ticketPayload(
  settings: ProgramSettings[],
  fy: number,
  e: {
    atenaNo: string;
    age: number;
    programs: string[];
    coupons: string[];
    details: Record<string, unknown>;
  },
  o: { booking?: string | undefined; exemptions?: FeeExemption[] | undefined } = {},
): TicketPayload {
  const programs: TicketProgram[] = [];
  let exemption: string | undefined;
  for (const p of settings) {
    if (!e.programs.includes(p.code)) continue;
    const d = e.details[p.code] as EntryDetail | undefined;
    const methodCodes = d?.methods?.length
      ? d.methods
      : p.methods.filter((m) => m.enabled).map((m) => m.code);
    const exempt = exemptionFor(p, o.exemptions ?? [], fy);
    if (exempt) exemption = feeExemptionKinds[exempt];
    const fees = methodFees(p, methodCodes);
    programs.push({
      code: p.code,
      name: p.name,
      methods: p.methods.filter((m) => methodCodes.includes(m.code)).map((m) => m.name),
      fees: exempt ? fees.map(() => `免除（${feeExemptionKinds[exempt]}）`) : fees,
      coupon: e.coupons.includes(p.code),
      period: periodText(p),
      notice: p.notice,
      delivery: p.delivery,
    });
  }
  return {
    kind: 'ticket',
    fiscalYear: fy,
    ticketNo: ticketNo(fy, e.atenaNo),
    atenaNo: e.atenaNo,
    age: e.age,
    programs,
    exemptionNote: settings.find((p) => e.programs.includes(p.code))?.fees.exemptionNote ?? '',
    ...(exemption ? { exemption } : {}),
    ...(o.booking ? { booking: o.booking } : {}),
  };
}

export function surveyPayload(
  settings: ProgramSettings[],
  fy: number,
  e: { atenaNo: string; age: number; programs: string[]; details: Record<string, unknown> },
  sessions: SurveySession[],
  replyBy: string,
): SurveyPayload {
  const programs = settings
    .filter((p) => e.programs.includes(p.code))
    .map((p) => {
      const d = e.details[p.code] as EntryDetail | undefined;
      return {
        code: p.code,
        name: p.name,
        methods: p.methods.filter((m) => d?.methods?.includes(m.code)).map((m) => m.name),
      };
    });
  return {
    kind: 'survey',
    fiscalYear: fy,
    surveyNo: `S${fy}-${e.atenaNo}`,
    atenaNo: e.atenaNo,
    age: e.age,
    programs,
    sessions: sessions.filter((s) => s.programs.some((c) => e.programs.includes(c))),
    replyBy,
  };
}
