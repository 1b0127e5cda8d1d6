import type {
  FulfillmentSettings,
  SupplierOrderStatus,
  SupplierOrderStrategy,
} from '@commerce/contracts/fulfillment';

/** The forward stages of a supplier order, in order. */
export const FORWARD_STAGES = ['pending', 'processing', 'shipped', 'delivered'] as const;
export type ForwardStage = (typeof FORWARD_STAGES)[number];

/** The stages an advance may target (an admin, or the dropshipper's report). */
export type AdvanceTarget = Exclude<ForwardStage, 'pending'> | 'rejected';

const TERMINAL: readonly SupplierOrderStatus[] = ['delivered', 'rejected', 'cancelled'];

export const isTerminal = (status: SupplierOrderStatus): boolean => TERMINAL.includes(status);

/** Until it ships a supplier order can still be cancelled or rejected: its goods have not left. */
export const isBeforeShipment = (status: SupplierOrderStatus): boolean =>
  status === 'pending' || status === 'processing';

const rank = (status: ForwardStage): number => FORWARD_STAGES.indexOf(status);

const isForward = (status: SupplierOrderStatus): status is ForwardStage =>
  (FORWARD_STAGES as readonly string[]).includes(status);

/** The next forward stage, or undefined when there is none (delivered, rejected, cancelled). */
export function nextStage(
  status: SupplierOrderStatus,
): Exclude<ForwardStage, 'pending'> | undefined {
  if (!isForward(status)) return undefined;
  const next = FORWARD_STAGES[rank(status) + 1];
  return next === undefined || next === 'pending' ? undefined : next;
}

/**
 * The stages a supplier order passes through to get from `from` to `to`, in order (each one is a
 * transition, so shipping is never skipped on the way to delivered). Empty when `to` is not ahead.
 * `rejected` is one step from pending or processing and unreachable after shipment.
 */
export function stagesTo(from: SupplierOrderStatus, to: AdvanceTarget): AdvanceTarget[] {
  if (to === 'rejected') return isBeforeShipment(from) ? ['rejected'] : [];
  if (!isForward(from)) return [];
  return FORWARD_STAGES.slice(rank(from) + 1, rank(to) + 1).filter(
    (stage): stage is Exclude<ForwardStage, 'pending'> => stage !== 'pending',
  );
}

/** Whether the supplier order can still move to `to`. */
export const canReach = (from: SupplierOrderStatus, to: AdvanceTarget): boolean =>
  stagesTo(from, to).length > 0;

/** The strategy of a supplier: its type, unless the store runs every fulfillment manually. */
export function strategyFor(
  supplierType: SupplierOrderStrategy,
  settings: Pick<FulfillmentSettings, 'mode'>,
): SupplierOrderStrategy {
  return settings.mode === 'manual' ? 'manual' : supplierType;
}
