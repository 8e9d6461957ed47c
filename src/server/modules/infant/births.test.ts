import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import type { BirthInput } from './births.ts';

// F07-01 / F07-02 on a real database (PGlite, or PostgreSQL with DATABASE_URL).
let s: Services;
let drop: () => Promise<void>;
let ids: Map<string, number>;
const actor: Actor = { userId: null, loginId: 'test', roleCode: null };

const birth = (edit: Partial<BirthInput>): BirthInput => ({
  childResidentId: null,
  newChild: null,
  motherResidentId: null,
  pregnancyId: null,
  receivedOn: '2026-04-20',
  receivedVia: 'counter',
  birthTime: '',
  birthWeightG: 3000,
  heightCm: '49.5',
  headCm: '',
  chestCm: '',
  gestationalWeeks: 39,
  gestationalDays: 0,
  delivery: 'vaginal',
  birthOrder: null,
  apgar1: 8,
  apgar5: 9,
  birthPlace: '',
  institutionName: 'すこやか産院',
  details: {},
  note: '',
  version: null,
  ...edit,
});

beforeAll(async () => {
  ({ services: s, drop } = await freshServices());
  ids = await addResidents(s, [
    { atenaNo: '700001', name: '母 花子', birthDate: '1995-05-05', sex: '2' },
    { atenaNo: '700002', name: '双子 一郎', birthDate: '2026-04-10', sex: '1' },
    { atenaNo: '700003', name: '双子 二郎', birthDate: '2026-04-10', sex: '1' },
    { atenaNo: '700004', name: '聴覚 三郎', birthDate: '2026-04-01', sex: '1' },
    { atenaNo: '700005', name: '聴覚 四郎', birthDate: '2026-04-01', sex: '1' },
  ]);
});
afterAll(() => drop());

async function twinPregnancy(mother: number) {
  const [p] = await s.database.query<{ id: number }>(
    `INSERT INTO pregnancies (notification_no, mother_resident_id, notified_on, source, due_date, fetus_count)
     VALUES ('2025-0101', $1, '2025-10-01', 'counter', '2026-05-01', 2) RETURNING id`,
    [mother],
  );
  const pid = Number(p!.id);
  await s.database.query(
    `INSERT INTO maternal_handbooks (pregnancy_id, handbook_no, child_index, kind, issued_on)
     VALUES ($1, '2025-0101-1', 1, 'issue', '2025-10-01'), ($1, '2025-0101-2', 2, 'additional', '2025-10-01')`,
    [pid],
  );
  return pid;
}

describe('出生連絡票 (F07-01)', () => {
  it('links twins to one pregnancy and its two handbooks; low birth weight is followed up', async () => {
    const mother = ids.get('700001')!;
    const pid = await twinPregnancy(mother);
    const first = await s.infantBirths.births.register(
      actor,
      birth({
        childResidentId: ids.get('700002')!,
        motherResidentId: mother,
        birthOrder: 1,
        birthWeightG: 2300,
        gestationalWeeks: 36,
        gestationalDays: 2,
      }),
    );
    expect(first).toMatchObject({
      pregnancyId: pid,
      outcomeSet: true,
      handbooks: ['2025-0101-1'],
      lowBirthWeight: true,
    });
    expect(first.followUpReasons).toEqual(['低出生体重（2,300g）', '早産（在胎36週2日）']);
    // the second twin: the pregnancy already ended in 出産 on that day, so it is still found
    const second = await s.infantBirths.births.register(
      actor,
      birth({
        childResidentId: ids.get('700003')!,
        motherResidentId: mother,
        birthOrder: 2,
        birthWeightG: 2600,
      }),
    );
    expect(second).toMatchObject({
      pregnancyId: pid,
      outcomeSet: false,
      handbooks: ['2025-0101-2'],
      followUpId: null,
    });
    const [p] = await s.database.query<{ outcome: string; outcome_on: string }>(
      'SELECT outcome, outcome_on::text FROM pregnancies WHERE id = $1',
      [pid],
    );
    expect(p).toEqual({ outcome: 'birth', outcome_on: '2026-04-10' });
    const card = await s.infantBirths.cards.card(actor, ids.get('700002')!);
    expect(card.birth).toMatchObject({ lowBirthWeight: true, heightCm: '49.5', deliveryLabel: '経腟分娩' });
    expect(card.mother?.id).toBe(mother);
    expect(card.handbooks.map((h) => h.handbookNo)).toEqual(['2025-0101-1']);
    expect(card.followUps.map((f) => f.source)).toEqual(['birth']);
  });

  it('asks for the 出生順 of 多胎, refuses a second registration and checks the version', async () => {
    const mother = ids.get('700001')!;
    const twin = await s.infantBirths.births.get(actor, ids.get('700003')!);
    await expect(
      s.infantBirths.births.register(
        actor,
        birth({
          childResidentId: ids.get('700003')!,
          motherResidentId: mother,
          version: twin.birth!.version,
        }),
      ),
    ).rejects.toThrow(/出生順/);
    await expect(
      s.infantBirths.births.register(actor, birth({ childResidentId: ids.get('700002')!, birthOrder: 1 })),
    ).rejects.toThrow(/登録済み/);
    const got = await s.infantBirths.births.get(actor, ids.get('700002')!);
    await expect(
      s.infantBirths.births.register(
        actor,
        birth({ childResidentId: ids.get('700002')!, version: got.birth!.version + 5 }),
      ),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('registers a 住登外者 child through the residents module', async () => {
    const out = await s.infantBirths.births.register(
      actor,
      birth({
        newChild: {
          name: '里帰 太郎',
          nameKana: 'サトガエリ タロウ',
          birthDate: '2026-04-15',
          sex: '1',
          postalCode: '',
          address: '',
          addressExtra: '',
          phone: '',
        },
        birthWeightG: 1400,
      }),
    );
    const [r] = await s.database.query<{ status: string }>('SELECT status FROM residents WHERE id = $1', [
      out.childResidentId,
    ]);
    expect(r!.status).toBe('non_registered');
    expect(out.followUpReasons).toEqual(['極低出生体重（1,400g）']);
  });
});

describe('新生児聴覚検査 (F07-02)', () => {
  const test = (kind: string, right: string, left = 'pass', testedOn = '2026-04-03') => ({
    kind,
    method: 'aabr',
    testedOn,
    institutionName: 'すこやか産院',
    rightResult: right,
    leftResult: left,
    note: '',
    id: null,
    version: null,
  });

  it('a 確認 refer is referred to 精密検査 and followed up; the aggregate counts children', async () => {
    const a = ids.get('700004')!;
    const b = ids.get('700005')!;
    const h = s.infantBirths.hearing;
    expect((await h.record(actor, a, test('initial', 'refer'))).statusLabel).toBe('確認待ち');
    const pass = await h.record(actor, a, test('confirm', 'pass', 'pass', '2026-04-08'));
    expect(pass).toMatchObject({ referred: false, statusLabel: '確認パス' });
    await h.record(actor, b, {
      ...test('initial', 'refer', 'refer'),
      method: 'oae',
      institutionName: 'みらい病院',
    });
    const refer = await h.record(actor, b, test('confirm', 'pass', 'refer', '2026-04-08'));
    expect(refer).toMatchObject({ referred: true, statusLabel: '要精密' });
    expect(refer.followUpId).toBeTypeOf('number');
    await expect(h.record(actor, b, test('confirm', 'pass', 'pass', '2026-03-01'))).rejects.toThrow(
      /生年月日より前/,
    );
    const agg = await h.aggregate(actor, 'R8.4.1', '2026-04-30');
    expect(agg.lines[0]).toMatchObject({
      children: 2,
      initialTests: 2,
      initialRefer: 2,
      confirmRefer: 1,
      referred: 1,
    });
    expect(agg.lines.map((l) => l.label)).toEqual([
      '合計',
      '自動ABR（AABR）',
      'OAE',
      'すこやか産院',
      'みらい病院',
    ]);
    const csv = await h.aggregateCsv(actor, '2026-04-01', '2026-04-30', 'utf8');
    expect(csv.body.toString('utf8')).toContain('全体,合計,2,2,2,2,1,1');
    const pdf = await h.aggregatePdf(actor, '2026-04-01', '2026-04-30');
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF');
  });
});
