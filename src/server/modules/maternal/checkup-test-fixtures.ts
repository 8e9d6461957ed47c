/**
 * Test-only: a pregnancy (妊娠届) with its 受診券 as F06-01 registers them — 14 妊婦健診 (§4.3), 2 産婦健診 (§4.4) and
 * one 子宮頸がん検診 and one 妊婦歯科健診 voucher — written straight into pregnancies / checkup_vouchers, so the result tests do not depend
 * on the registration screens. 受診券ID: {届出番号}-P01 … P14, -S01, -S02, -C01, -D01.
 */
import type { SqlRunner } from '../../platform/db/connect.ts';

export type PregnancyFixture = {
  motherResidentId: number;
  notificationNo: string;
  notifiedOn: string;
  dueDate: string;
  outcomeOn?: string | null;
};

export async function addPregnancyWithVouchers(q: SqlRunner, p: PregnancyFixture) {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO pregnancies (notification_no, mother_resident_id, notified_on, source, due_date, weeks_at_notification,
       diagnosed_by, diagnosis_institution, outcome, outcome_on)
     VALUES ($1, $2, $3, 'counter', $4, 11, '産科 花子', 'すこやか産婦人科', $5, $6) RETURNING id`,
    [
      p.notificationNo,
      p.motherResidentId,
      p.notifiedOn,
      p.dueDate,
      p.outcomeOn ? 'birth' : null,
      p.outcomeOn ?? null,
    ],
  );
  const pregnancyId = Number(row!.id);
  const vouchers = [
    ...Array.from(
      { length: 14 },
      (_, i) => ['prenatal', i + 1, `P${String(i + 1).padStart(2, '0')}`] as const,
    ),
    ['postpartum', 1, 'S01'] as const,
    ['postpartum', 2, 'S02'] as const,
    ['cervical', 1, 'C01'] as const,
    ['prenatal_dental', 1, 'D01'] as const,
  ];
  for (const [kind, seq, suffix] of vouchers)
    await q.query(
      `INSERT INTO checkup_vouchers (voucher_no, pregnancy_id, resident_id, kind, seq, issued_on, limit_yen)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        `${p.notificationNo}-${suffix}`,
        pregnancyId,
        p.motherResidentId,
        kind,
        seq,
        p.notifiedOn,
        kind === 'postpartum' ? 5000 : null,
      ],
    );
  return { pregnancyId, voucher: (suffix: string) => `${p.notificationNo}-${suffix}` };
}
