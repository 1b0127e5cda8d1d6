import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateAdminToken } from './admin-token.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadOrCreateAdminToken', () => {
  it('generates a private token once and keeps it across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'admin-token');
    const first = loadOrCreateAdminToken(file);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateAdminToken(file)).toEqual({ token: first.token, created: false });
  });

  it('replaces a token too short to be safe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-'));
    dirs.push(dir);
    const file = join(dir, 'admin-token');
    writeFileSync(file, 'short\n');
    const result = loadOrCreateAdminToken(file);
    expect(result.created).toBe(true);
    expect(result.token).not.toBe('short');
  });
});
