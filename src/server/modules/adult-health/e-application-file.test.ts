import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readApplicationFile } from './e-application-file.ts';

// Source: docs/interfaces/e-application.md (the format this reader implements).

const header =
  '申込番号,元申込番号,申込日時,宛名番号,氏名,氏名カナ,生年月日,性別,郵便番号,住所,電話番号,メール,希望検診,受診形態,希望医療機関,希望日,希望会場,備考';
const good =
  'A-001,,2026-06-15T10:23:00,0000012345,高橋 太郎,ﾀｶﾊｼ たろう,昭和60年6月1日,男,123-4567,すこやか市中央一丁目1番3号,090-1234-5678,taro@example.jp,胃がん、大腸がん,個別,すこやか内科,,,';
const csv = (...lines: string[]) => Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`, 'utf8');

const expected = {
  line: 2,
  applicationNo: 'A-001',
  originalNo: null,
  appliedAt: '2026-06-15T10:23:00+09:00',
  atenaNo: '0000012345',
  name: '高橋 太郎',
  nameKana: 'タカハシ タロウ',
  birthDate: '1985-06-01',
  sex: '1',
  postalCode: '1234567',
  address: 'すこやか市中央一丁目1番3号',
  phone: '090-1234-5678',
  email: 'taro@example.jp',
  programs: ['stomach', 'colorectal'],
  form: 'individual',
  clinic: 'すこやか内科',
  preferredDate: null,
  venue: '',
  note: '',
};

describe('readApplicationFile: CSV', () => {
  it('reads UTF-8 with a BOM and normalises the fields', () => {
    const { rows, errors } = readApplicationFile(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(good)]),
      'csv',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([expected]);
  });

  it('reads Shift_JIS, with columns in any order and 集団 with a 希望日 in 和暦', () => {
    const text = [
      '氏名カナ,申込番号,申込日時,氏名,生年月日,住所,希望検診,受診形態,希望日,希望会場,備考',
      'スコヤカ ハナコ,B-7,2026/06/16 9:05,健康 花子,S60.6.1,すこやか市北町5-6,乳がん検診;子宮頸がん,集団,R8.7.10,北部公民館,"午前希望\r\n託児あり"',
      'スコヤカ ジロウ,B-8,2026/06/16 9:06,健康 次郎,平成12年2月29日,すこやか市北町5-6,健康診査,,2026/7/10,,',
    ].join('\r\n');
    const { rows, errors } = readApplicationFile(iconv.encode(text, 'cp932'), 'csv');
    expect(errors).toEqual([]);
    expect(
      rows.map((r) => [r.line, r.applicationNo, r.birthDate, r.programs, r.form, r.preferredDate]),
    ).toEqual([
      [2, 'B-7', '1985-06-01', ['breast', 'cervical'], 'group', '2026-07-10'],
      [4, 'B-8', '2000-02-29', ['health_checkup'], 'group', '2026-07-10'],
    ]);
    expect(rows[0]).toMatchObject({
      venue: '北部公民館',
      note: '午前希望\r\n託児あり',
      sex: null,
      atenaNo: null,
    });
  });

  it('accepts the header variants of other exports (フリガナ, 姓・名, 申請番号)', () => {
    const text = [
      '申請番号,申請日時,姓,名,セイ,メイ,生年月日,住所,希望検診,希望形態',
      'C-1,2026-06-17 08:00,健康,太郎,ケンコウ,タロウ,1985-06-01,すこやか市,肺がん,個別',
    ].join('\n');
    const { rows, errors } = readApplicationFile(Buffer.from(text), 'csv');
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ applicationNo: 'C-1', name: '健康 太郎', nameKana: 'ケンコウ タロウ' });
  });

  it('reports every bad row with its line, the field and what to fix; good rows are kept', () => {
    const bad = (edit: (cells: string[]) => void) => {
      const cells = good.split(',');
      edit(cells);
      return cells.join(',');
    };
    const { rows, errors } = readApplicationFile(
      csv(
        bad((c) => {
          c[0] = 'A-002';
          c[6] = '平成31年5月1日';
          c[5] = 'Taro';
        }),
        bad((c) => {
          c[0] = 'A-003';
          c[12] = '胃がん、人間ドック';
          c[13] = '集団';
        }),
        bad((c) => {
          c[0] = '';
          c[2] = '2026-13-01 10:00';
          c[8] = '12-34';
          c[7] = '?';
        }),
        bad((c) => {
          c[0] = 'A-004';
          c[13] = '';
          c[14] = '';
        }),
        bad((c) => {
          c[0] = 'A-005';
          c[6] = '2026-07-01';
        }),
        bad((c) => {
          c[0] = 'A-006';
          c[1] = 'A-006';
        }),
        bad((c) => {
          c[0] = 'A-007';
          c[3] = '12-345';
          c[10] = '090-1234-567x';
          c[11] = 'taro@';
        }),
      ),
      'csv',
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.line, e.applicationNo, e.field, e.message])).toEqual([
      [
        2,
        'A-002',
        'nameKana',
        '氏名カナ「Taro」にカナ以外の文字があります。カタカナかひらがなで書いてください。',
      ],
      [2, 'A-002', 'birthDate', '生年月日: 平成31年5月1日は存在しません（平成は31年4月30日まで）。'],
      [
        3,
        'A-003',
        'programs',
        '希望検診「人間ドック」が読めません。検診名（例: 胃がん検診）かコード（例: stomach）で書いてください。',
      ],
      [
        3,
        'A-003',
        'form',
        '受診形態が「集団」ですが希望医療機関が書かれています。受診形態か希望医療機関を直してください。',
      ],
      [4, '', 'applicationNo', '申込番号が空です。電子申請の申込番号を書いてください。'],
      [
        4,
        '',
        'appliedAt',
        '申込日時「2026-13-01 10:00」が読めません。2026-06-15T10:23:00 または 2026/06/15 10:23 の形で書いてください。',
      ],
      [4, '', 'sex', '性別「?」が読めません（男・女、または 1・2）。'],
      [4, '', 'postalCode', '郵便番号「12-34」は7桁の数字で書いてください（例: 123-4567）。'],
      [5, 'A-004', 'form', '受診形態が空です。個別（医療機関で受診）か集団（会場で受診）を書いてください。'],
      [6, 'A-005', 'birthDate', '生年月日 2026-07-01 が申込日時より後です。生年月日を確かめてください。'],
      [
        7,
        'A-006',
        'originalNo',
        '元申込番号が申込番号と同じです。訂正前の申込の申込番号を書くか、空欄にしてください。',
      ],
      [8, 'A-007', 'atenaNo', '宛名番号「12-345」は15桁以内の数字で書いてください（分からなければ空欄）。'],
      [8, 'A-007', 'phone', '電話番号「090-1234-567x」には数字とハイフンだけを書いてください。'],
      [8, 'A-007', 'email', 'メール「taro@」はメールアドレスの形（例: taro@example.jp）ではありません。'],
    ]);
  });

  it('keeps the first of two rows with the same 申込番号 and reports the later one; a correction is a new number', () => {
    const again = good.replace('2026-06-15T10:23:00', '2026-06-15T11:00:00');
    const corrected = good.replace('A-001,,', 'A-009,A-001,');
    const { rows, errors } = readApplicationFile(csv(good, again, corrected), 'csv');
    expect(rows.map((r) => [r.line, r.applicationNo, r.originalNo])).toEqual([
      [2, 'A-001', null],
      [4, 'A-009', 'A-001'],
    ]);
    expect(errors).toEqual([
      {
        line: 3,
        applicationNo: 'A-001',
        field: 'applicationNo',
        message:
          '申込番号 A-001 は2行目と同じです。同じ申込が2回書かれています。どちらか一方だけにしてください。',
      },
    ]);
  });

  it('refuses a file without the required headers or with a broken quote', () => {
    expect(() => readApplicationFile(Buffer.from('番号,名前\n1,a\n'), 'csv')).toThrow(
      '1行目に見出しが必要です。ありません: 申込番号、氏名カナ、生年月日、希望検診',
    );
    expect(() => readApplicationFile(csv('A-1,"open'), 'csv')).toThrow('CSVを読めません');
  });
});

describe('readApplicationFile: XML', () => {
  const xml = (body: string) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<電子申請一覧>${body}</電子申請一覧>`, 'utf8');
  const item = (no: string, extra = '') => `
  <申込>
    <申込番号>${no}</申込番号>
    <申込日時>2026-06-15T01:23:00Z</申込日時>
    <氏名>高橋 太郎</氏名>
    <氏名カナ>たかはし　たろう</氏名カナ>
    <生年月日>S60.6.1</生年月日>
    <住所>すこやか市中央一丁目1番3号</住所>
    <希望検診>胃がん検診</希望検診>
    <希望検診>大腸がん検診</希望検診>
    <受診形態>集団</受診形態>
    <希望日>令和8年7月10日</希望日>
    <宛名番号/>${extra}
  </申込>`;

  it('reads applications with repeated 希望検診 and positions as line numbers', () => {
    const { rows, errors } = readApplicationFile(xml(item('X-1') + item('X-2', '<性別>2</性別>')), 'xml');
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.applicationNo, r.sex])).toEqual([
      [1, 'X-1', null],
      [2, 'X-2', '2'],
    ]);
    expect(rows[0]).toMatchObject({
      appliedAt: '2026-06-15T10:23:00+09:00',
      nameKana: 'タカハシ タロウ',
      birthDate: '1985-06-01',
      programs: ['stomach', 'colorectal'],
      form: 'group',
      preferredDate: '2026-07-10',
      atenaNo: null,
    });
  });

  it('reports bad and duplicate applications by position', () => {
    const { rows, errors } = readApplicationFile(
      xml(item('X-1') + item('X-1') + item('X-3').replace('S60.6.1', 'S64.1.8')),
      'xml',
    );
    expect(rows.map((r) => r.line)).toEqual([1]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [2, '申込番号 X-1 は1件目と同じです。同じ申込が2回書かれています。どちらか一方だけにしてください。'],
      [3, '生年月日: 昭和64年1月8日は存在しません（昭和は64年1月7日まで）。'],
    ]);
  });

  it('refuses broken XML and another root element', () => {
    expect(() => readApplicationFile(Buffer.from('<電子申請一覧><申込></電子申請一覧>'), 'xml')).toThrow(
      'XMLを読めません（1行目',
    );
    expect(() => readApplicationFile(Buffer.from('<受診希望一覧/>'), 'xml')).toThrow(
      'ルート要素は <電子申請一覧> です',
    );
  });
});
