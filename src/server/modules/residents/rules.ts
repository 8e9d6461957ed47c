import { parseDateInput, today } from '../../platform/calendar/index.ts';
import { hiraganaToKatakana, toFullWidthKana, toHalfWidthAscii } from '../../platform/text/index.ts';
import { statusAfterEvent } from './history.ts';
import { isValidMyNumber } from './my-number.ts';
import {
  type EventCode,
  eventLabels,
  type ResidentRecord,
  type ResidentStatus,
  type Sex,
  statusLabels,
} from './types.ts';

/**
 * Rules for one row of a residents file (住民記録システム → 健康管理), see docs/interfaces/residents.md.
 * Pure: returns the normalised record or every problem of the row, in Japanese.
 */

export type ImportMode = 'full' | 'delta';
export type RowError = { column: string; value: string; message: string };

/** Column headers we read, with the aliases some register systems use. */
export const columns = {
  atenaNo: ['宛名番号'],
  householdNo: ['世帯番号'],
  name: ['氏名'],
  nameKana: ['氏名カナ', 'カナ氏名', 'フリガナ'],
  birthDate: ['生年月日'],
  sex: ['性別'],
  relationship: ['続柄'],
  postalCode: ['郵便番号'],
  address: ['住所'],
  addressExtra: ['方書'],
  phone: ['電話番号'],
  status: ['住民状態', '住民区分', '状態'],
  eventCode: ['異動事由'],
  eventDate: ['異動日'],
  residentSince: ['住民となった日', '住定日'],
  residentUntil: ['住民でなくなった日', '消除日'],
  supportMeasure: ['支援措置', '支援措置対象'],
  myNumber: ['個人番号'],
} as const;
export type ColumnKey = keyof typeof columns;

const requiredColumns: ColumnKey[] = [
  'atenaNo',
  'householdNo',
  'name',
  'nameKana',
  'birthDate',
  'sex',
  'relationship',
  'postalCode',
  'address',
  'status',
  'eventCode',
  'eventDate',
];

/** Maps the header row to column keys; reports missing required columns (a file-level error). */
export function mapHeader(header: string[]): {
  index: Partial<Record<ColumnKey, number>>;
  missing: string[];
} {
  const clean = header.map((h) => h.replace(/^\ufeff/, '').trim());
  const index: Partial<Record<ColumnKey, number>> = {};
  for (const [key, names] of Object.entries(columns) as [ColumnKey, readonly string[]][]) {
    const i = clean.findIndex((h) => names.includes(h));
    if (i >= 0) index[key] = i;
  }
  const missing = requiredColumns.filter((k) => index[k] === undefined).map((k) => columns[k][0]);
  return { index, missing };
}

const labelToStatus = new Map<string, ResidentStatus>([
  ...Object.entries(statusLabels).map(([k, v]) => [v, k as ResidentStatus] as const),
  ['職権消除', 'erased'],
  ['住民票消除', 'erased'],
]);
const labelToEvent = new Map<string, EventCode>(
  Object.entries(eventLabels)
    .filter(([k]) => !['full', 'register', 'correct'].includes(k))
    .map(([k, v]) => [v, k as EventCode] as const),
);
const sexValues = new Map<string, Sex>([
  ['男', '1'],
  ['1', '1'],
  ['女', '2'],
  ['2', '2'],
  ['9', '9'],
  ['不明', '9'],
]);

const kanaPattern = /^[\u30A0-\u30FF\u3000 ・ー]+$/u;

export function normalizeKana(s: string): string {
  return hiraganaToKatakana(toFullWidthKana(s.trim())).replace(/ +/g, '\u3000');
}

function date(raw: string, column: string, errors: RowError[], required: boolean): string | null | undefined {
  const v = raw.trim();
  if (!v) {
    if (required)
      errors.push({
        column,
        value: raw,
        message: `${column}を入力してください（例: 2026-04-01 または 令和8年4月1日）。`,
      });
    return null;
  }
  const r = parseDateInput(v);
  if (!r.ok) {
    errors.push({ column, value: raw, message: `${column}: ${r.message}` });
    return undefined;
  }
  return r.date;
}

/** Validates and normalises one data row. `get` reads a column's raw text ('' when absent). */
export function parseResidentRow(
  get: (key: ColumnKey) => string,
  mode: ImportMode,
  asOf: string = today(),
): { record: ResidentRecord; errors: [] } | { record?: undefined; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (key: ColumnKey, message: string) =>
    errors.push({ column: columns[key][0], value: get(key), message });

  const atenaNo = toHalfWidthAscii(get('atenaNo').trim());
  if (!atenaNo) err('atenaNo', '宛名番号を入力してください。');
  else if (!/^\d{1,15}$/.test(atenaNo)) err('atenaNo', '宛名番号は15桁以内の数字です。');

  const householdNo = toHalfWidthAscii(get('householdNo').trim());
  if (householdNo && !/^\d{1,15}$/.test(householdNo)) err('householdNo', '世帯番号は15桁以内の数字です。');

  const name = get('name').trim();
  if (!name) err('name', '氏名を入力してください。');
  else if ([...name].length > 100) err('name', '氏名は100文字以内です。');

  const nameKana = normalizeKana(get('nameKana'));
  if (!nameKana) err('nameKana', '氏名カナを入力してください。');
  else if (!kanaPattern.test(nameKana))
    err('nameKana', '氏名カナはカタカナで入力してください（漢字・英字は使えません）。');

  const birthDate = date(get('birthDate'), '生年月日', errors, true);
  if (birthDate && birthDate > asOf) err('birthDate', '生年月日が未来の日付です。');

  const sex = sexValues.get(toHalfWidthAscii(get('sex').trim()));
  if (!sex) err('sex', '性別は 男・女（または 1・2）で入力してください。');

  const postalCode = toHalfWidthAscii(get('postalCode').trim()).replace(/[-ー－]/g, '');
  if (postalCode && !/^\d{7}$/.test(postalCode))
    err('postalCode', '郵便番号は7桁の数字です（例: 123-4567）。');

  const statusRaw = get('status').trim();
  const status = labelToStatus.get(statusRaw);
  if (!status) err('status', `住民状態は ${['住民', '転出', '死亡', '消除'].join('・')} のいずれかです。`);
  else if (status === 'non_registered')
    err('status', '住登外者は住民記録から取り込めません。宛名画面から登録してください。');

  const eventRaw = get('eventCode').trim();
  let eventCode: EventCode | undefined;
  if (!eventRaw) {
    if (mode === 'delta')
      err(
        'eventCode',
        '異動分の取込では異動事由が必要です（転入・出生・転出・死亡・氏名変更・住所変更・職権消除・回復）。',
      );
    else eventCode = 'full';
  } else {
    eventCode = labelToEvent.get(eventRaw);
    if (!eventCode)
      err(
        'eventCode',
        `異動事由「${eventRaw}」は使えません。転入・出生・転出・死亡・氏名変更・住所変更・職権消除・回復のいずれかです。`,
      );
  }
  const implied = eventCode ? statusAfterEvent(eventCode) : undefined;
  if (implied && status && implied !== status) {
    err(
      'status',
      `異動事由「${eventRaw}」の後の住民状態は「${statusLabels[implied]}」のはずです（「${statusRaw}」になっています）。`,
    );
  }

  const eventDateRaw = date(
    get('eventDate'),
    '異動日',
    errors,
    eventCode !== undefined && eventCode !== 'full',
  );
  const eventDate =
    eventDateRaw ??
    (eventCode === 'full' ? (date(get('residentSince'), '住民となった日', [], false) ?? birthDate) : null);
  if (eventDate && birthDate && eventDate < birthDate) err('eventDate', '異動日が生年月日より前です。');
  if (eventDate && eventDate > asOf) err('eventDate', '異動日が未来の日付です。');

  const residentSince = date(get('residentSince'), '住民となった日', errors, false);
  let residentUntil = date(get('residentUntil'), '住民でなくなった日', errors, false);
  if (residentSince && residentUntil && residentUntil < residentSince) {
    err('residentUntil', '住民でなくなった日が住民となった日より前です。');
  }
  if (status && status !== 'resident' && residentUntil === null) residentUntil = eventDateRaw ?? null;

  const supportRaw = get('supportMeasure').trim();
  const supportMeasure = ['1', '○', '有', 'あり', '対象'].includes(supportRaw);
  if (supportRaw && !supportMeasure && !['0', '無', 'なし', '非対象'].includes(supportRaw)) {
    err('supportMeasure', '支援措置は 1（対象）または空欄・0（対象外）です。');
  }

  const myNumber = toHalfWidthAscii(get('myNumber').trim()).replace(/[\s-]/g, '');
  if (myNumber && !isValidMyNumber(myNumber))
    err('myNumber', '個人番号は検査用数字が正しい12桁の数字です。番号を確かめてください。');

  if (errors.length) return { errors };
  return {
    errors: [],
    record: {
      atenaNo,
      householdNo: householdNo || null,
      name,
      nameKana,
      birthDate: birthDate!,
      sex: sex!,
      relationship: get('relationship').trim(),
      postalCode,
      address: get('address').trim(),
      addressExtra: get('addressExtra').trim(),
      phone: toHalfWidthAscii(get('phone').trim()),
      status: status!,
      residentSince: residentSince ?? null,
      residentUntil: residentUntil ?? null,
      supportMeasure,
      eventCode: eventCode!,
      eventDate: eventDate!,
      myNumber: myNumber || null,
    },
  };
}
