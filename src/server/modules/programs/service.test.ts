import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, auditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { reservationsService } from '../../platform/reservations/index.ts';
import { freshDatabase } from '../../test/database.ts';
import { settingsService } from '../settings/service.ts';
import { nationalDefault, nationalDefaults } from './defaults.ts';
import { demoInstitutions, demoVenues, seedProgramsDemo } from './demo.ts';
import { type ProgramsService, programsService } from './service.ts';
import { carryOver, resetRules } from './settings-changes.ts';
import { programCodes } from './types.ts';

const actor: Actor = { userId: null, loginId: 'test', roleCode: 'admin' };

/** The AppError `fn` throws (fails the test when it does not throw one). */
async function appError(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const fieldMessages = (e: AppError) =>
  Object.fromEntries(
    ((e.details as { fields: { path: string; message: string }[] }).fields ?? []).map((f) => [
      f.path,
      f.message,
    ]),
  );

describe(`programs service (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let programs: ProgramsService;
  let audit: ReturnType<typeof auditService>;

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
    audit = auditService(database.db);
    programs = programsService({
      db: database.db,
      audit,
      reservations: reservationsService({
        database,
        audit,
        sender: () => settingsService(database.db).sender(),
      }),
    });
  });
  afterAll(() => drop());

  describe('program settings per 年度', () => {
    it('creates the 指針 defaults for a first 年度, in master order, once', async () => {
      expect(await programs.hasYear(2024)).toBe(false);
      const rows = await programs.forYear(2024);
      expect(rows.map((r) => r.code)).toEqual([...programCodes]);
      expect(rows.map((r) => r.settings)).toEqual(nationalDefaults());
      expect(rows.every((r) => r.version === 1)).toBe(true);
      // idempotent and race-safe
      const again = await Promise.all([programs.forYear(2024), programs.forYear(2024)]);
      expect(again[0].map((r) => r.id)).toEqual(rows.map((r) => r.id));
      const [count] = await database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM program_settings WHERE fiscal_year = 2024',
      );
      expect(count?.n).toBe(9);
    });

    it('updates with the version, audits, and refuses a stale version with the current row', async () => {
      const row = await programs.get(2024, 'stomach');
      const settings = {
        ...row.settings,
        fees: { ...row.settings.fees, amounts: { xray: 1000, endoscopy: 3000 } },
        periodStart: '2024-06-01',
        periodEnd: '2025-02-28',
      };
      const saved = await programs.update(actor, 2024, 'stomach', settings, row.version);
      expect(saved.version).toBe(row.version + 1);
      expect(saved.settings.fees.amounts).toEqual({ xray: 1000, endoscopy: 3000 });

      const e = await appError(() => programs.update(actor, 2024, 'stomach', settings, row.version));
      expect(e.status).toBe(409);
      expect(e.code).toBe('VERSION_CONFLICT');
      expect((e.details as { current: { version: number } }).current.version).toBe(saved.version);

      const [entry] = await audit.list({ action: 'admin', limit: 1 });
      expect(entry?.summary).toBe('事業マスタの変更 令和6年度 胃がん検診');
      expect((entry!.detail as { changed: string[] }).changed).toEqual(['fees', 'periodStart', 'periodEnd']);
    });

    it('validates with the 年度 and says what to fix', async () => {
      const row = await programs.get(2024, 'lung');
      const e = await appError(() =>
        programs.update(
          actor,
          2024,
          'lung',
          { ...row.settings, ageMax: 30, periodStart: '2026-06-01' },
          row.version,
        ),
      );
      expect(e.status).toBe(400);
      expect(e.code).toBe('VALIDATION');
      expect(fieldMessages(e)).toEqual({
        ageMax: '対象年齢の上限は下限（40歳）以上にしてください（上限なしは空欄）。',
        periodStart: '受診期間は令和6年度（令和6年4月1日〜令和7年3月31日）の中で指定してください。',
      });
      const wrongCode = await appError(() =>
        programs.update(actor, 2024, 'lung', nationalDefault('breast'), row.version),
      );
      expect(fieldMessages(wrongCode).code).toContain('事業コードが画面の事業と一致しません');
    });

    it('creates a new 年度 from the previous one (受診期間 moved by a year, 2月末 kept)', async () => {
      const rows = await programs.forYear(2025);
      const stomach = rows.find((r) => r.code === 'stomach')!;
      expect(stomach.version).toBe(1);
      expect(stomach.settings.fees.amounts).toEqual({ xray: 1000, endoscopy: 3000 });
      expect(stomach.settings.periodStart).toBe('2025-06-01');
      expect(stomach.settings.periodEnd).toBe('2026-02-28');
      // 2027-02-28 → 2028-02-29 (leap year: still 2月末)
      expect(carryOver({ ...stomach.settings, periodEnd: '2027-02-28' }).periodEnd).toBe('2028-02-29');
      expect(carryOver({ ...stomach.settings, periodEnd: '2028-02-29' }).periodEnd).toBe('2029-02-28');
    });

    it('copies the previous 年度 over this one (audited), and refuses when there is none', async () => {
      const lung = await programs.get(2025, 'lung');
      await programs.update(
        actor,
        2025,
        'lung',
        { ...lung.settings, fees: { ...lung.settings.fees, amounts: { xray: 300 } } },
        lung.version,
      );
      const stomach2024 = await programs.get(2024, 'stomach');
      await programs.update(
        actor,
        2024,
        'stomach',
        { ...stomach2024.settings, fees: { ...stomach2024.settings.fees, amounts: { xray: 1200 } } },
        stomach2024.version,
      );
      const copied = await programs.copyFromPreviousYear(actor, 2025);
      const byCode = Object.fromEntries(copied.map((r) => [r.code, r]));
      expect(byCode.stomach!.settings.fees.amounts).toEqual({ xray: 1200 });
      expect(byCode.lung!.settings.fees.amounts).toEqual({});
      expect(byCode.lung!.version).toBe(lung.version + 2);
      const [entry] = await audit.list({ action: 'admin', limit: 1 });
      expect(entry?.summary).toBe('事業マスタ 令和7年度に令和6年度の設定をコピー');

      const e = await appError(() => programs.copyFromPreviousYear(actor, 2024));
      expect(e.code).toBe('NO_PREVIOUS_YEAR');
      expect(e.message).toBe(
        '令和5年度の事業マスタがないため、コピーできません。この年度の設定を直接入力してください。',
      );
    });

    it('resets the 指針 rules and keeps the city’s fees, delivery, period and notice', async () => {
      const row = await programs.get(2025, 'stomach');
      const edited = {
        ...row.settings,
        ageMin: 40,
        interval: { kind: 'interval' as const, years: 1 },
        notice: '朝食を抜いてください。',
      };
      const saved = await programs.update(actor, 2025, 'stomach', edited, row.version);
      const reset = await programs.resetToNational(actor, 2025, 'stomach', saved.version);
      expect(reset.settings).toEqual({
        ...nationalDefault('stomach'),
        fees: edited.fees,
        notice: '朝食を抜いてください。',
        periodStart: edited.periodStart,
        periodEnd: edited.periodEnd,
      });
      expect(
        resetRules({ ...edited, fees: { ...edited.fees, amounts: { mri: 1, xray: 2 } } }).fees.amounts,
      ).toEqual({ xray: 2 });
      const stale = await appError(() => programs.resetToNational(actor, 2025, 'stomach', saved.version));
      expect(stale.code).toBe('VERSION_CONFLICT');
    });
  });

  describe('会場・医療機関', () => {
    it('creates, searches (code / name / kana), updates and deactivates venues', async () => {
      const v = await programs.venues.create(actor, {
        code: 'v10',
        name: '東部会館',
        nameKana: 'とうぶかいかん',
        postalCode: '123-4506',
      });
      expect(v).toMatchObject({
        code: 'V10',
        nameKana: 'トウブカイカン',
        postalCode: '1234506',
        active: true,
      });
      expect((await programs.venues.list({ q: 'ﾄｳﾌﾞ' })).map((x) => x.id)).toEqual([v.id]);
      expect((await programs.venues.list({ q: '東部' })).map((x) => x.id)).toEqual([v.id]);
      expect((await programs.venues.list({ q: 'v10' })).map((x) => x.id)).toEqual([v.id]);
      expect(await programs.venues.list({ q: '北部' })).toEqual([]);

      const dup = await appError(() => programs.venues.create(actor, { code: 'V10', name: '別の会場' }));
      expect(fieldMessages(dup).code).toBe('会場コード「V10」は既に使われています。');
      const bad = await appError(() =>
        programs.venues.create(actor, { code: 'V11', name: 'X', postalCode: '12345' }),
      );
      expect(fieldMessages(bad).postalCode).toBe('郵便番号は7桁の数字です（例: 123-4567）。');

      const off = await programs.venues.update(actor, v.id, v.version, { ...v, active: false });
      expect(off).toMatchObject({ active: false, version: v.version + 1 });
      expect(await programs.venues.list({ q: '東部' })).toEqual([]);
      expect((await programs.venues.list({ q: '東部', active: 'false' })).length).toBe(1);
      const stale = await appError(() => programs.venues.update(actor, v.id, v.version, v));
      expect(stale.code).toBe('VERSION_CONFLICT');
      expect((stale.details as { current: { active: boolean } }).current.active).toBe(false);
    });

    it('checks 医療機関コード and filters institutions by program', async () => {
      const bad = await appError(() =>
        programs.institutions.create(actor, { code: '123456789', name: 'すこやか医院' }),
      );
      expect(fieldMessages(bad).code).toContain('医療機関コードは10桁の数字です');
      const i = await programs.institutions.create(actor, {
        code: '9910199999',
        name: 'テスト内科',
        nameKana: 'テストナイカ',
        programs: ['lung', 'stomach'],
      });
      expect(i.programs).toEqual(['stomach', 'lung']);
      expect((await programs.institutions.list({ program: 'lung' })).map((x) => x.code)).toEqual([
        '9910199999',
      ]);
      expect(await programs.institutions.list({ program: 'breast' })).toEqual([]);
      const dup = await appError(() =>
        programs.institutions.create(actor, { code: '9910199999', name: 'もう一つ' }),
      );
      expect(fieldMessages(dup).code).toBe(
        '医療機関コード「9910199999」は既に「テスト内科」で使われています。',
      );
      const updated = await programs.institutions.update(actor, i.id, i.version, {
        ...i,
        phone: '012-345-0000',
      });
      expect(updated.phone).toBe('012-345-0000');
    });
  });

  describe('集団検診日程', () => {
    let venueId: number;
    beforeAll(async () => {
      venueId = (await programs.venues.create(actor, { code: 'S01', name: '日程テスト会場' })).id;
      const stomach = await programs.get(2026, 'stomach');
      await programs.update(
        actor,
        2026,
        'stomach',
        { ...stomach.settings, delivery: 'both' },
        stomach.version,
      );
    });

    const input = (v: object = {}) => ({
      fiscalYear: 2026,
      programs: ['stomach'],
      venueId,
      sessionDate: '2026-06-10',
      startTime: '09:00',
      endTime: '11:30',
      capacity: 40,
      ...v,
    });

    it('accepts a session of a group-capable program inside the 年度', async () => {
      const s = await programs.sessions.create(actor, input({ note: '受付 8:45〜' }));
      expect(s).toMatchObject({
        venueName: '日程テスト会場',
        programs: ['stomach'],
        capacity: 40,
        version: 1,
      });
      expect((await programs.sessionsFor(2026, 'stomach')).map((x) => x.id)).toEqual([s.id]);
      expect(await programs.sessionsFor(2026, 'lung')).toEqual([]);
      expect(await programs.sessionsFor(2025)).toEqual([]);
    });

    it('refuses a date outside the 年度, an individual-only program, an unknown venue', async () => {
      const e = await appError(() =>
        programs.sessions.create(
          actor,
          input({ sessionDate: '2027-04-01', programs: ['stomach', 'colorectal'], venueId: 999_999 }),
        ),
      );
      expect(fieldMessages(e)).toEqual({
        sessionDate: '実施日は令和8年度（2026-04-01〜2027-03-31）の中の日付にしてください。',
        venueId: '会場が見つかりません。一覧から選んでください。',
        programs:
          '大腸がん検診は令和8年度の実施方法が「個別」のため、集団検診の日程に入れられません。事業マスタで実施方法を「集団」か「個別・集団」にしてください。',
      });
      const notRun = await appError(() =>
        programs.sessions.create(actor, input({ programs: ['health_checkup'] })),
      );
      expect(fieldMessages(notRun).programs).toContain('健康診査は令和8年度に実施しない設定です');
      const times = await appError(() => programs.sessions.create(actor, input({ endTime: '08:00' })));
      expect(fieldMessages(times).endTime).toBe('終了時刻は開始時刻より後にしてください。');
    });

    it('keeps program settings consistent with the sessions', async () => {
      const stomach = await programs.get(2026, 'stomach');
      const e = await appError(() =>
        programs.update(
          actor,
          2026,
          'stomach',
          { ...stomach.settings, delivery: 'individual' },
          stomach.version,
        ),
      );
      expect(fieldMessages(e).delivery).toContain('胃がん検診の集団検診日程が1件あるため');
    });

    it('updates with the version and deletes only unbooked sessions', async () => {
      const [s] = await programs.sessionsFor(2026, 'stomach');
      const moved = await programs.sessions.update(actor, s!.id, s!.version, input({ capacity: 50 }));
      expect(moved).toMatchObject({ capacity: 50, version: 2 });
      const stale = await appError(() => programs.sessions.update(actor, s!.id, 1, input()));
      expect(stale.code).toBe('VERSION_CONFLICT');

      await database.query(
        `INSERT INTO bookings (session_id, resident_id, status, source) VALUES ($1, 1, 'booked', 'counter')`,
        [s!.id],
      );
      const booked = await appError(() => programs.sessions.remove(actor, s!.id, moved.version));
      expect(booked.code).toBe('IN_USE');
      expect(booked.message).toContain('この日程には予約が1件あるため削除できません');
      await database.query('DELETE FROM bookings');
      await programs.sessions.remove(actor, s!.id, moved.version);
      expect(await programs.sessionsFor(2026)).toEqual([]);
    });

    it('refuses to deactivate a venue with sessions ahead', async () => {
      const far = await programs.sessions
        .create(actor, input({ fiscalYear: 2099, sessionDate: '2099-06-10', programs: ['stomach'] }))
        .catch((e: AppError) => e);
      // 2099 has no group-capable stomach yet: make it so, then add the session
      expect(far).toBeInstanceOf(AppError);
      const st = await programs.get(2099, 'stomach');
      await programs.update(actor, 2099, 'stomach', { ...st.settings, delivery: 'group' }, st.version);
      await programs.sessions.create(actor, input({ fiscalYear: 2099, sessionDate: '2099-06-10' }));
      const venue = await programs.venues.get(venueId);
      const e = await appError(() =>
        programs.venues.update(actor, venueId, venue.version, { ...venue, active: false }),
      );
      expect(fieldMessages(e).active).toBe(
        'この会場では今日以降に集団検診日程が1件あります。無効にする前に、日程の会場を変更してください。',
      );
    });
  });

  describe('demo', () => {
    it('seeds the demo city idempotently', async () => {
      const first = await seedProgramsDemo({ programs }, 2030);
      expect(first).toMatchObject({ programs: 9, venues: 3, institutions: demoInstitutions.length });
      expect(first.sessions).toBeGreaterThanOrEqual(10);
      const second = await seedProgramsDemo({ programs }, 2030);
      expect(second).toEqual({ programs: 0, venues: 0, institutions: 0, sessions: 0 });
      const stomach = await programs.get(2030, 'stomach');
      expect(stomach.settings).toMatchObject({
        delivery: 'both',
        periodStart: '2030-06-01',
        periodEnd: '2031-02-28',
        fees: { amounts: { xray: 1000, endoscopy: 3000 } },
      });
      const sessions = await programs.sessionsFor(2030);
      expect(new Set(sessions.map((s) => s.venueCode))).toEqual(new Set(demoVenues.map((v) => v.code)));
      expect(sessions.every((s) => s.programs.every((p) => ['stomach', 'lung', 'breast'].includes(p)))).toBe(
        true,
      );
    });
  });
});
