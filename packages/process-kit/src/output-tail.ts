import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Keeps the last `maxChars` characters of a process's output for error messages. */
export class OutputTail {
  private text = '';

  constructor(private readonly maxChars = 16_000) {}

  append(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.maxChars);
  }

  toString(): string {
    return this.text;
  }
}

/** The last `maxBytes` of `path` written after `fromOffset` (empty when the file is unreadable). */
export function readFileTail(path: string, fromOffset: number, maxBytes: number): string {
  try {
    const size = statSync(path).size;
    const start = Math.max(fromOffset, size - maxBytes);
    const length = size - start;
    if (length <= 0) return '';
    const buffer = Buffer.alloc(length);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, buffer, 0, length, start);
    } finally {
      closeSync(fd);
    }
    return buffer.toString('utf8');
  } catch {
    return '';
  }
}
