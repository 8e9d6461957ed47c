import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import { addMonthsClamped, today } from '../../platform/calendar/index.ts';
import { pdfText } from '../../platform/documents/pdf-text.ts';
import { freshServices } from '../../test/database.ts';
import { addResidents } from '../adult-health/test-residents.ts';

// F06-02 (flows.md): 妊娠届出情報受領 → 登録（アンケート含む）→ 来庁依頼 → 受診券ID発行 → 宛名シール・送付 → 送付情報.
const actor = { userId: null, loginId: 'test', roleCode: 'nurse' } as const;
const on = today();
const due = addMonthsClamped(on, 7);
const header =
  '申請番号,申請日時,宛名番号,氏名,氏名カナ,生年月日,郵便番号,住所,電話番号,出産予定日,妊娠週数,胎児数,診断医師,診断医療機関,性病・結核の健診,交付方法,面談希望,面談希望日時,個人番号,相談できる人がいますか,妊娠がわかったときの気持ち';
const csv = (rows: string[]) => [header, ...rows].join('\n');
const good = [
  // 宛名番号 and identity agree → matched (certain); twins; asks for a 面談; 相談相手なし
  `P-1,${on}T09:00,0000000501,健康 花子,ケンコウ タロウ,1995-05-01,1234567,すこやか市中央一丁目1番3号,090-1111-2222,${due},,2,医師 一郎,すこやか産婦人科,有,郵送,希望する,平日午前,123456789012,いいえ,うれしい`,
  // nobody with this kana → unmatched (住登外者 to register)
  `P-2,${on}T10:00,,転入 さくら,テンニュウ サクラ,1998-02-03,1234568,となり市1-2-3,,,10週3日,,,,,来庁,,,,はい,戸惑った`,
];

describe(`妊娠届（電子申請）の受付・登録・送付 (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let s: Services;
  let drop: () => Promise<void>;
  let ids: Map<string, number>;

  async function importFile(text: string, name = 'n.csv') {
    const file = await s.files.save([Buffer.from(text)], { name, contentType: 'text/csv', createdBy: null });
    const { importId } = await s.maternal.eNotifications.imports.start(actor, {
      fileId: file.id,
      fileName: name,
    });
    await s.jobs.runPending();
    return s.maternal.eNotifications.imports.result(actor, importId);
  }

  beforeAll(async () => {
    ({ services: s, drop } = await freshServices());
    ids = await addResidents(s, [
      { atenaNo: '0000000501', name: '健康 花子', birthDate: '1995-05-01', sex: '2' },
    ]);
  });
  afterAll(async () => drop());

  it('receives every good row into the 受付一覧 with its match, and explains the bad ones by line', async () => {
    const r = await importFile(
      csv([
        ...good,
        `P-3,${on}T11:00,,誤り 三子,ゴアヤマ ミツコ,平成31年5月1日,,すこやか市中央1-1,,,,,,,,郵送,,,,たぶん,`,
        `P-1,${on}T12:00,,重複 花子,ジュウフク ハナコ,1990-01-01,,すこやか市,,${due},,,,,,,,,,,`,
      ]),
    );
    expect(r.status).toBe('done');
    expect(r.summary).toMatchObject({ received: 2, duplicate: 0, errors: 2 });
    expect(r.summary.rowErrors.map((e) => [e.line, e.field, e.message])).toEqual([
      [4, 'birthDate', '生年月日: 平成31年5月1日は存在しません（平成は31年4月30日まで）。'],
      [4, 'dueDate', '出産予定日か妊娠週数のどちらかを書いてください（例: 2027-05-20、10週3日）。'],
      [
        4,
        'questionnaire.consultant',
        'アンケート「相談できる人がいますか」の答え「たぶん」が読めません（はい・いいえ）。',
      ],
      [
        5,
        'applicationNo',
        '申請番号 P-1 は2行目と同じです。同じ届出が2回書かれています。どちらか一方だけにしてください。',
      ],
    ]);
    const byNo = new Map(r.rows.map((x) => [x.applicationNo, x]));
    expect(byNo.get('P-1')).toMatchObject({
      outcome: 'pending',
      matchStatus: 'matched',
      confidence: 'certain',
      residentId: ids.get('0000000501'),
      delivery: 'mail',
    });
    expect(byNo.get('P-1')!.data).toMatchObject({
      fetusCount: 2,
      dueDate: due,
      stdTbCheckup: 'yes',
      interviewWish: 'yes',
      interviewNote: '平日午前',
      questionnaire: { consultant: 'no', feeling: 'happy' },
    });
    // the 個人番号 column is not read, so never stored
    expect(JSON.stringify(byNo.get('P-1')!.data)).not.toContain('123456789012');
    expect(byNo.get('P-2')).toMatchObject({ matchStatus: 'unmatched', residentId: null, delivery: 'visit' });
    expect(byNo.get('P-2')!.data).toMatchObject({
      weeks: 10,
      days: 3,
      fetusCount: 1,
      stdTbCheckup: 'unknown',
    });

    // the same file again: nothing twice
    const again = await importFile(csv(good));
    expect(again.summary).toMatchObject({ received: 0, duplicate: 2 });
    expect(again.summary.duplicates[0]!.message).toContain('申請番号 P-1 は取込済みです');
    expect((await s.maternal.eNotifications.imports.list(actor, 'pending')).length).toBe(2);
  });

  it('registers by the counter registration (2 handbooks for twins, vouchers, follow-up), then mails them', async () => {
    const [p1, p2] = await s.maternal.eNotifications.imports.list(actor, 'pending');
    const { registrar } = s.maternal.eNotifications;
    const choice = {
      riskFlags: ['noConsultant', 'multiple'],
      specificPregnant: false,
      delivery: 'mail' as const,
      interview: { requested: true, note: '平日午前' },
    };
    // a stale version is refused and nothing is made
    await expect(
      registrar.register(actor, p1!.id, {
        ...choice,
        version: p1!.version + 1,
        residentId: p1!.residentId,
        createNonResident: false,
      }),
    ).rejects.toMatchObject({ status: 409 });
    const done = await registrar.register(actor, p1!.id, {
      ...choice,
      version: p1!.version,
      residentId: p1!.residentId,
      createNonResident: false,
    });
    expect(done).toMatchObject({ outcome: 'registered', residentId: ids.get('0000000501') });
    expect(done.outcomeMessage).toMatch(/^登録（妊娠届 \d{4}-\d{4}・面談依頼・郵送）$/);
    const p = await s.maternal.pregnancies.get(actor, done.pregnancyId!);
    expect(p.pregnancy).toMatchObject({ source: 'e_application', fetusCount: 2, dueDate: due });
    expect(p.pregnancy.details).toMatchObject({ eApplicationNo: 'P-1' });
    expect(p.pregnancy.interview).toMatchObject({ requested_on: on, request_note: '平日午前' });
    expect(p.handbooks).toHaveLength(2);
    expect(p.vouchers.length).toBeGreaterThan(14);
    expect(p.followUps).toHaveLength(1);
    // registering it again: not pending any more
    await expect(
      registrar.register(actor, p1!.id, {
        ...choice,
        version: done.version,
        residentId: p1!.residentId,
        createNonResident: false,
      }),
    ).rejects.toMatchObject({ status: 409 });

    // the unmatched one: a 住登外者 made from the 届, handed over at the visit
    const other = await registrar.register(actor, p2!.id, {
      ...choice,
      riskFlags: [],
      delivery: 'visit',
      interview: { requested: false, note: '' },
      version: p2!.version,
      residentId: null,
      createNonResident: true,
    });
    const [mother] = await s.database.query<{ status: string; name_kana: string }>(
      'SELECT status, name_kana FROM residents WHERE id = $1',
      [other.residentId],
    );
    expect(mother).toEqual({ status: 'non_registered', name_kana: 'テンニュウ サクラ' });

    // only the one to mail is waiting to be sent
    const toMail = await s.maternal.eNotifications.imports.list(actor, 'toMail');
    expect(toMail.map((x) => x.applicationNo)).toEqual(['P-1']);
    const mailed = await registrar.mail(actor, { ids: [p1!.id], sendDate: on });
    expect(mailed.count).toBe(1);
    expect((await s.maternal.eNotifications.imports.list(actor, 'toMail')).length).toBe(0);
    await expect(registrar.mail(actor, { ids: [p1!.id], sendDate: on })).rejects.toMatchObject({
      status: 409,
    });
    const [m] = await s.database.query<{ purpose: string; n: number }>(
      'SELECT m.purpose, (SELECT count(*)::int FROM mailing_items i WHERE i.mailing_id = m.id) AS n FROM mailings m WHERE m.id = $1',
      [mailed.mailingId],
    );
    expect(m).toEqual({ purpose: 'maternal.handbook-mail', n: 1 });
    // the letter: what is enclosed, the 面談 request, then the 受診券 with their IDs
    const text = (await pdfText(await s.mailings.preview(actor, mailed.mailingId, {})))
      .join('\n')
      .replace(/\s+/g, '');
    expect(text).toContain('母子健康手帳等の送付について');
    for (const h of p.handbooks) expect(text).toContain(h.handbookNo);
    expect(text).toContain('面談のお願い');
    expect(text).toContain('ご希望の日時:平日午前');
    expect(text).toContain(p.vouchers[0]!.voucherNo);
  });

  it('a registration interrupted after the pregnancy was made links that pregnancy instead of a second', async () => {
    await importFile(
      csv([
        `P-9,${on}T09:00,0000000501,健康 花子,ケンコウ タロウ,1995-05-01,1234567,すこやか市中央一丁目1番3号,,${due},,1,,,,郵送,,,,,`,
      ]),
    );
    const [row] = (await s.maternal.eNotifications.imports.list(actor, 'pending')).filter(
      (x) => x.applicationNo === 'P-9',
    );
    // the pregnancy was made but the notification not yet marked (a crash in between)
    const made = await s.maternal.pregnancies.register(actor, {
      motherResidentId: row!.residentId!,
      notifiedOn: on,
      dueDate: due,
      weeks: null,
      days: null,
      fetusCount: 1,
      source: 'e_application',
      movedIn: null,
      diagnosedBy: '',
      diagnosisInstitution: '',
      stdTbCheckup: 'unknown',
      occupation: '',
      questionnaire: {},
      riskFlags: [],
      specificPregnant: false,
      interview: {},
      note: '',
      eApplicationNo: 'P-9',
    });
    const done = await s.maternal.eNotifications.registrar.register(actor, row!.id, {
      version: row!.version,
      residentId: row!.residentId,
      createNonResident: false,
      riskFlags: [],
      specificPregnant: false,
      delivery: 'mail',
      interview: { requested: false, note: '' },
    });
    expect(done.pregnancyId).toBe(made.id);
    const [n] = await s.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pregnancies WHERE details->>'eApplicationNo' = 'P-9'`,
    );
    expect(n!.n).toBe(1);
  });
});
