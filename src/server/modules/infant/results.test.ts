import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addMonthsClamped, today } from '../../platform/calendar/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import type { AppError } from '../../platform/errors/app-error.ts';
import { appImports } from '../../platform/imports/testing.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';
import { followUpsOf } from '../maternal/follow-ups.ts';
import { detailedImportFields, detailedImportKind } from './detailed-import.ts';
import type { InfantResultInput } from './results.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const day = today();
const purpose = 'infant.checkup';
const dental = {
  teeth: 16,
  cariesUntreated: 0,
  cariesTreated: 0,
  plaque: 'none',
  occlusion: 'normal',
  riskType: 'O1',
  fluoride: 'applied',
};

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a failure');
}

describe(`乳幼児健診の結果・精密健診 (F07-04…06, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  let a = 0;
  let b = 0;
  let c = 0;
  let sessionId = 0;
  const input = (v: Partial<InfantResultInput>): InfantResultInput => ({
    childResidentId: a,
    checkup: 'y1h',
    mode: 'group',
    sessionId,
    examinedOn: '',
    institutionName: '',
    ticketNo: '',
    measures: { heightCm: '81.5', weightKg: '10.80' },
    findings: {},
    dental,
    judgement: '',
    note: '',
    resultId: null,
    version: null,
    ...v,
  });

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    const ids = await addResidents(s, [
      { atenaNo: '0000007301', name: '健診 一郎', birthDate: addMonthsClamped(day, -19), sex: '1' },
      { atenaNo: '0000007302', name: '健診 二葉', birthDate: addMonthsClamped(day, -20), sex: '2' },
      { atenaNo: '0000007303', name: '三歳 三太', birthDate: addMonthsClamped(day, -40), sex: '1' },
    ]);
    a = ids.get('0000007301')!;
    b = ids.get('0000007302')!;
    c = ids.get('0000007303')!;
    // the F07-03 helper registers the purpose of 乳幼児健診 sessions; registering it here keeps the test alone
    s.reservations.registerPurpose({ code: purpose, label: '乳幼児健診' });
    const [v] = await s.database.query<{ id: number }>(
      `INSERT INTO venues (code, name) VALUES ('I1', '保健センター') RETURNING id`,
    );
    const { fiscalYearOf } = await import('../../platform/calendar/index.ts');
    const session = await s.reservations.sessions.create(actor, {
      purpose,
      fiscalYear: fiscalYearOf(day),
      programs: ['y1h'],
      venueId: Number(v!.id),
      sessionDate: day,
      cutoffDate: day,
      startTime: '13:00',
      endTime: '15:00',
      capacity: 10,
    });
    sessionId = session.id;
    for (const id of [a, b])
      await s.reservations.book(actor, { sessionId, residentId: id, source: 'counter' });
  }, 60_000);
  afterAll(() => drop());

  it('group: the roster lists the booked children, each result entered in turn', async () => {
    const roster = await s.infantResults.results.roster(actor, sessionId);
    expect(roster.checkup).toEqual({ code: 'y1h', name: '1歳6か月児健康診査' });
    expect(roster.people.map((p) => [p.name, p.age.startsWith('1歳'), p.result])).toEqual([
      ['健診 一郎', true, null],
      ['健診 二葉', true, null],
    ]);
    const saved = await s.infantResults.results.save(actor, input({}));
    expect(saved.result).toMatchObject({
      judgement: 'normal',
      examinedOn: day,
      ageMonths: 19,
      mode: 'group',
      sessionId,
    });
    expect(saved.warnings).toEqual([]);
    const refused = await failure(
      s.infantResults.results.save(actor, input({ childResidentId: c, checkup: 'y1h' })),
    );
    expect(refused.message).toMatch(/この日程に予約されていません/);
    const again = await failure(s.infantResults.results.save(actor, input({})));
    expect(again.status).toBe(409);
    const after = await s.infantResults.results.roster(actor, sessionId);
    expect(after.people[0]!.result).toMatchObject({ judgement: 'normal' });
  });

  it('要精密 → referral printed with a send record → detailed result → examined; follow-ups once', async () => {
    const findings = { language: { finding: 'present', note: '有意語なし', judgement: 'detailed' } };
    const wrong = await failure(
      s.infantResults.results.save(actor, input({ childResidentId: b, findings, judgement: 'observe' })),
    );
    expect(wrong.message).toMatch(/要精密の項目（言語障害の有無）があります/);
    const saved = await s.infantResults.results.save(actor, input({ childResidentId: b, findings }));
    expect(saved.result.judgement).toBe('detailed');
    expect(saved.referralAreas).toEqual(['言語障害の有無']);
    expect(saved.followUpReasons).toEqual(['1歳6か月児健康診査 要精密（言語障害の有無）']);
    // correcting the note at the version read keeps one follow-up
    const fixed = await s.infantResults.results.save(
      actor,
      input({
        childResidentId: b,
        findings,
        note: '再確認',
        resultId: saved.result.id,
        version: saved.result.version,
      }),
    );
    expect(fixed.result.version).toBe(saved.result.version + 1);
    const stale = await failure(
      s.infantResults.results.save(
        actor,
        input({ childResidentId: b, findings, resultId: saved.result.id, version: saved.result.version }),
      ),
    );
    expect(stale.message).toMatch(/他の利用者が先に更新しました/);
    expect((await followUpsOf(s.database, [b])).filter((f) => f.source === 'infant_checkup')).toHaveLength(1);

    const issued = await s.infantResults.referrals.issue(actor, saved.result.id, {
      areas: saved.referralAreas,
      reason: '有意語なし',
      institutionName: 'すこやか小児科',
      method: 'counter',
    });
    expect(issued.referral.referralNo).toMatch(/^IR-\d{4}-00001$/);
    const text = (await pdfText(issued.pdf)).join('\n');
    expect(text).toContain('乳幼児精密健康診査依頼書');
    expect(text).toContain(issued.referral.referralNo);
    expect(text).toContain('健診 二葉');
    const [rec] = await s.database.query<{ purpose: string }>(
      'SELECT purpose FROM send_records WHERE id = $1',
      [issued.record.id],
    );
    expect(rec!.purpose).toBe('infant.referral');

    const no = issued.referral.referralNo;
    const unknown = await failure(
      s.infantResults.referrals.saveDetailed(actor, {
        referralNo: 'IR-1999-00001',
        examinedOn: day,
        institutionName: '',
        result: '要治療',
        diagnosis: '',
        note: '',
        version: null,
      }),
    );
    expect(unknown.message).toMatch(/精密健診依頼はありません/);
    const done = await s.infantResults.referrals.saveDetailed(actor, {
      referralNo: no,
      examinedOn: day,
      institutionName: 'すこやか小児科',
      result: '要観察',
      diagnosis: '言語発達遅滞の疑い',
      note: '',
      version: null,
    });
    expect(done).toMatchObject({ status: 'examined', result: 'observe', resultSource: 'manual' });
    const twice = await failure(
      s.infantResults.referrals.saveDetailed(actor, {
        referralNo: no,
        examinedOn: day,
        institutionName: '',
        result: '異常なし',
        diagnosis: '',
        note: '',
        version: null,
      }),
    );
    expect(twice.message).toMatch(/入力済みです/);
    const detailedFollow = (await followUpsOf(s.database, [b])).filter((f) => f.source === 'infant_detailed');
    expect(detailedFollow.map((f) => f.reasons)).toEqual([
      ['乳幼児精密健診 要観察（言語障害の有無、言語発達遅滞の疑い）'],
    ]);
  });

  it('individual 3歳: 医療機関 required, 受診票番号 finds the child; detailed import explains bad rows', async () => {
    const base = input({
      childResidentId: c,
      checkup: 'y3',
      mode: 'individual',
      sessionId: null,
      examinedOn: day,
      measures: { heightCm: 96, weightKg: 14.2 },
      dental: { ...dental, teeth: 20, riskType: 'O' },
    });
    const noInst = await failure(s.infantResults.results.save(actor, base));
    expect(noInst.message).toMatch(/医療機関を入れてください/);
    const findings = { eyes: { finding: 'present', note: '斜視の疑い', judgement: 'detailed' } };
    const saved = await s.infantResults.results.save(actor, {
      ...base,
      institutionName: 'すこやか眼科',
      ticketNo: 'T-3001',
      findings,
    });
    const found = await s.infantResults.results.find(actor, { ticketNo: 'T-3001' });
    expect(found.child.id).toBe(c);
    const issued = await s.infantResults.referrals.issue(actor, saved.result.id, {
      areas: ['眼'],
      reason: '斜視の疑い',
      institutionName: 'すこやか眼科',
      method: 'post',
    });
    const no = issued.referral.referralNo;
    const header = detailedImportFields.map((f) => f.label).join(',');
    const setting = await s.imports.createSetting(
      actor,
      detailedImportKind,
      {
        name: '標準',
        format: 'csv',
        encoding: 'auto',
        hasHeader: true,
        recordElement: null,
        mapping: detailedImportFields.map((f) => ({ column: f.label, field: f.key })),
      },
      'test',
    );
    const io = appImports(s, detailedImportKind);
    const csv = `${header}\r\n${no},${day},すこやか眼科,要治療,内斜視,\r\nIR-1999-09999,${day},すこやか眼科,異常なし,,\r\n`;
    const run = await io.upload(setting.id, undefined, csv, '精密健診結果.csv');
    expect(run.counts).toMatchObject({ new: 1, error: 1 });
    const [e] = (await io.rows(run.id, 'error')).rows;
    expect(e!.errors?.[0]?.message).toMatch(/依頼書番号 IR-1999-09999 の精密健診依頼はありません/);
    await io.commit(run.id, true);
    const r = await s.infantResults.referrals.lookup(actor, no);
    expect(r).toMatchObject({ status: 'examined', result: 'treatment', resultSource: 'import' });
    const again = await io.upload(setting.id, undefined, csv, '精密健診結果.csv');
    expect(again.counts).toMatchObject({ unchanged: 1, error: 1 });
  });
});
