import type {
  Collection,
  ProductView,
  StockLevelView,
  SupplierType,
  VariantView,
} from '@commerce/contracts/inventory';

// A small, deterministic catalog for tests of the read model and of everything that reads it
// (the gateway seeds it too). Pure data: no randomness, no clock, no I/O.

/** One variant of a fixture product: prices in minor units. */
export interface FixtureVariantSpec {
  color: string;
  size: string;
  price: number;
  compareAtPrice?: number;
  available: number;
}

/** The compact description {@link fixtureProduct} turns into a consistent ProductView. */
export interface FixtureProductSpec {
  id: string;
  title: string;
  variants: FixtureVariantSpec[];
  handle?: string;
  description?: string;
  vendor?: string;
  supplierType?: SupplierType;
  collections?: string[];
  tags?: string[];
  /** ISO 8601; default 2024-01-01T00:00:00.000Z. */
  createdAt?: string;
  /** Default USD. */
  currency?: string;
}

const SUPPLIER_NAMES: Record<SupplierType, string> = {
  simulated: 'Simulated Mills',
  manual: 'Atelier Manual',
  'dropship-api': 'Dropship Direct',
};

/**
 * A ProductView whose derived fields agree with its variants: colors and sizes in first-seen
 * order, priceMin/priceMax over variant prices, available summed, inStock when any unit is.
 */
export function fixtureProduct(spec: FixtureProductSpec): ProductView {
  const currency = spec.currency ?? 'USD';
  const createdAt = spec.createdAt ?? '2024-01-01T00:00:00.000Z';
  const supplierType = spec.supplierType ?? 'simulated';
  const variants = spec.variants.map((v): VariantView => ({
    sku: `${spec.id}-${v.color}-${v.size}`.toUpperCase().replace(/[^A-Z0-9-]/g, ''),
    options: { color: v.color, size: v.size },
    price: { amount: v.price, currency },
    ...(v.compareAtPrice !== undefined && {
      compareAtPrice: { amount: v.compareAtPrice, currency },
    }),
    available: v.available,
    inStock: v.available > 0,
  }));
  const prices = spec.variants.map((v) => v.price);
  const available = spec.variants.reduce((sum, v) => sum + v.available, 0);
  return {
    id: spec.id,
    handle: spec.handle ?? spec.id,
    title: spec.title,
    description: spec.description ?? '',
    vendor: spec.vendor ?? 'Northwind Apparel',
    supplier: { id: `sup-${supplierType}`, name: SUPPLIER_NAMES[supplierType], type: supplierType },
    collections: spec.collections ?? [],
    tags: spec.tags ?? [],
    images: [{ url: `https://cdn.example.com/products/${spec.id}.jpg`, alt: spec.title }],
    colors: [...new Set(spec.variants.map((v) => v.color))],
    sizes: [...new Set(spec.variants.map((v) => v.size))],
    priceMin: { amount: Math.min(...prices), currency },
    priceMax: { amount: Math.max(...prices), currency },
    inStock: available > 0,
    available,
    variants,
    createdAt,
    updatedAt: createdAt,
  };
}

export const FIXTURE_COLLECTIONS: readonly Collection[] = [
  { handle: 'tees', title: 'Tees', description: 'Short and long sleeve tees for every day.' },
  { handle: 'sweats', title: 'Sweats & Hoodies', description: 'Fleece layers.' },
  { handle: 'outerwear', title: 'Outerwear', description: 'Jackets and parkas for wind and rain.' },
  { handle: 'footwear', title: 'Footwear', description: 'Sneakers.' },
  { handle: 'accessories', title: 'Accessories', description: 'Caps and scarves.' },
  { handle: 'bags', title: 'Bags', description: 'Backpacks.' },
  { handle: 'sale', title: 'Sale', description: 'Marked down.' },
  { handle: 'new-arrivals', title: 'New Arrivals', description: 'The latest additions.' },
  { handle: 'gift-cards', title: 'Gift Cards', description: 'Deliberately empty in the fixture.' },
];

export function buildFixtureCollections(): Collection[] {
  return FIXTURE_COLLECTIONS.map((c) => ({ ...c }));
}

const APPAREL = ['S', 'M', 'L', 'XL'];
const ONE_SIZE = ['One Size'];
const KINDS = [
  { noun: 'Tee', collection: 'tees', sizes: APPAREL, material: 'cotton', waterproof: false },
  { noun: 'Hoodie', collection: 'sweats', sizes: APPAREL, material: 'fleece', waterproof: false },
  {
    noun: 'Jacket',
    collection: 'outerwear',
    sizes: ['M', 'L', 'XL'],
    material: 'nylon',
    waterproof: true,
  },
  {
    noun: 'Sneakers',
    collection: 'footwear',
    sizes: ['40', '41', '42', '43', '44'],
    material: 'leather',
    waterproof: false,
  },
  {
    noun: 'Cap',
    collection: 'accessories',
    sizes: ONE_SIZE,
    material: 'canvas',
    waterproof: false,
  },
  {
    noun: 'Scarf',
    collection: 'accessories',
    sizes: ONE_SIZE,
    material: 'wool',
    waterproof: false,
  },
  { noun: 'Backpack', collection: 'bags', sizes: ONE_SIZE, material: 'canvas', waterproof: true },
  { noun: 'Parka', collection: 'outerwear', sizes: APPAREL, material: 'down', waterproof: true },
] as const;
const ADJECTIVES = [
  'Classic',
  'Merino',
  'Organic',
  'Vintage',
  'Urban',
  'Alpine',
  'Coastal',
  'Midnight',
  'Everyday',
  'Summit',
];
const COLORS = ['black', 'white', 'red', 'blue', 'green', 'navy', 'grey'];
const USES = [
  'city commutes',
  'mountain trails',
  'weekend errands',
  'travel days',
  'rainy evenings',
];
const VENDORS = ['Northwind Apparel', 'Fjord & Pine', 'Harbor Goods', 'Kestrel Outfitters'];
/** priceMin values: bucket edges (2,500 / 5,000 / 10,000 / 25,000) and their neighbours, repeated. */
const PRICE_POINTS = [
  1200, 1900, 2499, 2500, 3500, 4999, 5000, 7500, 9999, 10000, 12900, 24999, 25000, 27900, 45000,
];
const SUPPLIERS: SupplierType[] = [
  'simulated',
  'simulated',
  'simulated',
  'manual',
  'manual',
  'dropship-api',
];
const FIRST_CREATED_AT = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

const adjectiveIndex = (i: number): number =>
  // Product 40k+39 repeats the title of 40k+31, so title_asc has a tie to break by id.
  i % 40 === 39 ? adjectiveIndex(i - 8) : (i + Math.floor(i / 8)) % ADJECTIVES.length;

/**
 * `n` deterministic products (default 40, ids `prod-0001`...). Across them: 8 kinds in 8
 * collections (plus `sale` for discounted and `new-arrivals` for the 8 newest), 1-3 of 7 colors,
 * apparel / shoe / one-size sizes, priceMin on and around every price-bucket edge with repeats,
 * three supplier types, products out of stock (every 5th from the 3rd, and some by their variants),
 * createdAt 6 hours apart with every 10th product sharing its predecessor's, one repeated title.
 */
export function buildFixtureProducts(n = 40): ProductView[] {
  const width = Math.max(4, String(n).length);
  return Array.from({ length: n }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const adjective = ADJECTIVES[adjectiveIndex(i)]!;
    const title = `${adjective} ${kind.noun}`;
    const colors = [COLORS[(i * 2) % 7]!, COLORS[(i * 2 + 3) % 7]!, COLORS[(i * 2 + 5) % 7]!].slice(
      0,
      1 + (i % 3),
    );
    const sizes = kind.sizes.length > 1 && i % 5 === 4 ? kind.sizes.slice(0, -1) : [...kind.sizes];
    const priceMin = PRICE_POINTS[(i * 7) % PRICE_POINTS.length]!;
    const discounted = i % 4 === 1;
    const soldOut = i % 5 === 2;
    const createdIndex = i % 10 === 9 ? i - 1 : i;
    const variants = colors.flatMap((color, c) =>
      sizes.map((size, s): FixtureVariantSpec => {
        const price = priceMin + (s === sizes.length - 1 && sizes.length > 1 ? 500 : 0);
        return {
          color,
          size,
          price,
          ...(discounted && { compareAtPrice: price + 1000 }),
          available: soldOut ? 0 : (i + c * 3 + s * 2) % 6,
        };
      }),
    );
    return fixtureProduct({
      id: `prod-${String(i + 1).padStart(width, '0')}`,
      handle: `${title.toLowerCase().replaceAll(' ', '-')}-${i + 1}`,
      title,
      description: `${adjective} ${kind.noun.toLowerCase()} in ${kind.material}, made for ${USES[i % USES.length]!}.`,
      vendor: VENDORS[i % VENDORS.length]!,
      supplierType: SUPPLIERS[i % SUPPLIERS.length]!,
      collections: [
        kind.collection,
        ...(discounted ? ['sale'] : []),
        ...(i >= n - 8 ? ['new-arrivals'] : []),
      ],
      tags: [
        kind.material,
        kind.noun.toLowerCase(),
        ...(kind.waterproof ? ['waterproof'] : []),
        ...(i % 6 === 0 ? ['bestseller'] : []),
      ],
      createdAt: new Date(FIRST_CREATED_AT + createdIndex * 6 * HOUR).toISOString(),
      variants,
    });
  });
}

/** One projected stock level per variant of `products`, consistent with the variants' availability. */
export function buildFixtureStockLevels(
  products: readonly ProductView[],
  projectedAt = '2024-06-01T00:00:00.000Z',
): StockLevelView[] {
  return products.flatMap((product) =>
    product.variants.map((variant, v): StockLevelView => {
      const held = v % 3 === 0 ? 1 : 0;
      const lowStockThreshold = 3;
      return {
        sku: variant.sku,
        productId: product.id,
        onHand: variant.available + held,
        available: variant.available,
        held,
        confirmed: 0,
        allocated: 0,
        lowStockThreshold,
        lowStock: variant.available <= lowStockThreshold,
        activeHolds: held,
        projectedAt,
      };
    }),
  );
}
