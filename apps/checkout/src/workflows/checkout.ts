import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { checkoutEventSignal, type CheckoutEvent } from '@commerce/contracts/cart';
import {
  cancelCheckoutUpdate,
  cartChangedSignal,
  CheckoutFailure,
  checkoutQuery,
  checkoutWorkflowId,
  setPaymentMethodUpdate,
  setShippingAddressUpdate,
  submitCheckoutUpdate,
  type CancelCheckoutRequest,
  type CartSnapshot,
  type CheckoutActivities,
  type CheckoutStep,
  type CheckoutView,
  type CheckoutWorkflowInput,
  type CheckoutWorkflowResult,
  type SetPaymentMethodRequest,
  type SetShippingAddressRequest,
  type SubmitCheckoutRequest,
} from '@commerce/contracts/checkout';
import { INVENTORY_TASK_QUEUE, type InventoryActivities } from '@commerce/contracts/inventory';
import { OrderSagaFailure, type PlacementDecision } from '@commerce/contracts/order-saga';
import {
  cartChangedError,
  initialCheckoutView,
  submitRefusal,
  withCartSnapshot,
  withCharges,
} from '../domain/checkout-view.js';
import { expiresAt, holdTtlSeconds } from '../domain/deadline.js';
import {
  paymentMethodInputRefusal,
  shippingAddressInputRefusal,
  submitInputRefusal,
} from '../domain/input-checks.js';
import { buildOrderInput } from '../domain/order-input.js';
import { isFinalStep, nextStep, stepRefusal, type Refusal } from '../domain/steps.js';
import { cartWeightGrams, merchandiseAmount } from '../domain/totals.js';

/** Quoting is pure and local to the worker: a few quick attempts. */
const charges = proxyActivities<Pick<CheckoutActivities, 'quoteCharges'>>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' },
});
/** Locking the cart and placing the order: retried while transient (idempotent by update id). */
const submission = proxyActivities<Pick<CheckoutActivities, 'lockCart' | 'placeOrder'>>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '3 minutes',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '10 seconds' },
});
/** The hold's keep-alive: best effort (a lost hold shows up when the saga confirms it). */
const holdKeeper = proxyActivities<Pick<InventoryActivities, 'renewHold'>>({
  taskQueue: INVENTORY_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '500 milliseconds' },
});
/** Giving the stock back is a compensation: retried until it succeeds. */
const holdReleaser = proxyActivities<Pick<InventoryActivities, 'releaseHold'>>({
  taskQueue: INVENTORY_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const nowIso = (): string => new Date().toISOString();

const refuse = (refusal: Refusal | null): void => {
  if (refusal !== null) throw ApplicationFailure.create({ ...refusal, nonRetryable: true });
};

/** An activity's business failure as the update's own failure (same type), non-retryable. */
function asUpdateFailure(error: unknown): ApplicationFailure {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure)
    return ApplicationFailure.create({ type: cause.type ?? 'ApplicationFailure', message: cause.message, nonRetryable: true });
  const message = cause instanceof Error ? cause.message : String(cause);
  return ApplicationFailure.create({ type: 'ActivityFailed', message, nonRetryable: true });
}

const failureType = (error: unknown): string | undefined => {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined;
};

/**
 * The checkout of a cart (SPEC §4.3): a child of the cart (parent close ABANDON), id
 * `checkout:<checkoutId>`. A guarded step machine — shipping → payment → review → submitting →
 * completed, exits cancelled / expired / failed — whose updates' validators check the step
 * (domain/steps.ts, one table), so a refused update leaves nothing in history. It keeps the
 * cart's hold alive for its own lifetime (renewed whenever its inactivity clock restarts),
 * prices the snapshot with the quoted charges, locks the cart and hands the order to the order
 * saga on submit (a decline returns to `payment` with the cart and holds intact), and on cancel /
 * expiry / failure releases the snapshot's lines and tells the cart it is `closed`.
 */
export async function checkoutWorkflow(input: CheckoutWorkflowInput): Promise<CheckoutWorkflowResult> {
  const { checkoutId, settings, holdId, cartWorkflowId } = input;
  let cart: CartSnapshot = input.cart;
  let view: CheckoutView = initialCheckoutView(input, nowIso());
  /** Bumped by every shopper action: restarts the inactivity clock (and renews the hold). */
  let activity = 0;
  /** One handler body at a time (quoting, submitting): later ones wait their turn. */
  let busy = false;

  const exclusive = async <T>(body: () => Promise<T>): Promise<T> => {
    await condition(() => !busy);
    busy = true;
    try {
      return await body();
    } finally {
      busy = false;
    }
  };
  const update = (patch: Partial<CheckoutView>): void => {
    view = { ...view, ...patch, updatedAt: nowIso() };
  };
  const setStep = (step: CheckoutStep): void => {
    if (step !== view.step) log.info('checkout step', { checkoutId, from: view.step, to: step });
    update({ step });
  };
  const touch = (): void => {
    activity++;
    update({ expiresAt: expiresAt(nowIso(), settings.timeoutMs) });
  };

  const renewHold = async (): Promise<void> => {
    try {
      await holdKeeper.renewHold({ holdId, ttlSeconds: holdTtlSeconds(settings) });
    } catch (error) {
      log.warn('checkout could not renew the cart hold', { checkoutId, holdId, error: String(error) });
    }
  };
  const tellCart = async (event: Omit<CheckoutEvent, 'checkoutId'>): Promise<void> => {
    try {
      await getExternalWorkflowHandle(cartWorkflowId).signal(checkoutEventSignal, { checkoutId, ...event });
    } catch (error) {
      log.warn('checkout could not signal the cart', { checkoutId, cartWorkflowId, kind: event.kind, error: String(error) });
    }
  };
  /** Cancel, expiry, failure: give the snapshot's stock back, then the cart is active again. */
  const close = async (step: 'cancelled' | 'expired' | 'failed', reason: string): Promise<void> => {
    setStep(step);
    const skus = [...new Set(cart.lines.map((line) => line.sku))];
    if (skus.length > 0) await holdReleaser.releaseHold({ holdId, skus, reason: `checkout ${checkoutId} ${step}: ${reason}` });
    await tellCart({ kind: 'closed', reason: `${step}: ${reason}` });
  };
  const quote = async (address: NonNullable<CheckoutView['shippingAddress']>) =>
    charges.quoteCharges({
      address,
      merchandise: { amount: merchandiseAmount(cart), currency: cart.currency },
      weightGrams: cartWeightGrams(cart),
    });

  setHandler(checkoutQuery, () => view);

  setHandler(
    setShippingAddressUpdate,
    (request) =>
      exclusive(async () => {
        refuse(stepRefusal('setShippingAddress', view.step));
        let quoted;
        try {
          quoted = await quote(request.address);
        } catch (error) {
          throw asUpdateFailure(error);
        }
        refuse(stepRefusal('setShippingAddress', view.step));
        view = withCharges(view, cart, quoted);
        update({ shippingAddress: request.address, email: request.email ?? view.email });
        setStep(nextStep('setShippingAddress', view.step));
        touch();
        return view;
      }),
    {
      validator: (request: SetShippingAddressRequest) => {
        refuse(stepRefusal('setShippingAddress', view.step));
        refuse(shippingAddressInputRefusal(request));
      },
    },
  );

  setHandler(
    setPaymentMethodUpdate,
    (request) =>
      exclusive(() => {
        refuse(stepRefusal('setPaymentMethod', view.step));
        update({ paymentMethod: request.paymentMethod });
        setStep(nextStep('setPaymentMethod', view.step));
        touch();
        return Promise.resolve(view);
      }),
    {
      validator: (request: SetPaymentMethodRequest) => {
        refuse(stepRefusal('setPaymentMethod', view.step));
        refuse(paymentMethodInputRefusal(request));
      },
    },
  );

  setHandler(
    submitCheckoutUpdate,
    (request) =>
      exclusive(async () => {
        refuse(submitRefusal(view, request));
        setStep('submitting');
        touch();
        const attempt = view.orderAttempts.length + 1;
        try {
          await submission.lockCart({ cartWorkflowId, checkoutId, cartVersion: view.cartVersion, attempt });
        } catch (error) {
          setStep('review');
          if (failureType(error) === 'CartChangedError') {
            update({ lastError: cartChangedError(nowIso()) });
            throw ApplicationFailure.create({
              type: CheckoutFailure.CartChanged,
              message: 'the cart changed since it was reviewed: review the order again',
              nonRetryable: true,
            });
          }
          const failure = asUpdateFailure(error);
          update({ lastError: { code: failure.type ?? 'ActivityFailed', message: failure.message, at: nowIso() } });
          throw failure;
        }

        const order = buildOrderInput({
          view,
          cart,
          attempt,
          holdId,
          checkoutWorkflowId: checkoutWorkflowId(checkoutId),
          placedAt: nowIso(),
          settings: settings.order,
          requestId: input.requestId,
        });
        update({ orderAttempts: [...view.orderAttempts, { orderId: order.orderId, outcome: 'pending' }] });
        const settle = (outcome: 'accepted' | 'declined', code?: string): void => {
          update({
            orderAttempts: view.orderAttempts.map((a) =>
              a.orderId === order.orderId ? { orderId: a.orderId, outcome, ...(code === undefined ? {} : { code }) } : a,
            ),
          });
        };

        let decision: PlacementDecision;
        try {
          decision = await submission.placeOrder(order);
        } catch (error) {
          const failure = asUpdateFailure(error);
          log.error('checkout could not place its order', { checkoutId, orderId: order.orderId, error: failure.message });
          settle('declined', failure.type ?? undefined);
          update({ lastError: { code: failure.type ?? 'ActivityFailed', message: failure.message, at: nowIso() } });
          await close('failed', `the order could not be placed: ${failure.message}`);
          throw ApplicationFailure.create({
            type: CheckoutFailure.Closed,
            message: `the order could not be placed (${failure.message}); the checkout failed`,
            nonRetryable: true,
          });
        }

        if (decision.outcome === 'accepted') {
          settle('accepted');
          update({ orderId: decision.orderId, lastError: null });
          setStep('completed');
          await tellCart({ kind: 'completed', orderId: decision.orderId });
          return view;
        }
        const code = decision.code ?? OrderSagaFailure.PaymentDeclined;
        const message = decision.reason ?? 'the payment was declined';
        settle('declined', code);
        update({ lastError: { code, message, at: nowIso() } });
        setStep('payment');
        await tellCart({ kind: 'unlocked', reason: `${code}: ${message}` });
        throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
      }),
    {
      validator: (request: SubmitCheckoutRequest) => {
        refuse(submitInputRefusal(request));
        refuse(submitRefusal(view, request));
      },
    },
  );

  setHandler(
    cancelCheckoutUpdate,
    (request: CancelCheckoutRequest): Promise<CheckoutView> =>
      exclusive(async () => {
        refuse(stepRefusal('cancel', view.step));
        await close('cancelled', request.reason ?? 'cancelled by the shopper');
        return view;
      }),
    {
      validator: (_request: CancelCheckoutRequest) => {
        refuse(stepRefusal('cancel', view.step));
      },
    },
  );

  setHandler(cartChangedSignal, async (snapshot) => {
    if (isFinalStep(view.step)) {
      log.info('checkout ignores a cart change after it ended', { checkoutId, version: snapshot.version });
      return;
    }
    // The new lines and version apply at once (a submit of the old version is refused from now on);
    // the charges are re-quoted in turn with the other handlers.
    cart = snapshot;
    view = withCartSnapshot(view, snapshot, nowIso());
    touch();
    await exclusive(async () => {
      const address = view.shippingAddress;
      if (address === null || view.charges === null || cart.version !== snapshot.version) return;
      try {
        view = withCharges(view, cart, await quote(address));
      } catch (error) {
        log.warn('checkout could not re-quote the charges', { checkoutId, error: String(error) });
        update({ lastError: { code: failureType(error) ?? 'ActivityFailed', message: asUpdateFailure(error).message, at: nowIso() } });
      }
    });
  });

  // ---- lifetime -----------------------------------------------------------------------------
  // Taken before the renewal: a step taken while it runs is renewed for again right after.
  let renewedAt = activity;
  await renewHold();
  while (!isFinalStep(view.step)) {
    if (renewedAt !== activity) {
      renewedAt = activity;
      await renewHold();
      continue;
    }
    const seen = activity;
    const moved = await condition(() => isFinalStep(view.step) || activity !== seen, settings.timeoutMs);
    if (moved || isFinalStep(view.step)) continue;
    // A submit in flight is not inactivity: the order saga's answer decides.
    if (busy) {
      await condition(() => !busy);
      continue;
    }
    await exclusive(async () => {
      if (activity !== seen || isFinalStep(view.step)) return;
      log.info('checkout expired', { checkoutId, timeoutMs: settings.timeoutMs });
      await close('expired', 'no step for too long');
    });
  }
  await condition(allHandlersFinished);
  const step = view.step as CheckoutWorkflowResult['step'];
  return { checkoutId, step, ...(view.orderId === null ? {} : { orderId: view.orderId }) };
}
