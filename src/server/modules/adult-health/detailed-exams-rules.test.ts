import { describe, expect, it } from 'vitest';
import { checkDetailed, type DetailedInput } from './detailed-exams-rules.ts';

// Source: adult-health-statistics-bank-barcode.md §2.5 (精検受診 needs 精検日・受診機関・精検法・精検結果;
// 不適切な検査 = 精検未受診; 精検中 = 精検受診 with がんの疑い又は未確定).
const base: DetailedInput = {
  status: 'examined',
  examinedOn: '2026-07-01',
  institutionId: 1,
  institutionName: '',
  method: 'colonoscopy',
  outcome: 'no_abnormality',
  reportedBy: 'institution',
  lesion: null,
  stage: '',
};
const check = (over: Partial<DetailedInput>, program: 'colorectal' | 'cervical' = 'colorectal') =>
  checkDetailed(program, '2026-06-10', '2026-11-24', { ...base, ...over });

describe('checkDetailed (table)', () => {
  it.each([
    [{}, null],
    [{ examinedOn: '' }, '精検受診には精検日が必要です。'],
    [{ institutionId: null }, '精検受診には受診した医療機関が必要です。'],
    [{ method: '' }, '精検受診には精検法が必要です。'],
    [{ outcome: null }, '精検受診には精検結果が必要です（精検中のときは「がんの疑いのある者又は未確定」）。'],
    [{ reportedBy: null }, '精検機関からの報告か本人の申告かを選んでください。'],
    [{ examinedOn: '2026-06-01' }, '精検日が検診の受診日より前です。精検日を確かめてください。'],
    [{ examinedOn: '2026-12-01' }, '精検日が今日より後です。精検日を確かめてください。'],
    [{ method: 'mri' }, /^精検法「mri」は選べません。全大腸内視鏡検査・/],
    [{ status: 'maybe' }, '精検の状況（精検受診・精検未受診・精検未把握）を選んでください。'],
    [{ lesion: 'CIN2' }, '病変は子宮頸がん検診のときだけ、CIN1・CIN2・CIN3・AIS・浸潤がん から選びます。'],
    [
      {
        status: 'not_examined',
        examinedOn: '',
        method: '',
        outcome: null,
        reportedBy: null,
        institutionId: null,
      },
      null,
    ],
    [
      { status: 'unknown', examinedOn: '', method: '', outcome: null, reportedBy: null, institutionId: null },
      null,
    ],
  ] as const)('%j → %s', (over, message) => {
    const r = check(over);
    const m = r.ok ? null : r.errors[0]!.message;
    if (message instanceof RegExp) expect(m).toMatch(message);
    else expect(m).toBe(message);
  });

  it('a repeat 便潜血 is not a 精密検査: 精検未受診 with the reason (§2.5)', () => {
    expect(check({ method: '便潜血検査の再検' })).toMatchObject({
      ok: true,
      value: {
        status: 'not_examined',
        outcome: null,
        note: '便潜血検査の再検は精密検査として不適切なため「精検未受診」になります。',
      },
    });
  });

  it('子宮頸 keeps the lesion and the stage with the outcome; 本人申告 with all four items is 精検受診', () => {
    expect(
      check(
        {
          method: 'colposcopy',
          outcome: 'other_disease',
          lesion: 'CIN2',
          reportedBy: 'person',
          institutionId: null,
          institutionName: '県立病院',
        },
        'cervical',
      ),
    ).toMatchObject({
      ok: true,
      value: {
        status: 'examined',
        institutionName: '県立病院',
        details: { lesion: 'CIN2' },
        reportedBy: 'person',
      },
    });
  });
});
