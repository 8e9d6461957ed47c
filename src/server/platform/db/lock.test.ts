import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

describe('one process per embedded data dir (stack.md: PGlite corrupts a dir opened twice)', () => {
  it('refuses a second owner while the first is alive, with a clear Japanese message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-lock-'));
    // PID 1 is always alive: pretend another process holds the dir.
    writeFileSync(join(dir, 'sukoyaka.lock'), '1');
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow('別のプロセス (PID 1) が使用中');
  });

  it('takes over a stale lock whose process is gone, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-lock-'));
    writeFileSync(join(dir, 'sukoyaka.lock'), '2147483646');
    const release = acquireDataDirLock(dir);
    release();
    acquireDataDirLock(dir)();
  });
});
