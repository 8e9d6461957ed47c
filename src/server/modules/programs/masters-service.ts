import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { today } from '../../platform/calendar/index.ts';
import { conflict, notFound } from '../../platform/errors/app-error.ts';
import type { SessionView } from '../../platform/reservations/index.ts';
import { kanaSearchKey, nameSearchKey, toHalfWidthAscii } from '../../platform/text/index.ts';
import {
  type InstitutionInput,
  institutionInputSchema,
  type VenueInput,
  venueInputSchema,
} from './masters-schema.ts';
import type { MedicalInstitution, ProgramsRepository, Venue } from './repository.ts';
import type { ProgramCode } from './types.ts';
import { invalid, parse } from './validation.ts';

export type MasterFilter = { q?: string; active?: 'true' | 'false' | 'all' };

/** 会場・医療機関の絞り込み: コード・名称・カナ (ひらがな・半角・濁点の有無を区別しない). */
export function matchesText(row: { code: string; name: string; nameKana: string }, q: string | undefined) {
  const t = q?.trim();
  if (!t) return true;
  const code = toHalfWidthAscii(t).toUpperCase();
  const kana = kanaSearchKey(t);
  return (
    row.code.toUpperCase().includes(code) ||
    nameSearchKey(row.name).includes(nameSearchKey(t)) ||
    (kana !== '' && kanaSearchKey(row.nameKana).includes(kana))
  );
}

const activeFlag = (a: MasterFilter['active']) => (a === 'all' ? null : a !== 'false');

const screen = '事業マスタ';

/** 事業マスタ › 会場 / 医療機関: validated, code-unique, version-checked and audited. */
export function mastersService(deps: {
  repo: ProgramsRepository;
  audit: AuditService;
  /** the 集団検診日程 (a venue in use by one ahead cannot be made inactive) */
  listSessions(f: { venueId: number; from: string }): Promise<SessionView[]>;
}) {
  const { repo, audit, listSessions } = deps;

  async function getVenue(id: number): Promise<Venue> {
    const v = await repo.venue(id);
    if (!v) throw notFound('会場');
    return v;
  }
  async function getInstitution(id: number): Promise<MedicalInstitution> {
    const v = await repo.institution(id);
    if (!v) throw notFound('医療機関');
    return v;
  }
  async function codeTaken<T extends { id: number }>(
    find: (code: string) => Promise<T | undefined>,
    code: string,
    id: number | undefined,
  ) {
    const other = await find(code);
    return other && other.id !== id ? other : undefined;
  }

  return {
    venues: {
      async list(f: MasterFilter = {}): Promise<Venue[]> {
        return (await repo.listVenues(activeFlag(f.active))).filter((v) => matchesText(v, f.q));
      },
      get: getVenue,
      async create(actor: Actor, input: unknown): Promise<Venue> {
        const v: VenueInput = parse(venueInputSchema, input);
        const taken = await codeTaken(repo.venueByCode, v.code, undefined);
        const row = taken ? undefined : await repo.insertVenue(v);
        if (!row) throw invalid([{ path: 'code', message: `会場コード「${v.code}」は既に使われています。` }]);
        await audit.record(actor, {
          action: 'admin',
          screen,
          summary: `会場の登録 ${v.code} ${v.name}`,
          detail: { venue: row },
        });
        return row;
      },
      async update(actor: Actor, id: number, version: number, input: unknown): Promise<Venue> {
        const v: VenueInput = parse(venueInputSchema, input);
        const current = await getVenue(id);
        const taken = await codeTaken(repo.venueByCode, v.code, id);
        if (taken) {
          throw invalid([
            { path: 'code', message: `会場コード「${v.code}」は既に「${taken.name}」で使われています。` },
          ]);
        }
        if (current.active && !v.active) {
          const n = (await listSessions({ venueId: id, from: today() })).length;
          if (n > 0) {
            throw invalid([
              {
                path: 'active',
                message: `この会場では今日以降に集団検診日程が${n}件あります。無効にする前に、日程の会場を変更してください。`,
              },
            ]);
          }
        }
        const row = await repo.updateVenue(id, version, v);
        if (!row) throw conflict('この会場', current);
        await audit.record(actor, {
          action: 'admin',
          screen,
          summary: `会場の${current.active && !v.active ? '無効化' : '変更'} ${v.code} ${v.name}`,
          detail: { before: current, after: row },
        });
        return row;
      },
    },

    institutions: {
      async list(f: MasterFilter & { program?: ProgramCode } = {}): Promise<MedicalInstitution[]> {
        return (await repo.listInstitutions(activeFlag(f.active), f.program)).filter((v) =>
          matchesText(v, f.q),
        );
      },
      get: getInstitution,
      async create(actor: Actor, input: unknown): Promise<MedicalInstitution> {
        const v: InstitutionInput = parse(institutionInputSchema, input);
        const taken = await codeTaken(repo.institutionByCode, v.code, undefined);
        const row = taken ? undefined : await repo.insertInstitution(v);
        if (!row) {
          throw invalid([
            {
              path: 'code',
              message: `医療機関コード「${v.code}」は既に${taken ? `「${taken.name}」で` : ''}使われています。`,
            },
          ]);
        }
        await audit.record(actor, {
          action: 'admin',
          screen,
          summary: `医療機関の登録 ${v.code} ${v.name}`,
          detail: { institution: row },
        });
        return row;
      },
      async update(actor: Actor, id: number, version: number, input: unknown): Promise<MedicalInstitution> {
        const v: InstitutionInput = parse(institutionInputSchema, input);
        const current = await getInstitution(id);
        const taken = await codeTaken(repo.institutionByCode, v.code, id);
        if (taken) {
          throw invalid([
            { path: 'code', message: `医療機関コード「${v.code}」は既に「${taken.name}」で使われています。` },
          ]);
        }
        const row = await repo.updateInstitution(id, version, v);
        if (!row) throw conflict('この医療機関', current);
        await audit.record(actor, {
          action: 'admin',
          screen,
          summary: `医療機関の${current.active && !v.active ? '無効化' : '変更'} ${v.code} ${v.name}`,
          detail: { before: current, after: row },
        });
        return row;
      },
    },
  };
}
