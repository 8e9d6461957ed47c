import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { freshServices } from '../../test/database.ts';
import { applicantCandidates, candidateLimit } from './applicant-candidates.ts';
import { matchApplicant } from './applicant-match.ts';
import { applyRecords, type ResidentRecord } from './index.ts';

type Person = Pick<ResidentRecord, 'atenaNo' | 'name' | 'nameKana' | 'birthDate'> & Partial<ResidentRecord>;

const person = (p: Person): ResidentRecord => ({
  householdNo: `H${p.atenaNo}`,
  sex: '1',
  relationship: '世帯主',
  postalCode: '1234567',
  address: 'すこやか市中央一丁目1番3号',
  addressExtra: '',
  phone: '',
  status: 'resident',
  residentSince: '2000-01-01',
  residentUntil: null,
  supportMeasure: false,
  eventCode: 'full',
  eventDate: '2026-04-01',
  myNumber: null,
  ...p,
});

let s: Services;
let drop: () => Promise<void>;
let ids: Map<string, number>;

beforeAll(async () => {
  ({ services: s, drop } = await freshServices());
  const people = [
    person({
      atenaNo: '0000012345',
      name: '高橋 太郎',
      nameKana: 'タカハシ タロウ',
      birthDate: '1985-06-01',
    }),
    person({
      atenaNo: '0000012346',
      name: '髙橋 太郎',
      nameKana: 'ﾀｶﾊｼ ﾀﾛｳ',
      birthDate: '1985-06-01',
      address: 'すこやか市北町5-6',
      status: 'moved_out',
      residentUntil: '2026-03-31',
    }),
    person({
      atenaNo: '0000012347',
      name: '高橋 次郎',
      nameKana: 'タカハシ ジロウ',
      birthDate: '1985-06-01',
    }),
    person({
      atenaNo: '0000012348',
      name: '高橋 太郎',
      nameKana: 'タカハシ タロウ',
      birthDate: '1985-06-02',
    }),
    ...Array.from({ length: 25 }, (_, i) =>
      person({
        atenaNo: String(20000 + i),
        name: '同姓 同名',
        nameKana: 'ドウセイ ドウメイ',
        birthDate: '1990-01-01',
      }),
    ),
  ];
  await applyRecords(s.database, people, { jobId: null, userId: null, sealer: s.sealer });
  const rows = await s.database.query<{ id: number; atena_no: string }>('SELECT id, atena_no FROM residents');
  ids = new Map(rows.map((r) => [r.atena_no, Number(r.id)]));
});
afterAll(() => drop());

describe('applicantCandidates', () => {
  it('finds everyone with the same kana and birth date, whatever their status, without the 宛名番号', async () => {
    const found = await applicantCandidates(s.database, {
      atenaNo: null,
      nameKana: 'たかはし たろう',
      birthDate: '1985-06-01',
    });
    expect(found.map((c) => c.atenaNo)).toEqual(['0000012345', '0000012346']);
    expect(found[1]).toEqual({
      residentId: ids.get('0000012346'),
      atenaNo: '0000012346',
      name: '髙橋 太郎',
      nameKana: 'ﾀｶﾊｼ ﾀﾛｳ',
      birthDate: '1985-06-01',
      address: 'すこやか市北町5-6',
      addressExtra: '',
      status: 'moved_out',
    });
  });

  it('adds the resident of the 宛名番号 (leading zeros optional) first, even when the identity differs', async () => {
    const found = await applicantCandidates(s.database, {
      atenaNo: '12348',
      nameKana: 'タカハシ タロウ',
      birthDate: '1985-06-01',
    });
    expect(found.map((c) => c.atenaNo)).toEqual(['0000012348', '0000012345', '0000012346']);
  });

  it(`returns at most ${candidateLimit}`, async () => {
    const found = await applicantCandidates(s.database, {
      atenaNo: null,
      nameKana: 'ドウセイ ドウメイ',
      birthDate: '1990-01-01',
    });
    expect(found).toHaveLength(candidateLimit);
  });

  it('feeds matchApplicant: the 住民 with the same address is matched, the 転出 one is only listed', async () => {
    const app = {
      atenaNo: null,
      name: '高橋 太郎',
      nameKana: 'タカハシ タロウ',
      birthDate: '1985-06-01',
      address: 'すこやか市中央1-1-3',
    };
    const result = matchApplicant(app, await applicantCandidates(s.database, app));
    expect(result).toMatchObject({
      status: 'matched',
      residentId: ids.get('0000012345'),
      confidence: 'high',
    });
    expect(result.candidates.map((c) => c.residentId)).toEqual([
      ids.get('0000012345'),
      ids.get('0000012346'),
    ]);
  });
});
