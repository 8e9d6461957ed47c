import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addDays, today } from '../../platform/calendar/index.ts';
import type { ZApp } from '../../platform/http/app.ts';
import { freshServices } from '../../test/database.ts';
import { type Caller, routesApp, signedIn } from '../../test/http.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { registerMunicipalVaccineRoutes } from './municipal-routes.ts';
import type { SaveRecordInput } from './records.ts';
import { registerVaccinationRecordRoutes } from './records-routes.ts';

const admin = { userId: null, loginId: 'admin', roleCode: 'admin' } as const;
const nurse = { userId: null, loginId: 'nurse', roleCode: 'nurse' } as const;

/** おたふくかぜ 1歳から3歳に至るまで 1回 3,000円 (as an administrator types it: text numbers, 和暦). */
const mumps = (over: Record<string, unknown> = {}) => ({
  code: 'mumps',
  name: 'おたふくかぜ',
  kind: 'INJ_LIVE',
  ageFromUnit: 'years',
  ageFromValue: '1',
  ageToUnit: 'years',
  ageToValue: '3',
  sex: null,
  doses: '1',
  minIntervalDays: '0',
  subsidyYen: '3,000',
  validFrom: 'R2.4.1',
  validTo: null,
  note: '',
  ...over,
});

const record = (over: Partial<SaveRecordInput>): SaveRecordInput => ({
  vaccine: 'MUMPS',
  dose: '',
  vaccinatedOn: today(),
  product: '',
  lot: '',
  institutionId: null,
  institutionName: 'すこやか小児科',
  doctor: '',
  formNo: '',
  source: 'manual',
  note: '',
  id: null,
  version: null,
  ...over,
});

describe('市町村独自の予防接種 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let child: number;
  const born = addDays(today(), -800); // about 2 years 2 months old

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000000801', name: '独自 花子', birthDate: born, sex: '2' },
    ]);
    child = ids.get('0000000801')!;
  });
  afterAll(async () => drop());

  it.each([
    [
      { code: 'm' },
      'code',
      'コードは半角の英大文字・数字・_（アンダーバー）で2〜20文字にしてください（例: MUMPS）。',
    ],
    [
      { code: 'MUMPS-1' },
      'code',
      'コードは半角の英大文字・数字・_（アンダーバー）で2〜20文字にしてください（例: MUMPS）。',
    ],
    [
      { code: 'mr1' },
      'code',
      'このコードは定期接種のワクチンのコードです。別のコードにしてください（例: MUMPS）。',
    ],
    [{ name: ' ' }, 'name', '名称を入力してください（例: おたふくかぜ）。'],
    [
      { ageToValue: '12', ageToUnit: 'months' },
      'ageToValue',
      '対象年齢の「まで」は「から」より後にしてください（例: 1歳から3歳に至るまで）。',
    ],
    [{ doses: '0' }, 'doses', '助成回数は1〜10回で入力してください。'],
    [{ doses: '11' }, 'doses', '助成回数は1〜10回で入力してください。'],
    [
      { minIntervalDays: '3651' },
      'minIntervalDays',
      '接種間隔は0〜3650日で入力してください（間隔の定めがなければ0）。',
    ],
    [
      { subsidyYen: '-1' },
      'subsidyYen',
      '助成額は0円以上の整数で入力してください（全額助成・定額なしは0）。',
    ],
    [{ validFrom: '' }, 'validFrom', '助成の開始日を入力してください（例: R8.4.1）。'],
    [
      { validTo: 'R2.3.31' },
      'validTo',
      '助成の終了日は開始日と同じか後の日にしてください（終わりが決まっていなければ空欄）。',
    ],
  ])('refuses %j: %s — %s', async (over, path, message) => {
    await expect(s.vaccination.municipal.create(admin, mumps(over))).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION',
      details: { fields: expect.arrayContaining([{ path, message }]) },
    });
  });

  it('creates (normalised, audited), refuses a taken code, edits at the version and refuses a stale one', async () => {
    const row = await s.vaccination.municipal.create(admin, mumps());
    expect(row).toMatchObject({
      code: 'MUMPS',
      ageFromValue: 1,
      ageToValue: 3,
      subsidyYen: 3000,
      validFrom: '2020-04-01',
      validTo: null,
      active: true,
      version: 1,
    });
    await expect(s.vaccination.municipal.create(admin, mumps({ name: '別' }))).rejects.toMatchObject({
      details: {
        fields: [
          {
            path: 'code',
            message: 'コード「MUMPS」は既に「おたふくかぜ」で使われています。別のコードにしてください。',
          },
        ],
      },
    });
    const edited = await s.vaccination.municipal.update(admin, row.id, 1, mumps({ subsidyYen: '4000' }));
    expect(edited).toMatchObject({ subsidyYen: 4000, version: 2 });
    await expect(s.vaccination.municipal.update(admin, row.id, 1, mumps())).rejects.toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
      details: { current: expect.objectContaining({ version: 2, subsidyYen: 4000 }) },
    });
    const audits = await s.database.query<{ action: string; summary: string }>(
      `SELECT action, summary FROM audit_log WHERE screen = '事業マスタ 市町村独自の予防接種' ORDER BY id`,
    );
    expect(audits).toEqual([
      { action: 'admin', summary: '市町村独自の予防接種の登録 MUMPS おたふくかぜ（1歳から3歳に至るまで）' },
      { action: 'admin', summary: '市町村独自の予防接種の変更 MUMPS おたふくかぜ（1歳から3歳に至るまで）' },
    ]);
  });

  it('shows the rows in the person view and saves a record of the code with its check', async () => {
    const view = await s.vaccination.records.view(nurse, child);
    expect(view.municipalVaccines.map((d) => d.code)).toEqual(['MUMPS']);
    expect(view.municipalSchedule).toEqual([
      expect.objectContaining({
        vaccine: 'MUMPS',
        municipal: true,
        dose: '1回目',
        status: 'due',
        subsidyYen: 4000,
      }),
    ]);
    expect(view.schedule.every((r) => r.vaccine !== ('MUMPS' as never))).toBe(true);

    const { record: saved, check } = await s.vaccination.records.save(nurse, child, record({}));
    expect(check).toEqual({ dose: '1回目', routine: false, subsidised: true, issues: [] });
    expect(saved).toMatchObject({ vaccine: 'MUMPS', dose: '1回目', routine: false, issues: [] });
    const second = await s.vaccination.records.save(nurse, child, record({ dose: '' }));
    expect(second.check.issues.map((i) => i.code)).toEqual(['doses_exceeded']);
    expect(second.record).toMatchObject({ routine: false, dose: '' });
    const after = await s.vaccination.records.view(nurse, child);
    expect(after.municipalSchedule[0]).toMatchObject({ status: 'completed', givenOn: today() });
    await expect(s.vaccination.records.save(nurse, child, record({ dose: '3回目' }))).rejects.toMatchObject({
      status: 400,
    });
  });

  it('refuses a code in use to be renamed; retires (kept, no longer offered); records stay', async () => {
    const [row] = await s.vaccination.municipal.list();
    await expect(
      s.vaccination.municipal.update(admin, row!.id, row!.version, mumps({ code: 'OTAFUKU' })),
    ).rejects.toMatchObject({
      details: {
        fields: [{ path: 'code', message: expect.stringContaining('使われているため変更できません') }],
      },
    });
    await expect(s.vaccination.municipal.retire(admin, row!.id, row!.version - 1)).rejects.toMatchObject({
      status: 409,
    });
    const retired = await s.vaccination.municipal.retire(admin, row!.id, row!.version);
    expect(retired).toMatchObject({ active: false, version: row!.version + 1 });
    expect((await s.vaccination.municipal.list()).map((d) => [d.code, d.active])).toEqual([['MUMPS', false]]);
    const view = await s.vaccination.records.view(nurse, child);
    expect(view.municipalSchedule).toEqual([]);
    expect(view.municipalVaccines.map((d) => [d.code, d.active])).toEqual([['MUMPS', false]]);
    expect(view.records.filter((r) => r.vaccine === 'MUMPS')).toHaveLength(2);
    await expect(s.vaccination.records.save(nurse, child, record({}))).rejects.toMatchObject({
      status: 400,
      message:
        'おたふくかぜ（任意接種助成）は廃止されています。新しい記録は入力できません（管理者に確認してください）。',
    });
    const old = view.records.find((r) => r.vaccine === 'MUMPS')!;
    const corrected = await s.vaccination.records.save(
      nurse,
      child,
      record({ id: old.id, version: old.version, lot: 'X1' }),
    );
    expect(corrected.record.lot).toBe('X1');
  });
});

describe('市町村独自の予防接種 (routes)', () => {
  let app: ZApp;
  let drop: () => Promise<void>;
  const as: Record<string, Caller> = {};

  beforeAll(async () => {
    const f = await freshServices();
    drop = f.drop;
    app = await routesApp(f.services, (a) => {
      registerMunicipalVaccineRoutes(a, { municipal: f.services.vaccination.municipal });
      registerVaccinationRecordRoutes(a, { records: f.services.vaccination.records });
    });
    for (const role of ['admin', 'nurse', 'viewer'])
      as[role] = await signedIn(app, f.services, `u_${role}`, role);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const base = '/api/vaccination/municipal-vaccines';

  it('lets an administrator (programs.edit) change and list; vaccination staff only read', async () => {
    const created = await as.admin!({ method: 'POST', url: base, payload: mumps() });
    expect(created.statusCode).toBe(200);
    const id = created.json().municipalVaccine.id;
    expect((await as.nurse!({ method: 'POST', url: base, payload: mumps({ code: 'X2' }) })).statusCode).toBe(
      403,
    );
    expect((await as.viewer!({ url: base })).json().municipalVaccines).toHaveLength(1);
    expect((await as.admin!({ url: `${base}/manage` })).json().municipalVaccines).toHaveLength(1);
    expect((await as.admin!({ url: base })).statusCode).toBe(403);
    expect((await as.nurse!({ url: `${base}/manage` })).statusCode).toBe(403);

    const bad = await as.admin!({
      method: 'PUT',
      url: `${base}/${id}`,
      payload: { ...mumps({ doses: '0' }), version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('入力に誤りがあります: 助成回数は1〜10回で入力してください。');
    const ok = await as.admin!({
      method: 'PUT',
      url: `${base}/${id}`,
      payload: { ...mumps({ doses: '2' }), version: 1 },
    });
    expect(ok.json().municipalVaccine).toMatchObject({ doses: 2, version: 2 });
    const stale = await as.admin!({
      method: 'PUT',
      url: `${base}/${id}`,
      payload: { ...mumps(), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const retired = await as.admin!({ method: 'POST', url: `${base}/${id}/retire`, payload: { version: 2 } });
    expect(retired.json().municipalVaccine).toMatchObject({ active: false, version: 3 });
  });
});
