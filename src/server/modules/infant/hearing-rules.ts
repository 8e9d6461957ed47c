/**
 * 新生児聴覚スクリーニング検査 (F07-02) as pure rules, from maternal-child-vaccination-pmh.md §4.5: 初回検査 (自動ABR
 * or OAE, おおむね生後3日以内); 要再検 (refer) → 確認検査 (おおむね生後1週間以内); a refer on the 確認検査 → 精密検査へ紹介.
 * A result per ear: pass | refer | not_done.
 */

export const hearingKinds = { initial: '初回検査', confirm: '確認検査' } as const;
export type HearingKind = keyof typeof hearingKinds;

export const hearingMethods = { aabr: '自動ABR（AABR）', oae: 'OAE' } as const;
export type HearingMethod = keyof typeof hearingMethods;

export const earResults = { pass: 'パス', refer: '要再検（リファー）', not_done: '未実施' } as const;
export type EarResult = keyof typeof earResults;

/** The status of a child's screening (母子カード and the lists). */
export const hearingStatuses = {
  none: '未実施',
  initial_pass: '初回パス',
  confirm_wait: '確認待ち',
  confirm_pass: '確認パス',
  detailed: '要精密',
} as const;
export type HearingStatus = keyof typeof hearingStatuses;

export type EarPair = { rightResult: EarResult; leftResult: EarResult };

/** One test's outcome: refer when an ear refers, pass when both pass, otherwise not done (incomplete). */
export function testOutcome(t: EarPair): 'pass' | 'refer' | 'not_done' {
  if (t.rightResult === 'refer' || t.leftResult === 'refer') return 'refer';
  if (t.rightResult === 'pass' && t.leftResult === 'pass') return 'pass';
  return 'not_done';
}

/** 初回 refer → a 確認検査 is needed (§4.5). */
export const needsConfirm = (kind: HearingKind, t: EarPair): boolean =>
  kind === 'initial' && testOutcome(t) === 'refer';

/** 確認 refer → 精密検査へ紹介 (hearing_screenings.referred, §4.5). */
export const referredToDetailed = (kind: HearingKind, t: EarPair): boolean =>
  kind === 'confirm' && testOutcome(t) === 'refer';

export type HearingTest = EarPair & { kind: HearingKind; testedOn: string; id: number };

/**
 * The status of a child from all the tests recorded: a 確認 refer anywhere is 要精密; otherwise the latest
 * complete test decides (確認 pass → 確認パス; 初回 pass → 初回パス; 初回 refer → 確認待ち); no complete test → 未実施.
 */
export function hearingStatus(tests: HearingTest[]): HearingStatus {
  if (tests.some((t) => referredToDetailed(t.kind, t))) return 'detailed';
  const done = tests
    .filter((t) => testOutcome(t) !== 'not_done')
    .sort((a, b) => (a.testedOn === b.testedOn ? a.id - b.id : a.testedOn < b.testedOn ? -1 : 1));
  const last = done.at(-1);
  if (!last) return 'none';
  if (last.kind === 'confirm') return 'confirm_pass';
  return testOutcome(last) === 'pass' ? 'initial_pass' : 'confirm_wait';
}

/** The checks of a result (what to fix, per field). */
export function checkHearing(
  v: { kind: string; method: string; testedOn: string; rightResult: string; leftResult: string },
  birthDate: string,
  today: string,
): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  if (!(v.kind in hearingKinds))
    out.push({ path: 'kind', message: '検査の種類（初回・確認）を選んでください。' });
  if (!(v.method in hearingMethods))
    out.push({ path: 'method', message: '検査方法（自動ABR・OAE）を選んでください。' });
  if (!(v.rightResult in earResults))
    out.push({ path: 'rightResult', message: '右耳の結果（パス・要再検・未実施）を選んでください。' });
  if (!(v.leftResult in earResults))
    out.push({ path: 'leftResult', message: '左耳の結果（パス・要再検・未実施）を選んでください。' });
  if (v.testedOn && v.testedOn < birthDate)
    out.push({ path: 'testedOn', message: '検査日が生年月日より前です。検査日を確かめてください。' });
  if (v.testedOn && v.testedOn > today)
    out.push({ path: 'testedOn', message: '検査日が今日より後です。検査日を確かめてください。' });
  return out;
}

export type AggregateTest = EarPair & {
  childResidentId: number;
  kind: HearingKind;
  method: string;
  institutionName: string;
  referred: boolean;
};

export type AggregateLine = {
  /** 全体 | 方法 | 医療機関 */
  group: string;
  label: string;
  children: number;
  initialTests: number;
  initialRefer: number;
  confirmTests: number;
  confirmRefer: number;
  referred: number;
};

function line(group: string, label: string, tests: AggregateTest[]): AggregateLine {
  const initial = tests.filter((t) => t.kind === 'initial');
  const confirm = tests.filter((t) => t.kind === 'confirm');
  const children = (ts: AggregateTest[]) => new Set(ts.map((t) => t.childResidentId)).size;
  return {
    group,
    label,
    children: children(tests),
    initialTests: initial.length,
    initialRefer: children(initial.filter((t) => testOutcome(t) === 'refer')),
    confirmTests: confirm.length,
    confirmRefer: children(confirm.filter((t) => testOutcome(t) === 'refer')),
    referred: children(tests.filter((t) => t.referred)),
  };
}

/**
 * 検査結果集計 (F07-02 step 5) over the tests of a period: 受検者数 (children), 初回/確認 tests and the children
 * who referred, 精密検査紹介 — in all, by method and by institution.
 */
export function aggregateHearing(tests: AggregateTest[]): AggregateLine[] {
  const out = [line('全体', '合計', tests)];
  for (const m of Object.keys(hearingMethods) as HearingMethod[]) {
    const ts = tests.filter((t) => t.method === m);
    if (ts.length) out.push(line('検査方法', hearingMethods[m], ts));
  }
  const byInst = new Map<string, AggregateTest[]>();
  for (const t of tests) {
    const k = t.institutionName || '（医療機関未入力）';
    byInst.set(k, [...(byInst.get(k) ?? []), t]);
  }
  for (const k of [...byInst.keys()].sort((a, b) => a.localeCompare(b, 'ja')))
    out.push(line('医療機関', k, byInst.get(k)!));
  return out;
}
