import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET_COUPON_WORKFLOW, UPSERT_COUPON_WORKFLOW, type GetCouponWorkflow, type UpsertCouponWorkflow } from '@commerce/contracts/cart';
import { startTestWorker, type TestWorker } from '@commerce/test-kit/worker';
import { createCartActivities } from '../../src/activities/index.js';
import { createSqliteCouponStore } from '../../src/adapters/sqlite/sqlite-coupon-store.js';
import { WORKFLOWS_PATH } from '../support/cart-harness.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

let w: TestWorker;
let temp: TempDatabase;
beforeAll(async () => {
  temp = createTempDatabase();
  w = await startTestWorker({ workflowsPath: WORKFLOWS_PATH, activities: createCartActivities({ coupons: createSqliteCouponStore({ db: temp.db }) }) });
}, 120_000);
afterAll(async () => {
  await w?.stop();
  temp?.cleanup();
});

describe('coupon workflows', () => {
  it('upsert then get (case-insensitive); invalid input fails with InvalidCartInputError', async () => {
    const code = `SAVE${Date.now().toString(36).toUpperCase()}`;
    const run = <T>(type: string, args: unknown[]) =>
      w.client.workflow.execute(type, { taskQueue: w.taskQueue, workflowId: `${type}-${code}-${Math.random()}`, args }) as Promise<T>;
    const saved = await run<Awaited<ReturnType<UpsertCouponWorkflow>>>(UPSERT_COUPON_WORKFLOW, [
      { code: code.toLowerCase(), definition: { description: 'd', discount: { type: 'percentage', percent: 15 }, active: true }, actor: 'admin' },
    ]);
    expect(saved).toMatchObject({ code, discount: { type: 'percentage', percent: 15 }, active: true });
    expect(await run<Awaited<ReturnType<GetCouponWorkflow>>>(GET_COUPON_WORKFLOW, [{ code: code.toLowerCase() }])).toEqual(saved);
    expect(await run(GET_COUPON_WORKFLOW, [{ code: 'NOPE123' }])).toBeNull();
    const failure = await run(UPSERT_COUPON_WORKFLOW, [{ code, definition: { discount: { type: 'percentage', percent: 0 } }, actor: 'admin' }]).catch(
      (e: { cause?: { type?: string } }) => e.cause?.type,
    );
    expect(failure).toBe('InvalidCartInputError');
  }, 30_000);
});
