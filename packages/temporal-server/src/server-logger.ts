/** What this package logs through; a pino logger fits. Defaults to prefixed lines on stderr. */
export interface ServerLogger {
  info(message: string): void;
  warn(message: string): void;
}

export const stderrLogger: ServerLogger = {
  info: (message) => {
    process.stderr.write(`[temporal-server] ${message}\n`);
  },
  warn: (message) => {
    process.stderr.write(`[temporal-server] WARN ${message}\n`);
  },
};
