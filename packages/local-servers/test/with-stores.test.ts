import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocalServersSettings } from '../src/config.js';
import { runWithStores } from '../src/with-stores.js';
import { javaSkipReason, makeTempDir } from './helpers.js';

const skipReason = await javaSkipReason();
if (skipReason) console.log(`with-stores (servers) skipped: ${skipReason}`);

/** A command that records what it received and exits with a chosen code. */
function recorder(file: string, exitCode: number, script = ''): string[] {
  return [
    process.execPath,
    '-e',
    `${script}
     require('node:fs').writeFileSync(${JSON.stringify(file)}, JSON.stringify({
       cassandra: process.env.CASSANDRA_CONTACT_POINTS, dc: process.env.CASSANDRA_LOCAL_DATACENTER,
       elasticsearch: process.env.ELASTICSEARCH_URL, health: globalThis.health ?? null }));
     process.exit(${exitCode});`,
  ];
}

describe('with-stores', () => {
  it('uses addresses already in the environment, starts nothing and returns the exit code', async () => {
    const tmp = makeTempDir('with-stores');
    const out = join(tmp.dir, 'env.json');
    const lines: string[] = [];
    const code = await runWithStores({
      settings: readLocalServersSettings(),
      command: recorder(out, 3),
      env: { ...process.env, CASSANDRA_CONTACT_POINTS: '127.0.0.1:1', ELASTICSEARCH_URL: 'http://127.0.0.1:2' },
      say: (l) => lines.push(l),
    });
    expect(code).toBe(3);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ cassandra: '127.0.0.1:1', elasticsearch: 'http://127.0.0.1:2' });
    expect(lines).toEqual([]);
    tmp.remove();
  });

  it('refuses to run without a command', async () => {
    await expect(runWithStores({ settings: readLocalServersSettings(), command: [], env: {}, say: () => undefined })).rejects.toThrow(/needs a command/);
  });

  it.skipIf(skipReason !== undefined)(
    'starts one Cassandra and one Elasticsearch for the command and stops both afterwards',
    async () => {
      const tmp = makeTempDir('with-stores');
      const out = join(tmp.dir, 'env.json');
      const lines: string[] = [];
      // The command proves Elasticsearch answers while it runs.
      const probe = `globalThis.health = require('node:child_process').execFileSync(process.execPath, ['-e',
        "fetch(process.env.ELASTICSEARCH_URL + '/_cluster/health').then(r => process.stdout.write(String(r.status)))"]).toString();`;
      const code = await runWithStores({
        settings: readLocalServersSettings(),
        command: recorder(out, 0, probe),
        env: { ...process.env, CASSANDRA_CONTACT_POINTS: '', ELASTICSEARCH_URL: '' },
        say: (l) => lines.push(l),
      });
      expect(code).toBe(0);
      const seen = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
      expect(seen.cassandra).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(seen.dc).toBe('datacenter1');
      expect(seen.elasticsearch).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(seen.health).toBe('200');
      // Both servers are gone once the command has ended: their ports refuse connections.
      const esPort = Number(new URL(seen.elasticsearch!).port);
      await expect(fetch(`http://127.0.0.1:${esPort}/_cluster/health`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
      expect(lines.join('\n')).toMatch(/with-stores: Cassandra 127\.0\.0\.1:\d+, Elasticsearch http:\/\/127\.0\.0\.1:\d+ \(ready in/);
      tmp.remove();
    },
    300_000,
  );
});
