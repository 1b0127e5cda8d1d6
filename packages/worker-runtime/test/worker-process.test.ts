import { findFreePort } from '@commerce/temporal-server';
import {
  createTestClient,
  testTemporalAddress,
  testTemporalNamespace,
  uniqueTaskQueue,
  type TestClient,
} from '@commerce/test-kit/temporal';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkflowBundle } from '../src/bundle.js';
import {
  CONFIG_ERROR_EXIT_CODE,
  defaultBundlePath,
  resolveWorkflowsPath,
} from '../src/run-worker-process.js';
import type { greetWorkflow } from './fixtures/workflows.js';

const workflowsPath = fileURLToPath(new URL('./fixtures/workflows.ts', import.meta.url));
const entry = fileURLToPath(new URL('./fixtures/run-worker-main.ts', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'commerce-worker-process-'));
const bundlePath = join(temp, 'workflow-bundle.js');
const children: ChildProcess[] = [];
let test: TestClient;

beforeAll(async () => {
  test = await createTestClient();
  await buildWorkflowBundle({ workflowsPath, outFile: bundlePath });
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await test?.close();
  rmSync(temp, { recursive: true, force: true });
});

interface Started {
  output: () => string;
  stderr: () => string;
  lines: () => Record<string, unknown>[];
  exited: Promise<number | null>;
  proc: ChildProcess;
}

/** Runs the fixture main.ts with `env` as its whole configuration. */
function startWorker(taskQueue: string, env: Record<string, string>): Started {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry, taskQueue], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let output = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr.on('data', (c: Buffer) => {
    output += c.toString();
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolveExit) =>
    proc.once('exit', (code) => resolveExit(code)),
  );
  const lines = () =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { output: () => output, stderr: () => stderr, lines, exited, proc };
}

async function waitFor(started: Started, message: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!started.lines().some((l) => l.msg === message)) {
    if (Date.now() > deadline) throw new Error(`no "${message}" line in:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('runWorkerProcess (a worker main.ts)', () => {
  it('lists every configuration problem on stderr and exits with code 2 before connecting', async () => {
    const started = startWorker('unused', {
      TEMPORAL_ADDRESS: 'no-port',
      LOG_LEVEL: 'loud',
      FIXTURE_PORT: 'eighty',
    });
    expect(await started.exited).toBe(CONFIG_ERROR_EXIT_CODE);
    const stderr = started.stderr();
    expect(stderr).toContain('fixture worker: invalid configuration');
    for (const key of ['TEMPORAL_ADDRESS', 'LOG_LEVEL', 'FIXTURE_PORT'])
      expect(stderr).toContain(key);
    expect(started.lines()).toEqual([]);
  });

  it('serves its queue from the prebuilt bundle, drains on SIGTERM and closes in reverse order', async () => {
    const taskQueue = uniqueTaskQueue('worker-process');
    const started = startWorker(taskQueue, {
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_NAMESPACE: testTemporalNamespace(),
      WORKFLOW_BUNDLE: bundlePath,
      LOG_LEVEL: 'debug',
      FIXTURE_PORT: '8080',
    });
    const result = await test.client.workflow.execute<typeof greetWorkflow>('greetWorkflow', {
      taskQueue,
      workflowId: `greet-${taskQueue}`,
      args: [{ name: 'Grace' }],
    });
    expect(result).toBe('Hello, Grace!');
    await waitFor(started, 'greeting'); // the workflow's own log line, forwarded to pino

    started.proc.kill('SIGTERM');
    expect(await started.exited, started.output()).toBe(0);

    const lines = started.lines();
    expect(lines.find((l) => l.msg === 'fixture worker starting')).toMatchObject({
      name: 'fixture-worker',
      taskQueue,
      namespace: testTemporalNamespace(),
      port: 8080,
    });
    expect(lines.find((l) => l.msg === 'shutting down worker')).toMatchObject({
      reason: 'SIGTERM',
      taskQueue,
    });
    expect(lines.find((l) => l.msg === 'greeting')).toMatchObject({
      name: 'Grace',
      workflowId: `greet-${taskQueue}`,
    });
    const order = lines
      .filter((l) =>
        ['worker stopped', 'closing', 'fixture worker stopped'].includes(String(l.msg)),
      )
      .map((l) => (l.msg === 'closing' ? String(l.closer ?? l.closing) : String(l.msg)));
    expect(order).toEqual([
      'worker stopped',
      'fixture resources',
      'second',
      'first',
      'client',
      'worker connection',
      'fixture worker stopped',
    ]);
  });

  it('fails with exit code 1 when WORKFLOW_BUNDLE names a missing file, closing what setup opened', async () => {
    const started = startWorker(uniqueTaskQueue('worker-process-missing'), {
      TEMPORAL_ADDRESS: testTemporalAddress(),
      WORKFLOW_BUNDLE: join(temp, 'missing-bundle.js'),
    });
    expect(await started.exited).toBe(1);
    const failed = started.lines().find((l) => l.msg === 'fixture worker failed');
    expect(failed).toMatchObject({
      err: {
        message: expect.stringMatching(
          /workflow bundle .*missing-bundle\.js is missing/,
        ) as unknown,
      },
    });
    expect(
      started
        .lines()
        .filter((l) => l.msg === 'closing')
        .map((l) => l.closer),
    ).toEqual(['second', 'first']);
  });

  it('fails with exit code 1 when setup fails, closing what setup had registered', async () => {
    const started = startWorker(uniqueTaskQueue('worker-process-setup'), {
      TEMPORAL_ADDRESS: testTemporalAddress(),
      FIXTURE_FAIL_SETUP: 'true',
    });
    expect(await started.exited).toBe(1);
    expect(started.lines().find((l) => l.msg === 'fixture worker failed')).toMatchObject({
      err: { message: 'store unreachable' },
    });
    expect(
      started
        .lines()
        .filter((l) => l.msg === 'closing')
        .map((l) => l.closer),
    ).toEqual(['second', 'first']);
  });

  it('stops cleanly on SIGTERM while Temporal is still unreachable', async () => {
    const started = startWorker('unused', {
      TEMPORAL_ADDRESS: `127.0.0.1:${await findFreePort()}`,
    });
    await waitFor(started, 'Temporal not reachable yet for worker connection; retrying');
    started.proc.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.lines().map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'fixture worker stopping before it started',
        'fixture worker did not start',
        'fixture worker stopped',
      ]),
    );
  });
});

describe('where a worker finds its workflows', () => {
  it('uses the .ts twin of the workflows URL when running from source, and the bundle beside dist/main.js', () => {
    const dir = join(temp, 'app');
    mkdirSync(join(dir, 'src', 'workflows'), { recursive: true });
    writeFileSync(join(dir, 'src', 'workflows', 'index.ts'), '');
    const fromSource = new URL(`file://${dir}/src/workflows/index.js`);
    expect(resolveWorkflowsPath(fromSource)).toBe(join(dir, 'src', 'workflows', 'index.ts'));
    mkdirSync(join(dir, 'dist', 'workflows'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'workflows', 'index.js'), '');
    const fromDist = new URL(`file://${dir}/dist/workflows/index.js`);
    expect(resolveWorkflowsPath(fromDist)).toBe(join(dir, 'dist', 'workflows', 'index.js'));
    expect(defaultBundlePath(fromDist)).toBe(join(dir, 'dist', 'workflow-bundle.js'));
  });
});
