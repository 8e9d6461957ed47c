/**
 * 妊娠届の電子申請ファイル (F06-02 手順2, docs/interfaces/e-application.md「妊娠届」): CSV (UTF-8 with or without
 * BOM, or Shift_JIS) or XML read into normalised notifications, row-accounted: every notification ends up either
 * in `rows` or, with its line (CSV) or position (XML) and a message per problem, in `errors`. A file that cannot be
 * read at all is a 400 error. The アンケート columns are the questions of questionnaire.ts, by label or code; a
 * 個人番号 column is skipped unread. Pure.
 */
import {
  accountNumberedRecords,
  csvNamedRecords,
  decodeText,
  headerNeeds,
  nameKey,
  xmlNamedRecords,
} from '../../platform/imports/named-records.ts';
import {
  type NotificationField,
  type NotificationRow,
  normaliseNotification,
  notificationFields,
  questionOfColumn,
  type RawNotification,
} from './e-notification-fields.ts';
import { questions } from './questionnaire.ts';

export type { NotificationRow } from './e-notification-fields.ts';

export type NotificationRowError = {
  line: number;
  applicationNo: string;
  field: NotificationField;
  /** the column as the file names it (アンケート: the question) */
  label: string;
  message: string;
};

const labelOf = (field: NotificationField) =>
  field.startsWith('questionnaire.')
    ? `アンケート「${questions.find((q) => `questionnaire.${q.code}` === field)?.label ?? field}」`
    : (notificationFields[field as Field] ?? field);

const DOC = '（docs/interfaces/e-application.md「妊娠届」）';

type Field = keyof typeof notificationFields;
type ColumnName = Field | 'familyName' | 'givenName' | 'familyKana' | 'givenKana';
/** Header / element names → field: the names of the format plus the variants other exports use (要確認). */
const names = new Map<string, ColumnName>(
  Object.entries({
    ...Object.fromEntries(Object.entries(notificationFields).map(([f, label]) => [nameKey(label), f])),
    申込番号: 'applicationNo',
    受付番号: 'applicationNo',
    申込日時: 'appliedAt',
    受付日時: 'appliedAt',
    届出日時: 'appliedAt',
    届出者氏名: 'name',
    妊婦氏名: 'name',
    フリガナ: 'nameKana',
    ふりがな: 'nameKana',
    氏名フリガナ: 'nameKana',
    メールアドレス: 'email',
    分娩予定日: 'dueDate',
    届出時の妊娠週数: 'weeks',
    診断を受けた医師: 'diagnosedBy',
    医師名: 'diagnosedBy',
    医療機関: 'diagnosisInstitution',
    医療機関名: 'diagnosisInstitution',
    '性病・結核に関する健康診断': 'stdTbCheckup',
    受取方法: 'delivery',
    母子健康手帳の受取方法: 'delivery',
    面談の希望: 'interviewWish',
    姓: 'familyName',
    名: 'givenName',
    セイ: 'familyKana',
    メイ: 'givenKana',
  }) as [string, ColumnName][],
);

/** Raw notification from name/value pairs (CSV header + cells, or XML child elements). */
function rawOf(pairs: [string, string][]): RawNotification {
  const raw: RawNotification = { answers: {} };
  const split: Record<string, string> = {};
  for (const [n, value] of pairs) {
    const f = names.get(nameKey(n));
    if (f === 'familyName' || f === 'givenName' || f === 'familyKana' || f === 'givenKana') split[f] = value;
    else if (f) raw[f] = value;
    else {
      const q = questionOfColumn(n);
      if (q) raw.answers[q.code] = value;
    }
  }
  const join = (a?: string, b?: string) => [a, b].filter((s) => s?.trim()).join(' ');
  if (!raw.name?.trim()) raw.name = join(split.familyName, split.givenName);
  if (!raw.nameKana?.trim()) raw.nameKana = join(split.familyKana, split.givenKana);
  return raw;
}

function notifications(text: string, kind: 'csv' | 'xml'): { line: number; raw: RawNotification }[] {
  const records =
    kind === 'xml'
      ? xmlNamedRecords(text, { doc: DOC, root: '妊娠届一覧', item: '届出', repeated: [] })
      : csvNamedRecords(text, {
          doc: DOC,
          checkHeader: headerNeeds({
            names,
            needed: ['applicationNo', 'nameKana', 'birthDate'],
            labels: notificationFields,
            doc: DOC,
            alsoCounts: ['familyKana', 'nameKana'],
          }),
        });
  return records.map(({ line, pairs }) => ({ line, raw: rawOf(pairs) }));
}

/** Reads a file of 妊娠届. A 申請番号 already used by an earlier notification of the file is an error. */
export function readNotificationFile(
  buf: Buffer,
  kind: 'csv' | 'xml',
): { rows: NotificationRow[]; errors: NotificationRowError[] } {
  const read = accountNumberedRecords(notifications(decodeText(buf), kind), normaliseNotification, {
    kind,
    numberField: 'applicationNo' as NotificationField,
    numberLabel: '申請番号',
    what: '届出',
  });
  return { rows: read.rows, errors: read.errors.map((e) => ({ ...e, label: labelOf(e.field) })) };
}
