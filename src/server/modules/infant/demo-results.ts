/**
 * 新生児聴覚検査 and 乳幼児健診 (個別: 1か月児・9〜10か月児) of the demo births (F07-02, F07-04), recorded through the
 * hearing and infant-results services as from the returned 受診票: most children pass the 初回検査 a day or two after
 * birth, a few refer and have the 確認検査 (one or two refer again → 精密検査へ紹介); the checkups of the children old
 * enough, a few with 所見 (要観察 → フォロー対象者).
 */
import { addDays, reachMonths } from '../../platform/calendar/index.ts';
import { demoActor } from '../maternal/demo-checkups.ts';
import type { Rng } from '../residents/demo/random.ts';
import type { HearingInput, HearingService } from './hearing.ts';
import type { InfantResultInput, InfantResultsService } from './results.ts';

export type InfantResultsDemoDeps = {
  hearing: Pick<HearingService, 'record'>;
  results: Pick<InfantResultsService, 'save'>;
};

export type DemoChild = {
  id: number;
  bornOn: string;
  gestationWeeks: number;
  weightG: number;
  heightMm: number;
  headMm: number;
  institution: string;
};

/** The 初回検査 (and the 確認検査 after a refer) of a child; `refer`: 0 pass, 1 初回 refer, 2 確認 refer too. */
export async function recordHearing(
  deps: InfantResultsDemoDeps,
  rng: Rng,
  child: DemoChild,
  on: string,
  refer: 0 | 1 | 2,
): Promise<number> {
  const method = rng.chance(0.8) ? 'aabr' : 'oae';
  const test = (kind: string, testedOn: string, failed: boolean): HearingInput => {
    const left = failed && rng.chance(0.5);
    return {
      kind,
      method,
      testedOn,
      institutionName: child.institution,
      rightResult: failed && !left ? 'refer' : 'pass',
      leftResult: left ? 'refer' : 'pass',
      note: '',
      id: null,
      version: null,
    };
  };
  const initialOn = addDays(child.bornOn, rng.int(1, 3));
  if (initialOn > on) return 0;
  await deps.hearing.record(demoActor, child.id, test('initial', initialOn, refer > 0));
  const confirmOn = addDays(child.bornOn, rng.int(6, 9));
  if (refer === 0 || confirmOn > on) return 1;
  await deps.hearing.record(demoActor, child.id, test('confirm', confirmOn, refer === 2));
  return 2;
}

const fixed = (n: number, digits: number, [lo, hi]: [number, number]) =>
  Number(Math.min(hi, Math.max(lo, n)).toFixed(digits));

function result(
  child: DemoChild,
  checkup: 'm1' | 'm9',
  examinedOn: string,
  measures: Record<string, number>,
  findings: InfantResultInput['findings'],
): InfantResultInput {
  return {
    childResidentId: child.id,
    checkup,
    mode: 'individual',
    sessionId: null,
    examinedOn,
    institutionName: checkup === 'm1' ? child.institution : 'すこやか小児科クリニック',
    ticketNo: '',
    judgement: '',
    note: '',
    resultId: null,
    version: null,
    measures,
    findings,
    dental: null,
  };
}

/**
 * The 1か月児健診 (most children past 生後1月 + 2 weeks; not the very preterm, still in hospital care) and the
 * 9〜10か月児健診 (those past 生後9月 + 3 weeks), up to `enteredUntil`; `finding` gives one a 所見 (要観察).
 */
export async function recordInfantCheckups(
  deps: InfantResultsDemoDeps,
  rng: Rng,
  child: DemoChild,
  enteredUntil: string,
  finding: boolean,
): Promise<number> {
  let saved = 0;
  const m1On = addDays(reachMonths(child.bornOn, 1), rng.int(1, 14));
  if (child.gestationWeeks >= 34 && m1On <= enteredUntil && rng.chance(0.85)) {
    const kg = child.weightG / 1000 + rng.int(80, 130) / 100;
    await deps.results.save(
      demoActor,
      result(
        child,
        'm1',
        m1On,
        {
          heightCm: fixed(child.heightMm / 10 + rng.int(35, 50) / 10, 1, [44, 65]),
          weightKg: fixed(kg, 2, [2, 7]),
          headCm: fixed(child.headMm / 10 + rng.int(20, 30) / 10, 1, [32, 42]),
        },
        finding ? { skin: { finding: 'present', note: '乳児湿疹', judgement: 'observe' } } : {},
      ),
    );
    saved++;
  }
  const m9On = addDays(reachMonths(child.bornOn, 9), rng.int(1, 30));
  if (m9On <= enteredUntil) {
    await deps.results.save(
      demoActor,
      result(
        child,
        'm9',
        m9On,
        {
          heightCm: rng.int(660, 760) / 10,
          weightKg: rng.int(750, 980) / 100,
          headCm: rng.int(430, 465) / 10,
          chestCm: rng.int(420, 465) / 10,
        },
        finding
          ? {
              limbs_motor: {
                finding: 'present',
                note: 'つかまり立ちがまだ。1か月後に電話で確認',
                judgement: 'observe',
              },
            }
          : {},
      ),
    );
    saved++;
  }
  return saved;
}
