import { createHash } from 'node:crypto';
import type { EventCode, ResidentState, ResidentStatus } from './types.ts';

/** The state attributes in a fixed order, so the same state always hashes the same. */
const stateKeys: (keyof ResidentState)[] = [
  'atenaNo',
  'householdNo',
  'name',
  'nameKana',
  'birthDate',
  'sex',
  'relationship',
  'postalCode',
  'address',
  'addressExtra',
  'phone',
  'status',
  'residentSince',
  'residentUntil',
  'supportMeasure',
];

export function canonicalState(s: ResidentState): ResidentState {
  const out: Record<string, unknown> = {};
  for (const k of stateKeys) out[k] = s[k] ?? null;
  return out as ResidentState;
}

export function sameState(a: ResidentState, b: ResidentState): boolean {
  return stateKeys.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** Idempotency key of an 異動: re-importing the same (event, date, state) adds nothing. */
export function changeKey(eventCode: EventCode, eventDate: string, state: ResidentState): string {
  return createHash('sha256')
    .update(`${eventCode}|${eventDate}|${JSON.stringify(canonicalState(state))}`)
    .digest('base64url')
    .slice(0, 32);
}

/** The status an 異動 implies; undefined when the event does not change it (氏名変更 etc.). */
export function statusAfterEvent(code: EventCode): ResidentStatus | undefined {
  switch (code) {
    case 'move_in':
    case 'birth':
    case 'restoration':
      return 'resident';
    case 'move_out':
      return 'moved_out';
    case 'death':
      return 'deceased';
    case 'erasure':
      return 'erased';
    default:
      return undefined;
  }
}

export type HistoryEvent = { id: number; eventCode: EventCode; eventDate: string; state: ResidentState };

/**
 * 過去時点の状態: the state of a resident at the end of `onDate` = the state after the latest event
 * dated on or before it (ties broken by recording order). Undefined = not yet known on that date.
 */
export function stateOn(events: HistoryEvent[], onDate: string): ResidentState | undefined {
  let best: HistoryEvent | undefined;
  for (const e of events) {
    if (e.eventDate > onDate) continue;
    if (!best || e.eventDate > best.eventDate || (e.eventDate === best.eventDate && e.id > best.id)) best = e;
  }
  return best?.state;
}
