/** `message` followed by the last lines a server printed. */
export function withOutputTail(message: string, tail: string, lines = 60): string {
  const last = tail.split('\n').slice(-lines).join('\n').trimEnd();
  return `${message}\n--- last output ---\n${last === '' ? '(no output)' : last}\n---`;
}
