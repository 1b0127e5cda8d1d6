import { Type, type Static } from '@sinclair/typebox';
import { MoneySchema, TimestampSchema } from '../common/schemas.js';

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

export const SkuSchema = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9-]{1,63}$',
  description: 'Stock keeping unit: upper-case letters, digits and dashes',
  // A SKU of dev-stack's seeded catalog (generator seed 20260101, scale 1).
  examples: ['TEE-000000-WHT-M'],
});
export type Sku = Static<typeof SkuSchema>;

export const ProductIdSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,63}$', examples: ['prod-000000'] });
export const HandleSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$', examples: ['t-shirts', 'drift-organic-cotton-t-shirt-0'] });

/** Hold ids are chosen by the caller (e.g. `cart:<cartId>:<lineId>`, `order:<orderId>`) so retries are idempotent. */
export const HoldIdSchema = Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9:_.-]+$' });
export const QuantitySchema = Type.Integer({ minimum: 1, maximum: 10_000 });

// ---------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------

export const SupplierTypeSchema = Type.Union(
  [Type.Literal('simulated'), Type.Literal('manual'), Type.Literal('dropship-api')],
  { description: 'Fulfillment strategy of the supplier' },
);
export type SupplierType = Static<typeof SupplierTypeSchema>;

export const SupplierSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,63}$' }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    type: SupplierTypeSchema,
  },
  { additionalProperties: false },
);
export type Supplier = Static<typeof SupplierSchema>;

export const VariantOptionsSchema = Type.Object(
  {
    color: Type.String({ minLength: 1, maxLength: 40 }),
    size: Type.String({ minLength: 1, maxLength: 20 }),
  },
  { additionalProperties: false },
);
export type VariantOptions = Static<typeof VariantOptionsSchema>;

export const ImageSchema = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 500 }), alt: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);

/** A variant as the catalog stores it. */
export const VariantSchema = Type.Object(
  {
    sku: SkuSchema,
    options: VariantOptionsSchema,
    price: MoneySchema,
    compareAtPrice: Type.Optional(MoneySchema),
    weightGrams: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type Variant = Static<typeof VariantSchema>;

/** A product as the catalog stores it (the write model). */
export const ProductSchema = Type.Object(
  {
    id: ProductIdSchema,
    handle: HandleSchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 10_000 }),
    vendor: Type.String({ minLength: 1, maxLength: 120 }),
    supplier: SupplierSchema,
    collections: Type.Array(HandleSchema, { maxItems: 20, uniqueItems: true }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 }),
    images: Type.Array(ImageSchema, { maxItems: 10 }),
    variants: Type.Array(VariantSchema, { minItems: 1, maxItems: 100 }),
    createdAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type Product = Static<typeof ProductSchema>;

export const CollectionSchema = Type.Object(
  {
    handle: HandleSchema,
    title: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.String({ maxLength: 2_000 }),
  },
  { additionalProperties: false },
);
export type Collection = Static<typeof CollectionSchema>;

/** One line of a catalog file: a product plus the opening stock of each variant (applied only to new SKUs). */
export const CatalogProductInputSchema = Type.Object(
  {
    product: ProductSchema,
    initialStock: Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type CatalogProductInput = Static<typeof CatalogProductInputSchema>;

/** A catalog file line that declares a collection. */
export const CatalogCollectionLineSchema = Type.Object({ collection: CollectionSchema }, { additionalProperties: false });
export type CatalogCollectionLine = Static<typeof CatalogCollectionLineSchema>;

/**
 * One line of a catalog NDJSON file (and one item of any catalog source): either a collection or a
 * product with its opening stock. Files list their collections before the products that use them.
 */
export const CatalogLineSchema = Type.Union([CatalogCollectionLineSchema, CatalogProductInputSchema]);
export type CatalogLine = Static<typeof CatalogLineSchema>;

/** Where an import reads its products from. Payloads stay small: the activity reads the batch itself. */
export const CatalogSourceSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('generated'),
      seed: Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 }),
      scale: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('file'), path: Type.String({ minLength: 1, maxLength: 1_000 }) },
    { additionalProperties: false },
  ),
]);
export type CatalogSource = Static<typeof CatalogSourceSchema>;

// ---------------------------------------------------------------------------------------------
// Stock and holds
// ---------------------------------------------------------------------------------------------

export const StockLevelSchema = Type.Object(
  {
    sku: SkuSchema,
    onHand: Type.Integer({ minimum: 0 }),
    available: Type.Integer({ minimum: 0 }),
    held: Type.Integer({ minimum: 0 }),
    confirmed: Type.Integer({ minimum: 0 }),
    allocated: Type.Integer({ minimum: 0 }),
    lowStockThreshold: Type.Integer({ minimum: 0 }),
    lowStock: Type.Boolean(),
    version: Type.Integer({ minimum: 0 }),
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type StockLevel = Static<typeof StockLevelSchema>;

export const HoldStatusSchema = Type.Union([
  Type.Literal('held'),
  Type.Literal('confirmed'),
  Type.Literal('allocated'),
  Type.Literal('fulfilled'),
  Type.Literal('released'),
  Type.Literal('expired'),
]);
export type HoldStatus = Static<typeof HoldStatusSchema>;

export const HoldLineInputSchema = Type.Object(
  { sku: SkuSchema, quantity: QuantitySchema },
  { additionalProperties: false },
);
export type HoldLineInput = Static<typeof HoldLineInputSchema>;

export const HoldLineSchema = Type.Object(
  {
    sku: SkuSchema,
    quantity: Type.Integer({ minimum: 0 }),
    status: HoldStatusSchema,
    supplierId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type HoldLine = Static<typeof HoldLineSchema>;

export const HoldSchema = Type.Object(
  {
    holdId: HoldIdSchema,
    owner: Type.String(),
    lines: Type.Array(HoldLineSchema),
    expiresAt: TimestampSchema,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type Hold = Static<typeof HoldSchema>;

/**
 * Hold stock. Set semantics per (holdId, sku): holding again with the same id sets that line's
 * held quantity (the difference comes from or goes back to `available`), so a retry is a no-op
 * and a cart quantity change is one call. All lines succeed or none do.
 */
export const HoldStockInputSchema = Type.Object(
  {
    holdId: HoldIdSchema,
    owner: Type.String({ minLength: 1, maxLength: 200, description: 'Who holds it, e.g. cart:<id>' }),
    lines: Type.Array(HoldLineInputSchema, { minItems: 1, maxItems: 100 }),
    ttlSeconds: Type.Integer({ minimum: 1, maximum: 30 * 24 * 3600 }),
  },
  { additionalProperties: false },
);
export type HoldStockInput = Static<typeof HoldStockInputSchema>;

export const RenewHoldInputSchema = Type.Object(
  { holdId: HoldIdSchema, ttlSeconds: Type.Integer({ minimum: 1, maximum: 30 * 24 * 3600 }) },
  { additionalProperties: false },
);
export type RenewHoldInput = Static<typeof RenewHoldInputSchema>;

/** confirm / allocate / fulfill / release act on the whole hold or on the named SKUs only. */
export const HoldTransitionInputSchema = Type.Object(
  {
    holdId: HoldIdSchema,
    skus: Type.Optional(Type.Array(SkuSchema, { minItems: 1, maxItems: 100 })),
    supplierId: Type.Optional(Type.String({ maxLength: 64 })),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type HoldTransitionInput = Static<typeof HoldTransitionInputSchema>;

/** Admin stock adjustment: sets on-hand (and optionally the low-stock threshold). Idempotent per adjustmentId. */
export const AdjustStockInputSchema = Type.Object(
  {
    adjustmentId: Type.String({ minLength: 1, maxLength: 200 }),
    sku: SkuSchema,
    onHand: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    lowStockThreshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    actor: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type AdjustStockInput = Static<typeof AdjustStockInputSchema>;

/**
 * Units coming back on hand (e.g. a customer return, received by OMS): a DELTA added to on-hand and
 * available, journaled as a `receive` movement. Idempotent per (receiptId, sku) (OMS uses
 * `return:<orderId>:<returnId>:<sku>`); the same id and SKU with another quantity is refused.
 */
export const ReceiveStockInputSchema = Type.Object(
  {
    receiptId: Type.String({ minLength: 1, maxLength: 300, pattern: '^[A-Za-z0-9:_.-]+$' }),
    sku: SkuSchema,
    quantity: QuantitySchema,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    actor: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type ReceiveStockInput = Static<typeof ReceiveStockInputSchema>;

/**
 * Confirmed lines go back to `held` (with a fresh expiry): the order that confirmed a checkout's
 * hold was declined, and the checkout keeps the stock for the shopper's next attempt. Atomic, so
 * nobody else can take the units in between. Idempotent: lines already held only get the new expiry.
 */
export const ReopenHoldInputSchema = Type.Object(
  {
    holdId: HoldIdSchema,
    skus: Type.Optional(Type.Array(SkuSchema, { minItems: 1, maxItems: 100 })),
    ttlSeconds: Type.Integer({ minimum: 1, maximum: 30 * 24 * 3600 }),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ReopenHoldInput = Static<typeof ReopenHoldInputSchema>;

export const DescribeSkusInputSchema = Type.Object(
  { skus: Type.Array(SkuSchema, { minItems: 1, maxItems: 100, uniqueItems: true }) },
  { additionalProperties: false },
);
export type DescribeSkusInput = Static<typeof DescribeSkusInputSchema>;

/**
 * What another domain needs to sell one SKU (the cart's line snapshot, an order line): the
 * product it belongs to, its options, image, current unit price and supplier.
 */
export const SkuDescriptionSchema = Type.Object(
  {
    sku: SkuSchema,
    productId: ProductIdSchema,
    handle: HandleSchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    options: VariantOptionsSchema,
    image: Type.Union([ImageSchema, Type.Null()]),
    unitPrice: MoneySchema,
    compareAtPrice: Type.Optional(MoneySchema),
    weightGrams: Type.Integer({ minimum: 0 }),
    supplier: SupplierSchema,
  },
  { additionalProperties: false },
);
export type SkuDescription = Static<typeof SkuDescriptionSchema>;

/** `found` in the order asked; `unknown` lists SKUs the catalog does not sell. */
export const DescribeSkusResultSchema = Type.Object(
  { found: Type.Array(SkuDescriptionSchema), unknown: Type.Array(SkuSchema) },
  { additionalProperties: false },
);
export type DescribeSkusResult = Static<typeof DescribeSkusResultSchema>;

/**
 * HTTP body of `PUT /v1/admin/inventory/{sku}`: the adjustment fields the caller chooses. The
 * gateway adds `sku` (from the path), `adjustmentId` (from the Idempotency-Key) and `actor`.
 */
export const AdminStockUpdateBodySchema = Type.Pick(AdjustStockInputSchema, ['onHand', 'lowStockThreshold', 'reason'], {
  additionalProperties: false,
  title: 'AdminStockUpdateBody',
});
export type AdminStockUpdateBody = Static<typeof AdminStockUpdateBodySchema>;

export const StockMovementTypeSchema = Type.Union([
  Type.Literal('receive'),
  Type.Literal('adjust'),
  Type.Literal('hold'),
  Type.Literal('hold-change'),
  Type.Literal('confirm'),
  Type.Literal('allocate'),
  Type.Literal('fulfill'),
  Type.Literal('release'),
  Type.Literal('expire'),
  Type.Literal('heal'),
  /** A confirmed line held again (reopenHold). */
  Type.Literal('reopen'),
]);
export type StockMovementType = Static<typeof StockMovementTypeSchema>;

/** One row of the stock journal: every movement of every unit. */
export const StockMovementSchema = Type.Object({
  seq: Type.Integer(),
  sku: SkuSchema,
  type: StockMovementTypeSchema,
  holdId: Type.Optional(Type.String()),
  quantity: Type.Integer(),
  onHandDelta: Type.Integer(),
  availableDelta: Type.Integer(),
  heldDelta: Type.Integer(),
  confirmedDelta: Type.Integer(),
  allocatedDelta: Type.Integer(),
  reason: Type.Optional(Type.String()),
  at: TimestampSchema,
});
export type StockMovement = Static<typeof StockMovementSchema>;

// ---------------------------------------------------------------------------------------------
// Projector and import
// ---------------------------------------------------------------------------------------------

export const InventoryProjectorSettingsSchema = Type.Object(
  {
    /** How long the projector lets changes accumulate after the first dirty SKU. */
    batchWindowMs: Type.Integer({ minimum: 0, maximum: 60_000 }),
    /** The time trigger: a sweep runs when no change arrived for this long (default 5 minutes). */
    sweepIntervalMs: Type.Integer({ minimum: 100, maximum: 24 * 3600_000 }),
    /** Continue-as-new after this many signals (or when Temporal suggests it). */
    maxSignalsPerRun: Type.Integer({ minimum: 1, maximum: 100_000 }),
    /** SKUs projected per activity call. */
    projectionBatchSize: Type.Integer({ minimum: 1, maximum: 5_000 }),
  },
  { additionalProperties: false },
);
export type InventoryProjectorSettings = Static<typeof InventoryProjectorSettingsSchema>;

export const ProjectorStatsSchema = Type.Object({
  runs: Type.Integer(),
  signalsReceived: Type.Integer(),
  passes: Type.Integer(),
  skusProjected: Type.Integer(),
  sweeps: Type.Integer(),
  holdsExpired: Type.Integer(),
  driftHealed: Type.Integer(),
  lastPassAt: Type.Optional(TimestampSchema),
  lastSweepAt: Type.Optional(TimestampSchema),
});
export type ProjectorStats = Static<typeof ProjectorStatsSchema>;

export const InventoryProjectorInputSchema = Type.Object({
  settings: InventoryProjectorSettingsSchema,
  /** State carried across continue-as-new. */
  carried: Type.Optional(Type.Object({ dirtySkus: Type.Array(Type.String()), stats: ProjectorStatsSchema })),
});
export type InventoryProjectorInput = Static<typeof InventoryProjectorInputSchema>;

export const ProjectorStatusSchema = Type.Object({
  stats: ProjectorStatsSchema,
  pendingSkus: Type.Integer(),
  signalsThisRun: Type.Integer(),
  settings: InventoryProjectorSettingsSchema,
});
export type ProjectorStatus = Static<typeof ProjectorStatusSchema>;

export const StockChangedSchema = Type.Object({ skus: Type.Array(SkuSchema, { maxItems: 5_000 }) });
export type StockChanged = Static<typeof StockChangedSchema>;

export const ImportStatusSchema = Type.Union([
  Type.Literal('counting'),
  Type.Literal('importing'),
  Type.Literal('completed'),
  Type.Literal('failed'),
]);

export const ImportProgressSchema = Type.Object({
  importId: Type.String(),
  status: ImportStatusSchema,
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  batches: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() }), { maxItems: 50 }),
});
export type ImportProgress = Static<typeof ImportProgressSchema>;

export const ImportCatalogInputSchema = Type.Object(
  {
    importId: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9:_.-]+$' }),
    source: CatalogSourceSchema,
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000 })),
    /** Continue-as-new after this many batches (default 500) or when Temporal suggests it. */
    maxBatchesPerRun: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    /** Set only by the workflow itself when it continues as new on a long import; callers omit it. */
    resume: Type.Optional(
      Type.Object({ offset: Type.Integer({ minimum: 0 }), progress: ImportProgressSchema }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type ImportCatalogInput = Static<typeof ImportCatalogInputSchema>;

export const ImportCatalogBatchInputSchema = Type.Object({
  importId: Type.String(),
  source: CatalogSourceSchema,
  offset: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
});
export type ImportCatalogBatchInput = Static<typeof ImportCatalogBatchInputSchema>;

export const ImportCatalogBatchResultSchema = Type.Object({
  processed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() })),
});
export type ImportCatalogBatchResult = Static<typeof ImportCatalogBatchResultSchema>;

export const ExpireHoldsResultSchema = Type.Object({ holdsExpired: Type.Integer(), skus: Type.Array(SkuSchema) });
export type ExpireHoldsResult = Static<typeof ExpireHoldsResultSchema>;

export const ReconcileStockResultSchema = Type.Object({
  checked: Type.Integer(),
  healed: Type.Array(
    Type.Object({ sku: SkuSchema, field: Type.String(), from: Type.Integer(), to: Type.Integer() }),
  ),
});
export type ReconcileStockResult = Static<typeof ReconcileStockResultSchema>;

// ---------------------------------------------------------------------------------------------
// Catalog read side (what the gateway serves)
// ---------------------------------------------------------------------------------------------

export const VariantViewSchema = Type.Object({
  sku: SkuSchema,
  options: VariantOptionsSchema,
  price: MoneySchema,
  compareAtPrice: Type.Optional(MoneySchema),
  available: Type.Integer({ minimum: 0 }),
  inStock: Type.Boolean(),
});
export type VariantView = Static<typeof VariantViewSchema>;

/** A product as the read side projects it: catalog data joined with current availability. */
export const ProductViewSchema = Type.Object(
  {
    id: ProductIdSchema,
    handle: HandleSchema,
    title: Type.String(),
    description: Type.String(),
    vendor: Type.String(),
    supplier: SupplierSchema,
    collections: Type.Array(HandleSchema),
    tags: Type.Array(Type.String()),
    images: Type.Array(ImageSchema),
    colors: Type.Array(Type.String()),
    sizes: Type.Array(Type.String()),
    priceMin: MoneySchema,
    priceMax: MoneySchema,
    inStock: Type.Boolean(),
    available: Type.Integer({ minimum: 0, description: 'Units available across all variants' }),
    variants: Type.Array(VariantViewSchema),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'Product', title: 'Product' },
);
export type ProductView = Static<typeof ProductViewSchema>;

export const ProductSortSchema = Type.Union(
  [
    Type.Literal('relevance'),
    Type.Literal('price_asc'),
    Type.Literal('price_desc'),
    Type.Literal('newest'),
    Type.Literal('title_asc'),
  ],
  { default: 'relevance' },
);
export type ProductSort = Static<typeof ProductSortSchema>;

export const FacetValueList = Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 20 });

/** Catalog search. Repeating a facet parameter ORs its values; different facets AND together. */
export const ProductSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Full-text query over title, description, vendor, tags' })),
    collection: Type.Optional(FacetValueList),
    color: Type.Optional(FacetValueList),
    size: Type.Optional(FacetValueList),
    supplierType: Type.Optional(Type.Array(SupplierTypeSchema, { maxItems: 3 })),
    minPrice: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_00, description: 'Minor units, inclusive. Must not exceed `maxPrice` when both are given (else 400 `validation_failed`).' })),
    maxPrice: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_00, description: 'Minor units, inclusive. Must be at least `minPrice` when both are given (else 400 `validation_failed`).' })),
    inStock: Type.Optional(Type.Boolean()),
    sort: Type.Optional(ProductSortSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 24 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ProductSearchQuery = Static<typeof ProductSearchQuerySchema>;

export const FacetBucketSchema = Type.Object({ value: Type.String(), count: Type.Integer({ minimum: 0 }) });
export type FacetBucket = Static<typeof FacetBucketSchema>;

export const PriceBucketSchema = Type.Object({
  key: Type.String(),
  from: Type.Optional(Type.Integer()),
  to: Type.Optional(Type.Integer({ description: 'Exclusive upper bound' })),
  count: Type.Integer({ minimum: 0 }),
});
export type PriceBucket = Static<typeof PriceBucketSchema>;

/**
 * Facet counts are disjunctive: each facet is counted with every filter applied except its own,
 * so a storefront can show how many results each additional value would add.
 */
export const ProductFacetsSchema = Type.Object({
  collection: Type.Array(FacetBucketSchema),
  color: Type.Array(FacetBucketSchema),
  size: Type.Array(FacetBucketSchema),
  supplierType: Type.Array(FacetBucketSchema),
  price: Type.Array(PriceBucketSchema),
  inStock: Type.Array(FacetBucketSchema),
});
export type ProductFacets = Static<typeof ProductFacetsSchema>;

export const ProductSearchResultSchema = Type.Object({
  items: Type.Array(ProductViewSchema),
  total: Type.Integer({ minimum: 0 }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  facets: ProductFacetsSchema,
});
export type ProductSearchResult = Static<typeof ProductSearchResultSchema>;

export const CollectionViewSchema = Type.Object({
  handle: HandleSchema,
  title: Type.String(),
  description: Type.String(),
  productCount: Type.Integer({ minimum: 0 }),
});
export type CollectionView = Static<typeof CollectionViewSchema>;

/** Stock as the read side projects it (what the admin console reads). */
export const StockLevelViewSchema = Type.Object({
  sku: SkuSchema,
  productId: ProductIdSchema,
  onHand: Type.Integer(),
  available: Type.Integer(),
  held: Type.Integer(),
  confirmed: Type.Integer(),
  allocated: Type.Integer(),
  lowStockThreshold: Type.Integer(),
  lowStock: Type.Boolean(),
  activeHolds: Type.Integer({ description: 'Holds in held/confirmed/allocated status touching this SKU' }),
  projectedAt: TimestampSchema,
});
export type StockLevelView = Static<typeof StockLevelViewSchema>;
