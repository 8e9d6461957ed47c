// checkRecord (F11a-01 record entry): one recorded vaccination against the history — §1.3 intervals and windows,
// §1.5 (27-day rule), 施行令 windows (outside → 任意接種扱い, §1.1).
import { describe, expect, it } from 'vitest';
import { checkRecord } from './rules-check.ts';
import { dose } from './test-helpers.ts';

const child = { birthDate: '2026-04-01' };

describe('checkRecord', () => {
  it('accepts a valid routine dose and names it', () => {
    expect(checkRecord(child, [], dose('DPT_IPV_HIB', '2026-06-01'))).toEqual({
      dose: '初回1回目',
      routine: true,
      issues: [],
    });
  });
  it('interval too short: 5種混合 初回2回目 needs 20日以上 (earliest +21)', () => {
    const r = checkRecord(child, [dose('DPT_IPV_HIB', '2026-06-01')], dose('DPT_IPV_HIB', '2026-06-15'));
    expect(r.routine).toBe(false);
    expect(r.issues).toEqual([
      {
        code: 'interval_too_short',
        message: '5種混合（DPT-IPV-Hib） 初回2回目: 接種間隔が不足しています（2026-06-22以降に接種できます）',
      },
    ]);
    expect(
      checkRecord(child, [dose('DPT_IPV_HIB', '2026-06-01')], dose('DPT_IPV_HIB', '2026-06-22')).routine,
    ).toBe(true);
  });
  it('outside the legal window → 任意接種扱い (BCG after 1歳)', () => {
    const r = checkRecord(child, [], dose('BCG', '2027-04-01'));
    expect(r.issues[0]?.code).toBe('outside_legal_window');
    expect(r.issues[0]?.message).toContain('任意接種扱い');
    expect(checkRecord(child, [], dose('DPT_IPV_HIB', '2026-05-30')).issues[0]?.code).toBe(
      'outside_legal_window',
    );
  });
  it('dose already complete', () => {
    const r = checkRecord(child, [dose('BCG', '2026-09-01')], dose('BCG', '2026-10-01'));
    expect(r).toMatchObject({ dose: null, routine: false, issues: [{ code: 'dose_complete' }] });
  });
  it('27日 after an injectable live vaccine (§1.5); same day is allowed', () => {
    const h = [dose('MR1', '2027-04-10')];
    expect(checkRecord(child, h, dose('VAR', '2027-04-20')).issues[0]?.code).toBe('live_vaccine_interval');
    expect(checkRecord(child, h, dose('VAR', '2027-04-10')).routine).toBe(true);
    expect(checkRecord(child, h, dose('VAR', '2027-05-08')).routine).toBe(true);
    expect(checkRecord(child, h, dose('VAR', '2027-05-07')).routine).toBe(false);
  });
  it('not eligible at all (HPV for a boy), and the record itself in the history is ignored', () => {
    const boy = { birthDate: '2014-04-02', sex: 'M' as const };
    expect(checkRecord(boy, [], dose('HPV', '2027-05-01')).issues[0]?.code).toBe('not_eligible');
    const rec = dose('DPT_IPV_HIB', '2026-06-01');
    expect(checkRecord(child, [rec], rec).routine).toBe(true);
  });
  it('yearly vaccines: the second dose in the same 年度 is complete', () => {
    const elder = { birthDate: '1950-01-01' };
    expect(
      checkRecord(elder, [dose('FLU_ELD', '2026-10-10')], dose('FLU_ELD', '2026-12-01')).issues[0]?.code,
    ).toBe('dose_complete');
    expect(checkRecord(elder, [dose('FLU_ELD', '2025-10-10')], dose('FLU_ELD', '2026-12-01')).routine).toBe(
      true,
    );
    expect(checkRecord(elder, [], dose('FLU_ELD', '2026-06-01')).issues[0]?.code).toBe(
      'outside_legal_window',
    );
  });
});
