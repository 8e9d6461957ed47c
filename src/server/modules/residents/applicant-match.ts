/**
 * 申込者と宛名の照合 (F02-04 検診の申込, F06-02 妊娠届): which resident an e-application is from, how sure that is, and why — in Japanese
 * for the review queue. Rules (docs/interfaces/e-application.md「宛名との照合」):
 * - 宛名番号 given, and that resident's カナ氏名 and 生年月日 agree → certain.
 * - 宛名番号 given but the identity disagrees, or no such 宛名番号 → review.
 * - no 宛名番号: カナ氏名 + 生年月日 + 住所 agree with exactly one person → high; only カナ氏名 + 生年月日 → medium
 *   (review: 転居 possible); two or more equally good → review; none → unmatched.
 * - only 住民 (status resident) are matched automatically; a 転出・死亡 etc. person goes to review.
 * Kana are compared by platform/text kanaSearchKey (width, ひらがな, 小書き, 濁点 folded); kanji names are not
 * compared (旧字・新字 and 外字 differ between the applicant's device and the register) and only noted.
 * Pure.
 */
import { addressSearchKey, kanaSearchKey, nameSearchKey } from '../../platform/text/index.ts';
import { type ResidentStatus, statusLabels } from './types.ts';

/** What the application says about the applicant (ApplicationRow fields). */
export type Applicant = {
  atenaNo: string | null;
  name: string;
  nameKana: string;
  birthDate: string;
  address: string;
};

/** A resident who might be the applicant (applicant-candidates.ts). */
export type ResidentCandidate = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  address: string;
  /** 方書 (building / room) */
  addressExtra: string;
  status: ResidentStatus;
};

export type Confidence = 'certain' | 'high' | 'medium' | 'low';
export type MatchStatus = 'matched' | 'ambiguous' | 'unmatched';
export type ScoredCandidate = { residentId: number; score: number; reasons: string[] };
export type MatchResult = {
  status: MatchStatus;
  /** Set only when matched. */
  residentId?: number;
  confidence: Confidence;
  reasons: string[];
  /** Best first. */
  candidates: ScoredCandidate[];
};

const KANJI_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十二 → 12, 二十三 → 23 (up to 99). */
function kanjiNumber(s: string): string {
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  const t = s.includes('十') ? (tens ? KANJI_DIGITS[tens]! : 1) : 0;
  return String(t * 10 + (ones ? KANJI_DIGITS[ones]! : 0));
}

/**
 * 照合用の住所キー: addressSearchKey, then the leading 都道府県 dropped, kanji numerals before 丁目/番/号 made
 * digits, and 丁目・番地・番・号・の between numbers written as '-': '東京都すこやか市中央一丁目1番3号' and
 * 'すこやか市中央1-1-3' give the same key. Applied to both sides, so a rewrite that is too eager only matters when
 * it makes two different addresses equal.
 */
export function addressMatchKey(address: string): string {
  return addressSearchKey(address)
    .replace(/^(東京都|北海道|京都府|大阪府|.{2,3}県)/, '')
    .replace(/[一二三四五六七八九]?十?[一二三四五六七八九]?(?=丁目|番|号)/g, (m) => (m ? kanjiNumber(m) : m))
    .replace(/(?<=\d)(丁目|番地の?|番|の)(?=\d)/g, '-')
    .replace(/(?<=\d)号/g, '')
    .replace(/(?<=\d)(番地|番)$/, '');
}

type Agreement = { atena: boolean; kana: boolean; birth: boolean; address: boolean; name: boolean };

function compare(app: Applicant, c: ResidentCandidate): Agreement {
  const key = addressMatchKey(app.address);
  return {
    atena: app.atenaNo !== null && c.atenaNo.replace(/^0+/, '') === app.atenaNo.replace(/^0+/, ''),
    kana: kanaSearchKey(c.nameKana) === kanaSearchKey(app.nameKana),
    birth: c.birthDate === app.birthDate,
    address: key === addressMatchKey(c.address) || key === addressMatchKey(`${c.address}${c.addressExtra}`),
    name: nameSearchKey(c.name) === nameSearchKey(app.name),
  };
}

function reasonsOf(a: Agreement, c: ResidentCandidate): string[] {
  const r: string[] = [];
  if (a.atena) r.push('宛名番号が一致');
  if (a.kana && a.birth) r.push(a.address ? 'カナ氏名・生年月日・住所が一致' : 'カナ氏名・生年月日が一致');
  if (!a.kana) r.push('カナ氏名が異なる');
  if (!a.birth) r.push('生年月日が異なる');
  if (a.kana && a.birth && !a.address) r.push('住所が異なる（転居の可能性）');
  if (!a.name) r.push('漢字氏名の表記が異なる（旧字・新字などの可能性）');
  if (c.status !== 'resident')
    r.push(`${statusLabels[c.status]}の方です（住民ではないため自動では紐付けません）`);
  return r;
}

const scoreOf = (a: Agreement) =>
  (a.atena ? 8 : 0) + (a.kana ? 2 : 0) + (a.birth ? 2 : 0) + (a.address ? 1 : 0) + (a.name ? 0.5 : 0);

/** Decides who the applicant is among `candidates` (residents with the 宛名番号, or with the same kana and birth). */
export function matchApplicant(app: Applicant, candidates: ResidentCandidate[]): MatchResult {
  const judged = candidates
    .map((c) => {
      const a = compare(app, c);
      return { c, a, score: scoreOf(a), reasons: reasonsOf(a, c) };
    })
    .sort((x, y) => y.score - x.score || x.c.residentId - y.c.residentId);
  const scored = judged.map((j) => ({ residentId: j.c.residentId, score: j.score, reasons: j.reasons }));
  const review = (
    confidence: Confidence,
    reasons: string[],
    status: MatchStatus = 'ambiguous',
  ): MatchResult => ({
    status,
    confidence,
    reasons,
    candidates: scored,
  });
  const decide = (best: (typeof judged)[number], confidence: Confidence): MatchResult =>
    best.c.status === 'resident'
      ? {
          status: 'matched',
          residentId: best.c.residentId,
          confidence,
          reasons: best.reasons,
          candidates: scored,
        }
      : review(confidence, best.reasons);
  const full = judged.filter((j) => j.a.kana && j.a.birth && j.a.address);
  const partial = judged.filter((j) => j.a.kana && j.a.birth && !j.a.address);

  if (app.atenaNo !== null) {
    const byAtena = judged.find((j) => j.a.atena);
    if (byAtena?.a.kana && byAtena.a.birth) return decide(byAtena, 'certain');
    if (byAtena) return review('low', [...byAtena.reasons, '宛名番号の方と申込者の本人情報が一致しません']);
    const notFound = `宛名番号 ${app.atenaNo} の宛名が見つかりません（宛名番号の誤りの可能性）`;
    const best = full[0] ?? partial[0];
    return best ? review('low', [notFound, ...best.reasons]) : review('low', [notFound], 'unmatched');
  }
  if (full.length === 1) return decide(full[0]!, 'high');
  if (full.length > 1) return review('low', [`カナ氏名・生年月日・住所が同じ方が${full.length}人います`]);
  if (partial.length === 1) return review('medium', partial[0]!.reasons);
  if (partial.length > 1)
    return review('low', [`カナ氏名・生年月日が同じ方が${partial.length}人います（住所はいずれも異なる）`]);
  return review('low', ['カナ氏名・生年月日が一致する宛名がありません'], 'unmatched');
}
