import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { specialsFor } from './specials.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'nurse' } as const;
const base = { vaccines: [], disease: null, reason: '', date: null, note: '' };

describe(`特例・除外 (service, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  let child: number;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000000801', name: '特例 花子', birthDate: '2019-05-10', sex: '2' },
    ]);
    child = ids.get('0000000801')!;
  });
  afterAll(async () => drop());

  it('registers a 長期療養特例 and an exclusion; the engine facts follow; all audited', async () => {
    const care = await s.vaccination.specials.add(actor, child, {
      ...base,
      kind: 'long_term_care',
      vaccines: ['PCV', 'HIB'],
      reason: '  白血病 ',
      date: '2026-03-31',
    });
    expect(care).toMatchObject({ kind: 'long_term_care', reason: '白血病', date: '2026-03-31', version: 1 });
    expect(care.summary).toBe(
      '長期療養特例: 小児肺炎球菌（PCV15/PCV20）・ヒブ（単独）（白血病、事由消滅 2026-03-31）',
    );
    await s.vaccination.specials.add(actor, child, {
      ...base,
      kind: 'exclusion',
      disease: 'varicella',
      reason: 'infected',
    });
    expect((await specialsFor(s.database, [child])).get(child)).toEqual({
      longTermCare: [{ vaccines: ['PCV', 'HIB'], reason: '白血病', endDate: '2026-03-31' }],
      exclusions: [{ disease: 'varicella', reason: 'infected' }],
    });
    const audit = await s.database.query<{ summary: string; resident_ids: number[] }>(
      `SELECT summary, resident_ids FROM audit_log WHERE screen = '予防接種 特例・除外' ORDER BY id`,
    );
    expect(audit.map((a) => a.summary)).toEqual([
      '特例・除外を登録: 長期療養特例: 小児肺炎球菌（PCV15/PCV20）・ヒブ（単独）（白血病、事由消滅 2026-03-31）',
      '特例・除外を登録: 既罹患・除外: 水痘（既罹患）',
    ]);
    expect(audit.every((a) => a.resident_ids.map(Number).includes(child))).toBe(true);
  });

  it('says what to fix', async () => {
    await expect(s.vaccination.specials.add(actor, child, { ...base, kind: 'pregnancy' })).rejects.toThrow(
      /出産予定日を入力してください/,
    );
    await expect(
      s.vaccination.specials.add(actor, child, {
        ...base,
        kind: 'exclusion',
        disease: 'varicella',
        reason: 'other',
      }),
    ).rejects.toThrow(/水痘の除外はすでに登録されています/);
  });

  it('ends a fact with the reason (kept, no longer used); a stale version is a conflict', async () => {
    const rows = await s.vaccination.specials.list(actor, child);
    const exclusion = rows.find((r) => r.kind === 'exclusion')!;
    await expect(
      s.vaccination.specials.end(actor, exclusion.id, exclusion.version + 1, '誤登録'),
    ).rejects.toMatchObject({
      status: 409,
    });
    await s.vaccination.specials.end(actor, exclusion.id, exclusion.version, '誤登録');
    const after = await s.vaccination.specials.list(actor, child);
    expect(after.find((r) => r.id === exclusion.id)).toMatchObject({ endReason: '誤登録' });
    expect(after.find((r) => r.id === exclusion.id)?.endedAt).not.toBeNull();
    expect((await s.vaccination.specials.ofPerson(child))?.exclusions).toBeUndefined();
    await expect(
      s.vaccination.specials.end(actor, exclusion.id, exclusion.version + 1, 'again'),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});
