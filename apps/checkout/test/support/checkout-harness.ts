import { fileURLToPath } from 'node:url';
import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { expect } from 'vitest';
import { CART_TASK_QUEUE, CART_WORKFLOW, cartWorkflowId } from '@commerce/contracts/cart';
import {
  CHECKOUT_TASK_QUEUE,
  CHECKOUT_WORKFLOW,
  checkoutQuery,
  checkoutWorkflowId,
  type CheckoutView,
  type CheckoutWorkflow,
  type CheckoutWorkflowInput,
} from '@commerce/contracts/checkout';
import { INVENTORY_TASK_QUEUE, type HoldTransitionInput, type RenewHoldInput } from '@commerce/contracts/inventory';
import { ORDER_SAGA_TASK_QUEUE } from '@commerce/contracts/order-saga';
import { workflowHistories } from '@commerce/test-kit/histories';
import { createTestNamespace, eventually, startTestWorker, type TestWorker } from '@commerce/test-kit/worker';
import { createCheckoutActivities } from '../../src/activities/index.js';
import { DEFAULT_CHARGES_RULES } from '../../src/config.js';
import { checkoutInput } from './fixtures.js';
import { setCartVersionSignal, standInCartQuery, type StandInCartState } from './stand-in-workflows.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../../src/workflows/index.ts', import.meta.url));
export const STAND_INS_PATH = fileURLToPath(new URL('./stand-in-workflows.ts', import.meta.url));
export const checkoutHistories = workflowHistories(new URL('../workflows/histories/', import.meta.url));
export const { record: recordHistory } = checkoutHistories;

export interface CheckoutHarness {
  client: Client;
  /** Stand-in inventory calls, in order. */
  renewals: RenewHoldInput[];
  releases: HoldTransitionInput[];
  /** A stand-in cart at `version` and a checkout of it; ids unique per call. */
  start(name: string, patch?: { version?: number; input?: Partial<CheckoutWorkflowInput> }): Promise<Started>;
  stop(): Promise<void>;
}

export interface Started {
  cartId: string;
  checkoutId: string;
  input: CheckoutWorkflowInput;
  handle: WorkflowHandle<CheckoutWorkflow>;
  view(): Promise<CheckoutView>;
  cart(): Promise<StandInCartState>;
  /** The stand-in cart moves to `version` (without telling the checkout). */
  setCartVersion(version: number): Promise<void>;
  /** Polls the stand-in cart until `check` holds. */
  cartUntil(check: (cart: StandInCartState) => boolean, what: string): Promise<StandInCartState>;
}

let counter = 0;

export async function startCheckoutHarness(): Promise<CheckoutHarness> {
  const namespace = await createTestNamespace('checkout');
  const renewals: RenewHoldInput[] = [];
  const releases: HoldTransitionInput[] = [];
  const workers: TestWorker[] = [];
  try {
    workers.push(
      await startTestWorker({
        namespace,
        taskQueue: CHECKOUT_TASK_QUEUE,
        workflowsPath: WORKFLOWS_PATH,
        activities: ({ client }: { client: Client }) => createCheckoutActivities({ rules: DEFAULT_CHARGES_RULES, client }),
      }),
      await startTestWorker({ namespace, taskQueue: CART_TASK_QUEUE, workflowsPath: STAND_INS_PATH }),
      await startTestWorker({ namespace, taskQueue: ORDER_SAGA_TASK_QUEUE, workflowsPath: STAND_INS_PATH }),
      await startTestWorker({
        namespace,
        taskQueue: INVENTORY_TASK_QUEUE,
        activities: {
          renewHold: (input: RenewHoldInput) => {
            renewals.push(input);
            return Promise.resolve({ holdId: input.holdId, owner: 'cart', lines: [], expiresAt: new Date().toISOString(), createdAt: '', updatedAt: '' });
          },
          releaseHold: (input: HoldTransitionInput) => {
            releases.push(input);
            return Promise.resolve({ holdId: input.holdId, owner: 'cart', lines: [], expiresAt: new Date().toISOString(), createdAt: '', updatedAt: '' });
          },
        },
      }),
    );
  } catch (error) {
    await Promise.allSettled(workers.map((w) => w.stop()));
    throw error;
  }
  const { client } = workers[0]!;
  return {
    client,
    renewals,
    releases,
    async start(name, patch = {}) {
      const cartId = `${name}-${Date.now().toString(36)}-${(++counter).toString()}`;
      const checkoutId = `${cartId}-co1`;
      const version = patch.version ?? 3;
      const base = checkoutInput(cartId, checkoutId);
      const input: CheckoutWorkflowInput = { ...base, cart: { ...base.cart, version }, ...patch.input };
      const cartHandle = await client.workflow.start(CART_WORKFLOW, {
        workflowId: cartWorkflowId(cartId),
        taskQueue: CART_TASK_QUEUE,
        args: [{ version }],
      });
      const handle = await client.workflow.start<CheckoutWorkflow>(CHECKOUT_WORKFLOW, {
        workflowId: checkoutWorkflowId(checkoutId),
        taskQueue: CHECKOUT_TASK_QUEUE,
        args: [input],
      });
      const cart = () => cartHandle.query(standInCartQuery);
      return {
        cartId,
        checkoutId,
        input,
        handle,
        view: () => handle.query(checkoutQuery),
        cart,
        setCartVersion: (v) => cartHandle.signal(setCartVersionSignal, v),
        cartUntil: (check, what) =>
          eventually(async () => {
            const state = await cart();
            return check(state) ? state : undefined;
          }, { what }),
      };
    },
    async stop() {
      await Promise.allSettled(workers.map((w) => w.stop()));
    },
  };
}

/** The update failed (or was refused) with an ApplicationFailure of `type`; returns it. */
export async function expectUpdateFailure(promise: Promise<unknown>, type: string): Promise<ApplicationFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected the update to fail with ${type}`).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(type);
  return cause as ApplicationFailure;
}
