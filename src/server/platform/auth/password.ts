import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt (N=2^15, r=8, p=1): OWASP's recommended minimum; ~50 ms per hash on the reference machine.
const N = 2 ** 15;
const r = 8;
const p = 1;
const keyLen = 32;
const maxmem = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, rr: number, pp: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLen, { N: n, r: rr, p: pp, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, rr, pp, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(rr), Number(pp));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Password rule (Japanese message when broken): 10+ chars with letters and digits, not the login id. */
export function passwordProblem(password: string, loginId: string): string | undefined {
  if (password.length < 10) return 'パスワードは10文字以上にしてください。';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    return 'パスワードには英字と数字の両方を含めてください。';
  }
  if (password.toLowerCase().includes(loginId.toLowerCase())) {
    return 'パスワードにログインIDを含めないでください。';
  }
  return undefined;
}
