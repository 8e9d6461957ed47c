import { describe, expect, it } from 'vitest';
import { callOutcomes, callSummary, checkCall, jstParts, parseCalledAt } from './reminder-calls-rules.ts';

// 架電結果 (flows.md F03-04 notes: "The reminder may be made by phone instead of by letter"; issue 5: a call list
// "with a place to record the call outcome").
const now = new Date('2026-11-24T05:30:00Z'); // 2026-11-24 14:30 in Japan

describe('架電結果の一覧', () => {
  it('has the fixed outcomes in number-key order', () => {
    expect(callOutcomes.map((o) => o.label)).toEqual([
      '受診予定',
      '受診済み（結果未着）',
      '受診しない',
      '不在・留守電',
      '番号誤り・不通',
      'その他',
    ]);
  });
});

describe('架電日時 as typed', () => {
  const at = (text: string) => {
    const r = parseCalledAt(text, now);
    return r.ok ? (r.at === null ? 'now' : r.at.toISOString()) : r.message;
  };
  it.each([
    ['', 'now'],
    ['14:00', '2026-11-24T05:00:00.000Z'],
    ['９：０５', '2026-11-24T00:05:00.000Z'],
    ['0905', '2026-11-24T00:05:00.000Z'],
    ['R8.11.20 16:45', '2026-11-20T07:45:00.000Z'],
    ['2026-11-01 8:00', '2026-10-31T23:00:00.000Z'],
    ['令和8年11月2日 10:00', '2026-11-02T01:00:00.000Z'],
  ])('%s → %s', (text, want) => expect(at(text)).toBe(want));

  it.each([
    ['R8.11.24', '架電日時は時刻まで入力してください（例: 14:30、R8.11.24 14:30）。空欄なら今の日時です。'],
    ['R8.11.24 25:00', '時刻「25:00」が読めません。14:30 のように入力してください。'],
    ['15:00', '架電日時が今より後です。電話をかけた日時を入力してください。'],
    ['R8.11.25 9:00', '架電日時が今より後です。電話をかけた日時を入力してください。'],
  ])('refuses %s', (text, message) => expect(at(text)).toBe(message));

  it('refuses a date that does not exist, with the date parser’s message', () =>
    expect(at('R8.2.30 10:00')).toMatch(/^架電日: /));
});

describe('checkCall', () => {
  it('accepts an outcome of the list with a trimmed memo', () => {
    expect(checkCall({ outcome: 'no_answer', note: ' 夕方に再度 ', calledAt: '' }, now)).toEqual({
      ok: true,
      value: { outcome: 'no_answer', note: '夕方に再度', calledAt: null },
    });
  });
  it('asks for an outcome, a memo for その他, and a readable 架電日時 — all at once', () => {
    const r = checkCall({ outcome: '', note: '', calledAt: '99:99' }, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['outcome', 'calledAt']);
    const other = checkCall({ outcome: 'other', note: ' ', calledAt: '' }, now);
    expect(other).toEqual({
      ok: false,
      errors: [{ field: 'note', message: '「その他」のときは、メモに内容を入力してください。' }],
    });
  });
  it('lists the choices in the message of a missing outcome', () => {
    const r = checkCall({ outcome: 'x', note: '', calledAt: '' }, now);
    expect(r.ok ? '' : r.errors[0]!.message).toContain('1 受診予定、2 受診済み（結果未着）');
  });
});

describe('the short form of a call in the lists', () => {
  it('is the Japan date and the short outcome', () => {
    expect(callSummary({ calledAt: '2026-11-23T15:10:00Z', outcome: 'no_answer' })).toBe('11/24 不在');
    expect(callSummary({ calledAt: new Date('2026-04-01T00:00:00Z'), outcome: 'attended' })).toBe(
      '4/1 受診済み',
    );
    expect(jstParts('2026-11-23T15:10:00Z')).toEqual({ date: '2026-11-24', time: '00:10' });
  });
});
