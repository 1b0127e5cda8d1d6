import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { Logger } from '@commerce/logging';
import { afterAll, describe, expect, it } from 'vitest';
import { openOrderSearch } from '@commerce/order-search/open';
import { loadOmsConfig } from '../src/config.js';
import { createOmsWorker } from '../src/worker.js';
import { orderLine, placedOrder, orderView } from './support/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'oms-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createOmsWorker (embedded profile)', () => {
  it('opens the SQLite stores and projection, registers the OMS activities, and closes in reverse', async () => {
    const sqlitePath = join(dir, 'commerce.db');
    const closers: (() => unknown)[] = [];
    const setup = await createOmsWorker({
      config: loadOmsConfig({ SQLITE_PATH: sqlitePath, ORDER_PROJECTION_FLUSH_MS: '500' }),
      client: {} as Client,
      logger: {} as Logger,
      onClose: (close) => closers.push(close),
    });
    expect(Object.keys(setup.activities).sort()).toEqual(['awaitSagaOutcome', 'projectOrder', 'resolveSupplierAssignments', 'saveOrder', 'startOrder']);
    expect(setup.description).toMatchObject({ store: `sqlite ${sqlitePath}`, search: `sqlite ${sqlitePath}`, projectionFlushMs: 500 });
    // projectOrder writes the views, the timeline and the search document in the shared file.
    const activities = setup.activities as { projectOrder: (input: unknown) => Promise<void> };
    const view = orderView(placedOrder('order-wired-1', [orderLine('TEE-0001-BLK-M', 1, 2_500, 'acme')]), { status: 'processing', version: 2 });
    await activities.projectOrder({ view, timeline: [] });
    for (const close of closers.reverse()) await close();
    const reader = await openOrderSearch({ search: { engine: 'sqlite' }, sqlitePath, migrate: false });
    try {
      expect((await reader.search.getOrder('order-wired-1'))?.status).toBe('processing');
    } finally {
      await reader.close();
    }
  });
});
