import { findFreePort, isProcessAlive } from '@commerce/process-kit';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startElasticsearch, type RunningElasticsearch } from '../src/elasticsearch.js';
import { PortInUseError } from '../src/ports.js';
import { processCommand } from '../src/process-command.js';
import { ServerStartError } from '../src/readiness.js';
import { javaSkipReason, makeTempDir, seconds, waitUntilGone } from './helpers.js';

const skipReason = await javaSkipReason();

async function healthStatus(url: string): Promise<number> {
  const response = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=5s`);
  await response.text();
  return response.status;
}

describe.skipIf(skipReason !== undefined)('startElasticsearch', () => {
  const running: RunningElasticsearch[] = [];
  const temp = makeTempDir('es');

  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    temp.remove();
  });

  it('starts on a free port with a throwaway data folder, and stop() ends the PID and removes the folder', async () => {
    const server = await startElasticsearch();
    running.push(server);
    console.log(
      `[local-servers] Elasticsearch (free port, temp dir) ready in ${seconds(server.startupMs)}`,
    );
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await healthStatus(server.url)).toBe(200);
    expect(await processCommand(server.pid)).toContain(
      'commerce.infra.elasticsearch.EmbeddedElasticsearch',
    );
    expect(existsSync(server.dataDir)).toBe(true);

    const stopping = Date.now();
    await server.stop();
    console.log(`[local-servers] Elasticsearch stopped in ${seconds(Date.now() - stopping)}`);
    expect(isProcessAlive(server.pid)).toBe(false);
    expect(existsSync(server.dataDir)).toBe(false);
    await server.stop(); // idempotent
    await expect(fetch(`${server.url}/_cluster/health`)).rejects.toThrow();
  });

  it('refuses a port in use at once, with a clear error', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolvePort) =>
      blocker.listen(0, '127.0.0.1', () => {
        const address = blocker.address();
        resolvePort(typeof address === 'object' && address !== null ? address.port : 0);
      }),
    );
    try {
      const started = Date.now();
      const error = await startElasticsearch({ port }).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toBe(
        `port ${port} on 127.0.0.1 (Elasticsearch HTTP) is already in use — stop what listens there (e.g. \`pnpm infra:down\` for the developer stack) or choose another port`,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });

  it('uses a given port and data folder, keeps the folder, and reports a failed start with the output tail', async () => {
    const port = await findFreePort();
    const dataDir = join(temp.dir, 'given');
    const logFile = join(temp.dir, 'logs', 'es.log');
    const server = await startElasticsearch({ port, dataDir, logFile });
    running.push(server);
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    expect(server.dataDir).toBe(dataDir);

    // A second node on the same data folder: the JVM exits; the error carries its last output.
    const error = await startElasticsearch({ dataDir }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ServerStartError);
    expect((error as Error).message).toMatch(/^Elasticsearch \(pid \d+\) exited while waiting for/);
    expect((error as Error).message).toContain('--- last output ---');
    expect((error as Error).message).toContain('failed to obtain node locks');
    expect(await healthStatus(server.url)).toBe(200); // the first one is unharmed

    await server.stop();
    expect(isProcessAlive(server.pid)).toBe(false);
    expect(existsSync(join(dataDir, 'data'))).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toContain(`ELASTICSEARCH_HTTP http://127.0.0.1:${port}`);
  });

  it('runs detached in its own session, with its output only in the log file', async () => {
    const dataDir = join(temp.dir, 'detached');
    const logFile = join(temp.dir, 'logs', 'detached.log');
    const server = await startElasticsearch({ dataDir, logFile, detached: true });
    running.push(server);
    const sid = await new Promise<string>((resolveSid) => {
      const ps = spawn('ps', ['-o', 'sid=', '-p', String(server.pid)]);
      let out = '';
      ps.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      ps.once('close', () => resolveSid(out.trim()));
    });
    expect(sid).toBe(String(server.pid)); // session leader: Ctrl-C in our terminal does not reach it
    expect(server.outputTail()).toContain('ELASTICSEARCH_HTTP');
    expect(readFileSync(logFile, 'utf8')).toContain(`ELASTICSEARCH_PID ${server.pid}`);
    await server.stop();
    expect(isProcessAlive(server.pid)).toBe(false);
  });

  it('stops the server when the parent process ends: normal exit, and SIGKILL (no exit hook runs)', async () => {
    const script = fileURLToPath(new URL('./fixtures/start-in-child.ts', import.meta.url));
    const startChild = async (
      mode: 'exit' | 'wait',
    ): Promise<{ mode: string; pid: number; dataDir: string; kill: () => void }> => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, mode], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      return await new Promise((resolveReady, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /READY (\d+) (\S+)/.exec(out);
          if (match)
            resolveReady({
              mode,
              pid: Number(match[1]),
              dataDir: String(match[2]),
              kill: () => child.kill('SIGKILL'),
            });
        });
        child.once('exit', (code) => {
          if (!out.includes('READY'))
            reject(new Error(`fixture exited (${String(code)}) before READY: ${out}`));
        });
      });
    };
    // Both at once (two Elasticsearch nodes) to keep the suite short.
    const children = await Promise.all([startChild('exit'), startChild('wait')]);
    try {
      const killed = children.find((c) => c.mode === 'wait');
      expect(killed && isProcessAlive(killed.pid)).toBe(true);
      killed?.kill(); // the watchdog must act
      const started = Date.now();
      for (const child of children) {
        expect(
          await waitUntilGone(child.pid, 45_000),
          `${child.mode}: pid ${child.pid} still alive`,
        ).toBe(true);
        console.log(
          `[local-servers] parent ${child.mode === 'wait' ? 'SIGKILLed' : 'exited'}: Elasticsearch gone after ${seconds(Date.now() - started)}`,
        );
      }
    } finally {
      for (const child of children) {
        if (isProcessAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
        rmSync(child.dataDir, { recursive: true, force: true });
      }
    }
  });
});
