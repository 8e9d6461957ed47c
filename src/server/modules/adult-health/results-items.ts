/**
 * 検診結果の項目定義 (result item definitions), per program, versioned, national defaults in code. What every
 * result has (受診日, 受診区分, 実施機関, 検査方法, 判定) is common; the items here are the program's own.
 * A city adds its own items in 管理 › 結果項目 (result_item_extras), validated the same way.
 *
 * Sources (adult-health-statistics-bank-barcode.md): §2.1 検査項目 per 指針 (胃 X線/内視鏡, 大腸 便潜血,
 * 肺 胸部X線 + 喀痰, 乳 マンモグラフィ, 子宮頸 細胞診 / HPV検査単独法 with トリアージ細胞診), §2.5 要精検.
 * Category scales: 肺 判定区分 A–E (肺がん検診の手引き), 乳 カテゴリー 1–5 (マンモグラフィガイドライン),
 * 子宮頸 ベセスダシステム. **要確認**: which categories a city counts as 要精検 (肺 D, 乳 3) follows the
 * city's 精度管理; the defaults below are the usual reading and each definition says so in `requiresDetailed`.
 */
import type { ProgramCode } from '../programs/types.ts';

export type ResultItemType = 'text' | 'number' | 'date' | 'select' | 'boolean';

export type ResultItem = {
  key: string;
  label: string;
  type: ResultItemType;
  /** select: code → label, in display order; aliases are other spellings files use (+, －) */
  options?: { code: string; label: string; aliases?: string[] }[];
  unit?: string;
  min?: number;
  max?: number;
  /** decimals allowed for numbers (0 = integer) */
  decimals?: number;
  required?: boolean;
  /** only recorded for these 検査方法 (e.g. 喀痰 only with sputum) */
  methods?: string[];
  /** municipal item (result_item_extras) */
  extra?: boolean;
};

/** 判定 (a `screening_records.result` code) and whether it means 要精検. */
export type Judgement = { code: string; label: string; needsDetailed: boolean };

/**
 * A rule tying items to the 判定: when `when` holds for the items, the 判定 must be one of `judgements`
 * (「便潜血が陽性のときの判定は要精検です」).
 */
export type ConsistencyRule = {
  when: (items: Record<string, unknown>, method: string | null) => boolean;
  judgements: string[];
  message: string;
};

export type ResultDefinition = {
  program: ProgramCode;
  /** bumped when items change meaning; stored with each result (items_version) */
  version: number;
  judgements: Judgement[];
  items: ResultItem[];
  rules: ConsistencyRule[];
};

const posNeg = [
  { code: 'negative', label: '陰性（－）', aliases: ['-', '−', '陰'] },
  { code: 'positive', label: '陽性（＋）', aliases: ['+', '陽'] },
];
const select = (key: string, label: string, options: ResultItem['options'], more: Partial<ResultItem> = {}) =>
  ({ key, label, type: 'select', options, ...more }) as ResultItem;
const findings: ResultItem = { key: 'findings', label: '所見', type: 'text' };

const NEGATIVE: Judgement = { code: 'negative', label: '異常認めず', needsDetailed: false };
const DETAILED: Judgement = { code: 'needs_followup', label: '要精検', needsDetailed: true };
const GUIDANCE: Judgement = { code: 'needs_guidance', label: '要指導', needsDetailed: false };
const TREATMENT: Judgement = { code: 'needs_treatment', label: '要医療', needsDetailed: false };

const lungCategories = [
  { code: 'A', label: 'A 読影不能' },
  { code: 'B', label: 'B 異常所見を認めない' },
  { code: 'C', label: 'C 異常所見を認めるが精査を要しない' },
  { code: 'D', label: 'D 肺がん以外の疾患で治療を要する状態が考えられる' },
  { code: 'E', label: 'E 肺がんの疑い' },
];
const bethesda = [
  'NILM',
  'ASC-US',
  'ASC-H',
  'LSIL',
  'HSIL',
  'SCC',
  'AGC',
  'AIS',
  'Adenocarcinoma',
  'other',
].map((c) => ({ code: c, label: c === 'other' ? 'その他の悪性腫瘍' : c }));

export const resultDefinitions: Record<ProgramCode, ResultDefinition> = {
  stomach: {
    program: 'stomach',
    version: 1,
    judgements: [NEGATIVE, DETAILED],
    items: [findings],
    rules: [],
  },
  colorectal: {
    program: 'colorectal',
    version: 1,
    judgements: [NEGATIVE, DETAILED],
    items: [
      select('fobtDay1', '便潜血 1日目', posNeg, { required: true }),
      select('fobtDay2', '便潜血 2日目', posNeg, { required: true }),
    ],
    rules: [
      {
        when: (i) => i.fobtDay1 === 'positive' || i.fobtDay2 === 'positive',
        judgements: ['needs_followup'],
        message: '便潜血が1日でも陽性のときの判定は「要精検」です。',
      },
      {
        when: (i) => i.fobtDay1 === 'negative' && i.fobtDay2 === 'negative',
        judgements: ['negative'],
        message: '便潜血が2日とも陰性のときの判定は「異常認めず」です。',
      },
    ],
  },
  lung: {
    program: 'lung',
    version: 1,
    judgements: [NEGATIVE, DETAILED],
    items: [
      select('xrayCategory', '胸部X線 判定区分', lungCategories, { required: true }),
      { key: 'smokingIndex', label: '喫煙指数', type: 'number', min: 0, max: 9999, decimals: 0 },
      select('sputumCategory', '喀痰細胞診 判定区分', lungCategories, { methods: ['sputum'] }),
      findings,
    ],
    rules: [
      {
        when: (i) => i.xrayCategory === 'D' || i.xrayCategory === 'E' || i.sputumCategory === 'E',
        judgements: ['needs_followup'],
        message: '判定区分 D・E のときの判定は「要精検」です。',
      },
      {
        when: (i) => i.xrayCategory === 'B' || i.xrayCategory === 'C',
        judgements: ['negative'],
        message: '判定区分 B・C のときの判定は「異常認めず」です（要精検は D・E）。',
      },
    ],
  },
  breast: {
    program: 'breast',
    version: 1,
    judgements: [NEGATIVE, DETAILED],
    items: [
      select(
        'mammographyCategory',
        'マンモグラフィ カテゴリー',
        ['N', '1', '2', '3', '4', '5'].map((c) => ({
          code: c,
          label: c === 'N' ? 'N 読影不能' : `カテゴリー${c}`,
        })),
        { required: true },
      ),
      select('density', '乳房の構成', [
        { code: 'fatty', label: '脂肪性' },
        { code: 'scattered', label: '乳腺散在' },
        { code: 'heterogeneous', label: '不均一高濃度' },
        { code: 'extreme', label: '極めて高濃度' },
      ]),
      findings,
    ],
    rules: [
      {
        when: (i) => ['3', '4', '5'].includes(String(i.mammographyCategory)),
        judgements: ['needs_followup'],
        message: 'カテゴリー3以上のときの判定は「要精検」です。',
      },
      {
        when: (i) => ['1', '2'].includes(String(i.mammographyCategory)),
        judgements: ['negative'],
        message: 'カテゴリー1・2のときの判定は「異常認めず」です。',
      },
    ],
  },
  cervical: {
    program: 'cervical',
    version: 1,
    judgements: [
      NEGATIVE,
      DETAILED,
      { code: 'hpv_negative', label: 'HPV陰性', needsDetailed: false },
      {
        code: 'hpv_positive_cytology_negative',
        label: 'HPV陽性・細胞診陰性（追跡検査）',
        needsDetailed: false,
      },
      { code: 'hpv_positive_cytology_positive', label: 'HPV陽性・細胞診陽性（要精検）', needsDetailed: true },
    ],
    items: [
      select('cytology', '細胞診（ベセスダ分類）', bethesda),
      select('hpv', 'HPV検査', posNeg, { methods: ['hpv'], required: true }),
      findings,
    ],
    rules: [
      {
        when: (i, m) => m !== 'hpv' && i.cytology === undefined,
        judgements: [],
        message: '細胞診の結果（ベセスダ分類）を入力してください。',
      },
      {
        when: (_i, m) => m !== 'hpv',
        judgements: ['negative', 'needs_followup'],
        message:
          '細胞診の判定は「異常認めず」か「要精検」です（HPV の判定は検査方法が HPV検査単独法のとき）。',
      },
      {
        when: (i, m) => m !== 'hpv' && i.cytology === 'NILM',
        judgements: ['negative'],
        message: '細胞診が NILM のときの判定は「異常認めず」です。',
      },
      {
        when: (i, m) => m !== 'hpv' && typeof i.cytology === 'string' && i.cytology !== 'NILM',
        judgements: ['needs_followup'],
        message: '細胞診が NILM 以外のときの判定は「要精検」です。',
      },
      {
        when: (i, m) => m === 'hpv' && i.hpv === 'negative',
        judgements: ['hpv_negative'],
        message: 'HPV検査が陰性のときの判定は「HPV陰性」です。',
      },
      {
        when: (i, m) => m === 'hpv' && i.hpv === 'positive' && i.cytology === undefined,
        judgements: [],
        message: 'HPV検査が陽性のときはトリアージの細胞診の結果を入力してください。',
      },
      {
        when: (i, m) => m === 'hpv' && i.hpv === 'positive' && i.cytology === 'NILM',
        judgements: ['hpv_positive_cytology_negative'],
        message: 'HPV陽性で細胞診が NILM のときの判定は「HPV陽性・細胞診陰性（追跡検査）」です。',
      },
      {
        when: (i, m) =>
          m === 'hpv' && i.hpv === 'positive' && typeof i.cytology === 'string' && i.cytology !== 'NILM',
        judgements: ['hpv_positive_cytology_positive'],
        message: 'HPV陽性で細胞診が NILM 以外のときの判定は「HPV陽性・細胞診陽性（要精検）」です。',
      },
    ],
  },
  osteoporosis: {
    program: 'osteoporosis',
    version: 1,
    judgements: [NEGATIVE, GUIDANCE, DETAILED],
    items: [
      { key: 'yam', label: '骨密度（YAM）', type: 'number', unit: '%', min: 10, max: 200, decimals: 1 },
    ],
    rules: [],
  },
  periodontal: {
    program: 'periodontal',
    version: 1,
    judgements: [NEGATIVE, GUIDANCE, DETAILED],
    items: [
      select(
        'cpi',
        'CPI（歯周ポケット）',
        ['0', '1', '2', '9'].map((c) => ({
          code: c,
          label: { '0': '0 健全', '1': '1 4-5mm', '2': '2 6mm以上', '9': '9 除外' }[c]!,
        })),
      ),
      { key: 'teeth', label: '現在歯数', type: 'number', unit: '本', min: 0, max: 32, decimals: 0 },
      findings,
    ],
    rules: [],
  },
  hepatitis: {
    program: 'hepatitis',
    version: 1,
    judgements: [NEGATIVE, DETAILED],
    items: [
      select('hbsAntigen', 'HBs抗原', posNeg, { required: true }),
      select(
        'hcv',
        'C型肝炎ウイルス検査',
        [
          { code: 'low', label: '現在、C型肝炎ウイルスに感染している可能性が低い' },
          { code: 'high', label: '現在、C型肝炎ウイルスに感染している可能性が高い' },
        ],
        { required: true },
      ),
    ],
    rules: [
      {
        when: (i) => i.hbsAntigen === 'positive' || i.hcv === 'high',
        judgements: ['needs_followup'],
        message: 'HBs抗原が陽性、またはC型肝炎ウイルスに感染している可能性が高いときの判定は「要精検」です。',
      },
    ],
  },
  health_checkup: {
    program: 'health_checkup',
    version: 1,
    judgements: [NEGATIVE, GUIDANCE, TREATMENT],
    items: [
      { key: 'height', label: '身長', type: 'number', unit: 'cm', min: 80, max: 250, decimals: 1 },
      { key: 'weight', label: '体重', type: 'number', unit: 'kg', min: 10, max: 300, decimals: 1 },
      { key: 'systolic', label: '収縮期血圧', type: 'number', unit: 'mmHg', min: 50, max: 300, decimals: 0 },
      { key: 'diastolic', label: '拡張期血圧', type: 'number', unit: 'mmHg', min: 20, max: 200, decimals: 0 },
      { key: 'hba1c', label: 'HbA1c', type: 'number', unit: '%', min: 3, max: 20, decimals: 1 },
      findings,
    ],
    rules: [],
  },
};

/** The program's items for a method: its own (restricted by method) and the city's extras. */
export function itemsFor(
  def: ResultDefinition,
  method: string | null,
  extras: ResultItem[] = [],
): ResultItem[] {
  return [...def.items, ...extras].filter(
    (i) => !i.methods || (method !== null && i.methods.includes(method)),
  );
}

/** The 判定 the items call for, when a rule names exactly one (filled in for the clerk, who may change it). */
export function suggestJudgement(
  def: ResultDefinition,
  items: Record<string, unknown>,
  method: string | null,
): string | null {
  for (const rule of def.rules)
    if (rule.when(items, method) && rule.judgements.length === 1) return rule.judgements[0]!;
  return null;
}
