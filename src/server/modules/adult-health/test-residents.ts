/** Test helper: residents written through the residents module's own apply path (as an import would). */
import type { Services } from '../../app.ts';
import { applyRecords, type ResidentRecord } from '../residents/index.ts';

export type PersonSpec = {
  atenaNo: string;
  name: string;
  birthDate: string;
  sex: '1' | '2';
  status?: ResidentRecord['status'];
  supportMeasure?: boolean;
};

export async function addResidents(s: Services, people: PersonSpec[]): Promise<Map<string, number>> {
  const records: ResidentRecord[] = people.map((p, i) => ({
    atenaNo: p.atenaNo,
    householdNo: `H${p.atenaNo}`,
    name: p.name,
    nameKana: 'ケンコウ タロウ',
    birthDate: p.birthDate,
    sex: p.sex,
    relationship: '世帯主',
    postalCode: '1234567',
    address: `すこやか市中央一丁目${i + 1}番3号`,
    addressExtra: '',
    phone: '',
    status: p.status ?? 'resident',
    residentSince: '2000-01-01',
    residentUntil: null,
    supportMeasure: p.supportMeasure ?? false,
    eventCode: 'full',
    eventDate: '2026-04-01',
    myNumber: null,
  }));
  await applyRecords(s.database, records, { jobId: null, userId: null, sealer: s.sealer });
  const rows = await s.database.query<{ id: number; atena_no: string }>(
    'SELECT id, atena_no FROM residents WHERE atena_no = ANY($1::text[])',
    [people.map((p) => p.atenaNo)],
  );
  return new Map(rows.map((r) => [r.atena_no, Number(r.id)]));
}
