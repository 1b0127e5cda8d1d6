// Runs apps/inventory's bench-holds CLI (built: apps/inventory/dist/cli/bench-holds.js) for one
// store and parses the JSON line it prints. The benchmark never imports app source: the app owns
// its repositories, the bench only spawns the app's script.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface HoldCaseResult {
  name: string;
  skus: number;
  holders: number;
  holds: number;
  elapsedSeconds: number;
  holdsPerSecond: number;
  holdMeanMs: number;
  holdP50Ms: number;
  holdP99Ms: number;
  cycleMeanMs: number;
  contentionRetries: number;
}

/** The JSON line bench-holds prints (its own output format, not a domain shape). */
export interface HoldRunOutput {
  store: string;
  description: string;
  holders: number;
  hotSkus: number;
  seconds: number;
  rounds: { round: number; uncontended: HoldCaseResult; contended: HoldCaseResult }[];
  checks: 'passed';
}

export function benchHoldsScript(root: string): string {
  const script = join(root, 'apps', 'inventory', 'dist', 'cli', 'bench-holds.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: build apps/inventory first (cd apps/inventory && npx tsc -p tsconfig.build.json)`);
  return script;
}

/** Spawns the script, relays its stderr, and fails loudly on a non-zero exit or a missing result line. */
export function runBenchHolds(script: string, args: readonly string[], log: (m: string) => void): Promise<HoldRunOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      for (const line of d.split('\n')) if (line.trim() !== '') log(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench-holds ${args.join(' ')} exited with ${code}`));
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        const out = JSON.parse(line) as HoldRunOutput;
        if (out.checks !== 'passed' || out.rounds.length === 0) throw new Error('no passed rounds');
        resolve(out);
      } catch (error) {
        reject(new Error(`bench-holds printed no result line (${(error as Error).message}): ${stdout.slice(0, 500)}`));
      }
    });
  });
}
