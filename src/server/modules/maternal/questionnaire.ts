/**
 * 届出時アンケート (the questionnaire filled in with the 妊娠届, maternal-child-vaccination-pmh.md §4.1 「届出時の
 * アンケート情報」, §4.9 妊娠届出時の面談, §4.10 特定妊婦): versioned questions in code, the answers stored as
 * { code: answer } with the version, and the risk flags the answers and the 届 raise. The flags only suggest
 * 特定妊婦 / フォロー: staff confirm them.
 */
import { naiveAge } from '../../platform/calendar/age.ts';
import type { LocalDate } from '../../platform/calendar/date.ts';

export const questionnaireVersion = '2026.1';

export type Question = {
  code: string;
  label: string;
  /** choice: one of `options` (code → label); yesno: 'yes' | 'no'; text: free */
  type: 'choice' | 'yesno' | 'text';
  options?: Record<string, string>;
};

const yesno = { yes: 'はい', no: 'いいえ' };

export const questions: Question[] = [
  { code: 'firstPregnancy', label: '初めての妊娠ですか', type: 'yesno', options: yesno },
  {
    code: 'feeling',
    label: '妊娠がわかったときの気持ち',
    type: 'choice',
    options: {
      happy: 'うれしい',
      unexpected: '予想外だったがうれしい',
      confused: '戸惑った',
      troubled: '困った',
    },
  },
  { code: 'consultant', label: '相談できる人がいますか', type: 'yesno', options: yesno },
  { code: 'smoking', label: 'たばこを吸っていますか', type: 'yesno', options: yesno },
  { code: 'drinking', label: 'お酒を飲んでいますか', type: 'yesno', options: yesno },
  {
    code: 'medicalHistory',
    label: '治療中・治療したことのある病気がありますか',
    type: 'yesno',
    options: yesno,
  },
  {
    code: 'mentalHistory',
    label: '心の病気（うつ病など）で治療を受けたことがありますか',
    type: 'yesno',
    options: yesno,
  },
  { code: 'financialWorry', label: '経済的な不安がありますか', type: 'yesno', options: yesno },
  {
    code: 'dv',
    label: 'パートナーから暴力を受けたり、怖いと感じることがありますか',
    type: 'yesno',
    options: yesno,
  },
  { code: 'memo', label: 'その他（困っていること・希望）', type: 'text' },
];

/** Risk flags (リスク要因) as staff read them. */
export const riskFlagLabels = {
  young: '若年（20歳未満）',
  advanced: '高年（35歳以上）',
  multiple: '多胎',
  unwanted: '予期せぬ妊娠',
  noConsultant: '相談相手なし',
  smoking: '喫煙',
  drinking: '飲酒',
  mental: '精神疾患歴',
  financial: '経済的困窮',
  dv: 'DV',
  late: '妊娠届出の遅れ（20週以降）',
} as const;
export type RiskFlag = keyof typeof riskFlagLabels;

export type AnswerError = { field: string; message: string };

/** Checks the answers against the questions (unknown codes, wrong options). */
export function checkAnswers(answers: Record<string, unknown>): AnswerError[] {
  const errors: AnswerError[] = [];
  for (const [code, value] of Object.entries(answers)) {
    const q = questions.find((x) => x.code === code);
    if (!q) {
      errors.push({
        field: `questionnaire.${code}`,
        message: `アンケートに「${code}」という質問はありません。`,
      });
      continue;
    }
    if (value === null || value === '') continue;
    if (q.type === 'text') {
      if (typeof value !== 'string' || value.length > 1000)
        errors.push({ field: `questionnaire.${code}`, message: `「${q.label}」は1000文字以内の文です。` });
    } else if (typeof value !== 'string' || !q.options || !(value in q.options)) {
      const opts = Object.values(q.options ?? {}).join('・');
      errors.push({
        field: `questionnaire.${code}`,
        message: `「${q.label}」は ${opts} から選んでください。`,
      });
    }
  }
  return errors;
}

/**
 * The risk flags raised by the 届 and the answers (§4.10: 若年, 予期せぬ妊娠, 経済的困窮, DV …): 若年 < 20 and
 * 高年 ≥ 35 by the age on the 届出日, 多胎 by 胎児数, 届出の遅れ at 20週 or later, and the answers.
 */
export function riskFlagsOf(v: {
  motherBirthDate: LocalDate;
  notifiedOn: LocalDate;
  fetusCount: number;
  weeksAtNotification: number | null;
  answers: Record<string, unknown>;
}): RiskFlag[] {
  const a = v.answers;
  const age = naiveAge(v.motherBirthDate, v.notifiedOn);
  const flags: RiskFlag[] = [];
  if (age < 20) flags.push('young');
  if (age >= 35) flags.push('advanced');
  if (v.fetusCount >= 2) flags.push('multiple');
  if (a.feeling === 'troubled' || a.feeling === 'confused') flags.push('unwanted');
  if (a.consultant === 'no') flags.push('noConsultant');
  if (a.smoking === 'yes') flags.push('smoking');
  if (a.drinking === 'yes') flags.push('drinking');
  if (a.mentalHistory === 'yes') flags.push('mental');
  if (a.financialWorry === 'yes') flags.push('financial');
  if (a.dv === 'yes') flags.push('dv');
  if (v.weeksAtNotification !== null && v.weeksAtNotification >= 20) flags.push('late');
  return flags;
}

export const isRiskFlag = (s: string): s is RiskFlag => s in riskFlagLabels;
