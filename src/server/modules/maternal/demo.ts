/**
 * 妊娠届 of the synthetic demo city (F06-01): about 40 current pregnancies of women aged 18–44 (住民), 届出 over the
 * last ~7 months (as far back as a pregnancy still running can go) so that the 出産予定日 fall in the coming months
 * (one week to nine months ahead) — a few 多胎, 転入 and 電子申請, a few with risk
 * answers or 特定妊婦 (フォロー対象者) — each registered through the 妊娠届 service as at the counter (handbooks,
 * 受診券, the risk flags the answers raise confirmed by staff), then the 妊婦健診 results of the visits already made
 * (demo-checkups.ts). The past pregnancies of the demo births (infant/demo.ts) are built here too. Deterministic
 * (the seeded Rng); the caller keeps it idempotent.
 */
import { addDays, addMonthsClamped, daysBetween, naiveAge } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { Rng } from '../residents/demo/random.ts';
import type { MaternalCheckupsService } from './checkups.ts';
import { demoActor, demoObstetrics, enterPrenatalVisits } from './demo-checkups.ts';
import type { PregnanciesService, RegisterInput } from './pregnancies.ts';
import type { Source } from './pregnancy-rules.ts';
import { riskFlagsOf } from './questionnaire.ts';

export type MaternalDemoDeps = {
  database: Database;
  pregnancies: Pick<PregnanciesService, 'register'>;
  checkups: Pick<MaternalCheckupsService, 'save'>;
};

export type DemoMother = { id: number; birthDate: string };

const doctors = ['佐藤', '鈴木', '高橋', '田中', '渡辺', '中村'];
const occupations = ['会社員', '会社員', '公務員', 'パート', '自営業', '無職', '看護師', '教員', '保育士'];

/** usual: no answer raises a flag; risk: one or two do; specific: 特定妊婦 (DV or 経済的困窮・孤立). */
type Profile = 'usual' | 'risk' | 'specific';

function answers(rng: Rng, profile: Profile): Record<string, unknown> {
  const a: Record<string, unknown> = {
    firstPregnancy: rng.chance(0.45) ? 'yes' : 'no',
    feeling: rng.chance(0.7) ? 'happy' : 'unexpected',
    consultant: 'yes',
    smoking: 'no',
    drinking: 'no',
    medicalHistory: rng.chance(0.1) ? 'yes' : 'no',
    mentalHistory: 'no',
    financialWorry: 'no',
    dv: 'no',
  };
  if (profile === 'risk') {
    const risks = ['smoking', 'financialWorry', 'mentalHistory', 'noConsultant', 'confused'];
    for (const r of [rng.pick(risks), ...(rng.chance(0.4) ? [rng.pick(risks)] : [])]) {
      if (r === 'noConsultant') a.consultant = 'no';
      else if (r === 'confused') a.feeling = 'confused';
      else a[r] = 'yes';
    }
  }
  if (profile === 'specific') {
    a.feeling = 'troubled';
    a.consultant = 'no';
    if (rng.chance(0.5)) a.dv = 'yes';
    else a.financialWorry = 'yes';
    a.memo = '生活費と住まいのことで相談したい。';
  }
  return a;
}

/**
 * A 妊娠届 as the counter would enter it: 届出日 and 妊娠週数 on it, the answers of the profile, and the risk flags
 * the 届 and the answers raise as staff confirm them.
 */
export function pregnancyInput(
  rng: Rng,
  mother: DemoMother,
  v: {
    notifiedOn: string;
    gestationDays: number;
    fetusCount: number;
    source: Source;
    profile: Profile;
  },
): RegisterInput {
  const questionnaire = answers(rng, v.profile);
  const weeks = Math.floor(v.gestationDays / 7);
  // staff confirm what is suggested, but 高年 only for a first pregnancy (高年初産) and no 届出の遅れ for a 転入
  const riskFlags = riskFlagsOf({
    motherBirthDate: mother.birthDate,
    notifiedOn: v.notifiedOn,
    fetusCount: v.fetusCount,
    weeksAtNotification: weeks,
    answers: questionnaire,
  }).filter(
    (f) =>
      !(f === 'advanced' && questionnaire.firstPregnancy !== 'yes') &&
      !(f === 'late' && v.source === 'moved_in'),
  );
  const institution = rng.pick(demoObstetrics);
  return {
    motherResidentId: mother.id,
    notifiedOn: v.notifiedOn,
    dueDate: null,
    weeks,
    days: v.gestationDays % 7,
    fetusCount: v.fetusCount,
    source: v.source,
    movedIn:
      v.source === 'moved_in'
        ? {
            city: rng.pick(['みどり市', 'あおば町', 'ひかり市']),
            handbookNo: `${rng.int(1, 9)}-${String(rng.int(1, 999)).padStart(4, '0')}`,
            // issued there at about 9 weeks
            issuedOn: addDays(v.notifiedOn, Math.min(0, 63 - v.gestationDays)),
          }
        : null,
    diagnosedBy: `${rng.pick(doctors)} 医師`,
    diagnosisInstitution: institution,
    stdTbCheckup: rng.chance(0.85) ? 'yes' : 'unknown',
    occupation: rng.pick(occupations),
    questionnaire,
    riskFlags,
    specificPregnant: v.profile === 'specific',
    interview: {},
    note: v.profile === 'specific' ? '届出時に面談。地区担当保健師が継続して支援する。' : '',
  };
}

/** Relative chance of a pregnancy by the mother's age (flat 25–34, fewer at both ends). */
function ageWeight(age: number): number {
  if (age < 20) return 0.08;
  if (age < 25) return 0.35;
  if (age < 35) return 1;
  if (age < 40) return 0.55;
  return 0.12;
}

/** Women aged 18–44 (住民) in 宛名 id order, without those in `exclude`. */
async function candidates(database: Database, on: string, exclude: Set<number>): Promise<DemoMother[]> {
  const rows = await database.query<{ id: number; birth_date: string }>(
    `SELECT id, birth_date FROM residents
     WHERE sex = '2' AND status = 'resident' AND birth_date > $1 AND birth_date <= $2 ORDER BY id`,
    [addMonthsClamped(on, -45 * 12), addMonthsClamped(on, -18 * 12)],
  );
  return rows.map((r) => ({ id: Number(r.id), birthDate: r.birth_date })).filter((m) => !exclude.has(m.id));
}

/** Picks up to `count` mothers, weighted by age (the same city and seed give the same mothers). */
function pickMothers(rng: Rng, pool: DemoMother[], on: string, count: number): DemoMother[] {
  const left = [...pool];
  const out: DemoMother[] = [];
  for (let tries = 0; out.length < count && left.length && tries < count * 200; tries++) {
    const i = rng.int(0, left.length - 1);
    const m = left[i]!;
    if (!rng.chance(ageWeight(naiveAge(m.birthDate, on)))) continue;
    out.push(m);
    left.splice(i, 1);
  }
  return out;
}

export type PregnanciesDemoResult = { pregnancies: number; checkups: number };

/**
 * The current pregnancies (`count`, about 40) and the 妊婦健診 results of their visits so far. `exclude`: mothers who
 * gave birth in the demo (infant/demo.ts).
 */
export async function seedPregnanciesDemo(
  deps: MaternalDemoDeps,
  rng: Rng,
  on: string,
  o: { count: number; exclude: Set<number> },
): Promise<PregnanciesDemoResult> {
  const mothers = pickMothers(rng, await candidates(deps.database, on, o.exclude), on, o.count);
  let checkups = 0;
  let referrals = 0;
  for (const [i, mother] of mothers.entries()) {
    // every 8th: 転入 in mid-pregnancy; every 13th: twins; a few 電子申請; one in eight with risks, one in 14 特定妊婦
    const source: Source = i % 8 === 5 ? 'moved_in' : i % 9 === 2 ? 'e_application' : 'counter';
    const late = source === 'moved_in' || i % 17 === 11;
    const gestationDays = late ? rng.int(16 * 7, 26 * 7) : rng.int(6 * 7 + 3, 11 * 7 + 6);
    // the 出産予定日 at least a week ahead: 届出 within the last (273 − gestation) days
    const elapsed = rng.int(0, Math.max(0, 273 - gestationDays));
    const notifiedOn = addDays(on, -elapsed);
    const profile: Profile = i % 14 === 6 ? 'specific' : i % 8 === 3 ? 'risk' : 'usual';
    const input = pregnancyInput(rng, mother, {
      notifiedOn,
      gestationDays,
      fetusCount: i % 13 === 4 ? 2 : 1,
      source,
      profile,
    });
    const p = await deps.pregnancies.register(demoActor, input);
    // results come back from the 医療機関 some weeks later; about one pregnancy in six has none entered yet. The
    // first four far enough on (30週 by then) have a 要精密 visit at 24週 or so and its 精密健診.
    const enteredUntil = addDays(on, -rng.int(5, 20));
    const referral =
      referrals < 4 && daysBetween(addDays(notifiedOn, -gestationDays), enteredUntil) >= 30 * 7;
    if (referral || rng.chance(0.83)) {
      if (referral) referrals++;
      checkups += await enterPrenatalVisits(deps, rng, {
        pregnancy: p.pregnancy,
        vouchers: p.vouchers,
        enteredUntil,
        referral,
      });
    }
  }
  return { pregnancies: mothers.length, checkups };
}

/** The 妊娠届 of a pregnancy that ended in the birth on `bornOn` after `gestationDays` (infant/demo.ts). */
export function pastPregnancyInput(
  rng: Rng,
  mother: DemoMother,
  bornOn: string,
  gestationDays: number,
): RegisterInput {
  const atNotification = rng.int(6 * 7 + 3, 11 * 7 + 6);
  // the 出産予定日 follows: 届出日 + 280 − the 妊娠日数 on it = the birth + 280 − the 在胎日数
  return pregnancyInput(rng, mother, {
    notifiedOn: addDays(bornOn, -(gestationDays - atNotification)),
    gestationDays: atNotification,
    fetusCount: 1,
    source: 'counter',
    profile: rng.chance(0.05) ? 'risk' : 'usual',
  });
}
