/** SQL of 個別受付の申込 (screening_applications), raw so that every function can run on a caller's transaction. */
import type { SqlRunner } from '../../platform/db/connect.ts';
import type { ApplicationChannel, ApplicationMode, ApplicationStatus } from './applications-rules.ts';

export type ApplicationRecord = {
  id: number;
  fiscalYear: number;
  residentId: number;
  channel: ApplicationChannel;
  programs: string[];
  mode: ApplicationMode;
  institutionId: number | null;
  bookingId: number | null;
  status: ApplicationStatus;
  appliedOn: string;
  externalNo: string | null;
  note: string;
  ticketSendRecordId: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A row of the 申込一覧 (with the person, the institution and the booked session). */
export type ApplicationRow = ApplicationRecord & {
  atenaNo: string;
  name: string;
  nameKana: string;
  birthDate: string;
  institutionName: string | null;
  sessionDate: string | null;
  startTime: string | null;
  venueName: string | null;
  bookingStatus: string | null;
};

export type ApplicationFilter = {
  fiscalYear: number;
  program?: string;
  channel?: ApplicationChannel;
  status?: ApplicationStatus;
  /** 氏名・カナ (part) or 宛名番号 (exact) */
  q?: string;
  residentId?: number;
};

export type NewApplication = Omit<
  ApplicationRecord,
  'id' | 'bookingId' | 'status' | 'ticketSendRecordId' | 'version' | 'createdAt' | 'updatedAt'
>;

const cols = `a.id, a.fiscal_year AS "fiscalYear", a.resident_id AS "residentId", a.channel, a.programs, a.mode,
  a.institution_id AS "institutionId", a.booking_id AS "bookingId", a.status, a.applied_on AS "appliedOn",
  a.external_no AS "externalNo", a.note, a.ticket_send_record_id AS "ticketSendRecordId", a.version,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

const rowSelect = `SELECT ${cols}, r.atena_no AS "atenaNo", r.name, r.name_kana AS "nameKana",
    r.birth_date AS "birthDate", i.name AS "institutionName", s.session_date AS "sessionDate",
    s.start_time AS "startTime", v.name AS "venueName", b.status AS "bookingStatus"
  FROM screening_applications a JOIN residents r ON r.id = a.resident_id
  LEFT JOIN medical_institutions i ON i.id = a.institution_id
  LEFT JOIN bookings b ON b.id = a.booking_id
  LEFT JOIN reservation_sessions s ON s.id = b.session_id
  LEFT JOIN venues v ON v.id = s.venue_id`;

function toRecord<T extends ApplicationRecord>(r: T): T {
  return {
    ...r,
    id: Number(r.id),
    residentId: Number(r.residentId),
    institutionId: r.institutionId === null ? null : Number(r.institutionId),
    bookingId: r.bookingId === null ? null : Number(r.bookingId),
    ticketSendRecordId: r.ticketSendRecordId === null ? null : Number(r.ticketSendRecordId),
  };
}

function where(f: ApplicationFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.fiscalYear];
  const c = ['a.fiscal_year = $1'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    c.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.program) add('? = ANY(a.programs)', f.program);
  if (f.channel) add('a.channel = ?', f.channel);
  if (f.status) add('a.status = ?', f.status);
  if (f.residentId) add('a.resident_id = ?', f.residentId);
  const q = f.q?.trim();
  if (q)
    add(
      `(r.atena_no = ? OR replace(r.name, ' ', '') LIKE '%' || replace(?, ' ', '') || '%'
        OR replace(r.name_kana, ' ', '') LIKE '%' || replace(?, ' ', '') || '%')`,
      q.replaceAll('　', ' '),
    );
  return { sql: `WHERE ${c.join(' AND ')}`, params };
}

export const applicationsRepository = {
  async insert(q: SqlRunner, v: NewApplication, userId: number | null): Promise<ApplicationRecord> {
    const [row] = await q.query<ApplicationRecord>(
      `INSERT INTO screening_applications AS a (fiscal_year, resident_id, channel, programs, mode, institution_id,
         applied_on, external_no, note, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${cols}`,
      [
        v.fiscalYear,
        v.residentId,
        v.channel,
        v.programs,
        v.mode,
        v.institutionId,
        v.appliedOn,
        v.externalNo,
        v.note,
        userId,
      ],
    );
    return toRecord(row!);
  },

  async get(q: SqlRunner, id: number): Promise<ApplicationRow | null> {
    const [row] = await q.query<ApplicationRow>(`${rowSelect} WHERE a.id = $1`, [id]);
    return row ? toRecord(row) : null;
  },

  /** The person's applications of the 年度 that are not cancelled and share a program with `programs`. */
  async overlapping(q: SqlRunner, fy: number, residentId: number, programs: string[]) {
    const rows = await q.query<ApplicationRecord>(
      `SELECT ${cols} FROM screening_applications a
       WHERE a.fiscal_year = $1 AND a.resident_id = $2 AND a.status <> 'cancelled' AND a.programs && $3::text[]
       ORDER BY a.id`,
      [fy, residentId, programs],
    );
    return rows.map(toRecord);
  },

  async update(
    q: SqlRunner,
    id: number,
    version: number | null,
    set: {
      bookingId?: number | null;
      status?: ApplicationStatus;
      ticketSendRecordId?: number;
      note?: string;
    },
    userId: number | null,
  ): Promise<ApplicationRecord | null> {
    const [row] = await q.query<ApplicationRecord>(
      `UPDATE screening_applications a SET
         booking_id = CASE WHEN $3 THEN $4::bigint ELSE booking_id END,
         status = coalesce($5, status),
         ticket_send_record_id = coalesce($6::bigint, ticket_send_record_id),
         note = coalesce($7, note),
         version = version + 1, updated_by = $8, updated_at = now()
       WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING ${cols}`,
      [
        id,
        version,
        set.bookingId !== undefined,
        set.bookingId ?? null,
        set.status ?? null,
        set.ticketSendRecordId ?? null,
        set.note ?? null,
        userId,
      ],
    );
    return row ? toRecord(row) : null;
  },

  async list(q: SqlRunner, f: ApplicationFilter, page: { offset: number; limit: number } | null) {
    const w = where(f);
    const paging = page ? ` LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}` : '';
    const rows = await q.query<ApplicationRow>(
      `${rowSelect} ${w.sql} ORDER BY a.applied_on DESC, a.id DESC${paging}`,
      w.params,
    );
    const [n] = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM screening_applications a JOIN residents r ON r.id = a.resident_id ${w.sql}`,
      w.params,
    );
    return { rows: rows.map(toRecord), total: Number(n!.n) };
  },
};
