/** A Temporal server process started by this package. */
export interface RunningServer {
  /** gRPC frontend as `host:port`, what clients and workers connect to. */
  address: string;
  namespace: string;
  /** Web UI, when it was enabled. */
  uiUrl?: string;
  /** The server's own process id; `stop()` signals exactly this process. */
  pid: number;
  /** Every port the process was told to open (the dev server also opens internal ports it picks itself). */
  ports: { frontend: number; ui?: number; http?: number; metrics?: number };
  /** The executable that runs. */
  executable: string;
  /** The last lines the server printed (for diagnostics). */
  outputTail: () => string;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. Safe to call twice. */
  stop: () => Promise<void>;
}

/** A server that exited or did not become ready in time; carries the tail of its output. */
export class TemporalServerStartError extends Error {
  constructor(
    message: string,
    readonly outputTail: string,
    options?: ErrorOptions,
  ) {
    super(`${message}\n--- last server output ---\n${outputTail || '(no output)'}\n---`, options);
    this.name = 'TemporalServerStartError';
  }
}
