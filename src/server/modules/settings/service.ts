import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { Sender } from '../../platform/documents/types.ts';
import { conflict, notFound } from '../../platform/errors/app-error.ts';
import { municipality } from './schema.ts';

export type Municipality = typeof municipality.$inferSelect;
export type MunicipalityInput = Omit<Municipality, 'id' | 'version' | 'updatedBy' | 'updatedAt'>;

/** 地方公共団体コード: 5 digits + check digit (総務省: 11 − (Σ digit×weight 6,5,4,3,2) mod 11, last digit). */
export function lgCodeCheckDigit(first5: string): number {
  const sum = [...first5].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

export function isValidLgCode(code: string): boolean {
  return /^\d{6}$/.test(code) && lgCodeCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

export const defaultMunicipality: MunicipalityInput = {
  name: 'すこやか市',
  lgCode: '999997',
  mayorTitle: 'すこやか市長',
  mayorName: '健康　太郎',
  centerName: 'すこやか市保健センター',
  centerPostalCode: '1234500',
  centerAddress: 'すこやか県すこやか市本町一丁目1番1号',
  centerPhone: '012-345-6789',
};

/** 自治体設定 (municipality name, code, mayor, health centre): used on every document. */
export function settingsService(db: Db) {
  return {
    async ensureDefaults(): Promise<void> {
      await db
        .insert(municipality)
        .values({ id: 1, ...defaultMunicipality })
        .onConflictDoNothing();
    },
    /** The 差出人 block of every document (documents engine's Sender). */
    async sender(): Promise<Sender> {
      const m = await this.get();
      return {
        municipalityName: m.name,
        mayorTitle: m.mayorTitle,
        mayorName: m.mayorName,
        centerName: m.centerName,
        centerPostalCode: m.centerPostalCode,
        centerAddress: m.centerAddress,
        centerPhone: m.centerPhone,
      };
    },

    async get(): Promise<Municipality> {
      const row = (await db.select().from(municipality).where(eq(municipality.id, 1)))[0];
      if (!row) throw notFound('自治体設定');
      return row;
    },
    async update(version: number, v: MunicipalityInput, userId: number): Promise<Municipality> {
      const rows = await db
        .update(municipality)
        .set({ ...v, version: sql`${municipality.version} + 1`, updatedBy: userId, updatedAt: new Date() })
        .where(sql`${municipality.id} = 1 and ${municipality.version} = ${version}`)
        .returning();
      if (!rows[0]) throw conflict('自治体設定', await this.get());
      return rows[0];
    },
  };
}

export type SettingsService = ReturnType<typeof settingsService>;
