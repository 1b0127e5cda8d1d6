// A test-only stand-in for orderSagaWorkflow with the contract's messages, so the gateway's order
// routes are tested on their own (the real saga runs in test/orders/*). Its behaviour follows the
// payment token: tok_chargeDeclined → declined (the workflow ends), anything else → accepted, then
// it waits for a cancel (or an approval when the total is above the threshold).
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  OrderSagaFailure,
  cancelOrderUpdate,
  decideApprovalUpdate,
  orderSagaQuery,
  placeOrderUpdate,
  type OrderSagaInput,
  type OrderSagaResult,
  type OrderSagaState,
  type PlacementDecision,
} from '@commerce/contracts/order-saga';

export async function orderSagaWorkflow(input: OrderSagaInput): Promise<OrderSagaResult> {
  const now = () => new Date().toISOString();
  const money = (amount: number) => ({ amount, currency: input.totals.total.currency });
  const requiresApproval = input.totals.total.amount > input.settings.approvalThreshold;
  const state: OrderSagaState = {
    orderId: input.orderId,
    confirmationNumber: input.confirmationNumber,
    status: 'pending',
    currentStep: null,
    completedSteps: [],
    compensations: [],
    attempts: {},
    lastError: null,
    total: input.totals.total,
    requiresApproval,
    approval: null,
    approvalDeadline: null,
    cancellation: null,
    payment: {
      authorizationId: null,
      authorized: money(0),
      captured: money(0),
      refunded: money(0),
      voided: false,
    },
    orderStatus: null,
    holdId: `order:${input.orderId}`,
    updatedAt: now(),
  };
  let decision: PlacementDecision | undefined;
  let finished = false;
  let placements = 0;

  setHandler(orderSagaQuery, () => state);
  setHandler(placeOrderUpdate, async () => {
    placements += 1;
    await condition(() => decision !== undefined);
    return decision!;
  });
  setHandler(
    cancelOrderUpdate,
    (request) => {
      state.cancellation = { ...request, requestedAt: now() };
      state.status = 'cancelled';
      state.payment.voided = true;
      state.compensations = [
        { name: 'void_payment', status: 'done', attempts: 1 },
        { name: 'release_stock', status: 'done', attempts: 1 },
      ];
      finished = true;
      return state;
    },
    {
      validator: (_request) => {
        if (state.status !== 'awaiting_approval' && state.status !== 'fulfilling')
          throw ApplicationFailure.nonRetryable('not cancellable now', OrderSagaFailure.NotCancellable);
      },
    },
  );
  setHandler(
    decideApprovalUpdate,
    (decided) => {
      state.approval = { ...decided, decidedAt: now() };
      state.status = decided.approved ? 'fulfilling' : 'rejected';
      if (!decided.approved) finished = true;
      return state;
    },
    {
      validator: (_decision) => {
        if (state.status !== 'awaiting_approval')
          throw ApplicationFailure.nonRetryable(
            `order ${input.orderId} is ${state.status}, not awaiting approval`,
            OrderSagaFailure.NotAwaitingApproval,
          );
      },
    },
  );

  if (input.paymentMethod.token === 'tok_chargeDeclined') {
    state.status = 'declined';
    state.lastError = { code: OrderSagaFailure.PaymentDeclined, message: 'Your card was declined.' };
    decision = {
      orderId: input.orderId,
      outcome: 'declined',
      status: 'declined',
      code: OrderSagaFailure.PaymentDeclined,
      reason: 'Your card was declined.',
    };
    await condition(() => placements > 0 && allHandlersFinished());
    return { orderId: input.orderId, status: state.status };
  }
  state.payment.authorizationId = `auth-${workflowInfo().workflowId}`;
  state.payment.authorized = input.totals.total;
  state.completedSteps = ['reserve_stock', 'authorize_payment'];
  state.status = requiresApproval ? 'awaiting_approval' : 'fulfilling';
  decision = { orderId: input.orderId, outcome: 'accepted', status: state.status };
  await condition(() => finished && allHandlersFinished());
  return { orderId: input.orderId, status: state.status };
}
