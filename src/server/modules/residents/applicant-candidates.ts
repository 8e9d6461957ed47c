/**
 * Residents who might have sent an e-application (F02-04 検診の申込, F06-02 妊娠届): the one with its 宛名番号 (also written without or with
 * other leading zeros), and anyone with the same カナ検索キー and 生年月日, whatever their status. Read-only; the
 * decision is applicant-match.ts.
 */
import type { Database } from '../../platform/db/connect.ts';
import { kanaSearchKey } from '../../platform/text/index.ts';
import type { Applicant, ResidentCandidate } from './applicant-match.ts';
import type { ResidentStatus } from './types.ts';

export const candidateLimit = 20;

/** '12345' → '12345', '012345', …, up to 15 digits (the longest 宛名番号). */
function atenaVariants(atenaNo: string): string[] {
  const bare = atenaNo.replace(/^0+/, '') || '0';
  return Array.from({ length: Math.max(16 - bare.length, 1) }, (_, i) => bare.padStart(bare.length + i, '0'));
}

export async function applicantCandidates(
  database: Pick<Database, 'query'>,
  app: Pick<Applicant, 'atenaNo' | 'nameKana' | 'birthDate'>,
): Promise<ResidentCandidate[]> {
  const rows = await database.query<{
    id: number;
    atena_no: string;
    name: string;
    name_kana: string;
    birth_date: string;
    address: string;
    address_extra: string;
    status: ResidentStatus;
  }>(
    `SELECT id, atena_no, name, name_kana, birth_date, address, address_extra, status FROM residents
      WHERE atena_no = ANY($1::text[]) OR (kana_key = $2 AND birth_date = $3)
      ORDER BY (atena_no = ANY($1::text[])) DESC, (status = 'resident') DESC, id LIMIT ${candidateLimit}`,
    [app.atenaNo ? atenaVariants(app.atenaNo) : [], kanaSearchKey(app.nameKana), app.birthDate],
  );
  return rows.map((r) => ({
    residentId: Number(r.id),
    atenaNo: r.atena_no,
    name: r.name,
    nameKana: r.name_kana,
    birthDate: r.birth_date,
    address: r.address,
    addressExtra: r.address_extra,
    status: r.status,
  }));
}
