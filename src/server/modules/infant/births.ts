/**
 * 出生連絡票 (F07-01 出生時状況): registering a child's birth opens the 母子カード. The child is a resident (usually
 * registered by the 住民記録 import as 出生) or a 住登外者 created here through the residents module; the mother and
 * her open pregnancy are linked (the pregnancy's outcome becomes 出産 only if none is recorded) and so is the child's
 * 母子健康手帳 (child_index = 出生順). 低出生体重・早産・Apgar 5分 < 7 are registered for follow-up (source 'birth').
 * Every read and change is audited with the child's and the mother's resident ids; edits use the version read.
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { parseDateInput, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import { registerFollowUp } from '../maternal/follow-ups.ts';
import { maternalSettingsOf } from '../maternal/settings.ts';
import type { ResidentsService } from '../residents/index.ts';
import { type BirthWrite, birthRepository as repo } from './birth-repository.ts';
import {
  type BirthValues,
  birthFlags,
  birthFollowUpReasons,
  checkBirth,
  cmToMm,
  type FieldIssue,
} from './birth-rules.ts';

const screen = '母子カード 出生連絡票';

/** Other items of the 出生連絡票 (births.details). */
export type BirthDetails = {
  /** 立会者: doctor 医師 | midwife 助産師 | other */
  attendant?: string;
  /** 出生時の状況・特記事項 (新生児の疾病・処置 etc.) */
  remarks?: string;
};

export type NewChildInput = Parameters<ResidentsService['registerManual']>[1];

export type BirthInput = {
  /** the child (a resident); null with `newChild` to register a 住登外者 child first */
  childResidentId: number | null;
  newChild: NewChildInput | null;
  motherResidentId: number | null;
  /** null: the mother's open pregnancy, if any */
  pregnancyId: number | null;
  receivedOn: string;
  receivedVia: string;
  birthTime: string;
  birthWeightG: number | null;
  heightCm: string;
  headCm: string;
  chestCm: string;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  delivery: string;
  birthOrder: number | null;
  apgar1: number | null;
  apgar5: number | null;
  birthPlace: string;
  institutionName: string;
  details: BirthDetails;
  note: string;
  /** the version read when correcting an existing 出生連絡票 (null: a new one) */
  version: number | null;
};

const fail = (fields: FieldIssue[]) =>
  badRequest(`入力に誤りがあります（${fields.length}件）。${fields[0]!.message}`, { fields });

export function birthsService(deps: {
  database: Database;
  audit: AuditService;
  residents: Pick<ResidentsService, 'registerManual'>;
}) {
  const { database, audit } = deps;
  /** 低出生体重の基準 (g): the city's value (母子保健の自治体設定), default 2,500 (§4.2 [U]) */
  const threshold = async () => (await maternalSettingsOf(database)).lowBirthWeightGrams;

  async function mustPerson(id: number, what: string) {
    const p = await repo.person(database, id);
    if (!p) throw notFound(what);
    return p;
  }

  /** Parses and checks the input into the row to write (400 per field). */
  function values(v: BirthInput, childBirthDate: string, fetusCount: number | null) {
    const fields: FieldIssue[] = [];
    const cm = (path: string, text: string) => {
      const r = cmToMm(text);
      if (!r.ok) fields.push({ path, message: r.message });
      return r.ok ? r.mm : null;
    };
    const measured: BirthValues = {
      birthWeightG: v.birthWeightG,
      heightMm: cm('heightCm', v.heightCm),
      headMm: cm('headCm', v.headCm),
      chestMm: cm('chestCm', v.chestCm),
      gestationalWeeks: v.gestationalWeeks,
      gestationalDays: v.gestationalDays,
      apgar1: v.apgar1,
      apgar5: v.apgar5,
      delivery: v.delivery,
      receivedVia: v.receivedVia,
      birthTime: v.birthTime,
      birthOrder: v.birthOrder,
    };
    fields.push(...checkBirth(measured, fetusCount));
    const received = parseDateInput(v.receivedOn);
    if (!received.ok) fields.push({ path: 'receivedOn', message: `受理日: ${received.message}` });
    else if (received.date > today())
      fields.push({ path: 'receivedOn', message: '受理日が今日より後です。受理日を確かめてください。' });
    else if (received.date < childBirthDate)
      fields.push({ path: 'receivedOn', message: '受理日が生年月日より前です。受理日を確かめてください。' });
    if (fields.length) throw fail(fields);
    return { measured, receivedOn: received.ok ? received.date : '' };
  }

  return {
    /** The 低出生体重 threshold in force (the entry form marks a weight below it). */
    lowBirthWeightG: threshold,

    /** The 出生連絡票 of a child (null when none yet), the child, the mother and the pregnancy linked. */
    async get(actor: Actor, childResidentId: number) {
      const child = await mustPerson(childResidentId, '子の宛名');
      const birth = (await repo.byChild(database, childResidentId)) ?? null;
      const mother = birth?.motherResidentId
        ? ((await repo.person(database, birth.motherResidentId)) ?? null)
        : null;
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [childResidentId, ...(mother ? [mother.id] : [])],
        summary: `出生連絡票の表示（${child.atenaNo}）`,
      });
      return { child, birth, mother, lowBirthWeightG: await threshold() };
    },

    /** The pregnancy a birth on `bornOn` would be linked to (the entry form shows 胎児数 and the 届出番号). */
    async pregnancyOf(actor: Actor, motherResidentId: number, bornOn: string) {
      const mother = await mustPerson(motherResidentId, '母の宛名');
      const pregnancy = (await repo.pregnancy(database, mother.id, null, bornOn)) ?? null;
      await audit.record(actor, {
        action: 'view',
        screen,
        residentIds: [mother.id],
        summary: `出生連絡票: 母の妊娠届の確認（${mother.atenaNo}）`,
      });
      return { mother, pregnancy };
    },

    /** The latest 出生連絡票 registered (母子カード検索). */
    async recent(actor: Actor, limit = 30) {
      const rows = await repo.recent(database, limit);
      await audit.record(actor, {
        action: 'search',
        screen: '母子カード 検索',
        residentIds: rows.map((r) => r.id),
        summary: `最近の出生連絡票（${rows.length}件）`,
      });
      return { rows };
    },

    /** Registers (or corrects at the version read) a 出生連絡票, linking the pregnancy and the handbook. */
    async register(actor: Actor, v: BirthInput) {
      if (!v.childResidentId && !v.newChild)
        throw badRequest('子を選ぶか、住登外者として子を登録してください。', {
          fields: [{ path: 'childResidentId', message: '子を選んでください。' }],
        });
      const childBirth =
        v.newChild?.birthDate ?? (await mustPerson(v.childResidentId!, '子の宛名')).birthDate;
      const mother = v.motherResidentId ? await mustPerson(v.motherResidentId, '母の宛名') : null;
      const pregnancy = mother
        ? ((await repo.pregnancy(database, mother.id, v.pregnancyId, childBirth)) ?? null)
        : null;
      if (v.pregnancyId && !pregnancy)
        throw badRequest('指定の妊娠届はこの母のものではありません。母か妊娠届を選び直してください。');
      if (v.childResidentId) {
        const existing = await repo.byChild(database, v.childResidentId);
        if (existing && v.version === null)
          throw badRequest('この子の出生連絡票は登録済みです。母子カードから修正してください。');
      }
      const { measured, receivedOn } = values(v, childBirth, pregnancy?.fetusCount ?? null);
      const childId = v.childResidentId ?? (await deps.residents.registerManual(actor, v.newChild!)).id;
      const child = await mustPerson(childId, '子の宛名');
      if (mother && mother.id === child.id)
        throw badRequest('母と子に同じ方が選ばれています。母を選び直してください。');
      const flags = birthFlags(measured, await threshold());
      const { receivedVia: _r, ...rest } = measured;
      const row: BirthWrite = {
        ...rest,
        childResidentId: child.id,
        motherResidentId: mother?.id ?? null,
        pregnancyId: pregnancy?.id ?? null,
        receivedOn,
        receivedVia: v.receivedVia,
        birthPlace: v.birthPlace,
        institutionName: v.institutionName,
        lowBirthWeight: flags.lowBirthWeight,
        details: { ...v.details },
        note: v.note,
      };
      const reasons = birthFollowUpReasons(measured, flags);
      const out = await database.transaction(async (tx) => {
        const existing = await repo.byChild(tx, child.id);
        let id: number;
        let version: number;
        if (existing) {
          const next = await repo.update(tx, existing.id, v.version ?? -1, row, actor.userId);
          if (next === undefined) throw conflict('この出生連絡票', existing);
          id = existing.id;
          version = next;
        } else {
          ({ id, version } = await repo.insert(tx, row, actor.userId));
          if (!id) throw badRequest('この子の出生連絡票は登録済みです。母子カードを開き直してください。');
        }
        const outcomeSet = pregnancy
          ? await repo.setPregnancyBornIfOpen(tx, pregnancy.id, child.birthDate, actor.userId)
          : false;
        const handbooks = pregnancy
          ? await repo.linkHandbooks(tx, pregnancy.id, v.birthOrder ?? 1, child.id)
          : [];
        const followUpId = reasons.length
          ? await registerFollowUp(tx, {
              residentId: child.id,
              source: 'birth',
              sourceId: id,
              reasons,
              registeredOn: today(),
              userId: actor.userId,
            })
          : null;
        return { id, version, outcomeSet, handbooks, followUpId };
      });
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [child.id, ...(mother ? [mother.id] : [])],
        summary: `出生連絡票の${v.version === null ? '登録' : '修正'}（${child.atenaNo}${flags.lowBirthWeight ? '・低出生体重' : ''}）`,
        detail: { birthId: out.id, pregnancyId: pregnancy?.id ?? null, handbooks: out.handbooks },
      });
      return {
        ...out,
        childResidentId: child.id,
        pregnancyId: pregnancy?.id ?? null,
        lowBirthWeight: flags.lowBirthWeight,
        flags,
        followUpReasons: reasons,
      };
    },
  };
}

export type BirthsService = ReturnType<typeof birthsService>;
