/**
 * Pure checks of a 妊婦健診・産婦健診・精密健診 result (F06-03…F06-06): the items of checkup-items.ts (ranges, choices,
 * required), the 判定, the 受診日 against the pregnancy (妊娠週数 from the 出産予定日, §4.3; 産後日数 from the 出産日,
 * §4.4), and who is to be followed up (EPDS, 要精密・要治療, §4.4). Messages in Japanese, saying what to fix; the
 * entry screen and the import use the same checks.
 */
import {
  addDays,
  compareDates,
  daysBetween,
  formatWareki,
  gestationalAge,
  type LocalDate,
} from '../../platform/calendar/index.ts';
import {
  type CheckupKind,
  checkupItemSets,
  checkupKinds,
  epdsFollowUpThreshold,
  epdsQuestions,
  epdsSelfHarmQuestion,
  epdsSelfHarmThreshold,
  type ItemDef,
  type Judgement,
  judgements,
  judgementsOf,
} from './checkup-items.ts';

/** A 受診券ID as typed or scanned: NFKC, no spaces. */
export const voucherKey = (text: string) => text.normalize('NFKC').replace(/\s/g, '');

export type FieldError = { field: string | null; message: string };
export type ItemValue = number | string | string[] | number[];
export type CheckedItems = { items: Record<string, ItemValue>; epdsScore: number | null };

const norm = (t: string) =>
  t
    .normalize('NFKC')
    .replace(/[\s()（）]/g, '')
    .replace(/[−‐ー－―]/g, '-')
    .replace(/^\+-$/, '±');
const textOf = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v).trim();
const isBlank = (v: unknown) => (Array.isArray(v) ? v.every((x) => textOf(x) === '') : textOf(v) === '');
const choiceOf = (choices: { code: string; label: string }[], text: string) =>
  choices.find((c) => norm(c.code) === norm(text) || norm(c.label) === norm(text))?.code ?? null;
const choiceList = (choices: { code: string; label: string }[]) => choices.map((c) => c.label).join('・');

/** EPDS answers from an array or a text 「1,0,2,…」 (10 numbers 0–3). */
function checkEpds(raw: unknown, err: (m: string) => void): number[] | null {
  const parts = Array.isArray(raw)
    ? raw.map(textOf)
    : textOf(raw)
        .split(/[,、\s]+/)
        .filter(Boolean);
  if (parts.length !== epdsQuestions) {
    err(
      `EPDS は問1〜問${epdsQuestions}の${epdsQuestions}問すべての点数（0〜3）を入れてください（${parts.filter(Boolean).length}問入っています）。`,
    );
    return null;
  }
  const out: number[] = [];
  for (const [i, p] of parts.entries()) {
    const t = p.normalize('NFKC');
    if (!/^[0-3]$/.test(t)) {
      err(`EPDS 問${i + 1}の点数「${p}」は 0〜3 で入れてください。`);
      return null;
    }
    out.push(Number(t));
  }
  return out;
}

function checkItem(def: ItemDef, raw: unknown, err: (m: string) => void): ItemValue | null {
  if (def.type === 'epds') return checkEpds(raw, err);
  if (def.type === 'set') {
    const parts = Array.isArray(raw)
      ? raw.map(textOf)
      : textOf(raw)
          .split(/[・、,\s/]+/)
          .filter(Boolean);
    const codes: string[] = [];
    for (const p of parts) {
      const c = choiceOf(def.choices, p);
      if (!c) {
        err(`${def.label}「${p}」は読めません。${choiceList(def.choices)} から入れてください。`);
        return null;
      }
      if (!codes.includes(c)) codes.push(c);
    }
    return codes;
  }
  const text = textOf(raw);
  if (def.type === 'text') {
    if (text.length > def.max) err(`${def.label}は${def.max}文字以内にしてください（${text.length}文字）。`);
    return text;
  }
  if (def.type === 'choice') {
    const c = choiceOf(def.choices, text);
    if (!c) err(`${def.label}「${text}」は読めません。${choiceList(def.choices)} のどれかにしてください。`);
    return c;
  }
  const t = text.normalize('NFKC');
  const pattern = def.decimals === 0 ? /^\d+$/ : /^\d+(\.\d)?$/;
  const n = Number(t);
  if (!pattern.test(t) || n < def.min || n > def.max) {
    const form = def.decimals === 0 ? '整数' : '小数第1位まで';
    err(`${def.label}「${text}」は ${def.min}〜${def.max}${def.unit} の${form}で入れてください。`);
    return null;
  }
  return n;
}

/**
 * The items of a visit (§4.3/§4.4): each value from the screen (numbers, codes) or a file (text, labels such as
 * 「±」「良好」「血算・超音波」) → the stored codes and numbers; blank optional items are left out.
 */
export function checkItems(
  kind: CheckupKind,
  raw: Record<string, unknown>,
): { ok: true; value: CheckedItems } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const items: Record<string, ItemValue> = {};
  for (const def of checkupItemSets[kind].items) {
    const v = raw[def.code];
    if (isBlank(v)) {
      if (def.required)
        errors.push({
          field: def.code,
          message:
            def.type === 'epds'
              ? `EPDS の問1〜問${epdsQuestions}の点数（0〜3）を入れてください。`
              : `${def.label}を入れてください。`,
        });
      continue;
    }
    const value = checkItem(def, v, (message) => errors.push({ field: def.code, message }));
    if (value !== null && !(Array.isArray(value) && value.length === 0) && value !== '')
      items[def.code] = value;
  }
  const sys = items.bpSystolic;
  const dia = items.bpDiastolic;
  if (typeof sys === 'number' && typeof dia === 'number' && dia >= sys)
    errors.push({
      field: 'bpDiastolic',
      message: `血圧の拡張期（${dia}）が収縮期（${sys}）以上です。上下が逆でないか確かめてください。`,
    });
  if (errors.length) return { ok: false, errors };
  const epds = items.epds as number[] | undefined;
  return { ok: true, value: { items, epdsScore: epds ? epds.reduce((a, b) => a + b, 0) : null } };
}

/** 判定: required, and 要精密 is not the judgement of a 精密健診 itself. */
export function checkJudgement(kind: CheckupKind, text: string): { ok: true; value: Judgement } | FieldError {
  const allowed = judgementsOf(kind);
  const t = norm(text);
  const code = allowed.find((j) => j === t || norm(judgements[j]) === t);
  if (code) return { ok: true, value: code };
  const list = allowed.map((j) => judgements[j]).join('・');
  return {
    field: 'judgement',
    message: text
      ? `判定「${text}」は読めません。${list} のどれかにしてください。`
      : `判定を選んでください（${list}）。`,
  };
}

export type PregnancyDates = {
  dueDate: LocalDate;
  /** 出産・流産・死産 etc. (pregnancies.outcome / outcome_on) */
  outcome: string | null;
  outcomeOn: LocalDate | null;
};
export type VisitTiming = { gestationalWeeks: number | null; gestationalDays: number | null };

/** The longest a 妊婦健診 can be after the 出産予定日 (妊娠42週6日 is 過期妊娠; later is a wrong date). */
const lastPrenatalWeek = 42;

/**
 * The 受診日 against the pregnancy: 妊婦健診 — 妊娠0週0日 (予定日 − 280日) … 42週 and not after the birth, giving
 * 妊娠W週D日 (§4.3); 産婦健診 — after the 出産日 (registered, or the 受診日 − the 産後日数 written), giving the 産後日数
 * (§4.4, kept in gestational_days). A 精密健診 may come some weeks later than the visit that referred to it.
 */
export function checkVisitDate(
  kind: CheckupKind,
  examinedOn: LocalDate,
  p: PregnancyDates,
  today: LocalDate,
  daysAfterBirth: number | null,
): { ok: true; value: VisitTiming } | { ok: false; error: FieldError } {
  const fail = (message: string) => ({ ok: false as const, error: { field: 'examinedOn', message } });
  const due = `出産予定日 ${formatWareki(p.dueDate)}`;
  if (compareDates(examinedOn, today) > 0)
    return fail(`受診日 ${formatWareki(examinedOn)} が今日より後です。受診日を確かめてください。`);
  const age = gestationalAge(p.dueDate, examinedOn);
  if (!age)
    return fail(
      `受診日 ${formatWareki(examinedOn)} はこの妊娠の妊娠0週より前です（${due}）。受診日か受診券IDを確かめてください。`,
    );
  if (kind === 'prenatal' || kind === 'prenatal_detailed' || kind === 'prenatal_dental') {
    if (kind !== 'prenatal_detailed' && p.outcomeOn && compareDates(examinedOn, p.outcomeOn) > 0)
      return fail(
        `受診日 ${formatWareki(examinedOn)} は出産・妊娠の終了日（${formatWareki(p.outcomeOn)}）より後です。産婦健診の受診券ではないか、受診日を確かめてください。`,
      );
    const limit = kind === 'prenatal_detailed' ? lastPrenatalWeek + 12 : lastPrenatalWeek;
    if (age.weeks > limit)
      return fail(
        `受診日 ${formatWareki(examinedOn)} は妊娠${age.weeks}週にあたり、${due}を大きく過ぎています。受診日か受診券IDを確かめてください。`,
      );
    return { ok: true, value: { gestationalWeeks: age.weeks, gestationalDays: age.days } };
  }
  // 産婦健診: the 出産日 registered wins; the 産後日数 written must agree with it
  if (p.outcomeOn) {
    const days = daysBetween(p.outcomeOn, examinedOn);
    if (days < 0)
      return fail(
        `受診日 ${formatWareki(examinedOn)} は出産日（${formatWareki(p.outcomeOn)}）より前です。妊婦健診の受診券ではないか、受診日を確かめてください。`,
      );
    if (kind === 'postpartum' && daysAfterBirth !== null && daysAfterBirth !== days)
      return {
        ok: false,
        error: {
          field: 'daysAfterBirth',
          message: `産後日数 ${daysAfterBirth}日が、出産日（${formatWareki(p.outcomeOn)}）から数えた${days}日と違います。産後日数か受診日を確かめてください。`,
        },
      };
    if (days > 365)
      return fail(
        `受診日 ${formatWareki(examinedOn)} は出産日から1年を過ぎています。受診日を確かめてください。`,
      );
    return { ok: true, value: { gestationalWeeks: null, gestationalDays: days } };
  }
  if (daysAfterBirth === null)
    return kind === 'postpartum'
      ? {
          ok: false,
          error: {
            field: 'daysAfterBirth',
            message: '出産日が登録されていないため、産後日数を入れてください（受診票に書かれた日数）。',
          },
        }
      : { ok: true, value: { gestationalWeeks: null, gestationalDays: null } };
  const born = addDays(examinedOn, -daysAfterBirth);
  if (!gestationalAge(p.dueDate, born))
    return fail(
      `受診日 ${formatWareki(examinedOn)} と産後日数 ${daysAfterBirth}日から出産日が妊娠0週より前になります（${due}）。受診日か産後日数を確かめてください。`,
    );
  return { ok: true, value: { gestationalWeeks: null, gestationalDays: daysAfterBirth } };
}

/** The EPDS cut-offs (母子保健の自治体設定; the defaults are checkup-items.ts's). */
export type EpdsThresholds = { followUpThreshold: number; selfHarmThreshold: number };
export const defaultEpdsThresholds: EpdsThresholds = {
  followUpThreshold: epdsFollowUpThreshold,
  selfHarmThreshold: epdsSelfHarmThreshold,
};

/**
 * フォロー対象者 (§4.4 [P]): EPDS 合計 ≥ the follow-up threshold or 問10 ≥ the self-harm threshold (the city's, default
 * 9点 / 1点), and a 要精密・要治療 判定 — the reasons as the 地区担当保健師 reads them (「EPDS 12点」「産婦健診 要精密」);
 * none → no follow-up.
 */
export function followUpReasons(
  kind: CheckupKind,
  judgement: Judgement,
  items: Record<string, ItemValue>,
  thresholds: EpdsThresholds = defaultEpdsThresholds,
) {
  const reasons: string[] = [];
  const epds = items.epds as number[] | undefined;
  if (epds) {
    const total = epds.reduce((a, b) => a + b, 0);
    if (total >= thresholds.followUpThreshold) reasons.push(`EPDS ${total}点`);
    const q10 = epds[epdsSelfHarmQuestion - 1] ?? 0;
    if (q10 >= thresholds.selfHarmThreshold)
      reasons.push(`EPDS 問${epdsSelfHarmQuestion}（自分を傷つける考え）${q10}点`);
  }
  // 歯科の要治療 goes to the dentist, not to the 地区担当保健師's follow-up list
  if ((judgement === 'detailed' || judgement === 'treatment') && kind !== 'prenatal_dental')
    reasons.push(`${checkupKinds[kind]} ${judgements[judgement]}`);
  return reasons;
}
