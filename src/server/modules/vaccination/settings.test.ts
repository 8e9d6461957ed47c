import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { masterOf } from './settings.ts';
import { vaccineMaster } from './vaccine-master.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'admin' } as const;

describe(`予防接種の自治体設定 (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
  });
  afterAll(async () => drop());

  it('starts at the national defaults', async () => {
    const got = await s.vaccination.settings.get();
    expect(got).toMatchObject({ monthEndRule: 'mhlw', seasons: {}, version: 1 });
    expect(got.yearly.map((y: { code: string }) => y.code)).toEqual(['FLU_ELD', 'COVID']);
    expect(await masterOf(s.database)).toBe(vaccineMaster);
  });

  it('changes at the version read; the engine’s master follows; audited', async () => {
    const saved = await s.vaccination.settings.update(actor, {
      monthEndRule: 'month-end',
      seasons: { FLU_ELD: { from: ' 10-15', to: '02-28 ' } },
      version: 1,
    });
    expect(saved).toMatchObject({
      monthEndRule: 'month-end',
      seasons: { FLU_ELD: { from: '10-15', to: '02-28' } },
      version: 2,
    });
    const master = await masterOf(s.database);
    expect(master.monthEndRule).toBe('month-end');
    expect(master.vaccines.find((v) => v.code === 'FLU_ELD')?.yearly).toMatchObject({
      seasonFrom: '10-15',
      seasonTo: '02-28',
    });
    const [a] = await s.database.query<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE screen = '予防接種 自治体設定'`,
    );
    expect(a?.summary).toContain('予防接種の自治体設定を変更');
  });

  it('the person’s schedule and the record check follow the setting (§1.2 month-end: 11/30 + 3月 → 2/28)', async () => {
    const ids = await addResidents(s, [
      { atenaNo: '0000000851', name: '設定 一郎', birthDate: '2024-10-15', sex: '1' },
    ]);
    const child = ids.get('0000000851')!;
    await s.vaccination.records.save(actor, child, {
      vaccine: 'VAR',
      dose: '',
      vaccinatedOn: '2025-11-30',
      product: '',
      lot: '',
      institutionId: null,
      institutionName: '',
      doctor: '',
      formNo: '',
      source: 'manual',
      note: '',
      id: null,
      version: null,
    });
    const view = await s.vaccination.records.view(actor, child, '2025-12-10');
    expect(view.schedule.find((r) => r.vaccine === 'VAR' && r.dose === '2回目')?.earliest).toBe('2026-02-28');
  });

  it('a stale version is a conflict; a bad season says what to fix', async () => {
    await expect(
      s.vaccination.settings.update(actor, { monthEndRule: 'mhlw', seasons: {}, version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      s.vaccination.settings.update(actor, {
        monthEndRule: 'mhlw',
        seasons: { COVID: { from: '03-01', to: '10-01' } },
        version: 2,
      }),
    ).rejects.toThrow(/年度（4月〜3月）の中で選んでください/);
  });
});
