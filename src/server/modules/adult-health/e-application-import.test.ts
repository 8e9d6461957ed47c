import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { fiscalYearOf, today } from '../../platform/calendar/index.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from './test-residents.ts';

const actor = { userId: null, loginId: 'test', roleCode: 'clerk' } as const;
const fy = fiscalYearOf(today()) + 1;
const header = '申込番号,申込日時,宛名番号,氏名,氏名カナ,生年月日,住所,希望検診,受診形態,希望医療機関';
const csv = [
  header,
  // 宛名番号 and identity agree → certain → registered
  'E-1,2026-06-15T10:00,0000000301,健康 太郎,ケンコウ タロウ,1960-05-01,すこやか市中央1-1-3,大腸がん,個別,すこやか内科',
  // nobody with this kana → unmatched → review queue
  'E-2,2026-06-15T11:00,,健康 次郎,ケンコウ ジロウ,1961-05-01,すこやか市北町9-9,大腸がん,個別,',
  // matched, but 胃がん was screened last 年度 → refused with the reason
  'E-3,2026-06-15T12:00,,健康 太郎,ケンコウ タロウ,1962-05-01,すこやか市中央一丁目3番3号,胃がん,個別,',
  // a broken row: kept with its line
  'E-4,2026-06-15T12:00,,健康 太郎,ケンコウ タロウ,平成31年5月1日,すこやか市中央1-1-3,胃がん,個別,',
].join('\n');

describe('電子申請の取込 (service)', () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;

  async function importFile(text: string) {
    const file = await s.files.save([Buffer.from(text)], {
      name: 'e.csv',
      contentType: 'text/csv',
      createdBy: null,
    });
    const { importId } = await s.adult.eApplications.start(actor, {
      fileId: file.id,
      fileName: 'e.csv',
      fiscalYear: fy,
    });
    await s.jobs.runPending();
    return s.adult.eApplications.result(actor, importId);
  }

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(
      s,
      [1, 2, 3].map((n) => ({
        atenaNo: `000000030${n}`,
        name: `健康 太郎${n}`,
        birthDate: `196${n - 1}-05-01`,
        sex: '1' as const,
      })),
    );
    await s.database.query(
      `INSERT INTO screening_records (resident_id, program, method, fiscal_year, screened_on, result, source)
       VALUES ($1, 'stomach', 'xray', $2, $3, 'negative', 'manual')`,
      [ids.get('0000000303'), fy - 1, `${fy - 1}-06-10`],
    );
    await s.database.query(
      `INSERT INTO medical_institutions (code, name, programs) VALUES ('1310000001', 'すこやか内科', '{colorectal}')`,
    );
  });
  afterAll(async () => drop());

  it('registers the certain match, refuses the ineligible one with its reason, queues the unmatched one', async () => {
    const r = await importFile(csv);
    expect(r.status).toBe('done');
    expect(r.summary).toMatchObject({ registered: 1, review: 1, refused: 1, duplicate: 0, errors: 1 });
    expect(r.summary.rowErrors).toMatchObject([{ line: 5, applicationNo: 'E-4', field: 'birthDate' }]);
    const byNo = new Map(r.rows.map((x) => [x.applicationNo, x]));
    expect(byNo.get('E-1')).toMatchObject({
      outcome: 'registered',
      matchStatus: 'matched',
      confidence: 'certain',
      residentId: ids.get('0000000301'),
    });
    expect(byNo.get('E-3')).toMatchObject({ outcome: 'refused', residentId: ids.get('0000000303') });
    expect(byNo.get('E-3')!.outcomeMessage).toContain('前年度受診済');
    expect(byNo.get('E-2')).toMatchObject({ outcome: 'pending', matchStatus: 'unmatched' });

    const list = await s.adult.applications.list(actor, { fiscalYear: fy }, { offset: 0, limit: 10 });
    expect(list.rows).toMatchObject([
      {
        residentId: ids.get('0000000301'),
        channel: 'e_application',
        externalNo: 'E-1',
        programs: ['colorectal'],
      },
    ]);
    expect(list.rows[0]!.institutionName).toBe('すこやか内科');
  });

  it('resolves the review row to the chosen resident; a stale version is a conflict', async () => {
    const [row] = await s.adult.eApplications.reviewQueue(actor);
    expect(row).toMatchObject({ applicationNo: 'E-2' });
    await expect(
      s.adult.eApplications.resolve(actor, row!.id, ids.get('0000000302')!, row!.version + 1),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const done = await s.adult.eApplications.resolve(actor, row!.id, ids.get('0000000302')!, row!.version);
    expect(done).toMatchObject({ outcome: 'registered', residentId: ids.get('0000000302') });
    expect(done.applicationId).not.toBeNull();
    expect(await s.adult.eApplications.reviewQueue(actor)).toEqual([]);
  });

  it('a 申込番号 imported before is reported as 取込済み and not registered twice', async () => {
    const r = await importFile([header, csv.split('\n')[1]].join('\n'));
    expect(r.summary).toMatchObject({ registered: 0, duplicate: 1, review: 0 });
    expect(r.summary.duplicates[0]!.message).toMatch(
      /^申込番号 E-1 は取込済みです（令和\d+年\d+月\d+日取込）/,
    );
    const list = await s.adult.applications.list(actor, { fiscalYear: fy }, { offset: 0, limit: 10 });
    expect(list.total).toBe(2);
  });

  it('a new 申込番号 for a 検診 already applied waits for review with the reason', async () => {
    const again = csv.split('\n')[1]!.replace('E-1,', 'E-5,');
    const r = await importFile([header, again].join('\n'));
    expect(r.summary).toMatchObject({ registered: 0, review: 1 });
    expect(r.rows[0]).toMatchObject({ outcome: 'pending', matchStatus: 'matched' });
    expect(r.rows[0]!.outcomeMessage).toContain('既に申し込んでいます');
    await s.adult.eApplications.reject(actor, r.rows[0]!.id, '重複の申込', r.rows[0]!.version);
  });

  it('reject keeps the reason', async () => {
    const r = await importFile(
      [header, 'E-9,2026-06-16T09:00,,誰 か,ダレ カ,1970-01-01,どこか,大腸がん,個別,'].join('\n'),
    );
    const [row] = r.rows;
    const done = await s.adult.eApplications.reject(actor, row!.id, '市外の方', row!.version);
    expect(done).toMatchObject({ outcome: 'rejected', outcomeMessage: '取込まない: 市外の方' });
  });

  describe('訂正のための再申込（元申込番号）', () => {
    const head =
      '申込番号,元申込番号,申込日時,宛名番号,氏名,氏名カナ,生年月日,住所,希望検診,受診形態,希望医療機関';
    const person1 = '0000000301,健康 太郎,ケンコウ タロウ,1960-05-01,すこやか市中央1-1-3';
    const appOf = async (no: string) =>
      (await s.adult.applications.list(actor, { fiscalYear: fy }, { offset: 0, limit: 50 })).rows.find(
        (a) => a.externalNo === no,
      )!;

    it('replaces the earlier application while its 受診票 is not issued', async () => {
      const r = await importFile([head, `E-11,E-1,2026-06-17T09:00,${person1},大腸がん,個別,`].join('\n'));
      expect(r.summary).toMatchObject({ registered: 1, review: 0 });
      expect(r.rows[0]!.outcomeMessage).toBe('訂正前の申込（申込番号 E-1）を取り消して置き換え');
      expect(await appOf('E-1')).toMatchObject({ status: 'cancelled' });
      expect((await appOf('E-1')).note).toContain('訂正のための再申込（申込番号 E-11）で置き換え');
      expect(await appOf('E-11')).toMatchObject({ status: 'accepted', programs: ['colorectal'] });
      const [first] = await s.database.query<{ outcome_message: string }>(
        `SELECT outcome_message FROM e_applications WHERE application_no = 'E-1'`,
      );
      expect(first!.outcome_message).toContain('訂正後の申込（申込番号 E-11）により取消');
    });

    it('waits for review once the earlier 受診票 is issued, and registers after staff cancel it', async () => {
      await s.adult.applications.issueTicket(actor, (await appOf('E-11')).id, { method: 'post' });
      const r = await importFile([head, `E-12,E-11,2026-06-18T09:00,${person1},大腸がん,個別,`].join('\n'));
      expect(r.rows[0]).toMatchObject({ outcome: 'pending', residentId: ids.get('0000000301') });
      expect(r.rows[0]!.outcomeMessage).toContain('受診票を発行済みです');
      const issued = await appOf('E-11');
      expect(issued.status).toBe('ticket_issued');
      await s.adult.applications.cancel(actor, issued.id, '訂正のため', issued.version);
      const done = await s.adult.eApplications.resolve(
        actor,
        r.rows[0]!.id,
        ids.get('0000000301')!,
        r.rows[0]!.version,
      );
      expect(done).toMatchObject({ outcome: 'registered', outcomeMessage: '確認のうえ登録' });
    });

    it('drops an earlier application still waiting for review', async () => {
      const stranger = ',,誰 か,ダレ カ,1970-01-01,どこか';
      const r1 = await importFile([head, `E-21,,2026-06-18T09:00${stranger},大腸がん,個別,`].join('\n'));
      expect(r1.rows[0]).toMatchObject({ outcome: 'pending' });
      await importFile([head, `E-22,E-21,2026-06-18T10:00${stranger},肺がん,個別,`].join('\n'));
      const again = await s.adult.eApplications.result(actor, r1.id);
      expect(again.rows[0]).toMatchObject({
        outcome: 'rejected',
        outcomeMessage: '取込まない: 訂正後の申込（申込番号 E-22）に置き換え',
      });
      const queue = await s.adult.eApplications.reviewQueue(actor);
      expect(queue.map((q) => q.applicationNo)).toContain('E-22');
      expect(queue.map((q) => q.applicationNo)).not.toContain('E-21');
    });
  });

  it('resumes after a crash: rows recorded are kept, a registration not yet recorded is not made twice', async () => {
    const rows = [
      `E-31,2026-06-19T09:00,0000000302,健康 太郎,ケンコウ タロウ,1961-05-01,すこやか市中央1-1-3,肺がん,個別,`,
      'E-32,2026-06-19T09:00,,誰 か,ダレ カ,1970-01-01,どこか,大腸がん,個別,',
    ];
    const r = await importFile([header, ...rows].join('\n'));
    expect(r.summary).toMatchObject({ registered: 1, review: 1 });
    const before = (await s.adult.applications.list(actor, { fiscalYear: fy }, { offset: 0, limit: 50 }))
      .total;
    // the process died after registering E-31 and before recording its row: the row is missing, the job running
    await s.database.query(`DELETE FROM e_applications WHERE application_no = 'E-31'`);
    await s.database.query(`UPDATE e_application_imports SET status = 'running' WHERE id = $1`, [r.id]);
    await s.database.query(`UPDATE jobs SET status = 'queued' WHERE id = $1`, [r.jobId]);
    await s.jobs.runPending();
    const again = await s.adult.eApplications.result(actor, r.id);
    expect(again.status).toBe('done');
    expect(again.summary).toMatchObject({ registered: 1, review: 1, duplicate: 0 });
    expect(again.rows.find((x) => x.applicationNo === 'E-31')).toMatchObject({
      outcome: 'registered',
      outcomeMessage: '中断前の取込で登録済み',
      residentId: ids.get('0000000302'),
    });
    const after = await s.adult.applications.list(actor, { fiscalYear: fy }, { offset: 0, limit: 50 });
    expect(after.total).toBe(before);
  });

  it('an unreadable file marks the import 失敗 with the job', async () => {
    const r = await importFile('これは申込のファイルではありません\n1,2,3');
    expect(r.status).toBe('failed');
    const job = await s.jobs.get(r.jobId!);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/申込番号/);
  });
});
