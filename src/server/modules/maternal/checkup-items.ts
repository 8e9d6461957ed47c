/**
 * 妊婦健診・産婦健診・精密健診の結果項目 (F06-03…F06-06) as typed, versioned definitions — the national defaults of
 * maternal-child-vaccination-pmh.md §4.3 (妊婦健康診査: 毎回 子宮底長・腹囲・血圧・浮腫・尿（糖・蛋白）・体重, and the
 * periodic 検査 of the 告示) and §4.4 (産婦健康診査: 子宮復古・悪露・乳房, 体重・血圧, 尿, EPDS). The values of a visit
 * are kept in maternal_checkup_results.items by these codes; the version is stored with them (`itemsVersion`).
 */

/** 健診の種類 (maternal_checkup_results.kind) */
export const checkupKinds = {
  prenatal: '妊婦健診',
  prenatal_detailed: '妊婦精密健診',
  postpartum: '産婦健診',
  postpartum_detailed: '産婦精密健診',
  /** 妊婦歯科健診 (flows.md F06-03 note; 市町村事業, items below [P]): no 精密健診 of its own */
  prenatal_dental: '妊婦歯科健診',
} as const;
export type CheckupKind = keyof typeof checkupKinds;

/** The 精密健診 kind a 要精密・要治療 visit refers to, or null (歯科: treated at the dentist, not a 精密健診). */
export const detailedKindOf = (kind: CheckupKind): CheckupKind | null =>
  kind === 'prenatal' ? 'prenatal_detailed' : kind === 'postpartum' ? 'postpartum_detailed' : null;

/** 判定 (maternal_checkup_results.judgement); 要精密 is not a 精密健診's own judgement. */
export const judgements = {
  normal: '異常なし',
  observe: '要観察',
  detailed: '要精密',
  treatment: '要治療',
  under_care: '既医療',
} as const;
export type Judgement = keyof typeof judgements;
export const judgementsOf = (kind: CheckupKind): Judgement[] =>
  kind.endsWith('_detailed') || kind === 'prenatal_dental'
    ? ['normal', 'observe', 'treatment', 'under_care']
    : ['normal', 'observe', 'detailed', 'treatment', 'under_care'];

type Base = { code: string; label: string; required?: boolean };
export type NumberItem = Base & { type: 'number'; unit: string; min: number; max: number; decimals: 0 | 1 };
export type ChoiceItem = Base & { type: 'choice'; choices: { code: string; label: string }[] };
export type TextItem = Base & { type: 'text'; max: number };
/** 検査 done at the visit: a set of codes */
export type SetItem = Base & { type: 'set'; choices: { code: string; label: string }[] };
/** EPDS: 10 answers 0–3 */
export type EpdsItem = Base & { type: 'epds' };
export type ItemDef = NumberItem | ChoiceItem | TextItem | SetItem | EpdsItem;

/** 浮腫 −/+/++ */
const edema = [
  { code: '-', label: '−' },
  { code: '+', label: '+' },
  { code: '++', label: '++' },
];
/** 尿蛋白・尿糖 −/±/+/++ */
const urine = [
  { code: '-', label: '−' },
  { code: '±', label: '±' },
  { code: '+', label: '+' },
  { code: '++', label: '++' },
];
const normalAbnormal = [
  { code: 'normal', label: '正常' },
  { code: 'abnormal', label: '異常' },
];

/** The periodic tests of §4.3 (血液型 … 超音波), recorded when done at the visit. */
export const prenatalTests = [
  { code: 'blood_type', label: '血液型' },
  { code: 'blood_count', label: '血算' },
  { code: 'blood_sugar', label: '血糖' },
  { code: 'hbs', label: 'HBs抗原' },
  { code: 'hcv', label: 'HCV抗体' },
  { code: 'hiv', label: 'HIV抗体' },
  { code: 'syphilis', label: '梅毒' },
  { code: 'rubella', label: '風疹抗体' },
  { code: 'cervical', label: '子宮頸がん検診' },
  { code: 'gbs', label: 'GBS' },
  { code: 'htlv1', label: 'HTLV-1抗体' },
  { code: 'chlamydia', label: 'クラミジア' },
  { code: 'ultrasound', label: '超音波' },
];

const bloodPressure: ItemDef[] = [
  {
    code: 'bpSystolic',
    label: '血圧（収縮期）',
    type: 'number',
    unit: 'mmHg',
    min: 60,
    max: 250,
    decimals: 0,
    required: true,
  },
  {
    code: 'bpDiastolic',
    label: '血圧（拡張期）',
    type: 'number',
    unit: 'mmHg',
    min: 30,
    max: 150,
    decimals: 0,
    required: true,
  },
];
const weight: ItemDef = {
  code: 'weight',
  label: '体重',
  type: 'number',
  unit: 'kg',
  min: 30,
  max: 150,
  decimals: 1,
  required: true,
};
const urineItems: ItemDef[] = [
  { code: 'urineProtein', label: '尿蛋白', type: 'choice', choices: urine, required: true },
  { code: 'urineGlucose', label: '尿糖', type: 'choice', choices: urine, required: true },
];
const findings: ItemDef = { code: 'findings', label: '所見', type: 'text', max: 200 };
const teeth = (code: string, label: string, required = false): ItemDef => ({
  code,
  label,
  type: 'number',
  unit: '本',
  min: 0,
  max: 32,
  decimals: 0,
  ...(required ? { required } : {}),
});

/** The item sets in force (a new national default gets a new version; stored results keep theirs). */
export const checkupItemSets: Record<CheckupKind, { version: string; items: ItemDef[] }> = {
  // §4.3 毎回の項目 and the 検査 of the period
  prenatal: {
    version: '2026.1',
    items: [
      ...bloodPressure,
      weight,
      { code: 'fundalHeight', label: '子宮底長', type: 'number', unit: 'cm', min: 0, max: 45, decimals: 1 },
      { code: 'abdominalGirth', label: '腹囲', type: 'number', unit: 'cm', min: 50, max: 150, decimals: 1 },
      { code: 'edema', label: '浮腫', type: 'choice', choices: edema, required: true },
      ...urineItems,
      {
        code: 'fetalHeart',
        label: '胎児心拍',
        type: 'choice',
        choices: [
          { code: 'present', label: '確認' },
          { code: 'absent', label: '確認できず' },
        ],
      },
      { code: 'tests', label: '実施した検査', type: 'set', choices: prenatalTests },
      findings,
    ],
  },
  // §4.4 問診・診察（子宮復古・悪露・乳房）, 体重・血圧, 尿, EPDS
  postpartum: {
    version: '2026.1',
    items: [
      // required when no 出産日 is registered (checkVisitDate)
      {
        code: 'daysAfterBirth',
        label: '産後日数',
        type: 'number',
        unit: '日',
        min: 0,
        max: 365,
        decimals: 0,
      },
      ...bloodPressure,
      weight,
      ...urineItems,
      {
        code: 'uterineInvolution',
        label: '子宮復古',
        type: 'choice',
        choices: [
          { code: 'good', label: '良好' },
          { code: 'poor', label: '不良' },
        ],
      },
      { code: 'lochia', label: '悪露', type: 'choice', choices: normalAbnormal },
      { code: 'breast', label: '乳房', type: 'choice', choices: normalAbnormal },
      { code: 'epds', label: 'EPDS', type: 'epds', required: true },
      findings,
    ],
  },
  prenatal_detailed: {
    version: '2026.1',
    items: [{ code: 'diagnosis', label: '診断名', type: 'text', max: 100 }, findings],
  },
  postpartum_detailed: {
    version: '2026.1',
    items: [{ code: 'diagnosis', label: '診断名', type: 'text', max: 100 }, findings],
  },
  // 妊婦歯科健康診査: the counts of a 歯科健診票 (現在歯・未処置歯・処置歯・喪失歯) and the 歯周・清掃 findings, as
  // municipal 妊婦歯科健診 forms record them [P: no national item list; a city adds its own items in code]
  prenatal_dental: {
    version: '2026.1',
    items: [
      teeth('presentTeeth', '現在歯数', true),
      teeth('untreatedTeeth', '未処置歯数', true),
      teeth('treatedTeeth', '処置歯数'),
      teeth('missingTeeth', '喪失歯数'),
      {
        code: 'gingiva',
        label: '歯肉の状態',
        type: 'choice',
        choices: [
          { code: 'normal', label: '異常なし' },
          { code: 'gingivitis', label: '歯肉炎' },
          { code: 'periodontitis', label: '歯周炎' },
        ],
        required: true,
      },
      {
        code: 'calculus',
        label: '歯石',
        type: 'choice',
        choices: [
          { code: 'none', label: 'なし' },
          { code: 'present', label: 'あり' },
        ],
      },
      {
        code: 'oralHygiene',
        label: '口腔清掃状態',
        type: 'choice',
        choices: [
          { code: 'good', label: '良好' },
          { code: 'fair', label: '普通' },
          { code: 'poor', label: '不良' },
        ],
      },
      findings,
    ],
  },
};

/** EPDS（エジンバラ産後うつ病質問票）: 10 questions, 0–3 each, total 0–30; Q10 is 自分自身を傷つけるという考え. */
export const epdsQuestions = 10;
export const epdsSelfHarmQuestion = 10;

/**
 * Follow-up thresholds (§4.4 [P], the Kyoto example: EPDS 9点以上 or Q10 1点以上): the defaults — a municipality that
 * uses another cut-off sets it in 母子保健の設定 (settings-rules.ts).
 */
export const epdsFollowUpThreshold = 9;
export const epdsSelfHarmThreshold = 1;

/** 受診券の種類 → the 健診 entered with it here (子宮頸がん・聴覚 vouchers have their own screens). */
export const voucherKindToCheckup: Record<string, CheckupKind> = {
  prenatal: 'prenatal',
  postpartum: 'postpartum',
  prenatal_dental: 'prenatal_dental',
};
export const voucherKindLabels: Record<string, string> = {
  prenatal: '妊婦健診',
  postpartum: '産婦健診',
  prenatal_dental: '妊婦歯科健診',
  cervical: '子宮頸がん検診',
  hearing: '新生児聴覚検査',
  other: 'その他',
};

/** A stored value as staff read it (「120」「±」「血算・超音波」「EPDS 12点（1,2,…）」). */
export function formatItem(def: ItemDef, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (def.type === 'epds' && Array.isArray(value))
    return `${value.reduce((a: number, b) => a + Number(b), 0)}点（${value.join(',')}）`;
  if ((def.type === 'choice' || def.type === 'set') && Array.isArray(value))
    return value.map((v) => def.choices.find((c) => c.code === v)?.label ?? String(v)).join('・');
  if (def.type === 'choice') return def.choices.find((c) => c.code === value)?.label ?? String(value);
  return String(value);
}

/** Every item code of every kind, once (the import's columns). */
export const allItemDefs: ItemDef[] = Object.values(checkupItemSets)
  .flatMap((s) => s.items)
  .filter((d, i, all) => all.findIndex((x) => x.code === d.code) === i);
