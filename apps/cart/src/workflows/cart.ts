import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addItemUpdate,
  applyCouponUpdate,
  attachShopperUpdate,
  beginCheckoutUpdate,
  CartFailure,
  cartCheckoutId,
  cartHoldId,
  cartQuery,
  changeQuantityUpdate,
  checkoutEventSignal,
  lockForCheckoutUpdate,
  removeCouponUpdate,
  removeItemUpdate,
  type BeginCheckoutRequest,
  type CartActivities,
  type CartCarryOver,
  type CartLine,
  type CartView,
  type CartWorkflowInput,
  type CartWorkflowResult,
  type CheckoutEvent,
} from '@commerce/contracts/cart';
import {
  CHECKOUT_TASK_QUEUE,
  CHECKOUT_WORKFLOW,
  cartChangedSignal,
  checkoutWorkflowId,
  type CheckoutWorkflow,
  type CheckoutWorkflowInput,
} from '@commerce/contracts/checkout';
import { INVENTORY_TASK_QUEUE, InventoryFailure, type InventoryActivities } from '@commerce/contracts/inventory';
import {
  cartSnapshot,
  checkAddItemFits,
  couponRule,
  newCartCarryOver,
  planAddItem,
  refreshView,
  requireLine,
  withLine,
} from '../domain/cart-state.js';
import { nextDeadline, type Deadline } from '../domain/hold-timing.js';
import { evaluateCoupon, subtotalOf } from '../domain/pricing.js';
import { findRecentUpdate, rememberUpdate } from '../domain/recent-updates.js';
import {
  cartFailure,
  checkAddItem,
  checkBeginCheckout,
  checkChangeQuantity,
  checkCouponCode,
  checkLockForCheckout,
  checkRemoveItem,
  checkShopper,
} from '../domain/rules.js';
import { activityFailureType, rethrowTyped } from './failures.js';

// The shopper is waiting on every update: a few quick attempts, then the update fails.
const inventory = proxyActivities<InventoryActivities>({
  taskQueue: INVENTORY_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '5 seconds', maximumAttempts: 5 },
});
const coupons = proxyActivities<CartActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '5 seconds', maximumAttempts: 5 },
});

/** Inventory failures an update reports with their own type (the cart is left unchanged). */
const STOCK_FAILURES: readonly string[] = [InventoryFailure.InsufficientStock, InventoryFailure.UnknownSku];
/** A renewal failing with these means the cart's hold is gone: its lines are no longer held. */
const HOLD_GONE: readonly string[] = [InventoryFailure.HoldNotFound, InventoryFailure.HoldExpired, InventoryFailure.InvalidHoldTransition];

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * One cart: lines (catalog snapshots, one SKU line each of the cart's inventory hold), coupon,
 * shopper, and its checkout (a child started by beginCheckout). Updates are serialized; update ids
 * are remembered across continue-as-new; the hold is renewed while the shopper is active and
 * released when the keep-alive lapses; an idle cart is abandoned.
 */
export async function cartWorkflow(input: CartWorkflowInput): Promise<CartWorkflowResult> {
  const { cartId, settings } = input;
  const holdId = cartHoldId(cartId);
  const carried: CartCarryOver = input.carried ?? newCartCarryOver(cartId, holdId, Date.now(), settings);
  let view: CartView = carried.view;
  let recent = carried.recentUpdates;
  let nextLineNumber = carried.nextLineNumber;
  let nextCheckoutNumber = carried.nextCheckoutNumber;
  let lastActivityMs = Date.parse(carried.lastActivityAt);
  /** When this run last held or renewed the hold (null: not yet — a new run renews first). */
  let lastHoldMs: number | null = null;
  let handledUpdates = 0;
  /** Bumped whenever something the main loop waits on may have changed. */
  let wake = 0;
  let result = null as CartWorkflowResult | null;

  const current = (): CartView => refreshView(view, settings, Date.now(), lastActivityMs);

  // ---- one thing at a time: updates, checkout events and the timers' work -----------------
  let tail: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  const requireOpen = (): void => {
    if (view.status === 'ordered' || view.status === 'abandoned' || result !== null)
      throw cartFailure(CartFailure.NotActive, `the cart is ${view.status}`, { status: view.status });
  };
  const requireEditable = (): void => {
    requireOpen();
    if (view.checkout?.locked === true)
      throw cartFailure(CartFailure.Locked, 'the checkout is placing the order: the cart cannot change now', {
        checkoutId: view.checkout.checkoutId,
      });
  };
  const knownUpdate = (): boolean => findRecentUpdate(recent, currentUpdateInfo()?.id) !== undefined;

  // ---- holds -----------------------------------------------------------------------------
  /**
   * Holds (set semantics, one all-or-nothing call) every line of `lines` that is not held yet or
   * whose id is in `changed`; returns the lines marked held. Out of stock / unknown SKU → the
   * update fails with that inventory type and nothing of the cart changed.
   */
  async function holdLines(lines: readonly CartLine[], changed: readonly string[]): Promise<CartLine[]> {
    const toHold = lines.filter((l) => !l.stockHeld || changed.includes(l.lineId));
    if (toHold.length === 0) return [...lines];
    try {
      await inventory.holdStock({
        holdId,
        owner: `cart:${cartId}`,
        lines: toHold.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        ttlSeconds: settings.holdTtlSeconds,
      });
    } catch (error) {
      rethrowTyped(error, STOCK_FAILURES);
    }
    lastHoldMs = Date.now();
    return lines.map((l) => (l.stockHeld ? l : { ...l, stockHeld: true }));
  }

  async function releaseLines(skus: readonly string[], reason: string): Promise<void> {
    if (skus.length === 0) return;
    await inventory.releaseHold({ holdId, skus: [...skus], reason });
  }

  const commit = (next: Partial<CartView>, bump: boolean): void => {
    view = { ...view, ...next, ...(bump ? { version: view.version + 1, updatedAt: iso(Date.now()) } : {}) };
  };

  /** Tells the live checkout the cart changed; awaited (the update answers after the checkout has it). */
  async function notifyCheckout(): Promise<void> {
    const checkout = view.checkout;
    if (view.status !== 'checking_out' || checkout === null) return;
    try {
      await getExternalWorkflowHandle(checkout.workflowId).signal(cartChangedSignal, cartSnapshot(current()));
    } catch (error) {
      // The checkout ended meanwhile: its `closed` / `completed` event is on the way.
      log.warn('could not signal the checkout', { checkoutId: checkout.checkoutId, error: String(error) });
    }
  }

  // ---- the update pattern ------------------------------------------------------------------
  /**
   * An update handler: serialized; an update id seen before (this run or a carried one) answers
   * the current cart without applying again; a change that bumps the version is sent to the live
   * checkout before the update answers.
   */
  function handler<A extends unknown[]>(apply: (...args: A) => Promise<void>, touches: boolean): (...args: A) => Promise<CartView> {
    return (...args: A) => {
      const updateId = currentUpdateInfo()?.id;
      return serialized(async () => {
        try {
          if (findRecentUpdate(recent, updateId) !== undefined) return current();
          if (touches) lastActivityMs = Date.now();
          const before = view.version;
          await apply(...args);
          if (updateId !== undefined) recent = rememberUpdate(recent, updateId, view.version, settings.rememberedUpdateIds);
          if (view.version !== before) await notifyCheckout();
          return current();
        } finally {
          handledUpdates += 1;
          wake += 1;
        }
      });
    };
  }

  // ---- updates -----------------------------------------------------------------------------
  setHandler(
    addItemUpdate,
    handler(async (request) => {
      const { sku, quantity } = checkAddItem(request);
      requireEditable();
      let product = view.lines.find((l) => l.sku === sku)?.product;
      if (product === undefined) {
        let described;
        try {
          described = await inventory.describeSkus({ skus: [sku] });
        } catch (error) {
          rethrowTyped(error, STOCK_FAILURES);
        }
        product = described.found.find((d) => d.sku === sku);
        if (product === undefined || described.unknown.includes(sku))
          throw cartFailure(InventoryFailure.UnknownSku, `unknown SKU ${sku}`, { sku });
        requireEditable();
      }
      const plan = planAddItem(view, product, quantity, nextLineNumber, Date.now());
      const lines = await holdLines(withLine(view.lines, plan.line), [plan.line.lineId]);
      if (plan.isNew) nextLineNumber += 1;
      commit({ lines }, true);
    }, true),
    {
      validator: (request) => {
        if (knownUpdate()) return;
        const { sku, quantity } = checkAddItem(request);
        requireEditable();
        checkAddItemFits(view, sku, quantity);
      },
    },
  );

  setHandler(
    changeQuantityUpdate,
    handler(async (request) => {
      const { lineId, quantity } = checkChangeQuantity(request);
      requireEditable();
      const line = requireLine(view, lineId);
      const lines = await holdLines(withLine(view.lines, { ...line, quantity }), quantity === line.quantity ? [] : [lineId]);
      commit({ lines }, quantity !== line.quantity);
    }, true),
    {
      validator: (request) => {
        if (knownUpdate()) return;
        const { lineId } = checkChangeQuantity(request);
        requireEditable();
        requireLine(view, lineId);
      },
    },
  );

  setHandler(
    removeItemUpdate,
    handler(async (request) => {
      const { lineId } = checkRemoveItem(request);
      requireEditable();
      const line = requireLine(view, lineId);
      const lines = await holdLines(
        view.lines.filter((l) => l.lineId !== lineId),
        [],
      );
      if (line.stockHeld) await releaseLines([line.sku], `removed from cart ${cartId}`);
      commit({ lines }, true);
    }, true),
    {
      validator: (request) => {
        if (knownUpdate()) return;
        const { lineId } = checkRemoveItem(request);
        requireEditable();
        requireLine(view, lineId);
      },
    },
  );

  setHandler(
    applyCouponUpdate,
    handler(async (request) => {
      const code = checkCouponCode(request);
      requireEditable();
      const coupon = await coupons.getCoupon({ code });
      if (coupon === null || !coupon.active) throw cartFailure(CartFailure.CouponNotFound, `no coupon ${code}`, { code });
      requireEditable();
      const lines = await holdLines(view.lines, []);
      const refreshed = current();
      const evaluated = evaluateCoupon(
        couponRule(coupon),
        subtotalOf(
          lines.map((l) => ({ quantity: l.quantity, unitPrice: l.product.unitPrice })),
          refreshed.totals.subtotal.currency,
        ),
        refreshed.currency,
        Date.now(),
      );
      if (!evaluated.applies)
        throw cartFailure(CartFailure.CouponNotApplicable, `coupon ${coupon.code} does not apply: ${evaluated.reason ?? 'not applicable'}`, {
          code: coupon.code,
          reason: evaluated.reason,
        });
      commit({ lines, coupon: evaluated }, true);
    }, true),
    {
      validator: (request) => {
        if (knownUpdate()) return;
        checkCouponCode(request);
        requireEditable();
      },
    },
  );

  setHandler(
    removeCouponUpdate,
    handler(async () => {
      requireEditable();
      if (view.coupon === null) return;
      const lines = await holdLines(view.lines, []);
      commit({ lines, coupon: null }, true);
    }, true),
    {
      validator: () => {
        if (knownUpdate()) return;
        requireEditable();
      },
    },
  );

  setHandler(
    attachShopperUpdate,
    handler(async (request) => {
      const shopper = checkShopper(request);
      requireEditable();
      const same = JSON.stringify(shopper) === JSON.stringify(view.shopper);
      const lines = await holdLines(view.lines, []);
      commit({ lines, shopper }, !same);
    }, true),
    {
      validator: (request) => {
        if (knownUpdate()) return;
        checkShopper(request);
        requireEditable();
      },
    },
  );

  setHandler(
    beginCheckoutUpdate,
    handler(async (request: BeginCheckoutRequest | undefined) => {
      checkBeginCheckout(request);
      requireOpen();
      if (view.checkout !== null) return; // at most one live checkout: answer it
      if (view.lines.length === 0) throw cartFailure(CartFailure.Empty, 'the cart is empty');
      const lines = await holdLines(view.lines, []);
      commit({ lines }, false);
      const checkoutId = cartCheckoutId(cartId, nextCheckoutNumber);
      const workflowId = checkoutWorkflowId(checkoutId);
      const checkoutInput: CheckoutWorkflowInput = {
        checkoutId,
        cartWorkflowId: workflowInfo().workflowId,
        holdId,
        cart: cartSnapshot(current()),
        ...(request?.shippingAddress === undefined ? {} : { shippingAddress: request.shippingAddress }),
        settings: settings.checkout,
      };
      const child = await startChild<CheckoutWorkflow>(CHECKOUT_WORKFLOW, {
        taskQueue: CHECKOUT_TASK_QUEUE,
        workflowId,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [checkoutInput],
      });
      // The cart learns the outcome from checkoutEventSignal (also after continue-as-new).
      child.result().catch(() => undefined);
      nextCheckoutNumber += 1;
      commit({ status: 'checking_out', checkout: { checkoutId, workflowId, locked: false } }, false);
    }, true),
    {
      validator: (request) => {
        if (knownUpdate()) return;
        checkBeginCheckout(request);
        requireOpen();
        if (view.checkout === null && view.lines.length === 0) throw cartFailure(CartFailure.Empty, 'the cart is empty');
      },
    },
  );

  const checkLock = (checkoutId: string, cartVersion: number): void => {
    requireOpen();
    if (view.checkout === null || view.checkout.checkoutId !== checkoutId)
      throw cartFailure(CartFailure.CheckoutMismatch, `${checkoutId} is not the cart's live checkout`, {
        checkoutId,
        liveCheckoutId: view.checkout?.checkoutId ?? null,
      });
    if (cartVersion !== view.version)
      throw cartFailure(CartFailure.Changed, `the cart is at version ${view.version}, not ${cartVersion}: review it again`, {
        cartVersion: view.version,
      });
  };

  setHandler(
    lockForCheckoutUpdate,
    handler(async (request) => {
      const { checkoutId, cartVersion } = checkLockForCheckout(request);
      checkLock(checkoutId, cartVersion);
      if (view.checkout !== null) commit({ checkout: { ...view.checkout, locked: true } }, false);
      return Promise.resolve();
    }, false),
    {
      validator: (request) => {
        if (knownUpdate()) return;
        const { checkoutId, cartVersion } = checkLockForCheckout(request);
        checkLock(checkoutId, cartVersion);
      },
    },
  );

  // ---- the checkout's outcome ---------------------------------------------------------------
  function applyCheckoutEvent(event: CheckoutEvent): void {
    const checkout = view.checkout;
    if (checkout === null || checkout.checkoutId !== event.checkoutId || result !== null) {
      log.warn('ignoring an event of a checkout that is not live', { checkoutId: event.checkoutId, kind: event.kind });
      return;
    }
    if (event.kind === 'unlocked') {
      commit({ checkout: { ...checkout, locked: false } }, false);
    } else if (event.kind === 'completed') {
      const orderId = event.orderId ?? null;
      commit({ status: 'ordered', orderId, checkout: { ...checkout, locked: false }, updatedAt: iso(Date.now()) }, false);
      result = { cartId, status: 'ordered', ...(orderId === null ? {} : { orderId }) };
    } else {
      // The checkout released the hold: hold afresh on the next change or checkout.
      lastHoldMs = null;
      commit({ status: 'active', checkout: null, lines: view.lines.map((l) => ({ ...l, stockHeld: false })) }, false);
    }
  }

  setHandler(checkoutEventSignal, async (event) => {
    await serialized(() => {
      applyCheckoutEvent(event);
      return Promise.resolve();
    });
    wake += 1;
  });

  setHandler(cartQuery, () => current());

  // ---- the cart's own timers: renew, release after the keep-alive, abandon when idle ---------
  const deadline = (): Deadline | null =>
    result !== null
      ? null
      : nextDeadline(settings, {
          nowMs: Date.now(),
          lastActivityMs,
          lastHoldMs,
          anyHeld: view.lines.some((l) => l.stockHeld),
          checkoutLive: view.checkout !== null,
        });

  async function act(due: Deadline): Promise<void> {
    const heldSkus = view.lines.filter((l) => l.stockHeld).map((l) => l.sku);
    const unheld = (): void => {
      lastHoldMs = null;
      commit({ lines: view.lines.map((l) => ({ ...l, stockHeld: false })) }, false);
    };
    if (due.action === 'renew') {
      try {
        await inventory.renewHold({ holdId, ttlSeconds: settings.holdTtlSeconds });
        lastHoldMs = Date.now();
      } catch (error) {
        if (HOLD_GONE.includes(activityFailureType(error) ?? '')) unheld();
        else lastHoldMs = Date.now(); // try again at the next renewal point
        log.warn('renewing the cart hold failed', { holdId, error: String(error) });
      }
      return;
    }
    try {
      await releaseLines(heldSkus, due.action === 'abandon' ? 'cart abandoned' : 'cart inactive: hold keep-alive lapsed');
    } catch (error) {
      // The hold expires by itself at its TTL.
      log.warn('releasing the cart hold failed', { holdId, error: String(error) });
    }
    unheld();
    if (due.action === 'abandon') {
      commit({ status: 'abandoned', updatedAt: iso(Date.now()) }, false);
      result = { cartId, status: 'abandoned' };
    }
  }

  for (;;) {
    if (result !== null) break;
    if (handledUpdates >= settings.continueAsNewAfterUpdates || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (result !== null) break;
      const carry: CartCarryOver = {
        view: current(),
        recentUpdates: recent,
        nextLineNumber,
        nextCheckoutNumber,
        lastActivityAt: iso(lastActivityMs),
        runs: carried.runs + 1,
      };
      await continueAsNew<typeof cartWorkflow>({ ...input, carried: carry });
    }
    const next = deadline();
    const seen = wake;
    const waitMs = next === null ? undefined : next.atMs - Date.now();
    let due = false;
    if (waitMs === undefined) await condition(() => wake !== seen || result !== null);
    else if (waitMs <= 0) due = true;
    else due = !(await condition(() => wake !== seen || result !== null, waitMs));
    if (!due) continue;
    await serialized(async () => {
      const now = deadline();
      if (now !== null && now.atMs <= Date.now()) await act(now);
    });
  }

  await condition(allHandlersFinished);
  return result ?? { cartId, status: 'abandoned' };
}
