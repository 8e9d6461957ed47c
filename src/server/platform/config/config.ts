import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment. See docs/operations.md. */
export type Config = {
  /** postgres://… when running on PostgreSQL; undefined → embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database, the lock file and the generated key (default ./data). */
  dataDir: string;
  host: string;
  port: number;
  /** Demo mode: seeds the synthetic city, prints the demo login, no forced password change. */
  demo: boolean;
  /** 個人番号 encryption key (32 bytes, base64). Undefined → a key file in dataDir (embedded only). */
  secretKey: string | undefined;
  secretKeyFile: string | undefined;
  /** Minutes of inactivity before a session ends. */
  idleTimeoutMinutes: number;
  /** Failed logins in a row before the account is locked, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Use the Secure flag on the session cookie (set when served over HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  /**
   * Worker threads for batch printing (0 = render in the job's own thread). Default: 2, or 1 on a one-core
   * machine — two use both cores of the reference server, ~120 MB each (BENCHMARKS.md).
   */
  printWorkers: number;
};

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer (got "${raw}")`);
  return n;
}

function boolEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    databaseUrl,
    dataDir: resolve(env.SUKOYAKA_DATA_DIR || 'data'),
    host: env.HOST || '127.0.0.1',
    port: intEnv(env, 'PORT', 3000),
    demo: boolEnv(env, 'SUKOYAKA_DEMO', true),
    secretKey: env.SUKOYAKA_SECRET_KEY || undefined,
    secretKeyFile: env.SUKOYAKA_SECRET_KEY_FILE || undefined,
    idleTimeoutMinutes: intEnv(env, 'SUKOYAKA_IDLE_TIMEOUT_MINUTES', 30),
    lockoutThreshold: intEnv(env, 'SUKOYAKA_LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: intEnv(env, 'SUKOYAKA_LOCKOUT_MINUTES', 15),
    secureCookies: boolEnv(env, 'SUKOYAKA_SECURE_COOKIES', false),
    logLevel: env.LOG_LEVEL || 'info',
    printWorkers: intEnv(env, 'SUKOYAKA_PRINT_WORKERS', Math.min(2, availableParallelism())),
  };
}
