import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addDays, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import type { SaveRecordInput } from './records.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'nurse' } as const;

/** A child born 2023-12-01 started ヒブ in 2024-02 (before 5種混合, 2024-04-01): the 4種混合+ヒブ route. */
const hib = (over: Partial<SaveRecordInput> = {}): SaveRecordInput => ({
  vaccine: 'HIB',
  dose: '',
  vaccinatedOn: '2024-02-05',
  product: '',
  lot: 'AB123',
  institutionId: null,
  institutionName: 'すこやか小児科',
  doctor: '健康 一郎',
  formNo: 'V-0001',
  source: 'manual',
  note: '',
  id: null,
  version: null,
  ...over,
});

describe('予防接種の記録 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let child: number;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000000701', name: '接種 太郎', birthDate: '2023-12-01', sex: '1' },
    ]);
    child = ids.get('0000000701')!;
  });
  afterAll(async () => drop());

  const audits = async () =>
    s.database.query<{ action: string; summary: string; resident_ids: number[] }>(
      `SELECT action, summary, resident_ids FROM audit_log WHERE screen = '予防接種 記録' ORDER BY id`,
    );

  it('saves a first dose: the engine names the dose, the record is routine, the schedule shows 接種済', async () => {
    const { record, check } = await s.vaccination.records.save(actor, child, hib());
    expect(check).toEqual({ dose: '初回1回目', routine: true, issues: [] });
    expect(record).toMatchObject({
      vaccine: 'HIB',
      dose: '初回1回目',
      vaccinatedOn: '2024-02-05',
      institutionName: 'すこやか小児科',
      formNo: 'V-0001',
      source: 'manual',
      routine: true,
      issues: [],
      version: 1,
    });
    const view = await s.vaccination.records.view(actor, child);
    expect(view.records).toHaveLength(1);
    expect(view.schedule.find((r) => r.vaccine === 'HIB' && r.dose === '初回1回目')).toMatchObject({
      status: 'completed',
      givenOn: '2024-02-05',
    });
    expect((await audits()).map((a) => [a.action, Number(a.resident_ids[0])])).toEqual([
      ['change', child],
      ['view', child],
    ]);
  });

  it('stores a second dose given too soon, with the interval warning (not refused)', async () => {
    const { record, check } = await s.vaccination.records.save(
      actor,
      child,
      hib({ vaccinatedOn: 'R6.2.20', formNo: 'V-0002', source: 'handbook' }),
    );
    expect(check.routine).toBe(false);
    expect(check.issues.map((i) => i.code)).toEqual(['interval_too_short']);
    expect(record).toMatchObject({
      dose: '初回2回目',
      vaccinatedOn: '2024-02-20',
      source: 'handbook',
      routine: false,
      issues: check.issues,
    });
    expect((await audits()).at(-1)?.summary).toContain('警告あり');
  });

  it('corrects a record at its version; a stale version is a 409 with the stored record', async () => {
    const view = await s.vaccination.records.view(actor, child);
    const second = view.records.find((r) => r.formNo === 'V-0002')!;
    const fixed = await s.vaccination.records.save(
      actor,
      child,
      hib({ vaccinatedOn: '2024-03-11', formNo: 'V-0002', id: second.id, version: second.version }),
    );
    expect(fixed.check).toEqual({ dose: '初回2回目', routine: true, issues: [] });
    expect(fixed.record).toMatchObject({ version: 2, routine: true, vaccinatedOn: '2024-03-11' });
    await expect(
      s.vaccination.records.save(actor, child, hib({ id: second.id, version: 1 })),
    ).rejects.toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
      details: { current: { id: second.id, version: 2 } },
    });
  });

  it('refuses impossible input with a Japanese message per field', async () => {
    const future = addDays(today(), 1);
    await expect(
      s.vaccination.records.save(actor, child, hib({ vaccinatedOn: future })),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        fields: [{ path: 'vaccinatedOn', message: '接種日が今日より後です。接種日を確かめてください。' }],
      },
    });
    await expect(
      s.vaccination.records.save(actor, child, hib({ vaccinatedOn: '2023-11-30' })),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        fields: [{ path: 'vaccinatedOn', message: '接種日が生年月日より前です。接種日を確かめてください。' }],
      },
    });
    await expect(s.vaccination.records.save(actor, child, hib({ vaccine: 'XYZ' }))).rejects.toMatchObject({
      status: 400,
      details: { fields: [{ path: 'vaccine' }] },
    });
    await expect(s.vaccination.records.save(actor, child, hib({ dose: '第9期' }))).rejects.toMatchObject({
      status: 400,
      details: { fields: [{ path: 'dose' }] },
    });
  });

  it('deletes with the reason: the record leaves the history but is kept, and the delete is audited', async () => {
    const view = await s.vaccination.records.view(actor, child);
    const second = view.records.find((r) => r.formNo === 'V-0002')!;
    await expect(s.vaccination.records.remove(actor, second.id, 1, '別人の記録')).rejects.toMatchObject({
      status: 409,
    });
    await s.vaccination.records.remove(actor, second.id, second.version, '別人の記録');
    const after = await s.vaccination.records.view(actor, child);
    expect(after.records.map((r) => r.formNo)).toEqual(['V-0001']);
    expect(after.deleted).toMatchObject([{ id: second.id, deleteReason: '別人の記録' }]);
    expect(after.schedule.find((r) => r.vaccine === 'HIB' && r.dose === '初回2回目')?.status).not.toBe(
      'completed',
    );
    const deletes = (await audits()).filter((a) => a.summary.startsWith('予防接種の記録を削除'));
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.summary).toContain('理由: 別人の記録');
    await expect(
      s.vaccination.records.remove(actor, second.id, second.version + 1, 'もう一度'),
    ).rejects.toMatchObject({ status: 404 });
  });
});
