import { execFile } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a short-lived command to completion and captures its output. Never throws for a non-zero
 * exit (the caller decides); throws only when the command cannot be started (e.g. ENOENT).
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  timeoutMs = 120_000,
): Promise<CommandResult> {
  return await new Promise<CommandResult>((resolveResult, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err && typeof err.code === 'string') {
          reject(new Error(`cannot run ${command}: ${err.message}`, { cause: err }));
          return;
        }
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolveResult({ code, stdout, stderr });
      },
    );
  });
}

/** The last `maxChars` characters of a command's combined output, for error messages. */
export function outputOf(result: CommandResult, maxChars = 4_000): string {
  const text = `${result.stdout}${result.stderr}`.trim();
  return text.length > maxChars ? `…${text.slice(-maxChars)}` : text;
}
