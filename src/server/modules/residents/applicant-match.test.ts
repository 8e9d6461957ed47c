import { describe, expect, it } from 'vitest';
import {
  type Applicant,
  addressMatchKey,
  type MatchResult,
  matchApplicant,
  type ResidentCandidate,
} from './applicant-match.ts';

// Source: the F02-04 issue (宛名番号 if present, else カナ氏名 + 生年月日 + 住所, with a confidence; unmatched or
// ambiguous ones go to review) and docs/interfaces/e-application.md「宛名との照合」; kana folding is
// platform/text kanaSearchKey (adult-health-statistics-bank-barcode.md §6.1 [A]).

const taro: ResidentCandidate = {
  residentId: 1,
  atenaNo: '0000012345',
  name: '高橋 太郎',
  nameKana: 'タカハシ タロウ',
  birthDate: '1985-06-01',
  address: 'すこやか市中央一丁目1番3号',
  addressExtra: '',
  status: 'resident',
};
const app: Applicant = {
  atenaNo: null,
  name: '高橋 太郎',
  nameKana: 'タカハシ タロウ',
  birthDate: '1985-06-01',
  address: 'すこやか市中央一丁目1番3号',
};
const other = (residentId: number, edit: Partial<ResidentCandidate>): ResidentCandidate => ({
  ...taro,
  residentId,
  atenaNo: String(residentId).padStart(10, '0'),
  ...edit,
});

type Row = {
  name: string;
  app: Partial<Applicant>;
  candidates: ResidentCandidate[];
  status: MatchResult['status'];
  residentId?: number;
  confidence: MatchResult['confidence'];
  reasons: string[];
};

const rows: Row[] = [
  {
    name: '宛名番号・カナ・生年月日が一致 → certain',
    app: { atenaNo: '0000012345' },
    candidates: [taro],
    status: 'matched',
    residentId: 1,
    confidence: 'certain',
    reasons: ['宛名番号が一致', 'カナ氏名・生年月日・住所が一致'],
  },
  {
    name: '宛名番号は先頭の0を省いても一致、転居していても certain',
    app: { atenaNo: '12345', address: 'すこやか市北町5-6' },
    candidates: [taro],
    status: 'matched',
    residentId: 1,
    confidence: 'certain',
    reasons: ['宛名番号が一致', 'カナ氏名・生年月日が一致', '住所が異なる（転居の可能性）'],
  },
  {
    name: '宛名番号は一致するが生年月日が違う → 確認',
    app: { atenaNo: '0000012345', birthDate: '1985-06-02' },
    candidates: [taro],
    status: 'ambiguous',
    confidence: 'low',
    reasons: ['宛名番号が一致', '生年月日が異なる', '宛名番号の方と申込者の本人情報が一致しません'],
  },
  {
    name: '宛名番号は一致するがカナ氏名が違う → 確認',
    app: { atenaNo: '0000012345', nameKana: 'タカハシ ハナコ' },
    candidates: [taro],
    status: 'ambiguous',
    confidence: 'low',
    reasons: ['宛名番号が一致', 'カナ氏名が異なる', '宛名番号の方と申込者の本人情報が一致しません'],
  },
  {
    name: '宛名番号が見つからないが本人情報は一致 → 確認（自動では紐付けない）',
    app: { atenaNo: '99999' },
    candidates: [taro],
    status: 'ambiguous',
    confidence: 'low',
    reasons: [
      '宛名番号 99999 の宛名が見つかりません（宛名番号の誤りの可能性）',
      'カナ氏名・生年月日・住所が一致',
    ],
  },
  {
    name: '宛名番号が見つからず候補もない → 該当なし',
    app: { atenaNo: '99999' },
    candidates: [],
    status: 'unmatched',
    confidence: 'low',
    reasons: ['宛名番号 99999 の宛名が見つかりません（宛名番号の誤りの可能性）'],
  },
  {
    name: '宛名番号なし: カナ・生年月日・住所が一致 → high',
    app: {},
    candidates: [taro],
    status: 'matched',
    residentId: 1,
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致'],
  },
  {
    name: '住所の書き方の違い（都道府県・丁目・番・号・全角・方書）は同じ住所',
    app: { address: '東京都すこやか市中央１－１－３ すこやかハイツ２０１' },
    candidates: [{ ...taro, addressExtra: 'すこやかハイツ201' }],
    status: 'matched',
    residentId: 1,
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致'],
  },
  {
    name: '方書を書かなくても同じ住所',
    app: { address: 'すこやか市中央1丁目1-3' },
    candidates: [{ ...taro, addressExtra: 'すこやかハイツ201' }],
    status: 'matched',
    residentId: 1,
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致'],
  },
  {
    name: 'カナ・生年月日は一致、住所が違う → medium（確認）',
    app: { address: 'すこやか市北町5-6' },
    candidates: [taro],
    status: 'ambiguous',
    confidence: 'medium',
    reasons: ['カナ氏名・生年月日が一致', '住所が異なる（転居の可能性）'],
  },
  {
    name: '該当なし → unmatched',
    app: {},
    candidates: [],
    status: 'unmatched',
    confidence: 'low',
    reasons: ['カナ氏名・生年月日が一致する宛名がありません'],
  },
  {
    name: '旧字・新字（髙橋/高橋）はカナで照合し、違いは注記だけ',
    app: { name: '髙橋 太郎' },
    candidates: [taro],
    status: 'matched',
    residentId: 1,
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致', '漢字氏名の表記が異なる（旧字・新字などの可能性）'],
  },
  {
    name: '異体字セレクタ（葛󠄀/葛）は同じ漢字氏名',
    app: { name: '葛\u{E0100}西 太郎' },
    candidates: [{ ...taro, name: '葛西 太郎' }],
    status: 'matched',
    residentId: 1,
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致'],
  },
  {
    name: '小書きカナ・ひらがな・半角カナ・濁点の違いは同じカナ（キョウコ/キヨウコ）',
    app: { nameKana: 'ｼﾞﾖｳﾉ きようこ' },
    candidates: [{ ...taro, nameKana: 'ジョウノ キョウコ' }],
    status: 'matched',
    residentId: 1,
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致'],
  },
  {
    name: '2月29日生まれは同じ日だけ一致',
    app: { birthDate: '2000-02-29' },
    candidates: [{ ...taro, birthDate: '2000-02-29' }, other(2, { birthDate: '2000-02-28' })],
    status: 'matched',
    residentId: 1,
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致'],
  },
  {
    name: '同じカナ・生年月日の2人: 住所が合う方に決まる',
    app: {},
    candidates: [taro, other(2, { name: '高橋 太朗', address: 'すこやか市南町2-2' })],
    status: 'matched',
    residentId: 1,
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致'],
  },
  {
    name: '同じカナ・生年月日の2人、住所はどちらとも違う → 確認',
    app: { address: 'すこやか市北町5-6' },
    candidates: [taro, other(2, { address: 'すこやか市南町2-2' })],
    status: 'ambiguous',
    confidence: 'low',
    reasons: ['カナ氏名・生年月日が同じ方が2人います（住所はいずれも異なる）'],
  },
  {
    name: '同じカナ・生年月日・住所の2人 → 確認',
    app: {},
    candidates: [taro, other(2, {})],
    status: 'ambiguous',
    confidence: 'low',
    reasons: ['カナ氏名・生年月日・住所が同じ方が2人います'],
  },
  {
    name: '転出した方は宛名番号が一致しても確認へ',
    app: { atenaNo: '0000012345' },
    candidates: [{ ...taro, status: 'moved_out' }],
    status: 'ambiguous',
    confidence: 'certain',
    reasons: [
      '宛名番号が一致',
      'カナ氏名・生年月日・住所が一致',
      '転出の方です（住民ではないため自動では紐付けません）',
    ],
  },
  {
    name: '死亡した方は本人情報が一致しても確認へ',
    app: {},
    candidates: [{ ...taro, status: 'deceased' }],
    status: 'ambiguous',
    confidence: 'high',
    reasons: ['カナ氏名・生年月日・住所が一致', '死亡の方です（住民ではないため自動では紐付けません）'],
  },
];

describe('matchApplicant', () => {
  it.each(rows)('$name', (r) => {
    const result = matchApplicant({ ...app, ...r.app }, r.candidates);
    expect(result.status).toBe(r.status);
    expect(result.residentId).toBe(r.residentId);
    expect(result.confidence).toBe(r.confidence);
    expect(result.reasons).toEqual(r.reasons);
    expect(result.candidates.map((c) => c.residentId).sort()).toEqual(
      r.candidates.map((c) => c.residentId).sort(),
    );
  });

  it('lists the candidates best first with their own reasons', () => {
    const result = matchApplicant({ ...app, atenaNo: '0000000002' }, [
      taro,
      other(2, { nameKana: 'タカハシ ジロウ' }),
    ]);
    expect(result.candidates.map((c) => c.residentId)).toEqual([2, 1]);
    expect(result.candidates[1]!.reasons).toEqual(['カナ氏名・生年月日・住所が一致']);
    expect(result.candidates[0]!.reasons).toEqual(['宛名番号が一致', 'カナ氏名が異なる']);
  });
});

describe('addressMatchKey', () => {
  it.each([
    ['すこやか市中央一丁目1番3号', 'すこやか市中央1-1-3'],
    ['東京都すこやか市中央1丁目1-3', 'すこやか市中央1-1-3'],
    ['神奈川県すこやか市二十三丁目4番地の5', 'すこやか市23-4-5'],
    ['すこやか市中央十丁目1番', 'すこやか市中央10-1'],
    ['すこやか市中央1-1-3号すこやかハイツ２０１', 'すこやか市中央1-1-3すこやかハイツ201'],
    ['すこやか市 三番町１ー２', 'すこやか市3番町1-2'],
  ])('%s → %s', (input, key) => {
    expect(addressMatchKey(input)).toBe(key);
  });
});
