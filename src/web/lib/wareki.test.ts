import { describe, expect, it } from 'vitest';
import { ageOn, formatWareki, formatWarekiWithYear, parseDateInput } from './wareki.ts';

describe('web wareki', () => {
  it('formats dates as 和暦 with 元年 and era boundaries', () => {
    expect(formatWareki('1985-01-01')).toBe('昭和60年1月1日');
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatWareki('1989-01-08')).toBe('平成元年1月8日');
    expect(formatWareki('1926-12-25')).toBe('昭和元年12月25日');
    expect(formatWarekiWithYear('1985-01-01')).toBe('昭和60年1月1日 (1985)');
  });

  it('parses 和暦 and 西暦 input', () => {
    expect(parseDateInput('R2.4.1')).toEqual({ ok: true, date: '2020-04-01' });
    expect(parseDateInput('令和2年4月1日')).toEqual({ ok: true, date: '2020-04-01' });
    expect(parseDateInput('S60.1.1')).toEqual({ ok: true, date: '1985-01-01' });
    expect(parseDateInput('令和元年5月1日')).toEqual({ ok: true, date: '2019-05-01' });
    expect(parseDateInput('２０２６０４０１')).toEqual({ ok: true, date: '2026-04-01' });
    expect(parseDateInput('H31.5.1').ok).toBe(false);
    expect(parseDateInput('2026-02-30').ok).toBe(false);
    expect(parseDateInput('abc').ok).toBe(false);
  });

  it('computes 満年齢', () => {
    expect(ageOn('1985-01-01', '2026-01-01')).toBe(41);
    expect(ageOn('1985-01-02', '2026-01-01')).toBe(40);
  });
});
