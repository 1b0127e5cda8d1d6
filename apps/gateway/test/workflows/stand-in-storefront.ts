// Test-only stand-ins for the cart domain's and the checkout domain's workflows with the
// contracts' messages and failure types, so the gateway's cart, checkout and coupon routes are
// tested on their own (the real workers run in test/storefront/*). Behaviour follows the input:
// SKU `E2E-OUT-OF-STOCK` → InsufficientStockError, `E2E-UNKNOWN` → UnknownSkuError, every other
// SKU costs 12.50 USD; coupon `WELCOME10` exists (10 %); payment token `tok_chargeDeclined` is
// declined at submit. `standInEndCart` ends a cart as `ordered` (an ended cart for the tests).
import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  defineSignal,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/client';
import {
  CartFailure,
  addItemUpdate,
  applyCouponUpdate,
  attachShopperUpdate,
  beginCheckoutUpdate,
  cartCheckoutId,
  cartHoldId,
  cartQuery,
  changeQuantityUpdate,
  removeCouponUpdate,
  removeItemUpdate,
  type CartView,
  type CartWorkflowInput,
  type CartWorkflowResult,
  type Coupon,
  type UpsertCouponInput,
} from '@commerce/contracts/cart';
import {
  CHECKOUT_TASK_QUEUE,
  CheckoutFailure,
  cancelCheckoutUpdate,
  checkoutQuery,
  checkoutWorkflowId,
  setPaymentMethodUpdate,
  setShippingAddressUpdate,
  submitCheckoutUpdate,
  type CheckoutStep,
  type CheckoutView,
  type CheckoutWorkflowInput,
  type CheckoutWorkflowResult,
} from '@commerce/contracts/checkout';
import { InventoryFailure } from '@commerce/contracts/inventory';

export const standInEndCart = defineSignal<[{ orderId: string }]>('standInEndCart');

const USD = (amount: number) => ({ amount, currency: 'USD' });
const UNIT_PRICE = 1_250;
const now = () => new Date().toISOString();

export async function cartWorkflow(input: CartWorkflowInput): Promise<CartWorkflowResult> {
  const created = now();
  const view: CartView = {
    cartId: input.cartId,
    status: 'active',
    version: 0,
    currency: null,
    lines: [],
    coupon: null,
    totals: { subtotal: USD(0), discount: USD(0), estimatedTax: USD(0), total: USD(0) },
    shopper: null,
    checkout: null,
    orderId: null,
    holdId: cartHoldId(input.cartId),
    createdAt: created,
    updatedAt: created,
    idleExpiresAt: new Date(Date.now() + input.settings.idleTimeoutMs).toISOString(),
  };
  let nextLine = 1;
  let checkouts = 0;
  const seen = new Set<string>();

  const changed = () => {
    view.version += 1;
    view.updatedAt = now();
    const subtotal = view.lines.reduce((t, l) => t + l.lineTotal.amount, 0);
    const discount = view.coupon ? Math.floor((subtotal * 10) / 100) : 0;
    view.totals = {
      subtotal: USD(subtotal),
      discount: USD(discount),
      estimatedTax: USD(0),
      total: USD(subtotal - discount),
    };
  };
  /** A retried update id answers the view without applying it again. */
  const fresh = (): boolean => {
    const id = currentUpdateInfo()?.id;
    if (id === undefined || !seen.has(id)) {
      if (id !== undefined) seen.add(id);
      return true;
    }
    return false;
  };
  const active = () => {
    if (view.status !== 'active' && view.status !== 'checking_out')
      throw ApplicationFailure.nonRetryable(`the cart is ${view.status}`, CartFailure.NotActive);
  };
  const line = (lineId: string) => {
    const found = view.lines.find((l) => l.lineId === lineId);
    if (!found) throw ApplicationFailure.nonRetryable(`no line ${lineId}`, CartFailure.LineNotFound);
    return found;
  };
  /** A change update: a retried id answers the view; else `apply` (false: nothing changed), a new version. */
  const onChange = <Args extends unknown[]>(
    update: UpdateDefinition<CartView, Args>,
    apply: (...args: NoInfer<Args>) => boolean | void,
    options: { validator: (...args: NoInfer<Args>) => void },
  ) =>
    setHandler(
      update,
      (...args: Args) => {
        if (fresh() && apply(...args) !== false) changed();
        return view;
      },
      options,
    );
  /** The validator of a line update: the cart takes changes and has the line. */
  const lineUpdate = {
    validator: ({ lineId }: { lineId: string }) => {
      active();
      line(lineId);
    },
  };

  setHandler(cartQuery, () => view);
  onChange(
    addItemUpdate,
    ({ sku, quantity }) => {
      const existing = view.lines.find((l) => l.sku === sku);
      if (existing) {
        existing.quantity += quantity;
        existing.lineTotal = USD(existing.quantity * UNIT_PRICE);
      } else {
        view.currency = 'USD';
        view.lines.push({
          lineId: `l${nextLine++}`,
          sku,
          quantity,
          product: {
            sku,
            productId: 'prod-stand-in',
            handle: 'stand-in',
            title: 'Stand-in tee',
            options: { color: 'Black', size: 'M' },
            image: null,
            unitPrice: USD(UNIT_PRICE),
            weightGrams: 200,
            supplier: { id: 'sup-stand-in', name: 'Stand-in supplies', type: 'simulated' },
          },
          lineTotal: USD(quantity * UNIT_PRICE),
          stockHeld: true,
          addedAt: now(),
        });
      }
    },
    {
      validator: ({ sku, quantity }) => {
        active();
        if (sku === 'E2E-OUT-OF-STOCK')
          throw ApplicationFailure.nonRetryable(`only 0 of ${sku} available`, InventoryFailure.InsufficientStock);
        if (sku === 'E2E-UNKNOWN')
          throw ApplicationFailure.nonRetryable(`the catalog does not sell ${sku}`, InventoryFailure.UnknownSku);
        const existing = view.lines.find((l) => l.sku === sku);
        if ((existing?.quantity ?? 0) + quantity > 99)
          throw ApplicationFailure.nonRetryable('at most 99 per line', CartFailure.QuantityLimit);
      },
    },
  );
  onChange(
    changeQuantityUpdate,
    ({ lineId, quantity }) => {
      const found = line(lineId);
      found.quantity = quantity;
      found.lineTotal = USD(quantity * UNIT_PRICE);
    },
    lineUpdate,
  );
  onChange(
    removeItemUpdate,
    ({ lineId }) => {
      view.lines = view.lines.filter((l) => l.lineId !== lineId);
    },
    lineUpdate,
  );
  onChange(
    applyCouponUpdate,
    ({ code }) => {
      view.coupon = {
        code: code.toUpperCase(),
        description: '10 % off',
        discount: { type: 'percentage', percent: 10 },
        applies: true,
      };
    },
    {
      validator: ({ code }: { code: string }) => {
        active();
        if (code.toUpperCase() !== 'WELCOME10')
          throw ApplicationFailure.nonRetryable(`no coupon ${code}`, CartFailure.CouponNotFound);
      },
    },
  );
  onChange(
    removeCouponUpdate,
    () => {
      if (!view.coupon) return false;
      view.coupon = null;
      return true;
    },
    { validator: () => active() },
  );
  onChange(
    attachShopperUpdate,
    (shopper) => {
      view.shopper = shopper;
    },
    { validator: (_shopper) => active() },
  );
  setHandler(
    beginCheckoutUpdate,
    async (request) => {
      if (!fresh() || view.checkout) return view;
      checkouts += 1;
      const checkoutId = cartCheckoutId(input.cartId, checkouts);
      const workflowId = checkoutWorkflowId(checkoutId);
      const { subtotal, discount } = view.totals;
      const checkoutInput: CheckoutWorkflowInput = {
        checkoutId,
        cartWorkflowId: workflowInfo().workflowId,
        holdId: view.holdId,
        cart: {
          cartId: input.cartId,
          version: view.version,
          currency: 'USD',
          lines: view.lines,
          coupon: view.coupon,
          subtotal,
          discount,
          shopper: view.shopper,
        },
        ...(request.shippingAddress ? { shippingAddress: request.shippingAddress } : {}),
        settings: input.settings.checkout,
      };
      await startChild('checkoutWorkflow', {
        workflowId,
        taskQueue: CHECKOUT_TASK_QUEUE,
        args: [checkoutInput],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      view.status = 'checking_out';
      view.checkout = { checkoutId, workflowId, locked: false };
      return view;
    },
    {
      validator: (_request) => {
        active();
        if (view.lines.length === 0)
          throw ApplicationFailure.nonRetryable('the cart is empty', CartFailure.Empty);
      },
    },
  );
  let ended: { orderId: string } | undefined;
  setHandler(standInEndCart, (event) => {
    ended = event;
  });

  await condition(() => ended !== undefined);
  view.status = 'ordered';
  view.orderId = ended!.orderId;
  await condition(allHandlersFinished);
  return { cartId: input.cartId, status: 'ordered', orderId: ended!.orderId };
}

export async function checkoutWorkflow(input: CheckoutWorkflowInput): Promise<CheckoutWorkflowResult> {
  const created = now();
  const { cart } = input;
  const view: CheckoutView = {
    checkoutId: input.checkoutId,
    cartId: cart.cartId,
    step: 'shipping',
    cartVersion: cart.version,
    lines: cart.lines,
    coupon: cart.coupon,
    totals: {
      subtotal: cart.subtotal,
      discount: cart.discount,
      shipping: USD(0),
      tax: USD(0),
      total: USD(cart.subtotal.amount - cart.discount.amount),
    },
    charges: null,
    email: cart.shopper?.email ?? null,
    shippingAddress: null,
    paymentMethod: null,
    lastError: null,
    orderAttempts: [],
    orderId: null,
    createdAt: created,
    updatedAt: created,
    expiresAt: new Date(Date.now() + input.settings.timeoutMs).toISOString(),
  };
  const guard = (...steps: CheckoutStep[]) => {
    if (['completed', 'cancelled', 'expired', 'failed'].includes(view.step))
      throw ApplicationFailure.nonRetryable(`the checkout is ${view.step}`, CheckoutFailure.Closed);
    if (!steps.includes(view.step))
      throw ApplicationFailure.nonRetryable(`not allowed at ${view.step}`, CheckoutFailure.StepNotAllowed);
  };
  let done = false;

  setHandler(checkoutQuery, () => view);
  setHandler(
    setShippingAddressUpdate,
    ({ address, email }) => {
      if (address.country === 'AQ')
        throw ApplicationFailure.nonRetryable('no shipping to AQ', CheckoutFailure.ShippingUnavailable);
      view.shippingAddress = address;
      view.email = email ?? view.email;
      view.charges = { shipping: USD(500), tax: USD(0), shippingRule: 'flat', taxRule: 'none' };
      view.totals = { ...view.totals, shipping: USD(500), total: USD(view.totals.total.amount + 500) };
      if (view.step === 'shipping') view.step = 'payment';
      return view;
    },
    { validator: (_request) => guard('shipping', 'payment', 'review') },
  );
  setHandler(
    setPaymentMethodUpdate,
    ({ paymentMethod }) => {
      view.paymentMethod = paymentMethod;
      view.step = 'review';
      return view;
    },
    { validator: (_request) => guard('payment', 'review') },
  );
  setHandler(
    submitCheckoutUpdate,
    ({ cartVersion: _version }) => {
      const attempt = view.orderAttempts.length + 1;
      const orderId = `${input.checkoutId}-o${attempt}`;
      if (view.paymentMethod?.type === 'card' && view.paymentMethod.token === 'tok_chargeDeclined') {
        view.orderAttempts.push({ orderId, outcome: 'declined', code: 'PaymentDeclinedError' });
        view.step = 'payment';
        view.lastError = { code: 'PaymentDeclinedError', message: 'Your card was declined.', at: now() };
        throw ApplicationFailure.nonRetryable('Your card was declined.', 'PaymentDeclinedError');
      }
      view.orderAttempts.push({ orderId, outcome: 'accepted' });
      view.step = 'completed';
      view.orderId = orderId;
      done = true;
      return view;
    },
    {
      validator: ({ cartVersion }) => {
        guard('review');
        if (cartVersion !== view.cartVersion)
          throw ApplicationFailure.nonRetryable(
            `the cart is at version ${view.cartVersion}`,
            CheckoutFailure.CartChanged,
          );
      },
    },
  );
  setHandler(
    cancelCheckoutUpdate,
    () => {
      view.step = 'cancelled';
      done = true;
      return view;
    },
    { validator: (_request) => guard('shipping', 'payment', 'review') },
  );

  await condition(() => done);
  await condition(allHandlersFinished);
  return {
    checkoutId: input.checkoutId,
    step: view.step === 'completed' ? 'completed' : 'cancelled',
    ...(view.orderId ? { orderId: view.orderId } : {}),
  };
}

export function upsertCouponWorkflow(input: UpsertCouponInput): Promise<Coupon> {
  const at = now();
  return Promise.resolve({ code: input.code, ...input.definition, createdAt: at, updatedAt: at });
}

export function getCouponWorkflow(input: { code: string }): Promise<Coupon | null> {
  if (input.code !== 'WELCOME10') return Promise.resolve(null);
  return Promise.resolve({
    code: 'WELCOME10',
    description: '10 % off',
    discount: { type: 'percentage', percent: 10 },
    active: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  });
}
