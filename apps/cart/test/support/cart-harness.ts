import { fileURLToPath } from 'node:url';
import { WithStartWorkflowOperation, type Client, type WorkflowHandle } from '@temporalio/client';
import { Value } from '@sinclair/typebox/value';
import {
  addItemUpdate,
  CART_TASK_QUEUE,
  CART_WORKFLOW,
  cartWorkflowId,
  type AddItemRequest,
  type CartSettings,
  type CartView,
  type CartWorkflow,
  type CartWorkflowInput,
} from '@commerce/contracts/cart';
import { CartSettingsSchema } from '@commerce/contracts/cart/schemas';
import { CHECKOUT_TASK_QUEUE } from '@commerce/contracts/checkout';
import { INVENTORY_TASK_QUEUE } from '@commerce/contracts/inventory';
import { createTestNamespace, startTestWorker, type TestWorker } from '@commerce/test-kit/worker';
import { createCartActivities } from '../../src/activities/index.js';
import { createSqliteCouponStore } from '../../src/adapters/sqlite/sqlite-coupon-store.js';
import type { CouponStore } from '../../src/ports/coupon-store.js';
import { createTempDatabase, type TempDatabase } from './temp-database.js';
import { createTestInventory, type TestInventory, type TestSku } from './test-inventory.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../../src/workflows/index.ts', import.meta.url));
export const CHECKOUT_STAND_IN_PATH = fileURLToPath(new URL('./checkout-stand-in-workflows.ts', import.meta.url));

/** Production defaults, with overrides. */
export function cartSettings(overrides: Partial<CartSettings> = {}): CartSettings {
  return { ...Value.Create<typeof CartSettingsSchema>(CartSettingsSchema), ...overrides };
}

let counter = 0;
export const newCartId = (prefix = 'cart'): string => `${prefix}_${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export interface CartHarness {
  client: Client;
  inventory: TestInventory;
  coupons: CouponStore;
  stop(): Promise<void>;
}

/** A fresh namespace with the cart worker (real workflows + SQLite coupons), the stand-in inventory and checkout. */
export async function startCartHarness(catalog: Record<string, TestSku>): Promise<CartHarness> {
  const namespace = await createTestNamespace('cart');
  const temp: TempDatabase = createTempDatabase();
  const coupons = createSqliteCouponStore({ db: temp.db });
  const inventory = createTestInventory(catalog);
  const workers: TestWorker[] = [];
  workers.push(await startTestWorker({ namespace, taskQueue: INVENTORY_TASK_QUEUE, activities: inventory.activities }));
  workers.push(await startTestWorker({ namespace, taskQueue: CHECKOUT_TASK_QUEUE, workflowsPath: CHECKOUT_STAND_IN_PATH }));
  const cart = await startTestWorker({ namespace, taskQueue: CART_TASK_QUEUE, workflowsPath: WORKFLOWS_PATH, activities: createCartActivities({ coupons }) });
  workers.push(cart);
  return {
    client: cart.client,
    inventory,
    coupons,
    async stop() {
      for (const w of workers.reverse()) await w.stop();
      temp.cleanup();
    },
  };
}

/** The gateway's way in: update-with-start of addItem (USE_EXISTING). */
export function addItemWithStart(client: Client, input: CartWorkflowInput, request: AddItemRequest, updateId?: string): Promise<CartView> {
  const startWorkflowOperation = new WithStartWorkflowOperation<CartWorkflow>(CART_WORKFLOW, {
    workflowId: cartWorkflowId(input.cartId),
    taskQueue: CART_TASK_QUEUE,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return client.workflow.executeUpdateWithStart(addItemUpdate, {
    args: [request],
    startWorkflowOperation,
    ...(updateId === undefined ? {} : { updateId }),
  });
}

export function cartHandle(client: Client, cartId: string): WorkflowHandle<CartWorkflow> {
  return client.workflow.getHandle<CartWorkflow>(cartWorkflowId(cartId));
}

/** The failure type of a failed update (WorkflowUpdateFailedError → its ApplicationFailure cause). */
export async function updateFailureType(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { type?: string } }).cause;
    return cause?.type ?? (error as { type?: string }).type ?? String(error);
  }
  throw new Error('expected the update to fail');
}
