// Children that must not outlive this process, with the signal each gets when it exits first.
const children = new Map<number, NodeJS.Signals>();
let installed = false;

function signalChildren(): void {
  for (const [pid, signal] of children) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Sends `signal` to `pid` from one 'exit' hook if this process ends before the child does. */
export function signalOnParentExit(pid: number, signal: NodeJS.Signals): void {
  children.set(pid, signal);
  if (installed) return;
  installed = true;
  process.on('exit', signalChildren);
}

/** The child is gone (or stopped): nothing to send any more. */
export function forgetOnParentExit(pid: number): void {
  children.delete(pid);
}
