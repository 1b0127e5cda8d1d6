import { createLogger } from '@commerce/logging';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTemporalLogger } from './temporal-logger.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  const logger = createLogger({ name: 't', destination: stream, level: 'trace' });
  const lines = () =>
    text
      .trim()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines };
}

describe('createTemporalLogger', () => {
  it('forwards every Temporal level to the pino level of the same name, attributes included', () => {
    const { logger, lines } = capture();
    const temporal = createTemporalLogger(logger);
    temporal.trace('t', { a: 1 });
    temporal.debug('d');
    temporal.info('i', { workflowId: 'wf-1' });
    temporal.warn('w');
    temporal.error('e');
    temporal.log('WARN', 'via log', { b: 2 });
    const out = lines();
    expect(out.map((l) => [l.level, l.msg])).toEqual([
      [10, 't'],
      [20, 'd'],
      [30, 'i'],
      [40, 'w'],
      [50, 'e'],
      [40, 'via log'],
    ]);
    expect(out[0]).toMatchObject({ a: 1 });
    expect(out[2]).toMatchObject({ workflowId: 'wf-1' });
    expect(out[5]).toMatchObject({ b: 2 });
  });

  it('puts an error attribute under err, serialized', () => {
    const { logger, lines } = capture();
    createTemporalLogger(logger).error('activity failed', {
      error: new Error('boom'),
      activityType: 'holdStock',
    });
    const [line] = lines();
    expect(line).toMatchObject({
      activityType: 'holdStock',
      err: { message: 'boom', type: 'Error' },
    });
    expect(line).not.toHaveProperty('error');
  });
});
