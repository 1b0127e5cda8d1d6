import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './index.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON lines with the service name and ISO time', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'svc', destination }).info({ orderId: 'o1' }, 'placed');
    expect(lines[0]).toMatchObject({ service: 'svc', msg: 'placed', orderId: 'o1', level: 30 });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts credentials and serialises errors under err', () => {
    const { lines, destination } = capture();
    const log = createLogger({ name: 'svc', destination });
    log.info({ req: { headers: { authorization: 'Bearer secret' } } }, 'req');
    log.error({ err: new Error('boom') }, 'failed');
    expect(JSON.stringify(lines[0])).not.toContain('secret');
    expect(lines[1]).toMatchObject({ err: { message: 'boom', type: 'Error' } });
  });

  it('honours the level', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'svc', level: 'warn', destination }).info('hidden');
    expect(lines).toHaveLength(0);
  });
});
