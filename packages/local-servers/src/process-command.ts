import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The command line of a running process (`ps`, Linux and macOS), or undefined when it is gone. */
export async function processCommand(pid: number): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'command=', '-p', String(pid)]);
    const command = stdout.trim();
    return command === '' ? undefined : command;
  } catch {
    return undefined; // ps exits 1 when there is no such process
  }
}
