import { describe, expect, it } from 'vitest';
import { katakanaOf, parseAppliedAt, readApplicantIdentity } from './applicant-fields.ts';

// Source: docs/interfaces/e-application.md (申込日時 ISO 8601 or YYYY/MM/DD HH:mm, JST when no offset; 氏名カナ
// ひらがな・半角カナ accepted; 生年月日 西暦・和暦) — shared by F02-04 and F06-02.
describe('parseAppliedAt', () => {
  it.each([
    ['2026-06-15T10:23:00', '2026-06-15T10:23:00+09:00'],
    ['2026-06-15T10:23:00.123+09:00', '2026-06-15T10:23:00+09:00'],
    ['2026-06-15T15:30:00Z', '2026-06-16T00:30:00+09:00'],
    ['2026/6/5 9:05', '2026-06-05T09:05:00+09:00'],
    ['２０２６／０６／１５　１０：２３', '2026-06-15T10:23:00+09:00'],
    ['2026-06-15', '2026-06-15T00:00:00+09:00'],
    ['2026-02-29 10:00', null],
    ['2026-06-15 24:00', null],
    ['令和8年6月15日', null],
  ])('%s → %s', (input, output) => {
    expect(parseAppliedAt(input)).toBe(output);
  });
});

describe('katakanaOf', () => {
  it.each([
    ['ｹﾝｺｳ ﾊﾅｺ', 'ケンコウ ハナコ'],
    ['けんこう　はなこ', 'ケンコウ ハナコ'],
    ['健康 花子', null],
  ])('%s → %s', (input, output) => expect(katakanaOf(input)).toBe(output));
});

describe('readApplicantIdentity', () => {
  const words = { applicationNo: '申請番号', appliedAt: '申請日時', applicant: '届出者' };
  const read = (raw: Record<string, string>) => {
    const errors: string[] = [];
    const r = readApplicantIdentity(
      (f) => raw[f] ?? '',
      (f, m) => errors.push(`${f}: ${m}`),
      (f) => f,
      words,
    );
    return { ...r, errors };
  };
  const ok = {
    applicationNo: 'P-1',
    appliedAt: '2026/11/20 9:00',
    name: '健康 花子',
    nameKana: 'けんこう はなこ',
    birthDate: '平成8年4月1日',
    address: 'すこやか市中央1-1-3',
  };
  it('normalises a good identity', () => {
    expect(read(ok)).toMatchObject({
      applicationNo: 'P-1',
      identity: {
        appliedAt: '2026-11-20T09:00:00+09:00',
        nameKana: 'ケンコウ ハナコ',
        birthDate: '1996-04-01',
      },
      errors: [],
    });
  });
  it('names the field and the fix in the words of the kind', () => {
    const r = read({ ...ok, appliedAt: '昨日', birthDate: '2027-01-01', atenaNo: 'A12' });
    expect(r.identity).toBeNull();
    expect(r.errors).toEqual([
      'appliedAt: 申請日時「昨日」が読めません。2026-06-15T10:23:00 または 2026/06/15 10:23 の形で書いてください。',
      'atenaNo: 宛名番号「A12」は15桁以内の数字で書いてください（分からなければ空欄）。',
    ]);
    expect(read({ ...ok, birthDate: '2027-01-01' }).errors).toEqual([
      'birthDate: 生年月日 2027-01-01 が申請日時より後です。生年月日を確かめてください。',
    ]);
    expect(read({ ...ok, name: '' }).errors).toEqual(['name: nameが空です。届出者の氏名を書いてください。']);
  });
});
