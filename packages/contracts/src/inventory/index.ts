// Workflow-safe root entry of the inventory contract: types, names, message definitions,
// failure types and id helpers. Runtime imports: @temporalio/workflow only.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type {
  AdjustStockInput,
  CatalogSource,
  DescribeSkusInput,
  DescribeSkusResult,
  ExpireHoldsResult,
  Hold,
  HoldStockInput,
  HoldTransitionInput,
  ImportCatalogBatchInput,
  ImportCatalogBatchResult,
  ImportCatalogInput,
  ImportProgress,
  InventoryProjectorInput,
  ProjectorStatus,
  ReceiveStockInput,
  ReconcileStockResult,
  RenewHoldInput,
  ReopenHoldInput,
  StockChanged,
  StockLevel,
} from './schemas.js';

export type {
  AdjustStockInput,
  AdminStockUpdateBody,
  CatalogCollectionLine,
  CatalogLine,
  CatalogProductInput,
  CatalogSource,
  Collection,
  CollectionView,
  DescribeSkusInput,
  DescribeSkusResult,
  ExpireHoldsResult,
  FacetBucket,
  Hold,
  HoldLine,
  HoldLineInput,
  HoldStatus,
  HoldStockInput,
  HoldTransitionInput,
  ImportCatalogBatchInput,
  ImportCatalogBatchResult,
  ImportCatalogInput,
  ImportProgress,
  InventoryProjectorInput,
  InventoryProjectorSettings,
  PriceBucket,
  Product,
  ProductFacets,
  ProductSearchQuery,
  ProductSearchResult,
  ProductSort,
  ProductView,
  ProjectorStats,
  ProjectorStatus,
  ReceiveStockInput,
  ReconcileStockResult,
  RenewHoldInput,
  ReopenHoldInput,
  Sku,
  SkuDescription,
  StockChanged,
  StockLevel,
  StockLevelView,
  StockMovement,
  StockMovementType,
  Supplier,
  SupplierType,
  Variant,
  VariantOptions,
  VariantView,
} from './schemas.js';

export const INVENTORY_TASK_QUEUE = 'inventory';

// ---- workflows -------------------------------------------------------------------------------

export const INVENTORY_PROJECTOR_WORKFLOW = 'inventoryProjectorWorkflow';
export type InventoryProjectorWorkflow = (input: InventoryProjectorInput) => Promise<void>;
/** There is exactly one projector per namespace. */
export const INVENTORY_PROJECTOR_WORKFLOW_ID = 'inventory-projector';

export const IMPORT_CATALOG_WORKFLOW = 'importCatalogWorkflow';
export type ImportCatalogWorkflow = (input: ImportCatalogInput) => Promise<ImportProgress>;
export const importCatalogWorkflowId = (importId: string): string => `catalog-import:${importId}`;

export const ADJUST_STOCK_WORKFLOW = 'adjustStockWorkflow';
export type AdjustStockWorkflow = (input: AdjustStockInput) => Promise<StockLevel>;
export const adjustStockWorkflowId = (adjustmentId: string): string => `stock-adjustment:${adjustmentId}`;

// ---- messages --------------------------------------------------------------------------------

/** Sent (with signal-with-start) by every stock mutation with the SKUs it changed. */
export const stockChangedSignal = defineSignal<[StockChanged]>('stockChanged');
export const projectorStatusQuery = defineQuery<ProjectorStatus>('projectorStatus');
export const importProgressQuery = defineQuery<ImportProgress>('importProgress');

// ---- activities ------------------------------------------------------------------------------

/**
 * Activities registered by the inventory worker on the `inventory` task queue. Other domains call
 * them with `proxyActivities<InventoryActivities>({ taskQueue: INVENTORY_TASK_QUEUE, ... })`.
 */
export interface InventoryActivities {
  holdStock(input: HoldStockInput): Promise<Hold>;
  renewHold(input: RenewHoldInput): Promise<Hold>;
  confirmHold(input: HoldTransitionInput): Promise<Hold>;
  allocateHold(input: HoldTransitionInput): Promise<Hold>;
  fulfillHold(input: HoldTransitionInput): Promise<Hold>;
  releaseHold(input: HoldTransitionInput): Promise<Hold>;
  /** confirmed → held again, with a fresh expiry (a checkout's order was declined). */
  reopenHold(input: ReopenHoldInput): Promise<Hold>;
  getHold(input: { holdId: string }): Promise<Hold | null>;
  adjustStock(input: AdjustStockInput): Promise<StockLevel>;
  /**
   * Units back on hand (a customer return): adds `quantity` to on-hand and available, journaled as
   * `receive`; idempotent per receiptId (a retried receipt adds once). OMS calls it for returns.
   */
  receiveStock(input: ReceiveStockInput): Promise<StockLevel>;
  getStockLevel(input: { sku: string }): Promise<StockLevel>;
  /** The catalog facts other domains sell a SKU by (cart line snapshots). Never fails for unknown SKUs: lists them. */
  describeSkus(input: DescribeSkusInput): Promise<DescribeSkusResult>;
  /** Sweep: expire held lines whose expiry is before `now` (ISO, from the workflow clock). */
  expireHolds(input: { now: string; limit: number }): Promise<ExpireHoldsResult>;
  /** Sweep: recompute counters from the holds and heal drift. All SKUs when `skus` is absent. */
  reconcileStock(input: { skus?: string[] }): Promise<ReconcileStockResult>;
  /** Write stock levels, availability and reservation views of these SKUs to the read side. */
  projectStock(input: { skus: string[] }): Promise<{ skus: number; products: number }>;
  countCatalogSource(input: { source: CatalogSource }): Promise<{ total: number }>;
  importCatalogBatch(input: ImportCatalogBatchInput): Promise<ImportCatalogBatchResult>;
}

// ---- failures --------------------------------------------------------------------------------

/** ApplicationFailure types raised by inventory activities; all are non-retryable. */
export const InventoryFailure = {
  InsufficientStock: 'InsufficientStockError',
  UnknownSku: 'UnknownSkuError',
  HoldNotFound: 'HoldNotFoundError',
  HoldExpired: 'HoldExpiredError',
  InvalidHoldTransition: 'InvalidHoldTransitionError',
  HoldConflict: 'HoldConflictError',
  StockBelowReserved: 'StockBelowReservedError',
  InvalidCatalogSource: 'InvalidCatalogSourceError',
  /** The activity input broke its schema (or reused an idempotency key for a different request). */
  InvalidInput: 'InvalidInventoryInputError',
} as const;
export type InventoryFailureType = (typeof InventoryFailure)[keyof typeof InventoryFailure];

/** Details attached to an InsufficientStockError failure. */
export interface InsufficientStockDetails {
  sku: string;
  requested: number;
  available: number;
}
