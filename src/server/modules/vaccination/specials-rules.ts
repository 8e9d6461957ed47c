/**
 * 本人ごとの特例・除外 (§1.6, §1.7) as staff register them (vaccination_specials) → the engine's PersonSpecials.
 * Pure: the kinds with their Japanese labels, the check of an entry (messages that say what to fix), and the
 * mapping of the current (not ended) rows.
 */
import { compareDates, isValidDate, type LocalDate } from '../../platform/calendar/index.ts';
import type { Disease, VaccineCode } from './master-types.ts';
import type { ExclusionReason, PersonSpecials } from './types.ts';
import { vaccineMaster } from './vaccine-master.ts';

export const specialKinds = {
  long_term_care: '長期療養特例',
  exclusion: '既罹患・除外',
  mr_shortage: 'MR 供給不足による延長（市町村長が認めた方）',
  rubella5: '風しん第5期（抗体価が不十分）',
  disability60: '60〜64歳の障害（身体障害者手帳1級相当）',
  pregnancy: '妊娠中（RSウイルス母子免疫）',
} as const;
export type SpecialKind = keyof typeof specialKinds;

export const diseaseLabels: Record<Disease, string> = {
  diphtheria: 'ジフテリア',
  pertussis: '百日せき',
  tetanus: '破傷風',
  polio: 'ポリオ',
  hib: 'Hib感染症',
  pneumococcus: '肺炎球菌感染症',
  hepatitis_b: 'B型肝炎',
  rotavirus: 'ロタウイルス感染症',
  tuberculosis: '結核',
  measles: '麻しん',
  rubella: '風しん',
  varicella: '水痘',
  japanese_encephalitis: '日本脳炎',
  hpv: 'HPV感染症',
  influenza: 'インフルエンザ',
  covid19: '新型コロナウイルス感染症',
  herpes_zoster: '帯状疱疹',
  rsv: 'RSウイルス感染症',
};

export const exclusionReasonLabels: Record<ExclusionReason, string> = {
  infected: '既罹患',
  prior_vaccination: '接種済（任意接種を含む）',
  hbv_prophylaxis: 'B型肝炎母子感染予防の処置',
  other: 'その他',
};

export const disabilityLabels = { organ: '心臓・腎臓・呼吸器の機能', hiv: 'HIVによる免疫の機能' } as const;

/** A registered fact (a row of vaccination_specials). */
export type SpecialRow = {
  id: number;
  kind: SpecialKind;
  vaccines: string[];
  disease: string | null;
  reason: string;
  /** long_term_care: 事由が消滅した日 (null = まだ療養中); pregnancy: 出産予定日 */
  date: LocalDate | null;
  note: string;
  endedAt: string | null;
};

export type SpecialInput = Pick<SpecialRow, 'kind' | 'vaccines' | 'disease' | 'reason' | 'date' | 'note'>;

/** The engine's person facts from the current rows (ended ones and 療養中 without an end date do nothing yet). */
export function specialsOf(rows: readonly SpecialRow[]): PersonSpecials | undefined {
  const s: PersonSpecials = {};
  for (const r of rows) {
    if (r.endedAt) continue;
    if (r.kind === 'long_term_care' && r.date) {
      s.longTermCare = s.longTermCare ?? [];
      s.longTermCare.push({ vaccines: r.vaccines as VaccineCode[], reason: r.reason, endDate: r.date });
    } else if (r.kind === 'exclusion' && r.disease) {
      s.exclusions = s.exclusions ?? [];
      s.exclusions.push({
        disease: r.disease as Disease,
        reason: r.reason as ExclusionReason,
        ...(r.note ? { note: r.note } : {}),
      });
    } else if (r.kind === 'mr_shortage') s.mrShortage = true;
    else if (r.kind === 'rubella5') s.rubella5 = true;
    else if (r.kind === 'disability60') s.disability60to64 = r.reason as 'organ' | 'hiv';
    else if (r.kind === 'pregnancy' && r.date) s.pregnancy = { dueDate: r.date };
  }
  return Object.keys(s).length ? s : undefined;
}

/** One line for lists and the audit: 「長期療養特例: ヒブ・小児肺炎球菌（白血病、事由消滅 2026-03-31）」. */
export function specialSummary(r: SpecialInput): string {
  const name = (c: string) => vaccineMaster.vaccines.find((v) => v.code === c)?.name ?? c;
  switch (r.kind) {
    case 'long_term_care':
      return `${specialKinds[r.kind]}: ${r.vaccines.map(name).join('・')}（${r.reason}、${r.date ? `事由消滅 ${r.date}` : '療養中'}）`;
    case 'exclusion':
      return `${specialKinds[r.kind]}: ${diseaseLabels[r.disease as Disease] ?? r.disease}（${exclusionReasonLabels[r.reason as ExclusionReason] ?? r.reason}）`;
    case 'disability60':
      return `${specialKinds[r.kind]}: ${disabilityLabels[r.reason as 'organ' | 'hiv'] ?? r.reason}`;
    case 'pregnancy':
      return `${specialKinds[r.kind]}: 出産予定日 ${r.date}`;
    default:
      return specialKinds[r.kind];
  }
}

type FieldError = { path: string; message: string };

/** Checks an entry against the person's current rows; [] when it can be saved. `today` bounds the dates. */
export function checkSpecial(
  v: SpecialInput,
  current: readonly SpecialRow[],
  today: LocalDate,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!(v.kind in specialKinds)) return [{ path: 'kind', message: '種類を選んでください。' }];
  const live = current.filter((r) => !r.endedAt && r.kind === v.kind);
  const dateOk = v.date === null || isValidDate(v.date);
  if (!dateOk) errors.push({ path: 'date', message: '日付は YYYY-MM-DD か和暦で入力してください。' });
  switch (v.kind) {
    case 'long_term_care': {
      const care = new Set(vaccineMaster.vaccines.filter((x) => x.longTermCare).map((x) => x.code as string));
      if (!v.vaccines.length)
        errors.push({ path: 'vaccines', message: '特例を受けるワクチンを1つ以上選んでください。' });
      const bad = v.vaccines.filter((c) => !care.has(c));
      if (bad.length)
        errors.push({
          path: 'vaccines',
          message: `${bad.join('、')}は長期療養特例の対象ではありません（ロタ・インフルエンザなど）。選び直してください。`,
        });
      if (!v.reason.trim())
        errors.push({ path: 'reason', message: '疾病名（理由書に書かれた病名）を入力してください。' });
      if (dateOk && v.date && compareDates(v.date, today) > 0)
        errors.push({
          path: 'date',
          message: '事由が消滅した日が今日より後です。療養中なら空欄にしてください。',
        });
      break;
    }
    case 'exclusion':
      if (!v.disease || !(v.disease in diseaseLabels))
        errors.push({ path: 'disease', message: '対象疾病を選んでください。' });
      else if (live.some((r) => r.disease === v.disease))
        errors.push({
          path: 'disease',
          message: `${diseaseLabels[v.disease as Disease]}の除外はすでに登録されています。`,
        });
      if (!(v.reason in exclusionReasonLabels))
        errors.push({ path: 'reason', message: '除外の理由（既罹患・接種済など）を選んでください。' });
      break;
    case 'disability60':
      if (!(v.reason in disabilityLabels))
        errors.push({
          path: 'reason',
          message: '障害の種類（心臓・腎臓・呼吸器 または HIV）を選んでください。',
        });
      break;
    case 'pregnancy':
      if (!v.date) errors.push({ path: 'date', message: '出産予定日を入力してください。' });
      break;
  }
  if (v.kind !== 'exclusion' && v.kind !== 'long_term_care' && live.length)
    errors.push({
      path: 'kind',
      message: `「${specialKinds[v.kind]}」はすでに登録されています。変えるときは終了してから登録し直してください。`,
    });
  return errors;
}
