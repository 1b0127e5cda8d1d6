import { OutputTail } from '@commerce/process-kit';
import { spawn } from 'node:child_process';
import { withOutputTail } from './output-tail.js';

export interface ScriptResult {
  output: string;
  durationMs: number;
}

/** Runs a launcher script to completion; a non-zero exit rejects with the script's output tail. */
export async function runScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<ScriptResult> {
  const started = Date.now();
  const output = new OutputTail(64_000);
  const child = spawn('bash', [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.append(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.append(chunk));
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
    (resolveExit, reject) => {
      child.once('error', (err) =>
        reject(new Error(`cannot run ${script}: ${err.message}`, { cause: err })),
      );
      child.once('close', (exitCode, exitSignal) =>
        resolveExit({ code: exitCode, signal: exitSignal }),
      );
    },
  );
  if (code !== 0) {
    throw new Error(
      withOutputTail(
        `${script} ${args.join(' ')} failed (exit code ${String(code)}, signal ${String(signal)})`,
        output.toString(),
      ),
    );
  }
  return { output: output.toString(), durationMs: Date.now() - started };
}
