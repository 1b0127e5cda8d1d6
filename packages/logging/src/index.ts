import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type LoggerOptions } from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  /** The process or component name, e.g. `inventory-worker`. */
  name: string;
  level?: string;
  /** Pretty, coloured output; defaults to whether stdout is a terminal. */
  pretty?: boolean;
  /** Extra fields on every line. */
  base?: Record<string, unknown>;
  /** Where to write (tests pass a stream); defaults to stdout. */
  destination?: NodeJS.WritableStream;
}

/**
 * The one root logger of a process. JSON lines by default (what log shippers want), pretty only
 * on a TTY. Errors go under `err`; pass attributes first, then the message.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const { name, level = 'info', pretty = process.stdout.isTTY === true, base = {}, destination } = options;
  const config: LoggerOptions = {
    name,
    level,
    base: { service: name, ...base },
    timestamp: stdTimeFunctions.isoTime,
    serializers: { err: stdSerializers.err },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.token'], censor: '[redacted]' },
  };
  if (destination) return pino(config, destination as DestinationStream);
  if (pretty) {
    return pino({ ...config, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } });
  }
  return pino(config);
}
