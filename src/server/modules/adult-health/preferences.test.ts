import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { programFromText } from './preferences.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const fy = 2026;

describe('programFromText (希望検診 as written on forms and files)', () => {
  it.each([
    ['stomach', 'stomach'],
    ['胃がん検診', 'stomach'],
    ['胃がん', 'stomach'],
    ['胃', 'stomach'],
    ['大腸がん', 'colorectal'],
    ['子宮頸がん検診', 'cervical'],
    ['骨粗鬆症検診', 'osteoporosis'],
    ['健康診査', 'health_checkup'],
    ['脳ドック', null],
  ])('%s → %s', (text, code) => expect(programFromText(text)).toBe(code));
});

describe('受診希望 (F02-01 step 7)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;
  let sessionId: number;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000000011', name: '希望 一郎', birthDate: '1960-05-01', sex: '1' },
      { atenaNo: '0000000012', name: '希望 花子', birthDate: '1970-05-01', sex: '2' },
    ]);
    const [venue] = await s.database.query<{ id: number }>(
      `INSERT INTO venues (code, name) VALUES ('V1', '北部公民館') RETURNING id`,
    );
    const [session] = await s.database.query<{ id: number }>(
      `INSERT INTO reservation_sessions (fiscal_year, programs, venue_id, session_date, start_time, end_time, capacity)
       VALUES ($1, '{stomach,lung}', $2, '2026-07-10', '09:00', '11:00', 50) RETURNING id`,
      [fy, venue!.id],
    );
    sessionId = Number(session!.id);
  });
  afterAll(async () => drop());

  it('registers by hand; a second new answer for the same person is a conflict, an edit needs the version', async () => {
    const id = ids.get('0000000011')!;
    const v = {
      residentId: id,
      programs: ['stomach' as const],
      wantsGroup: true,
      sessionId,
      channel: 'phone' as const,
      answeredOn: '2026-06-10',
      note: '',
    };
    const first = await s.adult.preferences.register(actor, fy, v);
    await expect(s.adult.preferences.register(actor, fy, { ...v, programs: ['lung'] })).rejects.toMatchObject(
      {
        code: 'VERSION_CONFLICT',
        details: { current: { programs: ['stomach'], sessionId } },
      },
    );
    await s.adult.preferences.register(actor, fy, { ...v, programs: ['stomach', 'lung'] }, first.version);
    expect(await s.adult.preferences.get(actor, fy, id)).toMatchObject({
      programs: ['stomach', 'lung'],
      channel: 'phone',
    });
    await expect(
      s.adult.preferences.register(actor, fy, { ...v, programs: ['colorectal'], sessionId }),
    ).rejects.toThrow(/選んだ日程では希望の検診を行いません/);
  });

  it('imports Shift_JIS CSV row by row: dry run lists errors, commit saves the good rows', async () => {
    const csv = [
      '宛名番号,希望検診,集団検診日,受付方法,回答日',
      '0000000012,乳がん・大腸がん,,紙,R8.6.15',
      '9999999999,胃がん,,紙,',
      '0000000011,脳ドック,,,',
      '0000000011,胃がん,R8.7.11,,',
    ].join('\r\n');
    const file = iconv.encode(csv, 'cp932');
    const dry = await s.adult.preferences.importAnswers(actor, fy, file, { kind: 'csv', dryRun: true });
    expect(dry).toMatchObject({ total: 4, valid: 1, saved: 0 });
    expect(dry.errors.map((e) => [e.line, e.message])).toEqual([
      [3, '宛名番号 9999999999 の方が見つかりません。宛名番号を確かめてください。'],
      [
        4,
        '希望検診「脳ドック」が読めません。検診名（例: 胃がん検診）かコード（例: stomach）で書いてください。',
      ],
      [5, 'R8.7.11 に希望の検診を行う集団検診の日程がありません。'],
    ]);
    expect(await s.adult.preferences.get(actor, fy, ids.get('0000000012')!)).toBeNull();
    const done = await s.adult.preferences.importAnswers(actor, fy, file, { kind: 'csv', dryRun: false });
    expect(done.saved).toBe(1);
    expect(await s.adult.preferences.get(actor, fy, ids.get('0000000012')!)).toMatchObject({
      programs: ['breast', 'colorectal'],
      channel: 'paper',
      answeredOn: '2026-06-15',
    });
  });

  it('imports XML answers with a booked session', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<受診希望一覧><受診希望><宛名番号>0000000011</宛名番号><希望検診>胃がん検診</希望検診><希望検診>肺がん検診</希望検診>
<集団検診日>2026-07-10</集団検診日><受付方法>電子申請</受付方法><回答日>2026-06-20</回答日></受診希望></受診希望一覧>`;
    const r = await s.adult.preferences.importAnswers(actor, fy, Buffer.from(xml), {
      kind: 'xml',
      dryRun: false,
    });
    expect(r).toMatchObject({ total: 1, saved: 1, errors: [] });
    expect(await s.adult.preferences.get(actor, fy, ids.get('0000000011')!)).toMatchObject({
      programs: ['stomach', 'lung'],
      sessionId,
      channel: 'xml',
    });
  });

  it('imports 希望形態: 集団 without a date waits for 日程割当; 個別 with a date or an unknown word is wrong', async () => {
    const csv = [
      '宛名番号,希望検診,希望形態,集団検診日',
      '0000000012,乳がん・大腸がん,集団,',
      '0000000011,胃がん,個別,2026-07-10',
      '0000000011,胃がん,巡回,',
    ].join('\n');
    const r = await s.adult.preferences.importAnswers(actor, fy, Buffer.from(csv), {
      kind: 'csv',
      dryRun: false,
    });
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [3, '希望形態が「個別」ですが集団検診日が書かれています。どちらかを直してください。'],
      [4, '希望形態「巡回」が読めません（集団・個別）。'],
    ]);
    expect(await s.adult.preferences.get(actor, fy, ids.get('0000000012')!)).toMatchObject({
      programs: ['breast', 'colorectal'],
      wantsGroup: true,
      sessionId: null,
    });
    // the XML answer with a date above is 集団 by definition
    expect(await s.adult.preferences.get(actor, fy, ids.get('0000000011')!)).toMatchObject({
      wantsGroup: true,
      sessionId,
    });
  });

  it('refuses a booking beyond the session capacity (定員)', async () => {
    await s.database.query('UPDATE reservation_sessions SET capacity = 1 WHERE id = $1', [sessionId]);
    const v = {
      residentId: ids.get('0000000012')!,
      programs: ['stomach' as const],
      wantsGroup: true,
      sessionId,
      channel: 'phone' as const,
      answeredOn: '2026-06-10',
      note: '',
    };
    const current = await s.adult.preferences.get(actor, fy, v.residentId);
    await expect(s.adult.preferences.register(actor, fy, v, current!.version as number)).rejects.toThrow(
      /定員（1人）に達しています/,
    );
    await s.database.query('UPDATE reservation_sessions SET capacity = 50 WHERE id = $1', [sessionId]);
  });

  it('a preference list holds only those who answered, with only the programs they asked for', async () => {
    const list = await s.adult.lists.startExtraction(actor, {
      purpose: 'adult-health.preference',
      fiscalYear: fy,
      programs: ['stomach', 'colorectal', 'lung', 'breast', 'cervical'],
    });
    await s.jobs.runPending();
    const { rows } = await s.adult.lists.entries(actor, list.id, {}, { offset: 0, limit: 10 });
    expect(rows.map((r) => [r.atenaNo, r.programs])).toEqual([
      ['0000000011', ['stomach', 'lung']],
      ['0000000012', ['colorectal', 'breast']],
    ]);
  });
});
