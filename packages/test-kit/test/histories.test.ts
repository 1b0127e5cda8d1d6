import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { workflowHistories } from '../src/histories.js';
import { startTestWorker, type TestWorker } from '../src/worker.js';
import type { GreetActivities, greetingWorkflow } from './fixtures/worker-workflows.js';

const workflowsPath = fileURLToPath(new URL('./fixtures/worker-workflows.ts', import.meta.url));
const activities: GreetActivities = { greet: ({ name }) => Promise.resolve(`Hello, ${name}!`) };
const root = mkdtempSync(join(tmpdir(), 'histories-'));
let worker: TestWorker | undefined;
afterAll(async () => {
  await worker?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('workflowHistories', () => {
  it('names its folder with a trailing separator, from a URL or a path', () => {
    const dir = join(root, 'a');
    expect(workflowHistories(dir).dir).toBe(`${dir}${sep}`);
    expect(workflowHistories(pathToFileURL(`${dir}/`)).dir).toBe(`${dir}${sep}`);
  });

  it('writes a run history as <name>.json when recording, and nothing otherwise', async () => {
    worker = await startTestWorker({ workflowsPath, activities });
    const workflowId = `greet-${randomUUID()}`;
    await worker.client.workflow.execute<typeof greetingWorkflow>('greetingWorkflow', {
      taskQueue: worker.taskQueue,
      workflowId,
      args: [{ name: 'Ada' }],
    });

    const idle = workflowHistories(join(root, 'idle'), { recording: false });
    await idle.record(worker.client, 'greeting', workflowId);
    expect(existsSync(`${idle.dir}greeting.json`)).toBe(false);

    const { dir, record } = workflowHistories(join(root, 'recorded'), { recording: true });
    await record(worker.client, 'greeting', workflowId);
    const history = JSON.parse(readFileSync(`${dir}greeting.json`, 'utf8')) as {
      events: { eventType: string }[];
    };
    expect(history.events[0]?.eventType).toMatch(/WORKFLOW_EXECUTION_STARTED/);
    expect(history.events.at(-1)?.eventType).toMatch(/WORKFLOW_EXECUTION_COMPLETED/);
  });

  it('lists, loads and replays the recorded histories; a different workflow fails to replay', async () => {
    const recorded = workflowHistories(join(root, 'recorded'), { recording: false });
    expect(recorded.files()).toEqual(['greeting.json']);
    expect(recorded.load('greeting.json').events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe(
      'greetingWorkflow',
    );
    const replayed = await recorded.replay('greeting.json', workflowsPath);
    expect(replayed.events?.length).toBeGreaterThan(3);
    const sleepyPath = fileURLToPath(new URL('./fixtures/sleepy-workflows.ts', import.meta.url));
    await expect(recorded.replay('greeting.json', sleepyPath)).rejects.toThrow();
  });
});
