/**
 * Print-time re-check of 予防接種 mailings (予診票, 接種勧奨通知): people whose every dose of the payload is now
 * 接種済 by the engine (judged today with every non-deleted record) are pulled out — a record entered after the
 * extraction (引き抜き 「接種済（抽出後に記録）」).
 */
import { today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { PurposeRecheck } from '../../platform/mailings/types.ts';
import { vaccinationExtractionRepository as repo } from './extraction-repository.ts';
import { enginePerson } from './records.ts';
import { scheduleFor } from './rules.ts';
import { masterOf } from './settings.ts';
import { specialsFor } from './specials.ts';

export const pulledOutVaccinated = { reason: 'vaccinated', label: '接種済（抽出後に記録）' } as const;

/** The doses a payload is about: (vaccine, 回). */
function dosesOf(payload: unknown): Array<{ code: string; dose: string }> {
  const p = payload as { vaccineCode?: string; dose?: string; doses?: Array<{ code: string; dose: string }> };
  if (p.doses) return p.doses;
  return p.vaccineCode ? [{ code: p.vaccineCode, dose: p.dose ?? '' }] : [];
}

/**
 * Pulls out people whose every dose of the payload is now 接種済 by the engine (judged today with every
 * non-deleted record): a record entered after the extraction (the 予診票 came back, another clinic …).
 */
export function vaccinatedRecheck(database: Database): PurposeRecheck {
  return async (items) => {
    const out = new Map<number, { reason: string; label: string }>();
    if (items.length === 0) return out;
    const ids = items.map((i) => i.residentId);
    const now = await repo.people(database, ids);
    const specials = await specialsFor(database, ids);
    const master = await masterOf(database);
    const on = today();
    for (const i of items) {
      const p = now.get(i.residentId);
      const doses = dosesOf(i.payload);
      if (!p || doses.length === 0 || p.history.length === 0 || p.birthDate > on) continue;
      const rows = scheduleFor(enginePerson(p, specials.get(i.residentId)), p.history, on, master);
      const done = doses.every((d) =>
        rows.some((r) => r.vaccine === d.code && r.status === 'completed' && (!d.dose || r.dose === d.dose)),
      );
      if (done) out.set(i.residentId, { ...pulledOutVaccinated });
    }
    return out;
  };
}
