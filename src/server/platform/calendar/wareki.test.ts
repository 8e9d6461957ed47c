import { describe, expect, it } from 'vitest';
import { addDays } from './date.ts';
import {
  formatWareki,
  formatWarekiWithSeireki,
  JAPANESE_ERAS,
  parseDateInput,
  warekiYear,
} from './wareki.ts';

describe('formatWareki / warekiYear — 和暦 (bank-barcode §6.2, 元年 for year 1)', () => {
  it.each([
    ['2026-11-24', '令和8年11月24日', 'R8.11.24', '令和', 'R', 8],
    ['2019-05-01', '令和元年5月1日', 'R1.5.1', '令和', 'R', 1],
    ['2019-04-30', '平成31年4月30日', 'H31.4.30', '平成', 'H', 31],
    ['1989-01-08', '平成元年1月8日', 'H1.1.8', '平成', 'H', 1],
    ['1989-01-07', '昭和64年1月7日', 'S64.1.7', '昭和', 'S', 64],
    ['1926-12-25', '昭和元年12月25日', 'S1.12.25', '昭和', 'S', 1], // accession day: new era
    ['1926-12-24', '大正15年12月24日', 'T15.12.24', '大正', 'T', 15],
    ['1912-07-30', '大正元年7月30日', 'T1.7.30', '大正', 'T', 1],
    ['1912-07-29', '明治45年7月29日', 'M45.7.29', '明治', 'M', 45],
    ['1873-01-01', '明治6年1月1日', 'M6.1.1', '明治', 'M', 6],
  ])('%s → %s / %s', (date, long, short, era, eraCode, year) => {
    expect(formatWareki(date)).toBe(long);
    expect(formatWareki(date, 'long')).toBe(long);
    expect(formatWareki(date, 'short')).toBe(short);
    expect(warekiYear(date)).toEqual({ era, eraCode, year });
  });

  it('formatWarekiWithSeireki — 和暦 first, 西暦 in parentheses (§6.2 municipal practice)', () => {
    expect(formatWarekiWithSeireki('2026-11-24')).toBe('令和8年11月24日 (2026年)');
    expect(formatWarekiWithSeireki('2019-05-01')).toBe('令和元年5月1日 (2019年)');
  });

  it('throws before 明治', () => {
    expect(() => formatWareki('1868-01-24')).toThrow(RangeError);
  });

  it('agrees with Intl ja-JP-u-ca-japanese (Asia/Tokyo) for every day 1873–2035 (§6.2: pin and test ICU)', () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'Asia/Tokyo',
    });
    for (let d = '1873-01-01'; d <= '2035-12-31'; d = addDays(d, 1)) {
      expect(formatWareki(d), d).toBe(intl.format(new Date(`${d}T00:00:00+09:00`)));
    }
  });

  it('era table is contiguous (each era starts on or the day after the previous one ends)', () => {
    for (let i = 1; i < JAPANESE_ERAS.length; i++) {
      const prevEnd = JAPANESE_ERAS[i - 1]!.end!;
      expect([prevEnd, addDays(prevEnd, 1)]).toContain(JAPANESE_ERAS[i]!.start);
    }
  });
});

describe('parseDateInput — accepted inputs (§6.2: era letters M/T/S/H/R and 明/大/昭/平/令)', () => {
  it.each([
    ['2026-04-01', '2026-04-01'],
    ['2026/4/1', '2026-04-01'],
    ['2026.4.1', '2026-04-01'],
    ['20260401', '2026-04-01'],
    ['2026年4月1日', '2026-04-01'],
    ['R8.4.1', '2026-04-01'],
    ['r8.4.1', '2026-04-01'],
    ['R8/4/1', '2026-04-01'],
    ['R8-4-1', '2026-04-01'],
    ['R080401', '2026-04-01'],
    ['令和8年4月1日', '2026-04-01'],
    ['令和8年4月1', '2026-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['令8.4.1', '2026-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['S60.1.1', '1985-01-01'],
    ['昭60.1.1', '1985-01-01'],
    ['S64.1.7', '1989-01-07'],
    ['T15.12.24', '1926-12-24'],
    ['T15.12.25', '1926-12-25'], // §6.2: last day of 大正 = first day of 昭和
    ['S1.12.25', '1926-12-25'],
    ['M45.7.29', '1912-07-29'],
    ['M45.7.30', '1912-07-30'],
    ['明治45年7月29日', '1912-07-29'],
    ['大正元年7月30日', '1912-07-30'],
    ['令和８年４月１日', '2026-04-01'], // full-width digits
    ['Ｒ８．４．１', '2026-04-01'],
    ['２０２６－０４－０１', '2026-04-01'],
    ['２０２６／４／１', '2026-04-01'],
    ['㋿8年4月1日', '2026-04-01'],
    ['  令和 8年 4月 1日 ', '2026-04-01'],
    ['　R8.4.1　', '2026-04-01'],
    ['2026 / 4 / 1', '2026-04-01'],
    ['2024-02-29', '2024-02-29'],
    ['R6.2.29', '2024-02-29'],
  ])('%s → %s', (text, date) => {
    expect(parseDateInput(text)).toEqual({ ok: true, date });
  });
});

describe('parseDateInput — rejected inputs with a Japanese message', () => {
  it.each([
    ['2026-02-30', '2026年2月30日は存在しません'],
    ['2025/2/29', '2025年2月29日は存在しません'],
    ['20261301', '2026年13月1日は存在しません'],
    ['H31.5.1', '平成31年5月1日は存在しません（平成は31年4月30日まで）'],
    ['R1.4.30', '令和元年4月30日は存在しません（令和は元年5月1日から）'],
    ['S64.1.8', '昭和64年1月8日は存在しません（昭和は64年1月7日まで）'],
    ['H1.1.7', '平成元年1月7日は存在しません（平成は元年1月8日から）'],
    ['T15.12.26', '大正15年12月26日は存在しません（大正は15年12月25日まで）'],
    ['R7.2.29', '令和7年2月29日は存在しません'],
    ['R0.4.1', '令和の年は元年（1年）以上で入力してください'],
    ['', '日付を入力してください'],
    ['   ', '日付を入力してください'],
  ])('%j → %s', (text, message) => {
    expect(parseDateInput(text)).toEqual({ ok: false, message });
  });

  it.each(['abc', '2026-04', 'X8.4.1', '令和八年四月一日', '26/4/1', '2026-04-01T00:00'])(
    '%j → format message naming the expected forms',
    (text) => {
      const r = parseDateInput(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^日付の形式が正しくありません。.*R8\.4\.1.*令和8年4月1日/);
    },
  );

  it('round trip: parseDateInput(formatWareki(d)) === d for every day 1912–2030 (long and short)', () => {
    for (let d = '1912-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
      expect(parseDateInput(formatWareki(d))).toEqual({ ok: true, date: d });
      expect(parseDateInput(formatWareki(d, 'short'))).toEqual({ ok: true, date: d });
    }
  });
});
