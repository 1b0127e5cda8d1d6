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

/** `message` followed by the last lines a server printed. */
export function withOutputTail(message: string, tail: string, lines = 60): string {
  const last = tail.split('\n').slice(-lines).join('\n').trimEnd();
  return `${message}\n--- last output ---\n${last === '' ? '(no output)' : last}\n---`;
}
