/**
 * Pure rules of the mailings engine: the 引き抜き decision for one item, the 送付先 that applies on a
 * date, the address block (Recipient) and file names. No I/O here; tested in rules.test.ts.
 */
import { formatWareki } from '../calendar/index.ts';
import type { Recipient } from '../documents/types.ts';
import {
  type DestinationKind,
  destinationKinds,
  type ItemStatus,
  type PersonNow,
  pullOutReasons,
} from './types.ts';

/** What screens show instead of a 支援措置対象者's address (the residents module uses the same text). */
export const hiddenAddressText = '（支援措置のため非表示）';

/** Pull-outs made by staff: the re-check never changes them (only 「戻す」 or the confirmation does). */
export const manualReasons: ReadonlySet<string> = new Set(['manual', 'support_measure']);
export const isManualPullOut = (reason: string | null | undefined): boolean =>
  reason != null && manualReasons.has(reason);

export type ItemState = {
  status: ItemStatus;
  pullReason: string | null;
  pullLabel: string | null;
  /** who confirmed the send of a 支援措置対象者 (null = not confirmed) */
  confirmedBy: number | null;
};

export type Decision = { status: ItemStatus; pullReason: string | null; pullLabel: string | null };

/**
 * The 引き抜き re-check of one item:
 * 1. a manual pull-out (手作業 / 支援措置で送付しない) stays as it is;
 * 2. on a printed mailing (`frozen`), a pulled-out item stays pulled out: it has no printed letter, so
 *    it cannot come back by itself (staff re-print or reissue one);
 * 3. the person is gone from the register (not found, or a status the purpose does not allow) → pulled
 *    out with the status as reason (転出/死亡/消除/住登外/宛名なし);
 * 4. the owning module's own reason (e.g. 送付不要) → pulled out with it;
 * 5. a 支援措置対象者 whose send nobody confirmed → pending;
 * 6. otherwise included (a person whose automatic reason disappeared comes back).
 */
export function decideItem(
  item: ItemState,
  person: PersonNow | undefined,
  moduleReason: { reason: string; label: string } | undefined,
  opts: { allowedStatuses: readonly string[]; frozen: boolean },
): Decision {
  const keep = { status: item.status, pullReason: item.pullReason, pullLabel: item.pullLabel };
  if (item.status === 'pulled_out' && isManualPullOut(item.pullReason)) return keep;
  if (opts.frozen && item.status === 'pulled_out') return keep;
  if (!person) return { status: 'pulled_out', pullReason: 'not_found', pullLabel: pullOutReasons.not_found };
  if (!opts.allowedStatuses.includes(person.status)) {
    const known = person.status in pullOutReasons;
    return {
      status: 'pulled_out',
      pullReason: person.status,
      pullLabel: known ? pullOutReasons[person.status as keyof typeof pullOutReasons] : person.statusLabel,
    };
  }
  if (moduleReason)
    return { status: 'pulled_out', pullReason: moduleReason.reason, pullLabel: moduleReason.label };
  if (person.supportMeasure && item.confirmedBy === null) {
    return { status: 'pending', pullReason: null, pullLabel: null };
  }
  return { status: 'included', pullReason: null, pullLabel: null };
}

export const sameDecision = (a: Decision, b: Decision) =>
  a.status === b.status && a.pullReason === b.pullReason && a.pullLabel === b.pullLabel;

/** A registered 送付先 (mailing_destinations row, the fields the rules need). */
export type DestinationLike = {
  id: number;
  kind: string;
  name: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
};

/** Whether a 送付先 applies on `date` (active and validFrom ≤ date ≤ validUntil). */
export const destinationValidOn = (d: DestinationLike, date: string) =>
  d.active && d.validFrom <= date && (d.validUntil === null || d.validUntil >= date);

/** The 送付先 that applies on `date`: the one that started last (then the newest); none → own address. */
export function destinationOn<D extends DestinationLike>(list: readonly D[], date: string): D | undefined {
  let best: D | undefined;
  for (const d of list) {
    if (!destinationValidOn(d, date)) continue;
    if (!best || d.validFrom > best.validFrom || (d.validFrom === best.validFrom && d.id > best.id)) best = d;
  }
  return best;
}

/** Whether two periods [from, until] overlap (until null = open-ended). */
export function periodsOverlap(
  a: { validFrom: string; validUntil: string | null },
  b: { validFrom: string; validUntil: string | null },
): boolean {
  const aEnd = a.validUntil ?? '9999-12-31';
  const bEnd = b.validUntil ?? '9999-12-31';
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

/**
 * The address block of a letter (送付先の表記の決まり):
 * - no 送付先: the resident's own 住民票住所, addressee = the resident.
 * - 施設 (facility): the facility's address; the facility is printed above the name as
 *   「{施設名} 気付」 and the addressee stays the resident (the usual way to reach someone living in a
 *   facility).
 * - 代理人 / その他: the 送付先's address; the addressee is the 送付先's name and the line above it says
 *   whose letter it is: 「{住民の氏名} 様 分」.
 */
export function recipientFor(person: PersonNow, destination?: DestinationLike | null): Recipient {
  if (!destination) {
    return {
      postalCode: person.postalCode,
      address: person.address,
      addressExtra: person.addressExtra,
      name: person.name,
    };
  }
  const place = {
    postalCode: destination.postalCode,
    address: destination.address,
    addressExtra: destination.addressExtra,
  };
  if (destination.kind === 'facility') {
    return { ...place, name: person.name, careOf: `${destination.name} 気付` };
  }
  return { ...place, name: destination.name, careOf: `${person.name} 様 分` };
}

/** The 宛名 as one line (送付情報 recipient_name): careOf first, as printed. */
export const recipientLine = (r: Recipient) => (r.careOf ? `${r.careOf} ${r.name}` : r.name);

export const destinationKindOf = (destination?: DestinationLike | null): DestinationKind =>
  destination && destination.kind in destinationKinds ? (destination.kind as DestinationKind) : 'resident';

/** 支援措置対象者 on a screen or a preview: the address replaced by the hidden text. */
export const maskRecipient = (r: Recipient): Recipient => maskRecord(r, true);

/** 「（支援措置のため非表示）」 in place of a 支援措置対象者's (`hidden`) address in any record with one. */
export function maskRecord<T extends { postalCode: string; address: string; addressExtra: string }>(
  r: T,
  hidden: boolean,
): T {
  return hidden ? { ...r, postalCode: '', address: hiddenAddressText, addressExtra: '' } : r;
}

/** File name of a generated PDF part: 受診票（券）_令和8年6月1日_0001-1000.pdf */
export function partFileName(title: string, sendDate: string, from: number, to: number, width = 4): string {
  const pad = (n: number) => String(n).padStart(width, '0');
  return `${safeFilePart(title)}_${formatWareki(sendDate)}_${pad(from)}-${pad(to)}.pdf`;
}

/** Other generated files: 受診票（券）_令和8年6月1日_宛名シール12面.pdf */
export function fileName(title: string, sendDate: string, what: string, ext: string): string {
  return `${safeFilePart(title)}_${formatWareki(sendDate)}_${what}.${ext}`;
}

const safeFilePart = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

/** Digits used for seq numbers in file names (at least 4). */
export const seqWidth = (maxSeq: number) => Math.max(4, String(maxSeq).length);

type Scalar = string | number | boolean | null;
const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The payload's flat scalar fields (nested objects and arrays are left out) in key order. */
export function flatScalars(payload: unknown): [string, Scalar][] {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return [];
  return Object.entries(payload as Record<string, unknown>).filter((e): e is [string, Scalar] =>
    isScalar(e[1]),
  );
}

/** A CSV cell of a payload value. */
export const scalarCell = (v: Scalar | undefined): string =>
  v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
