import { describe, expect, it } from 'vitest';
import { runFixture } from './helpers.js';

const USAGE = 'usage: cli.ts <ok|fail|throw>\n';

describe('runCli', () => {
  it('runs the named command with the prepared context; its result is the exit code', async () => {
    const [ok, fail] = await Promise.all([
      runFixture('cli.ts', ['ok']),
      runFixture('cli.ts', ['fail']),
    ]);
    expect(ok).toEqual({ code: 0, stdout: 'ok: prepared\n', stderr: '' });
    expect(fail).toEqual({ code: 3, stdout: '', stderr: '' });
  });

  it('prints the usage: exit 2 without a command, 0 when asked for help', async () => {
    const runs = await Promise.all(
      [[], ['help'], ['-h'], ['--help']].map((args) => runFixture('cli.ts', args)),
    );
    expect(runs.map((r) => r.code)).toEqual([2, 0, 0, 0]);
    for (const run of runs) expect(run.stdout).toBe(USAGE);
  });

  it('refuses an unknown command (also an inherited property name) with exit 2', async () => {
    const runs = await Promise.all(
      ['deploy', 'toString'].map((command) => runFixture('cli.ts', [command])),
    );
    for (const [i, command] of ['deploy', 'toString'].entries()) {
      expect(runs[i]?.code).toBe(2);
      expect(runs[i]?.stderr).toBe(`unknown command "${command}"\n\n${USAGE}`);
    }
  });

  it('reports a thrown error as "error: <message>" with exit 1, also from prepare()', async () => {
    const broken = await runFixture('cli.ts', ['throw']);
    expect(broken).toEqual({ code: 1, stdout: '', stderr: 'error: the command broke\n' });
    const unprepared = await runFixture('cli.ts', ['help'], { PREPARE: 'fail' });
    expect(unprepared).toEqual({ code: 1, stdout: '', stderr: 'error: cannot prepare\n' });
  });
});
