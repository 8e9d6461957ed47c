import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import type { DetailedInput } from './detailed-exams-rules.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const fy = fiscalYearOf(today());
const examined: DetailedInput & { note: string; version: number | null } = {
  status: 'examined',
  examinedOn: `${fy}-07-01`,
  institutionId: null,
  institutionName: '県立がんセンター',
  method: 'colonoscopy',
  outcome: 'other_disease',
  reportedBy: 'institution',
  lesion: null,
  stage: '',
  note: '大腸ポリープ',
  version: null,
};

describe('精密検査の把握 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let recordId = 0;
  let negativeId = 0;

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000000701', name: '精検 一郎', birthDate: '1960-05-01', sex: '1' },
      { atenaNo: '0000000702', name: '陰性 二郎', birthDate: '1960-05-01', sex: '1' },
    ]);
    const save = (residentId: number, positive: boolean) =>
      s.adult.results.save(actor, residentId, {
        program: 'colorectal',
        screenedOn: `${fy}-06-10`,
        mode: 'group',
        institutionId: null,
        method: null,
        result: positive ? 'needs_followup' : 'negative',
        items: { fobtDay1: positive ? 'positive' : 'negative', fobtDay2: 'negative' },
        note: '',
        bookingId: null,
        id: null,
        version: null,
      });
    recordId = (await save(ids.get('0000000701')!, true)).id;
    negativeId = (await save(ids.get('0000000702')!, false)).id;
  });
  afterAll(async () => drop());

  const pending = () =>
    s.adult.detailedExams.list(actor, { fiscalYear: fy, status: 'pending' }, { offset: 0, limit: 50 });

  it('every 要精検 without a 精検結果 is 精検未把握 and in the follow-up list; the others are not', async () => {
    const r = await pending();
    expect(r.rows.map((x) => [x.atenaNo, x.status])).toEqual([['0000000701', 'unknown']]);
    const csv = await s.adult.detailedExams.exportCsv(actor, { fiscalYear: fy, status: 'pending' }, 'utf8');
    const text = csv.body.toString('utf8');
    expect(text).toContain('宛名番号,氏名,氏名カナ,生年月日,電話番号,住所,検診,受診日,判定,精検の状況');
    expect(text).toContain('0000000701,精検 一郎');
    expect(text).toContain('大腸がん検診');
    expect(text).toContain('精検未把握');
    expect(csv.title).toBe(`令和${fy - 2018}年度_精検未受診・未把握者一覧`);
  });

  it('a 精検結果 with all four items makes it 精検受診 and takes the person off the list', async () => {
    const saved = await s.adult.detailedExams.save(actor, recordId, examined);
    expect(saved).toMatchObject({
      status: 'examined',
      institutionName: '県立がんセンター',
      outcome: 'other_disease',
      version: 1,
    });
    expect((await pending()).rows).toEqual([]);
    await expect(s.adult.detailedExams.save(actor, recordId, examined)).rejects.toMatchObject({
      code: 'DETAILED_EXISTS',
    });
    await expect(
      s.adult.detailedExams.save(actor, recordId, { ...examined, version: 7 }),
    ).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
  });

  it('a repeat 便潜血 is recorded as 精検未受診 with the reason, and the person is followed up again', async () => {
    const saved = await s.adult.detailedExams.save(actor, recordId, {
      ...examined,
      method: 'fobt_repeat',
      version: 1,
    });
    expect(saved).toMatchObject({ status: 'not_examined', outcome: null, version: 2 });
    expect(saved.note).toBe(
      '大腸ポリープ 便潜血検査の再検は精密検査として不適切なため「精検未受診」になります。',
    );
    expect((await pending()).rows.map((x) => x.status)).toEqual(['not_examined']);
  });

  it('refuses a 精検結果 for a result that is not 要精検, and an incomplete 精検受診 with what is missing', async () => {
    await expect(s.adult.detailedExams.save(actor, negativeId, examined)).rejects.toMatchObject({
      status: 400,
    });
    const e = await s.adult.detailedExams
      .save(actor, recordId, { ...examined, outcome: null, examinedOn: '', version: 2 })
      .catch((x) => x);
    expect(e.details.fields.map((f: { path: string }) => f.path)).toEqual(['examinedOn', 'outcome']);
  });
});
