/**
 * Memoised extraction: an area judges people who share what its rules read (age, sex, history …) once and hands
 * the same decision to all of them; the engine then writes a shared decision once. This gives one person their
 * row of a shared decision.
 */
import type { EntryDraft } from './engine.ts';

/** A decision shared by many people: everything of an entry but whose it is. */
export type SharedDecision = Omit<EntryDraft, 'residentId'>;

/** One person's entry from a shared decision (the arrays and details object are the shared ones, not copies). */
export function entryFromShared(residentId: number, shared: SharedDecision): EntryDraft {
  return {
    residentId,
    programs: shared.programs,
    coupons: shared.coupons,
    details: shared.details,
    age: shared.age,
    included: shared.included,
    exclusionReason: shared.exclusionReason,
  };
}
