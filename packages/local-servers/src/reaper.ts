import { spawn } from 'node:child_process';

// Runs as `node -e` (no file to resolve from dist/ or src/): exits when the server is gone; when
// the process that started the server is gone first (even by SIGKILL, which runs no exit hook),
// it sends SIGTERM to the server, then SIGKILL after the grace period.
const REAPER_SOURCE = `
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

/** Starts the watchdog for `serverPid`; returns the watchdog's PID (stop it when the server stops). */
export function startReaper(serverPid: number, graceMs: number): number | undefined {
  const reaper = spawn(
    process.execPath,
    ['-e', REAPER_SOURCE, String(process.pid), String(serverPid), String(graceMs)],
    { stdio: 'ignore' },
  );
  reaper.on('error', () => undefined); // best effort: the exit hook still covers normal exits
  reaper.unref();
  return reaper.pid;
}
