/**
 * The mailings engine's contract (platform/ knows no business: modules plug in through these ports).
 *
 * A mailing (郵送物) = a target snapshot (items: resident + payload) + a document template + a 発送日.
 * Before printing, and again at print time, every item is re-checked against the resident register
 * (and the owning module's own rule): people who left (転出/死亡/消除) or became ineligible go to the
 * 引き抜きリスト and are not printed. 支援措置対象者 are held until staff confirm the send.
 */

/** What the engine needs to know about a person now (from the residents module). */
export type PersonNow = {
  residentId: number;
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  /** resident | moved_out | deceased | erased | non_registered */
  status: string;
  statusLabel: string;
  supportMeasure: boolean;
};

/** Residents gateway port (wired in app.ts from the residents module). */
export type PeoplePort = {
  current(residentIds: number[]): Promise<Map<number, PersonNow>>;
};

/** A module's own re-check at print time (e.g. 送付不要 registered after extraction). */
export type PurposeRecheck = (
  items: { residentId: number; payload: unknown }[],
  mailing: { fiscalYear: number | null; sourceListId: number | null },
) => Promise<Map<number, { reason: string; label: string }>>;

/** A kind of mailing a module offers (e.g. adult-health.ticket = 受診票（券）). */
export type MailingPurpose = {
  code: string;
  /** e.g. 受診票（券）, 希望調査票 */
  title: string;
  /** documents engine template code */
  template: string;
  recheck?: PurposeRecheck;
  /**
   * Statuses that do not pull a person out (default: only 'resident'). 住登外者 ('non_registered')
   * may be allowed by purposes that serve them.
   */
  allowedStatuses?: string[];
  /**
   * Headers of the payload's scalar fields in the CSV for an outside printer, in this order (other keys
   * follow with the key as header; jsonb does not keep the payload's key order).
   */
  csvLabels?: PurposeCsvLabels;
};

/** 引き抜き理由 codes of the engine (modules add their own through recheck). */
export const pullOutReasons = {
  moved_out: '転出',
  deceased: '死亡',
  erased: '消除',
  non_registered: '住登外',
  not_found: '宛名なし',
  support_measure: '支援措置対象者（送付しない）',
  manual: '手作業で引き抜き',
} as const;

/** 送付方法 */
export const sendMethods = { post: '郵送', hand: '手渡し', counter: '窓口' } as const;
export type SendMethod = keyof typeof sendMethods;

/** 送付先の種別: the resident's own address, or a registered 送付先. */
export const destinationKinds = {
  resident: '住民票住所',
  proxy: '代理人',
  facility: '施設',
  other: 'その他',
} as const;
export type DestinationKind = keyof typeof destinationKinds;

/** 返戻理由 */
export const returnReasons = {
  unknown_address: '宛所不明',
  moved_no_forward: '転居先不明',
  refused: '受取拒否',
  other: 'その他',
} as const;
export type ReturnReason = keyof typeof returnReasons;

// ---- additions by the mailings engine (additive) ----

/** 郵送物の状態 (mailings.status) with the words of the screens. */
export const mailingStatuses = {
  draft: '作成済み',
  checked: '引き抜き確認済み',
  printing: '印刷中',
  printed: '印刷済み',
  sent: '送付情報登録済み',
  cancelled: '取消',
} as const;
export type MailingStatus = keyof typeof mailingStatuses;

/** 対象者の状態 (mailing_items.status). */
export const itemStatuses = {
  included: '印刷対象',
  pulled_out: '引き抜き',
  pending: '要確認（支援措置）',
} as const;
export type ItemStatus = keyof typeof itemStatuses;

/** mailings.counts */
export type MailingCounts = {
  items: number;
  included: number;
  pulledOut: number;
  pendingConfirmation: number;
  pages?: number;
};

/** One generated PDF part (mailings.outputs): items with seq `from`..`to`, `count` people. */
export type MailingOutput = {
  fileId: number;
  name: string;
  from: number;
  to: number;
  pages: number;
  count: number;
};

/**
 * Optional CSV headers for a purpose's payload keys (CSV for an outside printer). Keys without a
 * label keep the key as the header.
 */
export type PurposeCsvLabels = Record<string, string>;
