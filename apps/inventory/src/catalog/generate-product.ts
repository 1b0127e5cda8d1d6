import type { Money } from '@commerce/contracts/common';
import type { CatalogProductInput, Product, Variant } from '@commerce/contracts/inventory';
import {
  ADJECTIVES,
  CARE_SENTENCES,
  COLORS,
  PRODUCT_TYPES,
  SUPPLIERS,
  THEMES,
  USE_SENTENCES,
  VENDORS,
  type ProductType,
} from './catalog-vocabulary.js';
import { createPrng, mixSeed, type Prng } from './prng.js';

const CURRENCY = 'USD';
const EPOCH = Date.UTC(2022, 0, 3, 9, 0, 0);
const MINUTE = 60_000;

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const sizeCode = (size: string): string => (size === 'One Size' ? 'OS' : size.toUpperCase().replace(/[^A-Z0-9]/g, ''));

const usd = (amount: number): Money => ({ amount, currency: CURRENCY });

function pickSupplier(prng: Prng) {
  const total = SUPPLIERS.reduce((sum, s) => sum + s.weight, 0);
  let roll = prng.next() * total;
  for (const entry of SUPPLIERS) {
    roll -= entry.weight;
    if (roll < 0) return entry.supplier;
  }
  return (SUPPLIERS[SUPPLIERS.length - 1] as (typeof SUPPLIERS)[number]).supplier;
}

function pickThemes(prng: Prng, type: ProductType, material: string, priceMax: number, index: number): string[] {
  const themes = new Set<string>();
  if (priceMax < 5_000) themes.add('under-50');
  if (/organic|recycled|hemp|cork|lyocell|bamboo/i.test(material)) themes.add('eco-conscious');
  if (type.department === 'home') themes.add('home-comforts');
  if (index % 97 === 0) themes.add('limited-edition');
  const random = THEMES.filter((t) => !['under-50', 'eco-conscious', 'limited-edition'].includes(t.handle));
  for (const theme of prng.sample(random, prng.int(0, 2))) themes.add(theme.handle);
  return [type.collection, ...THEMES.map((t) => t.handle).filter((h) => themes.has(h))];
}

/** Opening stock of one variant: some SKUs sold out, some low, most comfortably stocked. */
function openingStock(prng: Prng, soldOut: boolean): number {
  if (soldOut) return 0;
  const roll = prng.next();
  if (roll < 0.08) return 0;
  if (roll < 0.2) return prng.int(1, 5);
  return prng.int(6, 150);
}

/**
 * Product `index` of the catalog generated from `seed`, derived from (seed, index) alone: any
 * slice of a catalog of any size can be produced without generating what comes before it.
 */
export function generateProduct(seed: number, index: number): CatalogProductInput {
  const prng = createPrng(mixSeed(seed, index));
  const type = PRODUCT_TYPES[index % PRODUCT_TYPES.length] as ProductType;
  const number = String(index).padStart(6, '0');
  const adjective = prng.pick(ADJECTIVES);
  const material = prng.pick(type.materials);
  const vendor = prng.pick(VENDORS);
  const title = `${adjective} ${material.replace(/\b\w/g, (c) => c.toUpperCase())} ${type.noun}`;
  const handle = `${slug(title)}-${index}`;

  const palette = [...new Set(type.palette)];
  const colors = prng.sample(palette, prng.int(1, Math.min(4, palette.length))).map((key) => COLORS[key]);
  const sizes = type.sizes.length > 4 ? type.sizes.slice(prng.int(0, 1)) : type.sizes;
  const basePrice = prng.int(type.price[0], type.price[1]) * 100 - (prng.chance(0.7) ? 1 : 0);
  const discounted = prng.chance(0.2);
  const weight = prng.int(type.weightGrams[0], type.weightGrams[1]);

  const variants: Variant[] = [];
  for (const color of colors) {
    sizes.forEach((size, sizeIndex) => {
      const amount = basePrice + sizeIndex * type.sizeStepCents;
      variants.push({
        sku: `${type.code}-${number}-${color.code}-${sizeCode(size)}`,
        options: { color: color.name, size },
        price: usd(amount),
        ...(discounted ? { compareAtPrice: usd(Math.round((amount * 1.3) / 100) * 100 - 1) } : {}),
        weightGrams: weight + sizeIndex * 10,
      });
    });
  }
  const priceMax = Math.max(...variants.map((v) => v.price.amount));

  const feature = prng.pick(type.features);
  const description = [
    `Meet the ${title} by ${vendor}: cut from ${material}, it comes with ${feature}.`,
    prng.pick(USE_SENTENCES),
    `Available in ${colors.map((c) => c.name.toLowerCase()).join(', ')}.`,
    prng.pick(CARE_SENTENCES),
  ].join(' ');

  const product: Product = {
    id: `prod-${number}`,
    handle,
    title,
    description,
    vendor,
    supplier: pickSupplier(prng),
    collections: pickThemes(prng, type, material, priceMax, index),
    tags: [...new Set([type.department, slug(type.noun), slug(material), adjective.toLowerCase(), ...colors.map((c) => slug(c.name))])],
    images: colors.slice(0, 3).map((color, n) => ({ url: `/images/${handle}-${n + 1}.jpg`, alt: `${title} in ${color.name}` })),
    variants,
    createdAt: new Date(EPOCH + index * 17 * MINUTE + prng.int(0, 16) * MINUTE).toISOString(),
  };
  const soldOut = prng.chance(0.04);
  const initialStock = Object.fromEntries(variants.map((v) => [v.sku, openingStock(prng, soldOut)]));
  return { product, initialStock };
}
