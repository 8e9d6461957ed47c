/** Resident status (住民区分/状態). */
export const residentStatuses = ['resident', 'moved_out', 'deceased', 'erased', 'non_registered'] as const;
export type ResidentStatus = (typeof residentStatuses)[number];

export const statusLabels: Record<ResidentStatus, string> = {
  resident: '住民',
  moved_out: '転出',
  deceased: '死亡',
  erased: '消除',
  non_registered: '住登外',
};

/**
 * 異動事由. `full` = a row of a full load (全件) without a stated 異動; `register`/`correct` are
 * hand entries (住登外者 登録 / 修正).
 */
export const eventCodes = [
  'move_in',
  'birth',
  'move_out',
  'death',
  'name_change',
  'address_change',
  'erasure',
  'restoration',
  'full',
  'register',
  'correct',
] as const;
export type EventCode = (typeof eventCodes)[number];

export const eventLabels: Record<EventCode, string> = {
  move_in: '転入',
  birth: '出生',
  move_out: '転出',
  death: '死亡',
  name_change: '氏名変更',
  address_change: '住所変更',
  erasure: '職権消除',
  restoration: '回復',
  full: '全件',
  register: '登録',
  correct: '修正',
};

export type Sex = '1' | '2' | '9';
export const sexLabels: Record<Sex, string> = { '1': '男', '2': '女', '9': '不明' };

/** The attributes of a resident as the register knows them (the state kept in each 異動 event). */
export type ResidentState = {
  atenaNo: string;
  householdNo: string | null;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: Sex;
  relationship: string;
  postalCode: string;
  address: string;
  addressExtra: string;
  phone: string;
  status: ResidentStatus;
  residentSince: string | null;
  residentUntil: string | null;
  supportMeasure: boolean;
};

/** One validated row of a residents file (or one generated demo resident). */
export type ResidentRecord = ResidentState & {
  eventCode: EventCode;
  eventDate: string;
  /** 個人番号, 12 digits, only when the file carries it. */
  myNumber: string | null;
};
