import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { weeksOf } from './e-notification-fields.ts';
import { readNotificationFile } from './e-notification-file.ts';

// Source: docs/interfaces/e-application.md「妊娠届（電子申請）の届出ファイル」 (the import format of F06-02) and
// maternal-child-vaccination-pmh.md §4.1 (届出 items: 妊娠週数 or 出産予定日, 胎児数, 診断医師, 性病・結核の健診).

describe('weeksOf (妊娠週数 as written on the 届)', () => {
  it.each([
    ['10週3日', { weeks: 10, days: 3 }],
    ['１０週', { weeks: 10, days: 0 }],
    ['妊娠8週', { weeks: 8, days: 0 }],
    ['12w6d', { weeks: 12, days: 6 }],
    ['7', { weeks: 7, days: 0 }],
    ['3か月', null],
    ['10週8日', null],
  ])('%s', (text, out) => expect(weeksOf(text)).toEqual(out));
});

describe('胎児数', () => {
  const row = (fetus: string) =>
    readNotificationFile(
      Buffer.from(
        `申請番号,申請日時,氏名,氏名カナ,生年月日,住所,妊娠週数,胎児数\nN,2026-11-20,花子,ハナコ,1995-05-01,市,9,${fetus}\n`,
      ),
      'csv',
    );
  it.each([
    ['', 1],
    ['1', 1],
    ['2人', 2],
    ['双子', 2],
    ['品胎', 3],
  ])('%s → %s', (text, n) => expect(row(text).rows[0]?.fetusCount).toBe(n));
  it.each(['0', '6', '多い'])('%s is an error', (text) =>
    expect(row(text).errors[0]?.field).toBe('fetusCount'),
  );
});

describe('readNotificationFile', () => {
  it('reads a Shift_JIS CSV with aliases, split names and answers by label or code', () => {
    const csv = [
      '受付番号,受付日時,姓,名,セイ,メイ,生年月日,住所,分娩予定日,胎児数,受取方法,面談の希望,consultant,妊娠がわかったときの気持ち,個人番号',
      'N-1,2026/11/20 9:15,健康,花子,ケンコウ,ハナコ,H7.5.1,すこやか市中央1-1-3,R9.6.10,双胎,窓口で受け取り,はい,no,予想外だったがうれしい,123456789012',
    ].join('\r\n');
    const r = readNotificationFile(iconv.encode(csv, 'cp932'), 'csv');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      expect.objectContaining({
        line: 2,
        applicationNo: 'N-1',
        notifiedOn: '2026-11-20',
        name: '健康 花子',
        nameKana: 'ケンコウ ハナコ',
        birthDate: '1995-05-01',
        dueDate: '2027-06-10',
        weeks: null,
        fetusCount: 2,
        delivery: 'visit',
        interviewWish: 'yes',
        questionnaire: { consultant: 'no', feeling: 'unexpected' },
      }),
    ]);
    expect(JSON.stringify(r.rows)).not.toContain('123456789012');
  });

  it('names every bad field of a row with how to fix it', () => {
    const csv = [
      '申請番号,申請日時,氏名,氏名カナ,生年月日,住所,妊娠週数,胎児数,性病・結核の健診,交付方法,面談希望,たばこを吸っていますか',
      'N-2,2026-11-20,健康 花子,ケンコウ ハナコ,1995-05-01,すこやか市,三か月,6,わからないかも,宅配,たぶん,時々',
    ].join('\n');
    const r = readNotificationFile(Buffer.from(csv), 'csv');
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => e.label)).toEqual([
      '妊娠週数',
      '胎児数',
      '性病・結核の健診',
      '交付方法',
      '面談希望',
      'アンケート「たばこを吸っていますか」',
    ]);
    expect(r.errors.map((e) => [e.field, e.message])).toEqual([
      ['weeks', '妊娠週数「三か月」が読めません。例: 10週3日、10週、10。'],
      ['fetusCount', '胎児数「6」は1〜5の数字で書いてください（空欄は1）。'],
      ['stdTbCheckup', '性病・結核の健診「わからないかも」が読めません（有・無・不明）。'],
      ['delivery', '交付方法「宅配」が読めません（郵送・来庁）。'],
      ['interviewWish', '面談希望「たぶん」が読めません（希望する・希望しない）。'],
      [
        'questionnaire.smoking',
        'アンケート「たばこを吸っていますか」の答え「時々」が読めません（はい・いいえ）。',
      ],
    ]);
  });

  it('refuses a CSV without the columns it needs, as a whole', () => {
    expect(() => readNotificationFile(Buffer.from('氏名,住所\n健康 花子,すこやか市'), 'csv')).toThrow(
      '1行目に見出しが必要です。ありません: 申請番号、氏名カナ、生年月日',
    );
  });

  it('reads XML <妊娠届一覧><届出>, answers as elements named by the question code', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<妊娠届一覧>
  <届出>
    <申請番号>N-3</申請番号><申請日時>2026-11-20T00:15:00Z</申請日時><宛名番号/>
    <氏名>健康 花子</氏名><氏名カナ>けんこう はなこ</氏名カナ><生年月日>1995-05-01</生年月日>
    <住所>すこやか市中央1-1-3</住所><妊娠週数>9週</妊娠週数><dv>いいえ</dv>
  </届出>
  <届出><申請番号>N-4</申請番号></届出>
</妊娠届一覧>`;
    const r = readNotificationFile(Buffer.from(xml), 'xml');
    expect(r.rows).toEqual([
      expect.objectContaining({
        line: 1,
        appliedAt: '2026-11-20T09:15:00+09:00',
        atenaNo: null,
        weeks: 9,
        days: 0,
        delivery: 'mail',
        stdTbCheckup: 'unknown',
        questionnaire: { dv: 'no' },
      }),
    ]);
    expect(r.errors.filter((e) => e.line === 2).map((e) => e.field)).toEqual([
      'appliedAt',
      'name',
      'nameKana',
      'birthDate',
      'address',
      'dueDate',
    ]);
    expect(() => readNotificationFile(Buffer.from('<電子申請一覧/>'), 'xml')).toThrow(
      'ルート要素は <妊娠届一覧> です',
    );
  });
});
