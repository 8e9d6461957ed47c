import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Field encryption for protected attributes (個人番号): AES-256-GCM with a random IV per value,
 * plus an HMAC-SHA256 "mac" (with a key derived from the same secret) to compare values without
 * decrypting. The key comes from configuration and is never stored in the database or the repo.
 */
export type SecretBox = {
  encrypt(plain: string): string;
  decrypt(enc: string): string;
  mac(plain: string): string;
};

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('暗号鍵は32バイト (base64で44文字) である必要があります。');
  const macKey = createHmac('sha256', key).update('sukoyaka:mac').digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
    },
    decrypt(enc) {
      if (!enc.startsWith('v1.')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(enc.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    mac(plain) {
      return createHmac('sha256', macKey).update(plain).digest('base64url');
    },
  };
}

function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new Error(
      `${where} の暗号鍵が不正です: 32バイトを base64 で指定してください (例: openssl rand -base64 32)。`,
    );
  }
  return key;
}

/**
 * Key resolution: SUKOYAKA_SECRET_KEY (base64) → SUKOYAKA_SECRET_KEY_FILE → for the embedded
 * database only, a key file generated on first start inside the data dir (never committed).
 */
export function loadSecretKey(opts: {
  secretKey?: string;
  secretKeyFile?: string;
  generatedKeyFile?: string;
}): Buffer {
  if (opts.secretKey) return parseKey(opts.secretKey, 'SUKOYAKA_SECRET_KEY');
  if (opts.secretKeyFile) return parseKey(readFileSync(opts.secretKeyFile, 'utf8'), opts.secretKeyFile);
  if (opts.generatedKeyFile) {
    if (!existsSync(opts.generatedKeyFile)) {
      mkdirSync(dirname(opts.generatedKeyFile), { recursive: true });
      writeFileSync(opts.generatedKeyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return parseKey(readFileSync(opts.generatedKeyFile, 'utf8'), opts.generatedKeyFile);
  }
  throw new Error(
    'PostgreSQL で運用する場合は個人番号の暗号鍵を SUKOYAKA_SECRET_KEY (base64, 32バイト) または ' +
      'SUKOYAKA_SECRET_KEY_FILE で指定してください。',
  );
}
