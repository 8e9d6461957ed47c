/**
 * 予防接種済証（接種記録票） (F11a-03) payload: the person and every non-deleted record as printed — ワクチン, 回,
 * 接種日 (和暦), ワクチン名（製品）, ロット, 医療機関 — oldest first; a record the engine judged outside the rules
 * (定期外) is marked 任意接種扱い — as is every 市町村独自の予防接種 (任意接種助成), named as the city defined it (pure:
 * rows in, payload out).
 */
import { formatWareki } from '../../platform/calendar/index.ts';
import type { VaccinationRecordRow } from './records-repository.ts';
import { vaccineMaster } from './vaccine-master.ts';

export type CertificatePayload = {
  atenaNo: string;
  name: string;
  nameKana: string;
  /** 生年月日 in 和暦 */
  birthDate: string;
  address: string;
  records: {
    vaccine: string;
    dose: string;
    /** 接種日 in 和暦 */
    vaccinatedOn: string;
    product: string;
    lot: string;
    institution: string;
    /** false = 任意接種扱い (outside the 定期接種 rules) */
    routine: boolean;
  }[];
};

export function certificatePayload(
  person: { atenaNo: string; name: string; nameKana: string; birthDate: string; address: string },
  rows: VaccinationRecordRow[],
  /** names of codes outside the national master (市町村独自の予防接種, 任意接種助成) */
  otherNames: ReadonlyMap<string, string> = new Map(),
): CertificatePayload {
  return {
    atenaNo: person.atenaNo,
    name: person.name,
    nameKana: person.nameKana,
    birthDate: formatWareki(person.birthDate),
    address: person.address,
    records: rows
      .filter((r) => !r.deletedAt)
      .sort((a, b) =>
        a.vaccinatedOn < b.vaccinatedOn ? -1 : a.vaccinatedOn > b.vaccinatedOn ? 1 : a.id - b.id,
      )
      .map((r) => ({
        vaccine:
          vaccineMaster.vaccines.find((v) => v.code === r.vaccine)?.name ??
          otherNames.get(r.vaccine) ??
          r.vaccine,
        dose: r.dose,
        vaccinatedOn: formatWareki(r.vaccinatedOn),
        product: r.product,
        lot: r.lot,
        institution: r.institutionName,
        routine: r.routine,
      })),
  };
}
