/**
 * 事業マスタ of the synthetic demo city (すこやか市): typical fees and 受診期間, 3 会場, 12 医療機関 and about ten
 * 集団検診日程 for 胃・肺・乳. Every name, code and address is fictitious. Idempotent: 会場 and 医療機関 by code,
 * settings only while untouched (version 1 and no fees yet), 日程 only for a 年度 without any.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { lastDayOfMonth, nextBusinessDay, toIsoDate } from '../../platform/calendar/index.ts';
import type { InstitutionInput, VenueInput } from './masters-schema.ts';
import type { ProgramsService } from './service.ts';
import type { ProgramCode, ProgramSettings } from './types.ts';

const demoActor: Actor = { userId: null, loginId: 'demo', roleCode: null };

type Demo = Partial<Pick<ProgramSettings, 'delivery' | 'notice'>> & { fees: Record<string, number> };

const demoPrograms: Record<ProgramCode, Demo> = {
  stomach: {
    fees: { xray: 1000, endoscopy: 3000 },
    delivery: 'both',
    notice:
      '検査の前日の夜9時以降は飲食をしないでください（少量の水は可）。集団検診は胃部エックス線検査のみです。',
  },
  colorectal: { fees: { fobt: 500 }, notice: '便の採取は受診日の前4日以内に2日分行ってください。' },
  lung: {
    fees: { xray: 300, sputum: 0 },
    delivery: 'both',
    notice: '金属・ボタンの無い服装でお越しください。',
  },
  breast: {
    fees: { mammography: 1500 },
    delivery: 'both',
    notice: '妊娠中・授乳中の方、ペースメーカーを使用している方は事前にご相談ください。',
  },
  cervical: { fees: { cytology: 1000, hpv: 1000 }, notice: '生理中の受診は避けてください。' },
  osteoporosis: { fees: { bone_density: 500 } },
  periodontal: { fees: { dental: 500 }, notice: '市内の協力歯科医院に予約してから受診してください。' },
  hepatitis: { fees: { hbv_hcv: 0 }, notice: 'これまでに肝炎ウイルス検査を受けたことのない方が対象です。' },
  health_checkup: { fees: { general: 500 } },
};

export const demoVenues: VenueInput[] = [
  {
    code: 'V01',
    name: 'すこやか市保健センター',
    nameKana: 'スコヤカシホケンセンター',
    postalCode: '1234500',
    address: 'すこやか県すこやか市本町一丁目1番1号',
    phone: '012-345-6789',
    active: true,
  },
  {
    code: 'V02',
    name: '北部公民館',
    nameKana: 'ホクブコウミンカン',
    postalCode: '1234509',
    address: 'すこやか県すこやか市北町二丁目3番10号',
    phone: '012-345-7101',
    active: true,
  },
  {
    code: 'V03',
    name: '南部市民センター',
    nameKana: 'ナンブシミンセンター',
    postalCode: '1234508',
    address: 'すこやか県すこやか市南町一丁目8番5号',
    phone: '012-345-7202',
    active: true,
  },
];

const inst = (
  code: string,
  name: string,
  nameKana: string,
  postal: string,
  address: string,
  phone: string,
  programs: ProgramCode[],
): InstitutionInput => ({
  code,
  name,
  nameKana,
  postalCode: postal,
  address: `すこやか県すこやか市${address}`,
  phone,
  programs,
  active: true,
});

/** 医療機関コード: 99 (fictitious prefecture) + 点数表 1 医科 / 3 歯科 + 7 digits. */
export const demoInstitutions: InstitutionInput[] = [
  inst(
    '9910100011',
    'すこやか市立中央病院',
    'スコヤカシリツチュウオウビョウイン',
    '1234505',
    '中央三丁目2番1号',
    '012-345-1100',
    ['stomach', 'colorectal', 'lung', 'breast', 'cervical', 'hepatitis', 'health_checkup'],
  ),
  inst(
    '9910100029',
    '本町内科クリニック',
    'ホンチョウナイカクリニック',
    '1234501',
    '本町二丁目5番8号',
    '012-345-1201',
    ['stomach', 'colorectal', 'lung', 'hepatitis', 'health_checkup'],
  ),
  inst(
    '9910100037',
    '栄町胃腸科内科',
    'サカエチョウイチョウカナイカ',
    '1234502',
    '栄町一丁目12番3号',
    '012-345-1302',
    ['stomach', 'colorectal', 'hepatitis'],
  ),
  inst(
    '9910100045',
    '緑が丘ファミリークリニック',
    'ミドリガオカファミリークリニック',
    '1234503',
    '緑が丘四丁目1番20号',
    '012-345-1403',
    ['colorectal', 'lung', 'osteoporosis', 'hepatitis', 'health_checkup'],
  ),
  inst(
    '9910100052',
    'さくら木町レディースクリニック',
    'サクラギチョウレディースクリニック',
    '1234512',
    '桜木町二丁目7番1号',
    '012-345-1504',
    ['breast', 'cervical', 'osteoporosis'],
  ),
  inst(
    '9910100060',
    '青葉台ウィメンズクリニック',
    'アオバダイウィメンズクリニック',
    '1234517',
    '青葉台三丁目15番2号',
    '012-345-1605',
    ['cervical', 'breast'],
  ),
  inst(
    '9910100078',
    '若葉乳腺クリニック',
    'ワカバニュウセンクリニック',
    '1234511',
    '若葉一丁目3番9号',
    '012-345-1706',
    ['breast'],
  ),
  inst(
    '9910100086',
    '城山消化器内科',
    'シロヤマショウカキナイカ',
    '1234529',
    '城山二丁目4番6号',
    '012-345-1807',
    ['stomach', 'colorectal'],
  ),
  inst(
    '9910100094',
    '富士見整形外科',
    'フジミセイケイゲカ',
    '1234515',
    '富士見五丁目2番14号',
    '012-345-1908',
    ['osteoporosis'],
  ),
  inst(
    '9910100102',
    '港町診療所',
    'ミナトマチシンリョウジョ',
    '1234526',
    '港町三丁目9番2号',
    '012-345-2009',
    ['colorectal', 'lung', 'hepatitis', 'health_checkup'],
  ),
  inst(
    '9930100015',
    'すこやか歯科医院',
    'スコヤカシカイイン',
    '1234501',
    '本町三丁目1番4号',
    '012-345-2110',
    ['periodontal'],
  ),
  inst(
    '9930100023',
    '平和台デンタルクリニック',
    'ヘイワダイデンタルクリニック',
    '1234538',
    '平和台一丁目6番11号',
    '012-345-2211',
    ['periodontal'],
  ),
];

type DemoSession = {
  /** month, day (the next business day is used), year offset from the 年度 */
  m: number;
  d: number;
  venue: string;
  programs: ProgramCode[];
  am: boolean;
  capacity: number;
};

const morning = { startTime: '09:00', endTime: '11:30' };
const afternoon = { startTime: '13:30', endTime: '16:00' };

const demoSessions: DemoSession[] = [
  { m: 6, d: 10, venue: 'V01', programs: ['stomach', 'lung'], am: true, capacity: 60 },
  { m: 6, d: 24, venue: 'V02', programs: ['stomach', 'lung'], am: true, capacity: 40 },
  { m: 7, d: 8, venue: 'V03', programs: ['stomach', 'lung'], am: true, capacity: 40 },
  { m: 7, d: 15, venue: 'V01', programs: ['breast'], am: false, capacity: 30 },
  { m: 9, d: 9, venue: 'V01', programs: ['stomach', 'lung', 'breast'], am: true, capacity: 60 },
  { m: 9, d: 30, venue: 'V02', programs: ['breast'], am: false, capacity: 25 },
  { m: 10, d: 14, venue: 'V03', programs: ['breast'], am: false, capacity: 25 },
  { m: 11, d: 11, venue: 'V02', programs: ['stomach', 'lung', 'breast'], am: true, capacity: 50 },
  { m: 12, d: 2, venue: 'V01', programs: ['breast'], am: false, capacity: 30 },
  { m: 1, d: 20, venue: 'V01', programs: ['stomach', 'lung'], am: true, capacity: 60 },
];

/** Seeds the demo 事業マスタ of 年度 fy (safe to call on every start). */
export async function seedProgramsDemo(
  deps: { programs: ProgramsService; actor?: Actor },
  fy: number,
): Promise<{ programs: number; venues: number; institutions: number; sessions: number }> {
  const { programs } = deps;
  const actor = deps.actor ?? demoActor;
  const counts = { programs: 0, venues: 0, institutions: 0, sessions: 0 };

  const periodStart = toIsoDate(fy, 6, 1);
  const periodEnd = lastDayOfMonth({ y: fy + 1, m: 2 });
  for (const row of await programs.forYear(fy)) {
    const s = row.settings;
    if (row.version !== 1 || Object.keys(s.fees.amounts).length > 0) continue;
    const demo = demoPrograms[s.code];
    const settings: ProgramSettings = {
      ...s,
      fees: { ...s.fees, amounts: demo.fees },
      delivery: demo.delivery ?? s.delivery,
      notice: demo.notice ?? s.notice,
      periodStart,
      periodEnd,
    };
    await programs.update(actor, fy, s.code, settings, row.version);
    counts.programs++;
  }

  const venueIds = new Map<string, number>();
  const existingVenues = await programs.venues.list({ active: 'all' });
  for (const v of demoVenues) {
    let row = existingVenues.find((x) => x.code === v.code);
    if (!row) {
      row = await programs.venues.create(actor, v);
      counts.venues++;
    }
    venueIds.set(v.code, row.id);
  }

  const existingInstitutions = new Set(
    (await programs.institutions.list({ active: 'all' })).map((i) => i.code),
  );
  for (const i of demoInstitutions) {
    if (existingInstitutions.has(i.code)) continue;
    await programs.institutions.create(actor, i);
    counts.institutions++;
  }

  if ((await programs.sessionsFor(fy)).length === 0) {
    const settings = await programs.settingsForYear(fy);
    const groupCapable = (c: ProgramCode) =>
      settings.some((s) => s.code === c && s.enabled && s.delivery !== 'individual');
    for (const s of demoSessions) {
      const venueId = venueIds.get(s.venue);
      const list = s.programs.filter(groupCapable);
      if (!venueId || list.length === 0) continue;
      await programs.sessions.create(actor, {
        fiscalYear: fy,
        programs: list,
        venueId,
        sessionDate: nextBusinessDay(toIsoDate(s.m >= 4 ? fy : fy + 1, s.m, s.d)),
        ...(s.am ? morning : afternoon),
        capacity: s.capacity,
        note: s.am ? '受付 8:45〜' : '受付 13:15〜',
      });
      counts.sessions++;
    }
  }
  return counts;
}
