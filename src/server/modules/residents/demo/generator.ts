/**
 * The synthetic demo city (すこやか県すこやか市): deterministic, streaming households of residents with their
 * 異動 history. Same options → byte-identical output; nothing is kept between households, so a city of a
 * million people costs no more memory than a city of ten.
 */
import { fromEpochDay, isValidDate, toEpochDay } from '../../../platform/calendar/index.ts';
import { myNumberCheckDigit } from '../my-number.ts';
import type { EventCode, ResidentState, ResidentStatus } from '../types.ts';
import {
  type AgeContext,
  ageContext,
  composeHousehold,
  composeOutsider,
  dayAtAge,
  type Member,
  otherSurname,
} from './households.ts';
import {
  dayIn,
  firstEvent,
  type HouseholdPlan,
  outsideAddress,
  phone,
  planHousehold,
  REGISTER_FROM,
} from './plan.ts';
import { pad, permute10, Rng } from './random.ts';

export { INITIAL_LOAD_DATE } from './plan.ts';

export type DemoEvent = { eventCode: EventCode; eventDate: string; state: ResidentState };

export type DemoPerson = {
  /** Current state (= the state of the last event). */
  state: ResidentState;
  /** 異動 history, oldest first. */
  events: DemoEvent[];
  /** juki = from the 住民記録 system; manual = 住登外者 registered by hand. */
  source: 'juki' | 'manual';
  /** 個人番号 (12 digits, valid check digit) or null. */
  myNumber: string | null;
};

export type CityOptions = {
  /** Number of people (residents, former residents and 住登外者 together). */
  residents: number;
  seed?: number;
  /** The day the city is "as of" (default 2026-04-01): ages are computed and no event is later. */
  asOf?: string;
};

type Draft = { code: EventCode; day: number };

function deathChance(age: number): number {
  if (age < 40) return 0.001;
  if (age < 60) return 0.004;
  if (age < 70) return 0.012;
  if (age < 80) return 0.03;
  if (age < 90) return 0.09;
  return 0.25;
}

const terminalStatus: Partial<Record<EventCode, ResidentStatus>> = {
  move_out: 'moved_out',
  death: 'deceased',
  erasure: 'erased',
};

/**
 * The city household by household (a 住登外者 comes as a household of one with source 'manual'); stops after
 * exactly `residents` people, cutting the last household short if needed.
 */
export function* generateHouseholds(options: CityOptions): Generator<DemoPerson[]> {
  const total = options.residents;
  const asOf = options.asOf ?? '2026-04-01';
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`residents must be a count: ${total}`);
  if (!isValidDate(asOf) || asOf <= '2011-01-01')
    throw new RangeError(`asOf must be a date after 2011: ${asOf}`);
  const rng = new Rng(options.seed ?? 1);
  const asOfDay = toEpochDay(asOf);
  const ctx: AgeContext = ageContext(asOf);
  const atenaKey = rng.u32();
  const householdKey = rng.u32();
  const myNumberKey = rng.u32();
  let personIndex = 0;
  let householdIndex = 0;

  const myNumber = (i: number) => {
    const first11 = `${1 + (myNumberKey % 9)}${pad(permute10(i, myNumberKey), 10)}`;
    return `${first11}${myNumberCheckDigit(first11)}`;
  };

  while (personIndex < total) {
    if (rng.chance(0.022)) {
      const m = composeOutsider(rng, ctx);
      const atenaNo = pad(permute10(personIndex, atenaKey), 10);
      const address = outsideAddress(rng);
      const day = dayIn(rng, Math.max(REGISTER_FROM, m.birthDay), asOfDay) ?? asOfDay;
      const state: ResidentState = {
        atenaNo,
        householdNo: null,
        name: `${m.surname.name}\u3000${m.given.name}`,
        nameKana: `${m.surname.kana}\u3000${m.given.kana}`,
        birthDate: fromEpochDay(m.birthDay),
        sex: m.sex,
        relationship: '',
        ...address,
        phone: phone(rng),
        status: 'non_registered',
        residentSince: null,
        residentUntil: null,
        supportMeasure: false,
      };
      const mn = rng.chance(0.3) ? myNumber(personIndex) : null;
      personIndex++;
      yield [
        {
          state,
          events: [{ eventCode: 'register', eventDate: fromEpochDay(day), state }],
          source: 'manual',
          myNumber: mn,
        },
      ];
      continue;
    }
    const { kind, members } = composeHousehold(rng, ctx);
    members.length = Math.min(members.length, total - personIndex);
    const plan = planHousehold(
      rng,
      members,
      kind,
      pad(permute10(householdIndex++, householdKey), 10),
      asOfDay,
    );
    const people: DemoPerson[] = [];
    for (const m of members) {
      const atenaNo = pad(permute10(personIndex, atenaKey), 10);
      const events = personEvents(rng, m, plan, atenaNo, asOfDay);
      const mn = rng.chance(0.3) ? myNumber(personIndex) : null;
      personIndex++;
      people.push({ state: events[events.length - 1]!.state, events, source: 'juki', myNumber: mn });
    }
    yield people;
  }
}

/** The people of the city one by one (household members are consecutive). */
export function* generateCity(options: CityOptions): Generator<DemoPerson> {
  for (const household of generateHouseholds(options)) yield* household;
}

function personEvents(
  rng: Rng,
  m: Member,
  plan: HouseholdPlan,
  atenaNo: string,
  asOfDay: number,
): DemoEvent[] {
  const first = firstEvent(rng, m, plan);
  const drafts: Draft[] = [{ code: first.code, day: first.day }];
  let limit = plan.moveOutDay ?? asOfDay + 1;
  let terminal: Draft | null = null;
  let erased: [number, number] = [-1, -1];
  if (rng.chance(deathChance(m.age))) {
    const day = dayIn(rng, first.day + 1, limit - 1);
    if (day !== null) terminal = { code: 'death', day };
  } else if (m.relationship === '子' && m.age >= 18 && m.age <= 35 && rng.chance(0.08)) {
    const day = dayIn(rng, Math.max(first.day + 1, dayAtAge(m.birthDay, 18)), limit - 1);
    if (day !== null) terminal = { code: 'move_out', day };
  } else if (m.age >= 20 && rng.chance(0.0025)) {
    const day = dayIn(rng, first.day + 1, limit - 2);
    const back = day === null || !rng.chance(0.25) ? null : dayIn(rng, day + 1, limit - 1);
    if (day !== null && back !== null) {
      drafts.push({ code: 'erasure', day }, { code: 'restoration', day: back });
      erased = [day, back];
    } else if (day !== null) terminal = { code: 'erasure', day };
  }
  if (!terminal && plan.moveOutDay !== null) terminal = { code: 'move_out', day: plan.moveOutDay };
  limit = terminal?.day ?? asOfDay + 1;
  const active = (day: number) => day > first.day && day < limit && !(day >= erased[0] && day <= erased[1]);
  if (plan.newAddress && active(plan.movedDay)) drafts.push({ code: 'address_change', day: plan.movedDay });
  let maiden = null;
  if (m.relationship === '妻' && m.age >= 22 && m.age <= 45 && rng.chance(0.15)) {
    const day = dayIn(
      rng,
      Math.max(first.day + 1, dayAtAge(m.birthDay, 20)),
      Math.min(limit - 1, dayAtAge(m.birthDay, 40)),
    );
    if (day !== null && active(day)) {
      drafts.push({ code: 'name_change', day });
      maiden = otherSurname(rng, m.surname);
    }
  }
  if (terminal) drafts.push(terminal);
  drafts.sort((a, b) => a.day - b.day);

  const addressAt = (day: number) =>
    plan.newAddress && day >= plan.movedDay ? plan.newAddress : plan.address;
  const surname = maiden ?? m.surname;
  let state: ResidentState = {
    atenaNo,
    householdNo: plan.householdNo,
    name: `${surname.name}\u3000${m.given.name}`,
    nameKana: `${surname.kana}\u3000${m.given.kana}`,
    birthDate: fromEpochDay(m.birthDay),
    sex: m.sex,
    relationship: m.relationship,
    ...addressAt(first.day),
    phone: plan.phone,
    status: 'resident',
    residentSince: fromEpochDay(first.since),
    residentUntil: null,
    supportMeasure: rng.chance(0.003),
  };
  const events: DemoEvent[] = [];
  for (const d of drafts) {
    const eventDate = fromEpochDay(d.day);
    if (d.code === 'address_change') state = { ...state, ...addressAt(d.day) };
    else if (d.code === 'name_change')
      state = {
        ...state,
        name: `${m.surname.name}\u3000${m.given.name}`,
        nameKana: `${m.surname.kana}\u3000${m.given.kana}`,
      };
    else if (d.code === 'restoration') state = { ...state, status: 'resident', residentUntil: null };
    else if (terminalStatus[d.code])
      state = { ...state, status: terminalStatus[d.code]!, residentUntil: eventDate };
    events.push({ eventCode: d.code, eventDate, state });
  }
  return events;
}
