import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  spawnChildProcess,
  startChildProcess,
  type ChildProcessOptions,
} from '../src/child-process.js';
import { isProcessAlive, waitUntilProcessGone as waitUntilGone } from '../src/process-alive.js';
import { makeTempDir } from './helpers.js';

const NODE = process.execPath;
const temp = makeTempDir('child-process');
afterAll(() => temp.remove());

/** A Node child running `source`. */
function node(source: string, options: Partial<ChildProcessOptions> = {}): ChildProcessOptions {
  return { command: NODE, args: ['-e', source], ...options };
}

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(25);
  }
}

async function sessionOf(pid: number): Promise<string> {
  return await new Promise<string>((resolveSid) => {
    const ps = spawn('ps', ['-o', 'sid=', '-p', String(pid)]);
    let out = '';
    ps.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    ps.once('close', () => resolveSid(out.trim()));
  });
}

const STAYS_UP = 'setInterval(() => {}, 1000);';
const SAYS_UP = `console.log('up'); ${STAYS_UP}`;
const IGNORES_SIGTERM = `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('up'); ${STAYS_UP}`;

describe('startChildProcess', () => {
  it('passes the environment, relays lines, keeps the output tail and a log file, and stops by PID', async () => {
    const lines: string[] = [];
    const logFile = join(temp.dir, 'logs', 'nested', 'first.log');
    const child = await startChildProcess(
      node(
        `console.log('out ' + process.env.GREETING); console.error('err line');
         process.on('SIGTERM', () => process.exit(0)); ${STAYS_UP}`,
        {
          env: { PATH: process.env.PATH, GREETING: 'hello' },
          logFile,
          onLine: (l) => lines.push(l),
        },
      ),
    );
    await waitFor(() => lines.length === 2);
    expect([...lines].sort()).toEqual(['err line', 'out hello']);
    expect(child.outputTail()).toContain('out hello\n');
    expect(child.outputTail()).toContain('err line\n');
    expect(isProcessAlive(child.pid)).toBe(true);
    expect(child.hasExited()).toBe(false);

    await child.stop();
    expect(child.hasExited()).toBe(true);
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(isProcessAlive(child.pid)).toBe(false);
    expect(readFileSync(logFile, 'utf8')).toContain('out hello\n');
    await expect(child.stop()).resolves.toBeUndefined();
  });

  it('sends SIGKILL when SIGTERM is ignored for the grace period (from the options or from stop)', async () => {
    const fromOptions = await startChildProcess(node(IGNORES_SIGTERM, { graceMs: 300 }));
    const fromStop = await startChildProcess(node(IGNORES_SIGTERM, { graceMs: 120_000 }));
    await waitFor(() => [fromOptions, fromStop].every((c) => c.outputTail().includes('up\n')));
    const started = Date.now();
    await Promise.all([fromOptions.stop(), fromStop.stop(300)]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(60_000);
    for (const child of [fromOptions, fromStop]) {
      expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(child.outputTail()).toContain('ignoring SIGTERM');
      expect(isProcessAlive(child.pid)).toBe(false);
    }
  });

  it('names the command it cannot start, and refuses contradicting options before spawning', async () => {
    await expect(
      startChildProcess({ command: join(temp.dir, 'no-such-binary'), args: [], label: 'the tool' }),
    ).rejects.toThrow(/^cannot start the tool: spawn .*no-such-binary ENOENT/);
    await expect(startChildProcess(node(STAYS_UP, { detached: true }))).rejects.toThrow(
      /a detached child process needs a logFile/,
    );
    await expect(startChildProcess(node(STAYS_UP, { graceMs: -1 }))).rejects.toThrow(TypeError);
  });

  it('runs detached in its own session, its output only in the log file', async () => {
    const logFile = join(temp.dir, 'detached', 'server.log');
    mkdirSync(join(temp.dir, 'detached'), { recursive: true });
    writeFileSync(logFile, 'from an earlier run\n');
    const child = await startChildProcess(
      node(`console.log('detached up'); ${STAYS_UP}`, { detached: true, logFile }),
    );
    try {
      await waitFor(() => child.outputTail().includes('detached up'));
      expect(child.outputTail()).not.toContain('from an earlier run');
      expect(await sessionOf(child.pid)).toBe(String(child.pid));
    } finally {
      await child.stop();
    }
    expect(await child.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(readFileSync(logFile, 'utf8')).toBe('from an earlier run\ndetached up\n');
  });
});

describe('spawnChildProcess', () => {
  it('returns the handle at once and reports the exit code', async () => {
    const child = spawnChildProcess(node('process.exit(3)'));
    expect(child.pid).toBeGreaterThan(0);
    expect(await child.exited).toEqual({ code: 3, signal: null });
    await expect(child.stop()).resolves.toBeUndefined();
  });

  it('throws at once when the OS did not start the process', () => {
    const command = join(temp.dir, 'missing');
    expect(() => spawnChildProcess({ command, args: [] })).toThrow(
      `cannot start ${command}: no process id`,
    );
  });
});

interface Parent {
  process: ChildProcess;
  childPid: number;
  output: () => string;
}

/** Starts the own-child fixture and resolves once it printed its child's PID. */
async function startParent(
  mode: 'exit' | 'wait' | 'return',
  options: ChildProcessOptions,
): Promise<Parent> {
  const script = fileURLToPath(new URL('./fixtures/own-child.ts', import.meta.url));
  const parent = spawn(NODE, ['--import', 'tsx', script, mode, JSON.stringify(options)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return await new Promise<Parent>((resolveParent, reject) => {
    parent.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /CHILD (\d+)/.exec(out);
      if (match) resolveParent({ process: parent, childPid: Number(match[1]), output: () => out });
    });
    parent.once('exit', (code) => {
      if (!/CHILD \d+/.test(out))
        reject(new Error(`fixture exited (${String(code)}) before CHILD: ${out}`));
    });
  });
}

/** Leaves no process behind when an assertion failed. */
function killSurvivors(parents: readonly Parent[]): void {
  for (const parent of parents) {
    if (parent.process.exitCode === null && parent.process.signalCode === null)
      parent.process.kill('SIGKILL');
    if (isProcessAlive(parent.childPid)) process.kill(parent.childPid, 'SIGKILL');
  }
}

function exitOf(parent: Parent): Promise<number | null> {
  if (parent.process.exitCode !== null) return Promise.resolve(parent.process.exitCode);
  return new Promise((resolveExit) => parent.process.once('exit', (code) => resolveExit(code)));
}

describe('a child of a process that ends', () => {
  it('gets SIGTERM when the parent exits, or the signal chosen for it', async () => {
    const [plain, stubborn] = await Promise.all([
      startParent('exit', node(SAYS_UP)),
      startParent('exit', node(IGNORES_SIGTERM, { parentExitSignal: 'SIGKILL' })),
    ]);
    try {
      for (const parent of [plain, stubborn]) {
        expect(await exitOf(parent)).toBe(0);
        expect(await waitUntilGone(parent.childPid, 15_000), parent.output()).toBe(true);
      }
    } finally {
      killSurvivors([plain, stubborn]);
    }
  });

  it('is stopped by its watchdog when the parent is SIGKILLed (and survives without one)', async () => {
    const [watched, unwatched] = await Promise.all([
      startParent('wait', node(SAYS_UP, { watchdog: true, graceMs: 2_000 })),
      startParent('wait', node(SAYS_UP)),
    ]);
    try {
      expect(isProcessAlive(watched.childPid) && isProcessAlive(unwatched.childPid)).toBe(true);
      watched.process.kill('SIGKILL');
      unwatched.process.kill('SIGKILL');
      await Promise.all([exitOf(watched), exitOf(unwatched)]);
      expect(await waitUntilGone(watched.childPid, 30_000)).toBe(true);
      await delay(1_500); // more than the watchdog's interval
      expect(isProcessAlive(unwatched.childPid)).toBe(true);
    } finally {
      killSurvivors([watched, unwatched]);
    }
  });

  it('keeps the parent alive only when asked to', async () => {
    const talksThenExits = `console.log('up'); setTimeout(() => console.log('child done'), 1500);`;
    const [kept, notKept] = await Promise.all([
      startParent('return', node(talksThenExits, { keepParentAlive: true })),
      startParent('return', node(`${talksThenExits} ${STAYS_UP}`)),
    ]);
    try {
      expect(await exitOf(kept)).toBe(0);
      expect(kept.output()).toContain('LINE child done');
      expect(await exitOf(notKept)).toBe(0);
      expect(notKept.output()).not.toContain('LINE child done');
      expect(await waitUntilGone(notKept.childPid, 15_000)).toBe(true);
    } finally {
      killSurvivors([kept, notKept]);
    }
  });
});
