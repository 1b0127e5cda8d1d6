import {
  createTestClient,
  testTemporalAddress,
  uniqueTaskQueue,
  type TestClient,
} from '@commerce/test-kit/temporal';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkflowBundle } from '../src/bundle.js';
import type { greetWorkflow } from './fixtures/workflows.js';

const workflowsPath = fileURLToPath(new URL('./fixtures/workflows.ts', import.meta.url));
const entry = fileURLToPath(new URL('./fixtures/run-worker-main.ts', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'commerce-worker-process-'));
let test: TestClient;
let child: ChildProcess | undefined;

beforeAll(async () => {
  test = await createTestClient();
});
afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await test?.close();
  rmSync(temp, { recursive: true, force: true });
});

function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('a worker process (main.ts shape)', () => {
  it('serves its queue from the prebuilt bundle, forwards Temporal logs to pino, and drains on SIGTERM', async () => {
    const bundlePath = join(temp, 'workflow-bundle.js');
    await buildWorkflowBundle({ workflowsPath, outFile: bundlePath });
    const taskQueue = uniqueTaskQueue('worker-process');

    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', entry, testTemporalAddress(), taskQueue, bundlePath, workflowsPath],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    let output = '';
    proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolveExit) =>
      proc.once('exit', (code) => resolveExit(code)),
    );

    const result = await test.client.workflow.execute<typeof greetWorkflow>('greetWorkflow', {
      taskQueue,
      workflowId: `greet-${taskQueue}`,
      args: [{ name: 'Grace' }],
    });
    expect(result).toBe('Hello, Grace!');

    // Wait until the workflow's own log line went through the forwarding logger.
    const deadline = Date.now() + 10_000;
    while (!output.includes('"msg":"greeting"') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));

    proc.kill('SIGTERM');
    const code = await exited;
    expect(code, output).toBe(0);

    const lines = logLines(output);
    const messages = lines.map((l) => l.msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'worker running',
        'shutting down worker',
        'worker stopped',
        'process done',
      ]),
    );
    expect(lines.find((l) => l.msg === 'shutting down worker')).toMatchObject({
      reason: 'SIGTERM',
      taskQueue,
    });
    expect(messages.indexOf('worker stopped')).toBeGreaterThan(
      messages.indexOf('shutting down worker'),
    );
    // Workflow logging (Temporal `log`) arrives in pino with the workflow's attributes.
    expect(lines.find((l) => l.msg === 'greeting')).toMatchObject({
      name: 'Grace',
      workflowId: `greet-${taskQueue}`,
      taskQueue,
    });
  });
});
