import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import {
  addDays,
  addMonthsClamped,
  fiscalYearOf,
  formatWareki,
  today,
} from '../../platform/calendar/index.ts';
import { appImports } from '../../platform/imports/testing.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { followUpsOf } from '../maternal/follow-ups.ts';
import { resultsImportKind } from './results-import.ts';
import { resultImportFields } from './results-import-row.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const day = today();
const on = (n: number) => addDays(day, -n);
const header = [
  '宛名番号',
  '健診の種類',
  '受診日',
  '実施形態',
  '医療機関',
  '受診票番号',
  '身長',
  '体重',
  '言語障害の有無',
  '言語障害の有無の所見',
  '言語障害の有無の判定',
  '歯数',
  'むし歯のリスク分類',
  '総合判定',
  '備考',
];
/** A 1歳6か月児健診 row: 個別 at すこやか小児科 unless changed. */
const row = (atena: string, date: string, more: Partial<Record<(typeof header)[number], string>> = {}) => {
  const v: Record<string, string> = {
    宛名番号: atena,
    健診の種類: '1歳6か月児健診',
    受診日: date,
    実施形態: '個別',
    医療機関: 'すこやか小児科',
    受診票番号: '',
    身長: '81.5',
    体重: '10.80',
    言語障害の有無: 'なし',
    言語障害の有無の所見: '',
    言語障害の有無の判定: '',
    歯数: '16',
    むし歯のリスク分類: 'O1',
    総合判定: '異常なし',
    備考: '',
    ...more,
  };
  return header.map((h) => v[h]).join(',');
};

describe(`乳幼児健診の結果の取込 (infant.results, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  let settingId = 0;
  let ids: Map<string, number>;
  const io = () => appImports(s, resultsImportKind);
  const upload = (lines: string[]) =>
    io().upload(
      settingId,
      undefined,
      `${header.join(',')}\r\n${lines.join('\r\n')}\r\n`,
      '乳幼児健診結果.csv',
    );
  const messages = async (runId: number) =>
    (await io().rows(runId, 'error')).rows.map((r) =>
      (r.errors ?? []).map((e) => e.message.replace(/^\d+行目[^:]*: /, '')).join(' '),
    );

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000007401', name: '取込 一郎', birthDate: addMonthsClamped(day, -19), sex: '1' },
      { atenaNo: '0000007402', name: '取込 二葉', birthDate: addMonthsClamped(day, -20), sex: '2' },
      { atenaNo: '0000007403', name: '取込 三太', birthDate: addMonthsClamped(day, -19), sex: '1' },
      { atenaNo: '0000007404', name: '集団 四郎', birthDate: addMonthsClamped(day, -19), sex: '1' },
      { atenaNo: '0000007405', name: '集団 五月', birthDate: addMonthsClamped(day, -19), sex: '2' },
    ]);
    const mapping = header.map((column) => ({
      column,
      field: resultImportFields.find((f) => f.label === column)!.key,
    }));
    const setting = await s.imports.createSetting(
      actor,
      resultsImportKind,
      { name: '標準', format: 'csv', encoding: 'auto', hasHeader: true, recordElement: null, mapping },
      'test',
    );
    settingId = setting.id;
    s.reservations.registerPurpose({ code: 'infant.checkup', label: '乳幼児健診' });
    const [v] = await s.database.query<{ id: number }>(
      `INSERT INTO venues (code, name) VALUES ('I7', '保健センター') RETURNING id`,
    );
    const session = await s.reservations.sessions.create(actor, {
      purpose: 'infant.checkup',
      fiscalYear: fiscalYearOf(day),
      programs: ['y1h'],
      venueId: Number(v!.id),
      sessionDate: day,
      cutoffDate: day,
      startTime: '13:00',
      endTime: '15:00',
      capacity: 10,
    });
    await s.reservations.book(actor, {
      sessionId: session.id,
      residentId: ids.get('0000007404')!,
      source: 'counter',
    });
  }, 60_000);
  afterAll(() => drop());

  const lines = () => [
    row('0000007401', formatWareki(on(5)), { 受診票番号: 'T-01' }),
    row('0000007402', on(3), {
      言語障害の有無: 'あり',
      言語障害の有無の所見: '二語文なし',
      言語障害の有無の判定: '要観察',
      総合判定: '要観察',
    }),
    row('0000009999', on(3)),
    row('0000007403', addDays(day, 1)),
    row('0000007403', on(2), { 身長: '300' }),
    row('0000007403', on(2), { 健診の種類: '2歳児健診' }),
    row('0000007404', day, { 実施形態: '集団', 医療機関: '' }),
    row('0000007405', day, { 実施形態: '集団', 医療機関: '' }),
  ];

  it('imports the good rows through the entry path, explains the bad ones; re-importing changes nothing', async () => {
    const run = await upload(lines());
    expect(run.counts).toMatchObject({ new: 3, update: 0, unchanged: 0, error: 5 });
    expect(await messages(run.id)).toEqual([
      expect.stringMatching(/^宛名番号 0000009999 の児が見つかりません。/),
      '受診日が未来の日付です。',
      '身長「300」は 70〜95cm の小数第1位までで入れてください。',
      expect.stringMatching(/^健診の種類「2歳児健診」は読めません。/),
      expect.stringMatching(/集団 五月さんはこの日程に予約されていません。/),
    ]);
    const errors = (await io().rows(run.id, 'error')).rows.map((r) => r.errors?.[0]?.column);
    expect(errors).toEqual(['宛名番号', '受診日', '身長', '健診の種類', '宛名番号']);
    const done = await io().commit(run.id, true);
    expect(done.status).toBe('committed');

    const stored = await s.database.query<{ atena: string; mode: string; source: string; ticket: string }>(
      `SELECT r.atena_no AS atena, c.mode, c.source, c.ticket_no AS ticket, c.session_id IS NOT NULL AS "inSession"
       FROM infant_checkup_results c JOIN residents r ON r.id = c.child_resident_id ORDER BY r.atena_no`,
    );
    expect(stored).toEqual([
      { atena: '0000007401', mode: 'individual', source: 'import', ticket: 'T-01', inSession: false },
      { atena: '0000007402', mode: 'individual', source: 'import', ticket: '', inSession: false },
      { atena: '0000007404', mode: 'group', source: 'import', ticket: '', inSession: true },
    ]);
    const follow = await followUpsOf(s.database, [ids.get('0000007402')!]);
    expect(follow.map((f) => [f.source, f.reasons])).toEqual([
      ['infant_checkup', ['1歳6か月児健康診査 要観察（言語障害の有無）']],
    ]);

    const again = await upload(lines());
    expect(again.counts).toMatchObject({ new: 0, update: 0, unchanged: 3, error: 5 });
    await io().commit(again.id, true);
    expect(await followUpsOf(s.database, [ids.get('0000007402')!])).toHaveLength(1);
  });

  it('a changed value is an update with its changes, a warning over a manual correction; another 受診日 is an error', async () => {
    const b = ids.get('0000007402')!;
    const [stored] = await s.database.query<{ id: number; version: number }>(
      'SELECT id, version FROM infant_checkup_results WHERE child_resident_id = $1',
      [b],
    );
    await s.infantResults.results.save(actor, {
      childResidentId: b,
      checkup: 'y1h',
      mode: 'individual',
      sessionId: null,
      examinedOn: on(3),
      institutionName: 'すこやか小児科',
      ticketNo: '',
      measures: { heightCm: '81.5', weightKg: '10.90' },
      findings: { language: { finding: 'present', note: '二語文なし', judgement: 'observe' } },
      dental: { teeth: '16', riskType: 'O1' },
      judgement: 'observe',
      note: '',
      resultId: Number(stored!.id),
      version: stored!.version,
    });
    const run = await upload([
      row('0000007401', on(5), { 受診票番号: 'T-01', 体重: '11.00' }),
      lines()[1]!,
      row('0000007404', on(1), { 実施形態: '集団', 医療機関: '' }),
    ]);
    expect(run.counts).toMatchObject({ update: 2, error: 1 });
    const updates = (await io().rows(run.id, 'update')).rows;
    expect(updates.map((u) => [u.changes, u.warning ?? null])).toEqual([
      [[{ field: 'measures.weightKg', label: '体重', before: '10.8', after: '11' }], null],
      [
        [{ field: 'measures.weightKg', label: '体重', before: '10.9', after: '10.8' }],
        '手入力で登録・修正された結果を上書きします（体重）。',
      ],
    ]);
    expect(await messages(run.id)).toEqual([
      `集団 四郎さんの1歳6か月児健康診査の結果は${formatWareki(day)}受診分が登録済みです。受診日を確かめてください（その結果を直すときは結果入力の画面で修正します）。`,
    ]);
    await io().commit(run.id, true);
    const [w] = await s.database.query<{ weight: string; source: string }>(
      `SELECT items->'measures'->>'weightKg' AS weight, source FROM infant_checkup_results
       WHERE child_resident_id = $1`,
      [ids.get('0000007401')!],
    );
    expect(w).toEqual({ weight: '11', source: 'import' });
  });

  it('a file without a column keeps the stored values of the same visit', async () => {
    const columns = ['宛名番号', '健診の種類', '受診日', '備考'];
    const few = await s.imports.createSetting(
      actor,
      resultsImportKind,
      {
        name: '備考だけ',
        format: 'csv',
        encoding: 'auto',
        hasHeader: true,
        recordElement: null,
        mapping: columns.map((column) => ({
          column,
          field: resultImportFields.find((f) => f.label === column)!.key,
        })),
      },
      'test',
    );
    const run = await io().upload(
      few.id,
      undefined,
      `${columns.join(',')}\r\n0000007401,y1h,${on(5)},次回 2歳で歯科\r\n`,
    );
    expect(run.counts).toMatchObject({ update: 1, error: 0 });
    const [u] = (await io().rows(run.id, 'update')).rows;
    expect(u!.changes).toEqual([{ field: 'note', label: '備考', before: '', after: '次回 2歳で歯科' }]);
  });

  it('要精密 warns that the referral is issued on the screen; a 総合判定 against the areas is an error', async () => {
    const run = await upload([
      row('0000007403', on(2), {
        言語障害の有無: 'あり',
        言語障害の有無の所見: '有意語なし',
        言語障害の有無の判定: '要精密',
        総合判定: '異常なし',
      }),
      row('0000007405', on(2), {
        言語障害の有無: 'あり',
        言語障害の有無の所見: '有意語なし',
        言語障害の有無の判定: '要精密',
        総合判定: '要精密',
      }),
    ]);
    expect(run.counts).toMatchObject({ new: 1, error: 1 });
    expect(await messages(run.id)).toEqual([
      '要精密の項目（言語障害の有無）があります。総合判定を要精密にしてください。',
    ]);
    const [n] = (await io().rows(run.id, 'new')).rows;
    expect(n!.warning).toMatch(
      /^要精密の項目（言語障害の有無）があります。精密健診依頼書は「個別健診」で児を開き/,
    );
    await io().commit(run.id, true);
    const follow = await followUpsOf(s.database, [ids.get('0000007405')!]);
    expect(follow.map((f) => f.reasons)).toEqual([['1歳6か月児健康診査 要精密（言語障害の有無）']]);
  });
});
