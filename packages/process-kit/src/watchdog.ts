import { spawn } from 'node:child_process';

// Runs as `node -e` (no file to resolve from dist/ or src/): exits when the child is gone; when
// the process that started the child is gone first (even by SIGKILL, which runs no exit hook),
// it sends SIGTERM to the child, then SIGKILL after the grace period.
const WATCHDOG_SOURCE = `
const [parent, server, grace] = process.argv.slice(1).map(Number);
const startedBy = process.ppid;
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const send = (signal) => { try { process.kill(server, signal); } catch {} };
const watch = setInterval(() => {
  if (!alive(server)) process.exit(0);
  if (process.ppid === startedBy && alive(parent)) return;
  clearInterval(watch);
  send('SIGTERM');
  const deadline = Date.now() + grace;
  setInterval(() => {
    if (!alive(server)) process.exit(0);
    if (Date.now() > deadline) { send('SIGKILL'); process.exit(0); }
  }, 200);
}, 1000);
`;

/**
 * Starts a watchdog process for `childPid`: once this process is gone (checked every second), it
 * stops the child (SIGTERM, SIGKILL after `graceMs`). Returns the watchdog's PID (stop it when
 * the child stops), undefined when it could not be started (best effort).
 */
export function startWatchdog(childPid: number, graceMs: number): number | undefined {
  const watchdog = spawn(
    process.execPath,
    ['-e', WATCHDOG_SOURCE, String(process.pid), String(childPid), String(graceMs)],
    { stdio: 'ignore' },
  );
  watchdog.on('error', () => undefined); // best effort: the exit hook still covers normal exits
  watchdog.unref();
  return watchdog.pid;
}
