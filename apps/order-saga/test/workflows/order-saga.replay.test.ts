import { describe, expect, it } from 'vitest';
import { sagaHistories } from '../support/record-history.js';
import { WORKFLOWS_PATH } from '../support/saga-harness.js';

// Committed histories of real runs. `v1-*` were recorded with the saga BEFORE its first patch
// (`verify-hold-before-capture`: no hold check before capture): replaying them with today's code
// proves that executions in flight when the change ships still replay (patched() is false for
// them). `saga-*` are today's version (RECORD_HISTORIES=1 pnpm test rewrites them; never the v1 ones).
const histories = sagaHistories.files();

describe('order saga replay', () => {
  it('has the recorded histories of the previous version', () => {
    expect(histories.filter((f) => f.startsWith('v1-'))).toEqual([
      'v1-saga-approved.json',
      'v1-saga-cancelled.json',
      'v1-saga-compensation-retried.json',
      'v1-saga-delivered.json',
    ]);
  });

  it('the previous version never checked the hold before capture (no patch marker, no getHold before capture)', () => {
    const history = sagaHistories.load('v1-saga-delivered.json');
    const events = history.events ?? [];
    expect(
      events.some(
        (e) =>
          e.markerRecordedEventAttributes !== undefined && e.markerRecordedEventAttributes !== null,
      ),
    ).toBe(false);
    const activities = events.flatMap((e) =>
      e.activityTaskScheduledEventAttributes?.activityType?.name
        ? [e.activityTaskScheduledEventAttributes.activityType.name]
        : [],
    );
    expect(activities).toEqual([
      'holdStock',
      'confirmHold',
      'authorizePayment',
      'capturePayment',
      'startOrder',
    ]);
  });

  it.each(histories)(
    'replays %s with the current workflow code',
    async (file) => {
      const history = await sagaHistories.replay(file, WORKFLOWS_PATH);
      expect(history.events?.length).toBeGreaterThan(10);
    },
    120_000,
  );
});
