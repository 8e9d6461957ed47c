import type { Services } from './app.ts';
import { seedAdultHealthDemo } from './modules/adult-health/demo.ts';
import { seedMaternalDemo } from './modules/infant/demo.ts';
import { seedProgramsDemo } from './modules/programs/index.ts';
import { seedDemoCity } from './modules/residents/demo/seed.ts';
import { seedVaccinationDemo } from './modules/vaccination/demo.ts';
import { seedMunicipalVaccinesDemo } from './modules/vaccination/municipal-demo.ts';
import { fiscalYearOf, today } from './platform/calendar/index.ts';
import type { Config } from './platform/config/config.ts';

/** Demo logins (demo mode only): one user per built-in role, all with this password. */
export const demoPassword = 'sukoyaka2026';
export const demoUsers = [
  { loginId: 'admin', displayName: '管理　花子', roleCode: 'admin' },
  { loginId: 'hokenshi', displayName: '保健　みどり', roleCode: 'nurse' },
  { loginId: 'jimu', displayName: '事務　一郎', roleCode: 'clerk' },
  { loginId: 'etsuran', displayName: '閲覧　次郎', roleCode: 'viewer' },
  { loginId: 'kansa', displayName: '監査　三郎', roleCode: 'auditor' },
];

async function countRows(s: Services, table: 'users' | 'residents'): Promise<number> {
  const [r] = await s.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r?.n ?? 0;
}

/**
 * First start: in demo mode, demo users and the synthetic city (20,000 people by default);
 * outside demo mode, one `admin` with a one-time password that must be changed at first login.
 * Returns lines to print.
 */
export async function ensureDemoData(s: Services, config: Config): Promise<string[]> {
  const lines: string[] = [];
  if ((await countRows(s, 'users')) === 0) {
    if (config.demo) {
      for (const u of demoUsers) {
        await s.auth.createUser({ ...u, password: demoPassword, mustChangePassword: false });
      }
    } else {
      const { randomBytes } = await import('node:crypto');
      const password = `${randomBytes(9).toString('base64url')}7a`;
      await s.auth.createUser({
        loginId: 'admin',
        displayName: 'システム管理者',
        roleCode: 'admin',
        password,
        mustChangePassword: true,
      });
      lines.push(`初期管理者: admin / ${password}（初回ログイン時に変更が必要です。この表示は一度だけです）`);
    }
  }
  if (config.demo) {
    if ((await countRows(s, 'residents')) === 0) {
      const n = Number(process.env.SUKOYAKA_DEMO_RESIDENTS || 20_000);
      process.stdout.write(`デモ市の住民 ${n.toLocaleString()}人を作成しています…`);
      const t = Date.now();
      await seedDemoCity(s.database, {
        residents: n,
        seed: 1,
        encryptMyNumber: (m) => ({ enc: s.sealer.encrypt(m), mac: s.sealer.mac(m) }),
      });
      console.log(` ${((Date.now() - t) / 1000).toFixed(1)}秒`);
    }
    const fy = fiscalYearOf(today());
    await seedProgramsDemo({ programs: s.programs }, fy);
    await seedAdultHealthDemo(s.database, fy);
    await seedVaccinationDemo(s.database, today());
    await seedMunicipalVaccinesDemo(s.vaccination.municipal, fy);
    const started = Date.now();
    const maternal = await seedMaternalDemo(
      {
        database: s.database,
        pregnancies: s.maternal.pregnancies,
        checkups: s.maternalCheckups,
        births: s.infantBirths.births,
        hearing: s.infantBirths.hearing,
        results: s.infantResults.results,
      },
      today(),
    );
    if (maternal)
      console.log(
        `母子保健のデモ（妊娠届 ${maternal.pregnancies}件・出生 ${maternal.births}人）を作成しました ${((Date.now() - started) / 1000).toFixed(1)}秒`,
      );
    lines.push(
      `デモ用ログイン: admin（システム管理者）/ hokenshi（保健師）/ jimu（事務）/ etsuran（閲覧のみ）/ kansa（監査）`,
    );
    lines.push(`  パスワードはすべて ${demoPassword}`);
  }
  return lines;
}
