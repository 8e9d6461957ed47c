import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { InstitutionInput, VenueInput } from './masters-schema.ts';
import { medicalInstitutions, programSettings, venues } from './schema.ts';
import type { ProgramCode, ProgramSettings } from './types.ts';

export type ProgramRow = typeof programSettings.$inferSelect;
export type Venue = typeof venues.$inferSelect;
export type MedicalInstitution = typeof medicalInstitutions.$inferSelect;

/** SQL of the 事業マスタ: program settings per 年度, 会場, 医療機関 (集団検診日程: the reservations engine). */
export function programsRepository(db: Db) {
  return {
    // ── 事業 (program settings) ──────────────────────────────────────────────
    settingsOfYear(fy: number): Promise<ProgramRow[]> {
      return db.select().from(programSettings).where(eq(programSettings.fiscalYear, fy));
    },

    async hasYear(fy: number): Promise<boolean> {
      const [r] = await db
        .select({ n: count() })
        .from(programSettings)
        .where(eq(programSettings.fiscalYear, fy));
      return (r?.n ?? 0) > 0;
    },

    async setting(fy: number, code: ProgramCode): Promise<ProgramRow | undefined> {
      const [r] = await db
        .select()
        .from(programSettings)
        .where(and(eq(programSettings.fiscalYear, fy), eq(programSettings.code, code)));
      return r;
    },

    /** Adds the rows that do not exist yet (concurrent callers: the unique index decides, no error). */
    async insertMissing(fy: number, list: ProgramSettings[]): Promise<void> {
      if (!list.length) return;
      await db
        .insert(programSettings)
        .values(list.map((settings) => ({ fiscalYear: fy, code: settings.code, settings })))
        .onConflictDoNothing({ target: [programSettings.fiscalYear, programSettings.code] });
    },

    /** Optimistic update: undefined when `version` is no longer current. */
    async updateSetting(
      fy: number,
      code: ProgramCode,
      version: number,
      settings: ProgramSettings,
      userId: number | null,
    ): Promise<ProgramRow | undefined> {
      const [r] = await db
        .update(programSettings)
        .set({
          settings,
          version: sql`${programSettings.version} + 1`,
          updatedBy: userId,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(programSettings.fiscalYear, fy),
            eq(programSettings.code, code),
            eq(programSettings.version, version),
          ),
        )
        .returning();
      return r;
    },

    /** Writes all the given programs of 年度 fy (insert or overwrite, version + 1) in one transaction. */
    async overwriteYear(fy: number, list: ProgramSettings[], userId: number | null): Promise<void> {
      await db.transaction(async (tx) => {
        for (const settings of list) {
          await tx
            .insert(programSettings)
            .values({ fiscalYear: fy, code: settings.code, settings, updatedBy: userId })
            .onConflictDoUpdate({
              target: [programSettings.fiscalYear, programSettings.code],
              set: {
                settings,
                version: sql`${programSettings.version} + 1`,
                updatedBy: userId,
                updatedAt: new Date(),
              },
            });
        }
      });
    },

    // ── 会場 ─────────────────────────────────────────────────────────────────
    listVenues(active: boolean | null): Promise<Venue[]> {
      return db
        .select()
        .from(venues)
        .where(active === null ? undefined : eq(venues.active, active))
        .orderBy(asc(venues.code));
    },
    async venue(id: number): Promise<Venue | undefined> {
      const [r] = await db.select().from(venues).where(eq(venues.id, id));
      return r;
    },
    async venueByCode(code: string): Promise<Venue | undefined> {
      const [r] = await db.select().from(venues).where(eq(venues.code, code));
      return r;
    },
    /** undefined when the code is taken. */
    async insertVenue(v: VenueInput): Promise<Venue | undefined> {
      const [r] = await db.insert(venues).values(v).onConflictDoNothing({ target: venues.code }).returning();
      return r;
    },
    /** undefined when `version` is no longer current; throws on a duplicate code (unique index). */
    async updateVenue(id: number, version: number, v: VenueInput): Promise<Venue | undefined> {
      const [r] = await db
        .update(venues)
        .set({ ...v, version: sql`${venues.version} + 1`, updatedAt: new Date() })
        .where(and(eq(venues.id, id), eq(venues.version, version)))
        .returning();
      return r;
    },
    // ── 医療機関 ─────────────────────────────────────────────────────────────
    listInstitutions(active: boolean | null, program?: ProgramCode): Promise<MedicalInstitution[]> {
      const c: SQL[] = [];
      if (active !== null) c.push(eq(medicalInstitutions.active, active));
      if (program) c.push(sql`${program} = ANY(${medicalInstitutions.programs})`);
      return db
        .select()
        .from(medicalInstitutions)
        .where(c.length ? and(...c) : undefined)
        .orderBy(asc(medicalInstitutions.code));
    },
    async institution(id: number): Promise<MedicalInstitution | undefined> {
      const [r] = await db.select().from(medicalInstitutions).where(eq(medicalInstitutions.id, id));
      return r;
    },
    async institutionByCode(code: string): Promise<MedicalInstitution | undefined> {
      const [r] = await db.select().from(medicalInstitutions).where(eq(medicalInstitutions.code, code));
      return r;
    },
    async insertInstitution(v: InstitutionInput): Promise<MedicalInstitution | undefined> {
      const [r] = await db
        .insert(medicalInstitutions)
        .values(v)
        .onConflictDoNothing({ target: medicalInstitutions.code })
        .returning();
      return r;
    },
    async updateInstitution(
      id: number,
      version: number,
      v: InstitutionInput,
    ): Promise<MedicalInstitution | undefined> {
      const [r] = await db
        .update(medicalInstitutions)
        .set({ ...v, version: sql`${medicalInstitutions.version} + 1`, updatedAt: new Date() })
        .where(and(eq(medicalInstitutions.id, id), eq(medicalInstitutions.version, version)))
        .returning();
      return r;
    },
  };
}

export type ProgramsRepository = ReturnType<typeof programsRepository>;
