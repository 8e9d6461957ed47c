import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { MyNumberSealer } from './apply.ts';
import { canonicalState, stateOn } from './history.ts';
import { manualResidentsRepository } from './manual-repository.ts';
import { type ResidentRow, residentsRepository, type SearchCriteria } from './repository.ts';
import type { ResidentState } from './types.ts';

export const hiddenText = '（支援措置のため非表示）';

/** Matches are counted up to this many; beyond it the screen says 「1,000件以上」. */
const countCap = 1000;

/** What the screens see of a resident: 支援措置対象者 have address and contact hidden. */
export type ResidentView = Omit<ResidentRow, 'updatedAt'> & { hidden: boolean; hasMyNumber?: boolean };

export function maskProtected<T extends Partial<ResidentState> & { supportMeasure: boolean }>(
  r: T,
): T & { hidden: boolean } {
  if (!r.supportMeasure) return { ...r, hidden: false };
  return { ...r, postalCode: '', address: hiddenText, addressExtra: '', phone: '', hidden: true };
}

/** 個人番号 shown masked: only the last 4 digits. */
export const maskMyNumber = (n: string) => `●●●●●●●●${n.slice(-4)}`;

export type ManualResidentInput = {
  name: string;
  nameKana: string;
  birthDate: string;
  sex: '1' | '2' | '9';
  postalCode: string;
  address: string;
  addressExtra: string;
  phone: string;
  note?: string;
};

const toView = ({ updatedAt: _u, ...r }: ResidentRow): ResidentView => maskProtected(r);

/**
 * The residents gateway: every read or change of a resident's data goes through here and is
 * written to the access log (who, whom, what, from which screen, with which purpose).
 */
export function residentsService(deps: {
  database: Database;
  audit: AuditService;
  sealer: MyNumberSealer & { decrypt(enc: string): string };
}) {
  const { database, audit } = deps;
  const repo = residentsRepository(database);
  const manual = manualResidentsRepository(database.db);

  async function mustGet(id: number): Promise<ResidentRow> {
    const r = await repo.byId(id);
    if (!r) throw notFound('宛名');
    return r;
  }

  return {
    async search(actor: Actor, c: SearchCriteria, opts: { limit: number; screen: string; summary: string }) {
      const { rows, total } = await repo.search(c, opts.limit, countCap);
      await audit.record(actor, {
        action: 'search',
        screen: opts.screen,
        residentIds: rows.map((r) => r.id),
        summary: opts.summary,
      });
      return { rows: rows.map(toView), total, capped: total >= countCap };
    },

    /** All matches for a CSV export (up to `cap`), audited as one export. */
    async exportRows(actor: Actor, c: SearchCriteria, opts: { cap: number; summary: string }) {
      const { rows } = await repo.search(c, opts.cap, opts.cap);
      await audit.record(actor, {
        action: 'export',
        screen: '宛名検索',
        residentIds: rows.map((r) => r.id),
        residentCount: rows.length,
        summary: opts.summary,
      });
      return rows.map(toView);
    },

    /** 宛名画面: basic info, household and 異動履歴 (addresses in history hidden alike). */
    async view(actor: Actor, id: number, screen: string) {
      const r = await mustGet(id);
      const [household, events, enc] = await Promise.all([
        r.householdNo ? repo.household(r.householdNo) : Promise.resolve([r]),
        repo.events(id),
        repo.myNumberEnc(id),
      ]);
      await audit.record(actor, {
        action: 'view',
        screen,
        // The household members shown on the page are read too: log them with the resident.
        residentIds: [id, ...household.map((m) => m.id).filter((m) => m !== id)],
        summary: `宛名番号 ${r.atenaNo}`,
      });
      return {
        resident: { ...toView(r), hasMyNumber: Boolean(enc) },
        myNumberMasked: enc ? maskMyNumber(deps.sealer.decrypt(enc)) : null,
        household: household.map(toView),
        events: events.map((e) => ({ ...e, state: r.supportMeasure ? maskProtected(e.state) : e.state })),
      };
    },

    /** The register's state of a resident at the end of a past date (過去時点の状態). */
    async stateOn(actor: Actor, id: number, onDate: string) {
      const r = await mustGet(id);
      const events = await repo.events(id);
      const state = stateOn(events as never, onDate);
      await audit.record(actor, {
        action: 'view',
        screen: '宛名画面（過去時点）',
        residentIds: [id],
        summary: `${onDate}時点`,
      });
      return state ? (r.supportMeasure ? maskProtected(state) : state) : null;
    },

    /** Shows a protected attribute; needs a stated purpose and is flagged in the access log. */
    async reveal(actor: Actor, id: number, kind: 'address' | 'myNumber', purpose: string) {
      const r = await mustGet(id);
      if (kind === 'myNumber') {
        const enc = await repo.myNumberEnc(id);
        if (!enc) throw new AppError(404, 'NO_MY_NUMBER', 'この方の個人番号は登録されていません。');
        await audit.record(actor, {
          action: 'view',
          screen: '個人番号表示',
          residentIds: [id],
          purpose,
          sensitive: true,
          summary: '個人番号の表示',
        });
        return { myNumber: deps.sealer.decrypt(enc) };
      }
      if (!r.supportMeasure)
        throw new AppError(400, 'NOT_PROTECTED', 'この方は支援措置対象者ではありません。');
      await audit.record(actor, {
        action: 'view',
        screen: '支援措置対象者情報表示',
        residentIds: [id],
        purpose,
        sensitive: true,
        summary: '支援措置対象者の住所・連絡先の表示',
      });
      return { postalCode: r.postalCode, address: r.address, addressExtra: r.addressExtra, phone: r.phone };
    },

    /** 住登外者の登録: people the centre serves who are not on this city's register. */
    async registerManual(actor: Actor, v: ManualResidentInput) {
      // The audit entry is written after the transaction: on PGlite (one connection) a write outside
      // the open transaction would wait for it forever.
      const out = await manual.insert(
        (atenaNo) =>
          canonicalState({
            atenaNo,
            householdNo: null,
            name: v.name,
            nameKana: v.nameKana,
            birthDate: v.birthDate,
            sex: v.sex,
            relationship: '',
            postalCode: v.postalCode,
            address: v.address,
            addressExtra: v.addressExtra,
            phone: v.phone,
            status: 'non_registered',
            residentSince: null,
            residentUntil: null,
            supportMeasure: false,
          }),
        today(),
        actor.userId,
      );
      await audit.record(actor, {
        action: 'change',
        screen: '住登外者登録',
        residentIds: [out.id],
        summary: `住登外者登録 ${out.atenaNo}`,
      });
      return out;
    },

    /** 住登外者の修正, protected by the version (optimistic lock). Register residents are read-only. */
    async updateManual(actor: Actor, id: number, version: number, v: ManualResidentInput) {
      const r = await mustGet(id);
      if (r.source !== 'manual') {
        throw new AppError(
          400,
          'REGISTER_OWNED',
          '住民記録から取り込んだ方の情報はここでは変更できません。住民記録システムの異動で更新されます。',
        );
      }
      const state = canonicalState({ ...r, ...v });
      const newVersion = await manual.update(id, version, state, today(), actor.userId);
      if (newVersion === undefined) throw conflict('この宛名', toView(r));
      const out = { id, version: newVersion };
      await audit.record(actor, {
        action: 'change',
        screen: '住登外者修正',
        residentIds: [id],
        summary: `住登外者修正 ${r.atenaNo}`,
      });
      return out;
    },
  };
}

export type ResidentsService = ReturnType<typeof residentsService>;
