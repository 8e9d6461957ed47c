/**
 * 電子申請の申込ファイル (F02-04, docs/interfaces/e-application.md): CSV (UTF-8 with or without BOM, or Shift_JIS)
 * or XML read into normalised applications. Row-accounted: every application ends up either in `rows` or, with
 * its line (CSV) or position (XML) and a message per problem, in `errors`. A file that cannot be read at all
 * (no header, broken XML) is a 400 error. Pure: matching to residents and saving are done by the caller.
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
  type ApplicationField,
  type ApplicationRow,
  applicationFields,
  normaliseApplication,
  type RawApplication,
} from './e-application-fields.ts';

export type { ApplicationRow } from './e-application-fields.ts';

/** One problem of one application (`line` as in ApplicationRow). */
export type RowError = {
  line: number;
  applicationNo: string;
  field: ApplicationField;
  message: string;
};

const DOC = '（docs/interfaces/e-application.md）';

/** Header / element names → field: the names of the format plus the variants other exports use (要確認). */
type ColumnName = ApplicationField | 'familyName' | 'givenName' | 'familyKana' | 'givenKana';
const names = new Map<string, ColumnName>(
  Object.entries({
    ...Object.fromEntries(Object.entries(applicationFields).map(([f, label]) => [label, f])),
    申請番号: 'applicationNo',
    受付番号: 'applicationNo',
    元申請番号: 'originalNo',
    申請日時: 'appliedAt',
    受付日時: 'appliedAt',
    申込者氏名: 'name',
    フリガナ: 'nameKana',
    ふりがな: 'nameKana',
    氏名フリガナ: 'nameKana',
    メールアドレス: 'email',
    希望形態: 'form',
    医療機関: 'clinic',
    集団検診日: 'preferredDate',
    会場: 'venue',
    姓: 'familyName',
    名: 'givenName',
    セイ: 'familyKana',
    メイ: 'givenKana',
  }) as [string, ColumnName][],
);

/** Raw application from name/value pairs (CSV header + cells, or XML child elements). */
function rawOf(pairs: [string, string][]): RawApplication {
  const raw: RawApplication = { programs: [] };
  const split: Record<string, string> = {};
  for (const [n, value] of pairs) {
    const f = names.get(nameKey(n));
    if (f === 'programs') raw.programs.push(value);
    else if (f === 'familyName' || f === 'givenName' || f === 'familyKana' || f === 'givenKana')
      split[f] = value;
    else if (f) raw[f] = value;
  }
  // 姓・名 in two columns (要確認: some services export them apart)
  const join = (a?: string, b?: string) => [a, b].filter((s) => s?.trim()).join(' ');
  if (!raw.name?.trim()) raw.name = join(split.familyName, split.givenName);
  if (!raw.nameKana?.trim()) raw.nameKana = join(split.familyKana, split.givenKana);
  return raw;
}

function applications(text: string, kind: 'csv' | 'xml'): { line: number; raw: RawApplication }[] {
  const records =
    kind === 'xml'
      ? xmlNamedRecords(text, { doc: DOC, root: '電子申請一覧', item: '申込', repeated: ['希望検診'] })
      : csvNamedRecords(text, {
          doc: DOC,
          checkHeader: headerNeeds({
            names,
            needed: ['applicationNo', 'nameKana', 'birthDate', 'programs'],
            labels: applicationFields,
            doc: DOC,
            alsoCounts: ['familyKana', 'nameKana'],
          }),
        });
  return records.map(({ line, pairs }) => ({ line, raw: rawOf(pairs) }));
}

/** Reads an e-application file. A 申込番号 already used by an earlier application of the file is an error. */
export function readApplicationFile(
  buf: Buffer,
  kind: 'csv' | 'xml',
): { rows: ApplicationRow[]; errors: RowError[] } {
  return accountNumberedRecords(applications(decodeText(buf), kind), normaliseApplication, {
    kind,
    numberField: 'applicationNo',
    numberLabel: '申込番号',
    what: '申込',
  });
}
