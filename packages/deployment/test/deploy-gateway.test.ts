// The gateway's deployable folder (what the gateway image holds): built with `pnpm deploy`, it
// contains only the gateway's production dependencies and starts from its built output.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderBytes, megabytes, pnpmDeploy } from './support/deploy.js';
import { expectProductionOnly } from './support/deployable-folder.js';
import { effective, healthcheckCommand, parseDockerfile } from './support/dockerfile.js';
import { freePort, runToEnd, startService, type Service } from './support/processes.js';
import { repoPath } from './support/repo.js';

describe('the gateway deploy folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'commerce-deploy-gateway-'));
  const deployDir = join(root, 'app');
  let gateway: Service | undefined;

  beforeAll(async () => {
    const { durationMs } = await pnpmDeploy('@commerce/gateway', deployDir);
    console.log(
      `[deployment] pnpm deploy @commerce/gateway: ${durationMs} ms, ${megabytes(folderBytes(deployDir))}`,
    );
  });

  afterAll(async () => {
    await gateway?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('holds the built gateway and only its production dependencies', () => {
    expect(existsSync(join(deployDir, 'dist', 'main.js'))).toBe(true);
    const { packages } = expectProductionOnly(deployDir, '@commerce/gateway');
    console.log(`[deployment] gateway deploy folder: ${packages} packages`);
  });

  it('starts from dist/main.js: /healthz answers 200, /readyz 503 while Temporal is unreachable, the image health check agrees', async () => {
    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SQLITE_PATH: join(root, 'data', 'commerce.db'),
      TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
      ADMIN_BOOTSTRAP_TOKEN: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'info',
    };
    const started = Date.now();
    gateway = startService(process.execPath, ['dist/main.js'], { cwd: deployDir, env });
    await gateway.waitForOutput(/gateway listening/, 60_000);
    console.log(
      `[deployment] gateway from its deploy folder listening after ${Date.now() - started} ms`,
    );

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(await ready.json())).toMatch(/temporal/);

    // The Dockerfile's HEALTHCHECK command, run as the image would (cwd = WORKDIR = the folder).
    const dockerfile = parseDockerfile(repoPath('infra/docker/Dockerfile'));
    const [command, ...args] = healthcheckCommand(
      effective(dockerfile, 'gateway', 'HEALTHCHECK') ?? '',
    );
    const probe = (envPort: number) =>
      runToEnd(command === 'node' ? process.execPath : (command ?? ''), args, {
        cwd: deployDir,
        env: { PATH: env.PATH, PORT: String(envPort) },
        timeoutMs: 15_000,
      });
    expect((await probe(port)).code).toBe(0);

    expect(await gateway.stop()).toBe(0);
    expect((await probe(port)).code).toBe(1);
  });
});
