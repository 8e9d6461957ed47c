/**
 * 妊婦健診・産婦健診の結果 of the demo city (F06-03…F06-06), entered through the checkup service on the pregnancy's
 * own 受診券 as the clerk would from the returned 受診票: the visits of the standard schedule (§4.3: 23週までは4週
 * ごと, 35週までは2週ごと, その後は毎週) from the 届出 on, with the usual items and the periodic 検査; a pregnancy may
 * have one 要精密 visit (妊娠高血圧 or 血糖) and its 精密健診; the 産婦健診 (2週・1か月) with the EPDS.
 */
import type { Actor } from '../../platform/audit/service.ts';
import { addDays, daysBetween } from '../../platform/calendar/index.ts';
import type { Rng } from '../residents/demo/random.ts';
import type { CheckupSaveInput, MaternalCheckupsService } from './checkups.ts';

/** Who enters the demo data (the audit log shows 'demo'). */
export const demoActor: Actor = { userId: null, loginId: 'demo', roleCode: null };

/** The demo city's 産科 (名称 as in the 医療機関マスタ of the programs demo, or kept as written). */
export const demoObstetrics = [
  'すこやか市立中央病院',
  'さくら木町レディースクリニック',
  '青葉台ウィメンズクリニック',
  'すこやか産婦人科医院',
];

type Deps = { checkups: Pick<MaternalCheckupsService, 'save'> };
type Voucher = { voucherNo: string; kind: string; seq: number; status: string };

const round1 = (n: number) => Math.round(n * 10) / 10;

function save(deps: Deps, v: Omit<CheckupSaveInput, 'resultId' | 'version' | 'note'> & { note?: string }) {
  return deps.checkups.save(demoActor, { note: '', resultId: null, version: null, ...v });
}

/** The periodic 検査 (§4.3) done at a visit of `weeks`, the first visit doing the 初期 tests. */
function testsAt(weeks: number, first: boolean, done: Set<string>): string[] {
  const due = (key: string, when: boolean, tests: string[]) => {
    if (!when || done.has(key)) return [];
    done.add(key);
    return tests;
  };
  return [
    ...(first
      ? ['blood_type', 'blood_count', 'blood_sugar', 'hbs', 'hcv', 'hiv', 'syphilis', 'rubella', 'ultrasound']
      : []),
    ...due('mid', weeks >= 24 && weeks <= 29, ['blood_sugar', 'blood_count', 'htlv1', 'ultrasound']),
    ...due('chlamydia', weeks >= 30 && weeks <= 32, ['chlamydia']),
    ...due('late', weeks >= 33, ['gbs', 'blood_count', 'ultrasound']),
  ];
}

type Referral = { items: Record<string, unknown>; finding: string; diagnosis: string; judgement: string };
const referrals: Referral[] = [
  {
    items: { bpSystolic: 146, bpDiastolic: 94, urineProtein: '+' },
    finding: '血圧高値・尿蛋白あり',
    diagnosis: '妊娠高血圧症候群',
    judgement: 'treatment',
  },
  {
    items: { tests: ['blood_sugar', 'blood_count'] },
    finding: '随時血糖 112mg/dL',
    diagnosis: '妊娠糖尿病（75gOGTT 1点異常）',
    judgement: 'observe',
  },
];

/**
 * The 妊婦健診 of a pregnancy up to `enteredUntil` on its unused prenatal 受診券 (in 回 order); with `referral`, the
 * first visit from 24週 is 要精密 and its 精密健診 follows a week or so later. Returns the results saved.
 */
export async function enterPrenatalVisits(
  deps: Deps,
  rng: Rng,
  v: {
    pregnancy: { dueDate: string; notifiedOn: string };
    vouchers: Voucher[];
    enteredUntil: string;
    referral: boolean;
  },
): Promise<number> {
  const lmp = addDays(v.pregnancy.dueDate, -280);
  const institution = rng.pick(demoObstetrics);
  const baseWeight = rng.int(440, 680) / 10;
  const waist = rng.int(66, 80);
  const done = new Set<string>();
  const referral = v.referral ? rng.pick(referrals) : null;
  let referred = false;
  let saved = 0;
  let on = addDays(v.pregnancy.notifiedOn, rng.int(2, 14));
  const prenatal = v.vouchers.filter((x) => x.kind === 'prenatal' && x.status === 'issued');
  for (const [i, voucher] of prenatal.entries()) {
    const days = daysBetween(lmp, on);
    if (on > v.enteredUntil || days > 41 * 7) break;
    const weeks = Math.floor(days / 7);
    const items: Record<string, unknown> = {
      bpSystolic: rng.int(98, 126),
      bpDiastolic: rng.int(56, 80),
      weight: round1(baseWeight + Math.max(0, weeks - 12) * rng.int(28, 42) * 0.01),
      edema: weeks >= 34 && rng.chance(0.12) ? '+' : '-',
      urineProtein: '-',
      urineGlucose: rng.chance(0.05) ? '±' : '-',
      fetalHeart: 'present',
      tests: testsAt(weeks, i === 0, done),
    };
    if (weeks >= 16) {
      items.fundalHeight = Math.min(45, round1(weeks - 3 + rng.int(-10, 10) / 10));
      items.abdominalGirth = round1(waist + (weeks - 14) * 0.9 + rng.int(0, 20) / 10);
    }
    let judgement = items.edema === '+' || items.urineGlucose === '±' ? 'observe' : 'normal';
    let findings = '';
    const refer = referral !== null && !referred && weeks >= 24;
    if (refer) {
      Object.assign(items, referral.items);
      findings = referral.finding;
      judgement = 'detailed';
      referred = true;
    }
    await save(deps, {
      voucherNo: voucher.voucherNo,
      category: 'checkup',
      examinedOn: on,
      institution,
      judgement,
      items: { ...items, findings },
    });
    saved++;
    const detailedOn = addDays(on, rng.int(5, 12));
    if (refer && detailedOn <= v.enteredUntil) {
      await save(deps, {
        voucherNo: voucher.voucherNo,
        category: 'detailed',
        examinedOn: detailedOn,
        institution: demoObstetrics[0]!,
        judgement: referral.judgement,
        items: { diagnosis: referral.diagnosis, findings: '' },
      });
      saved++;
    }
    on = addDays(on, (days < 24 * 7 ? 28 : days < 36 * 7 ? 14 : 7) + rng.int(-2, 2));
  }
  return saved;
}

/** EPDS answers (問1〜10, 0–3): low (< 9, 問10 = 0) or, for `high`, 10–14 points. */
function epds(rng: Rng, high: boolean): number[] {
  const out = Array.from({ length: 9 }, () => (high ? rng.int(1, 2) : rng.pick([0, 0, 0, 0, 1, 1, 2])));
  for (let i = 0; !high && out.reduce((a, b) => a + b, 0) > 8; i++) out[i % 9] = 0;
  return [...out, 0];
}

/**
 * The 産婦健診 (産後2週間・1か月) of a pregnancy ended in the birth on `bornOn`, up to `enteredUntil`; with `high`,
 * the EPDS of the 2週 visit is 9点以上 (a フォロー対象者). Returns the results saved.
 */
export async function enterPostpartumVisits(
  deps: Deps,
  rng: Rng,
  v: { vouchers: Voucher[]; bornOn: string; enteredUntil: string; high: boolean },
): Promise<number> {
  const institution = rng.pick(demoObstetrics);
  const weight = rng.int(480, 700) / 10;
  let saved = 0;
  const postpartum = v.vouchers.filter((x) => x.kind === 'postpartum' && x.status === 'issued');
  for (const [i, voucher] of postpartum.entries()) {
    const on = addDays(v.bornOn, i === 0 ? rng.int(12, 16) : rng.int(28, 34));
    if (on > v.enteredUntil) break;
    const high = v.high && i === 0;
    const breast = rng.chance(0.1) ? 'abnormal' : 'normal';
    await save(deps, {
      voucherNo: voucher.voucherNo,
      category: 'checkup',
      examinedOn: on,
      institution,
      judgement: high || breast === 'abnormal' ? 'observe' : 'normal',
      items: {
        bpSystolic: rng.int(100, 128),
        bpDiastolic: rng.int(58, 80),
        weight: round1(weight - i * 1.5),
        urineProtein: '-',
        urineGlucose: '-',
        uterineInvolution: 'good',
        lochia: 'normal',
        breast,
        epds: epds(rng, high),
        findings: [high ? '育児不安の訴えあり' : '', breast === 'abnormal' ? '乳頭亀裂' : '']
          .filter(Boolean)
          .join('・'),
      },
    });
    saved++;
  }
  return saved;
}
