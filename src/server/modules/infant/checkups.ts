/**
 * 乳幼児健診の種類 (maternal-child-vaccination-pmh.md §4.6) — national defaults as data: the checkups, their legal
 * basis, the ages they are for (生後N月 by the calendar kernel's wording, §1.2) and the 法定 items of 施行規則第2条.
 * A city's own checkups are added here as data (a database master is later work).
 */
export type InfantCheckupCode = 'm1' | 'm3' | 'm9' | 'y1h' | 'y3' | 'y5';

export type InfantCheckup = {
  code: InfantCheckupCode;
  name: string;
  /** 法12条 (義務: 1歳6か月・3歳) or 法13条 (必要に応じ) */
  basis: 'law12' | 'law13';
  /** the age window in months: from 生後`fromMonths`月に至った日 until 生後`toMonths`月に至るまで */
  fromMonths: number;
  toMonths: number;
  /** the usual age of invitation (生後N月), for extraction by age */
  inviteAtMonths: number;
  /** group 集団 (the city runs it) or individual 個別 (医療機関, with a 受診票) by default */
  defaultMode: 'group' | 'individual';
  /** 施行規則第2条 items (1歳6か月・3歳) or the usual items */
  items: readonly string[];
  /** 歯科健診を含む */
  dental: boolean;
};

/** 施行規則第2条 (1歳6か月児): §4.6 */
const law12Items = [
  'growth',
  'nutrition',
  'spine_chest',
  'skin',
  'teeth_mouth',
  'limbs_motor',
  'mental_development',
  'language',
  'vaccination_status',
  'parenting_issues',
  'other',
] as const;

export const infantCheckupItemLabels: Record<string, string> = {
  growth: '身体発育状況',
  nutrition: '栄養状態',
  spine_chest: '脊柱及び胸郭の疾病及び異常の有無',
  skin: '皮膚の疾病の有無',
  teeth_mouth: '歯及び口腔の疾病及び異常の有無',
  limbs_motor: '四肢運動障害の有無',
  mental_development: '精神発達の状況',
  language: '言語障害の有無',
  vaccination_status: '予防接種の実施状況',
  parenting_issues: '育児上問題となる事項',
  other: 'その他の疾病及び異常の有無',
  eyes: '眼の疾病及び異常の有無',
  ears_nose_throat: '耳、鼻及び咽頭の疾病及び異常の有無',
};

export const infantCheckups: readonly InfantCheckup[] = [
  {
    code: 'm1',
    name: '1か月児健康診査',
    basis: 'law13',
    fromMonths: 1,
    toMonths: 2,
    inviteAtMonths: 0,
    defaultMode: 'individual',
    items: ['growth', 'nutrition', 'skin', 'other'],
    dental: false,
  },
  {
    code: 'm3',
    name: '3〜4か月児健康診査',
    basis: 'law13',
    fromMonths: 3,
    toMonths: 5,
    inviteAtMonths: 3,
    defaultMode: 'group',
    items: [
      'growth',
      'nutrition',
      'spine_chest',
      'skin',
      'limbs_motor',
      'mental_development',
      'parenting_issues',
      'other',
    ],
    dental: false,
  },
  {
    code: 'm9',
    name: '9〜10か月児健康診査',
    basis: 'law13',
    fromMonths: 9,
    toMonths: 11,
    inviteAtMonths: 9,
    defaultMode: 'individual',
    items: ['growth', 'nutrition', 'skin', 'limbs_motor', 'mental_development', 'parenting_issues', 'other'],
    dental: false,
  },
  {
    code: 'y1h',
    name: '1歳6か月児健康診査',
    basis: 'law12',
    // 満1歳6か月を超え満2歳に達しない (法12条)
    fromMonths: 18,
    toMonths: 24,
    inviteAtMonths: 18,
    defaultMode: 'group',
    items: law12Items,
    dental: true,
  },
  {
    code: 'y3',
    name: '3歳児健康診査',
    basis: 'law12',
    // 満3歳を超え満4歳に達しない (法12条)
    fromMonths: 36,
    toMonths: 48,
    inviteAtMonths: 36,
    defaultMode: 'group',
    items: [...law12Items, 'eyes', 'ears_nose_throat'],
    dental: true,
  },
  {
    code: 'y5',
    name: '5歳児健康診査',
    basis: 'law13',
    fromMonths: 60,
    toMonths: 72,
    inviteAtMonths: 60,
    defaultMode: 'group',
    items: ['growth', 'nutrition', 'mental_development', 'language', 'parenting_issues', 'other'],
    dental: false,
  },
];

export const infantCheckupOf = (code: string): InfantCheckup | undefined =>
  infantCheckups.find((c) => c.code === code);

/** 判定 (F07-04/05, the same words as 妊産婦健診) */
export const judgementLabels = {
  normal: '異常なし',
  observe: '要観察',
  detailed: '要精密',
  treatment: '要治療',
  under_care: '既医療',
} as const;
export type Judgement = keyof typeof judgementLabels;
