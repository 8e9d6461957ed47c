import { describe, expect, it } from 'vitest';
import {
  type AggregateTest,
  aggregateHearing,
  checkHearing,
  type EarResult,
  type HearingTest,
  hearingStatus,
  needsConfirm,
  referredToDetailed,
} from './hearing-rules.ts';

// Source: maternal-child-vaccination-pmh.md §4.5 — 初回 (AABR/OAE), 要再検 → 確認検査, 確認 refer → 精密検査.
const t = (
  id: number,
  kind: 'initial' | 'confirm',
  r: EarResult,
  l: EarResult,
  testedOn = `2026-04-0${id}`,
): HearingTest => ({
  id,
  kind,
  rightResult: r,
  leftResult: l,
  testedOn,
});

describe('a test: 確認 needed / 精密 referral (§4.5)', () => {
  it.each([
    ['初回 両耳パス', 'initial', 'pass', 'pass', false, false],
    ['初回 右リファー', 'initial', 'refer', 'pass', true, false],
    ['確認 左リファー', 'confirm', 'pass', 'refer', false, true],
    ['確認 両耳パス', 'confirm', 'pass', 'pass', false, false],
    ['確認 片耳未実施', 'confirm', 'pass', 'not_done', false, false],
  ] as const)('%s', (_n, kind, r, l, confirm, referred) => {
    expect(needsConfirm(kind, { rightResult: r, leftResult: l })).toBe(confirm);
    expect(referredToDetailed(kind, { rightResult: r, leftResult: l })).toBe(referred);
  });
});

describe('hearingStatus (§4.5)', () => {
  it.each([
    ['nothing recorded', [], 'none'],
    ['初回 not done', [t(1, 'initial', 'not_done', 'not_done')], 'none'],
    ['初回 pass', [t(1, 'initial', 'pass', 'pass')], 'initial_pass'],
    ['初回 refer', [t(1, 'initial', 'refer', 'pass')], 'confirm_wait'],
    [
      '初回 refer, 確認 pass',
      [t(1, 'initial', 'refer', 'pass'), t(2, 'confirm', 'pass', 'pass')],
      'confirm_pass',
    ],
    [
      '初回 refer, 確認 refer',
      [t(1, 'initial', 'refer', 'pass'), t(2, 'confirm', 'refer', 'pass')],
      'detailed',
    ],
    [
      '確認 refer then a later pass stays 要精密',
      [t(2, 'confirm', 'refer', 'refer'), t(3, 'confirm', 'pass', 'pass')],
      'detailed',
    ],
  ] as const)('%s → %s', (_n, tests, status) => expect(hearingStatus([...tests])).toBe(status));
});

describe('checkHearing', () => {
  const v = {
    kind: 'initial',
    method: 'aabr',
    rightResult: 'pass',
    leftResult: 'pass',
    testedOn: '2026-04-03',
  } as const;
  it.each([
    ['valid', {}, null],
    ['unknown method', { method: 'abr' }, 'method'],
    ['before birth', { testedOn: '2026-03-31' }, 'testedOn'],
    ['in the future', { testedOn: '2026-05-01' }, 'testedOn'],
    ['unknown ear result', { leftResult: 'x' }, 'leftResult'],
  ])('%s', (_n, edit, path) => {
    const issues = checkHearing({ ...v, ...edit }, '2026-04-01', '2026-04-20');
    if (path === null) expect(issues).toEqual([]);
    else expect(issues.map((i) => i.path)).toEqual([path]);
  });
});

describe('aggregateHearing (F07-02 step 5)', () => {
  const a = (
    childResidentId: number,
    kind: 'initial' | 'confirm',
    r: EarResult,
    method: string,
    inst: string,
    referred = false,
  ): AggregateTest => ({
    childResidentId,
    kind,
    rightResult: r,
    leftResult: 'pass',
    method,
    institutionName: inst,
    referred,
  });
  it('counts children, refers and referrals in all, by method and by institution', () => {
    const lines = aggregateHearing([
      a(1, 'initial', 'refer', 'aabr', 'B産院'),
      a(1, 'confirm', 'pass', 'aabr', 'B産院'),
      a(2, 'initial', 'refer', 'oae', 'A病院'),
      a(2, 'confirm', 'refer', 'aabr', 'A病院', true),
      a(3, 'initial', 'pass', 'oae', 'A病院'),
    ]);
    expect(lines[0]).toEqual({
      group: '全体',
      label: '合計',
      children: 3,
      initialTests: 3,
      initialRefer: 2,
      confirmTests: 2,
      confirmRefer: 1,
      referred: 1,
    });
    expect(lines.map((l) => `${l.group}:${l.label}:${l.children}`)).toEqual([
      '全体:合計:3',
      '検査方法:自動ABR（AABR）:2',
      '検査方法:OAE:2',
      '医療機関:A病院:2',
      '医療機関:B産院:1',
    ]);
  });
});
