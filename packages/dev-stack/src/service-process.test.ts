import { isProcessAlive } from '@commerce/process-kit';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServiceProcess, waitForHttpOk } from './service-process.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function script(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'svc-'));
  dirs.push(dir);
  const file = join(dir, 'main.mjs');
  writeFileSync(file, source);
  return file;
}

describe('startServiceProcess', () => {
  it('passes env, relays output lines, becomes ready and stops by PID', async () => {
    const entry = script(`
      import { createServer } from 'node:http';
      const server = createServer((_, res) => res.end('ok')).listen(0, '127.0.0.1', () => {
        console.log(JSON.stringify({ port: server.address().port, greeting: process.env.GREETING }));
      });
      process.on('SIGTERM', () => server.close(() => process.exit(0)));
    `);
    const lines: string[] = [];
    let resolvePort: (p: number) => void = () => undefined;
    const port = new Promise<number>((r) => (resolvePort = r));
    const svc = startServiceProcess({
      name: 'demo',
      entry,
      env: { ...process.env, GREETING: 'hello' },
      onLine: (_n, line) => {
        lines.push(line);
        resolvePort((JSON.parse(line) as { port: number }).port);
      },
    });
    await waitForHttpOk(`http://127.0.0.1:${await port}/`, 10_000);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ greeting: 'hello' });
    expect(isProcessAlive(svc.pid)).toBe(true);
    await svc.stop();
    expect(await svc.exited).toBe(0);
    expect(isProcessAlive(svc.pid)).toBe(false);
  });

  it('refuses a missing entry and reports a dead process while waiting', async () => {
    expect(() => startServiceProcess({ name: 'x', entry: '/nonexistent/main.js', env: {} })).toThrow(/pnpm build/);
    await expect(waitForHttpOk('http://127.0.0.1:9/', 5_000, () => false)).rejects.toThrow(/exited/);
  });
});
