import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey } from './secret-box.ts';

describe('個人番号 field encryption', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips and never stores the plain number', () => {
    const enc = box.encrypt('123456789018');
    expect(enc).not.toContain('123456789018');
    expect(box.decrypt(enc)).toBe('123456789018');
    expect(box.encrypt('123456789018')).not.toBe(enc); // random IV
  });

  it('detects tampering', () => {
    const enc = box.encrypt('123456789018');
    const tampered = `${enc.slice(0, -4)}AAAA`;
    expect(() => box.decrypt(tampered)).toThrow();
  });

  it('gives a stable mac for change detection, different per key', () => {
    expect(box.mac('1')).toBe(box.mac('1'));
    expect(createSecretBox(randomBytes(32)).mac('1')).not.toBe(box.mac('1'));
  });

  it('takes the key from configuration, or generates one for the embedded database only', () => {
    const key = randomBytes(32).toString('base64');
    expect(loadSecretKey({ secretKey: key }).toString('base64')).toBe(key);
    expect(() => loadSecretKey({ secretKey: 'short' })).toThrow('32バイト');
    expect(() => loadSecretKey({})).toThrow('SUKOYAKA_SECRET_KEY');
    const file = join(mkdtempSync(join(tmpdir(), 'sk-key-')), 'secret.key');
    const generated = loadSecretKey({ generatedKeyFile: file });
    expect(generated).toHaveLength(32);
    expect(loadSecretKey({ generatedKeyFile: file }).equals(generated)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(generated.toString('base64'));
  });
});
