import type { Collection, Supplier } from '@commerce/contracts/inventory';

/** Word lists the catalog generator draws from. All names are invented for this project. */

export interface ColorSwatch {
  name: string;
  code: string;
}

export const COLORS = {
  black: { name: 'Black', code: 'BLK' },
  white: { name: 'White', code: 'WHT' },
  navy: { name: 'Navy', code: 'NVY' },
  grey: { name: 'Heather Grey', code: 'GRY' },
  charcoal: { name: 'Charcoal', code: 'CHR' },
  olive: { name: 'Olive', code: 'OLV' },
  sand: { name: 'Sand', code: 'SND' },
  rust: { name: 'Rust', code: 'RST' },
  forest: { name: 'Forest Green', code: 'FRS' },
  burgundy: { name: 'Burgundy', code: 'BRG' },
  sky: { name: 'Sky Blue', code: 'SKY' },
  cream: { name: 'Cream', code: 'CRM' },
  indigo: { name: 'Indigo', code: 'IND' },
  mustard: { name: 'Mustard', code: 'MST' },
  blush: { name: 'Blush', code: 'BLS' },
  teal: { name: 'Teal', code: 'TEL' },
  stone: { name: 'Stone', code: 'STN' },
  terracotta: { name: 'Terracotta', code: 'TRC' },
} as const satisfies Record<string, ColorSwatch>;

type ColorKey = keyof typeof COLORS;

const NEUTRALS: ColorKey[] = ['black', 'white', 'navy', 'grey', 'charcoal', 'sand', 'cream', 'stone'];
const EARTH: ColorKey[] = ['olive', 'rust', 'forest', 'mustard', 'terracotta', 'sand', 'stone', 'charcoal'];
const BRIGHT: ColorKey[] = ['sky', 'teal', 'blush', 'mustard', 'burgundy', 'indigo', 'white', 'black'];

export type Department = 'apparel' | 'footwear' | 'accessories' | 'home' | 'outdoor';

export interface ProductType {
  /** Handle of the type's own collection. */
  collection: string;
  collectionTitle: string;
  /** SKU prefix. */
  code: string;
  noun: string;
  department: Department;
  sizes: readonly string[];
  /** Extra cents per size step (bigger sizes cost a little more for some types). */
  sizeStepCents: number;
  palette: readonly ColorKey[];
  /** Whole dollars. */
  price: readonly [number, number];
  weightGrams: readonly [number, number];
  materials: readonly string[];
  features: readonly string[];
}

const TOPS = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const WAIST = ['28', '30', '32', '34', '36', '38'];
const SHOES = ['6', '7', '8', '9', '10', '11', '12', '13'];
const ONE_SIZE = ['One Size'];

export const PRODUCT_TYPES: readonly ProductType[] = [
  { collection: 't-shirts', collectionTitle: 'T-Shirts', code: 'TEE', noun: 'T-Shirt', department: 'apparel', sizes: TOPS, sizeStepCents: 0, palette: [...NEUTRALS, ...BRIGHT], price: [18, 45], weightGrams: [160, 260], materials: ['organic cotton', 'slub cotton', 'pima cotton', 'hemp-cotton blend', 'recycled cotton'], features: ['a tag-free neckline', 'double-stitched hems', 'a boxy, modern cut', 'a garment-dyed finish'] },
  { collection: 'long-sleeves', collectionTitle: 'Long Sleeves', code: 'LST', noun: 'Long-Sleeve Tee', department: 'apparel', sizes: TOPS, sizeStepCents: 0, palette: [...NEUTRALS, ...EARTH], price: [26, 55], weightGrams: [200, 300], materials: ['organic cotton', 'waffle-knit cotton', 'merino jersey'], features: ['ribbed cuffs', 'a relaxed drape', 'flatlock seams'] },
  { collection: 'hoodies', collectionTitle: 'Hoodies', code: 'HOD', noun: 'Hoodie', department: 'apparel', sizes: TOPS, sizeStepCents: 200, palette: [...NEUTRALS, ...EARTH], price: [48, 110], weightGrams: [450, 750], materials: ['brushed fleece', 'French terry', 'recycled fleece'], features: ['a lined hood', 'a kangaroo pocket', 'ribbed cuffs and hem', 'metal-tipped drawcords'] },
  { collection: 'sweaters', collectionTitle: 'Sweaters', code: 'SWT', noun: 'Crewneck Sweater', department: 'apparel', sizes: TOPS, sizeStepCents: 300, palette: [...NEUTRALS, ...EARTH], price: [65, 180], weightGrams: [350, 650], materials: ['merino wool', 'lambswool', 'cable-knit cotton', 'cashmere blend'], features: ['saddle shoulders', 'a fully fashioned knit', 'reinforced elbows'] },
  { collection: 'shirts', collectionTitle: 'Shirts', code: 'SHR', noun: 'Oxford Shirt', department: 'apparel', sizes: TOPS, sizeStepCents: 0, palette: ['white', 'sky', 'navy', 'stone', 'blush', 'indigo'], price: [55, 120], weightGrams: [220, 330], materials: ['oxford cotton', 'linen', 'chambray', 'brushed flannel'], features: ['a button-down collar', 'mother-of-pearl buttons', 'a curved hem', 'a chest pocket'] },
  { collection: 'jackets', collectionTitle: 'Jackets', code: 'JKT', noun: 'Jacket', department: 'apparel', sizes: TOPS, sizeStepCents: 500, palette: ['black', 'navy', 'olive', 'sand', 'rust', 'charcoal'], price: [120, 380], weightGrams: [700, 1400], materials: ['waxed canvas', 'nylon ripstop', 'selvedge denim', 'recycled polyester'], features: ['a storm flap', 'taped seams', 'hand-warmer pockets', 'a two-way zipper'] },
  { collection: 'jeans', collectionTitle: 'Jeans', code: 'JNS', noun: 'Jeans', department: 'apparel', sizes: WAIST, sizeStepCents: 0, palette: ['indigo', 'black', 'stone', 'charcoal'], price: [68, 160], weightGrams: [550, 900], materials: ['selvedge denim', 'stretch denim', 'organic denim'], features: ['a straight leg', 'copper rivets', 'a button fly', 'a slim taper'] },
  { collection: 'chinos', collectionTitle: 'Chinos', code: 'CHN', noun: 'Chinos', department: 'apparel', sizes: WAIST, sizeStepCents: 0, palette: ['sand', 'navy', 'olive', 'stone', 'charcoal'], price: [58, 120], weightGrams: [450, 700], materials: ['cotton twill', 'stretch twill', 'garment-dyed twill'], features: ['a flat front', 'a hidden coin pocket', 'a tapered leg'] },
  { collection: 'shorts', collectionTitle: 'Shorts', code: 'SHT', noun: 'Shorts', department: 'apparel', sizes: WAIST, sizeStepCents: 0, palette: [...EARTH, 'navy', 'sky'], price: [35, 75], weightGrams: [200, 400], materials: ['cotton twill', 'quick-dry nylon', 'linen blend'], features: ['a 7-inch inseam', 'an elastic back waist', 'a zip pocket'] },
  { collection: 'dresses', collectionTitle: 'Dresses', code: 'DRS', noun: 'Wrap Dress', department: 'apparel', sizes: ['XS', 'S', 'M', 'L', 'XL'], sizeStepCents: 0, palette: ['black', 'blush', 'terracotta', 'navy', 'forest', 'cream'], price: [70, 190], weightGrams: [250, 500], materials: ['Tencel lyocell', 'linen', 'viscose crepe', 'organic cotton poplin'], features: ['a self-tie waist', 'hidden side pockets', 'a midi length'] },
  { collection: 'leggings', collectionTitle: 'Leggings', code: 'LEG', noun: 'Leggings', department: 'apparel', sizes: ['XS', 'S', 'M', 'L', 'XL'], sizeStepCents: 0, palette: ['black', 'charcoal', 'navy', 'forest', 'burgundy'], price: [45, 98], weightGrams: [180, 300], materials: ['recycled nylon', 'brushed stretch jersey'], features: ['a high rise', 'a waistband phone pocket', 'four-way stretch'] },
  { collection: 'sneakers', collectionTitle: 'Sneakers', code: 'SNK', noun: 'Sneaker', department: 'footwear', sizes: SHOES, sizeStepCents: 0, palette: ['white', 'black', 'grey', 'navy', 'sand'], price: [70, 180], weightGrams: [600, 950], materials: ['full-grain leather', 'recycled knit', 'suede', 'canvas'], features: ['a cushioned footbed', 'a natural rubber sole', 'a padded collar'] },
  { collection: 'boots', collectionTitle: 'Boots', code: 'BOT', noun: 'Boot', department: 'footwear', sizes: SHOES, sizeStepCents: 0, palette: ['black', 'rust', 'charcoal', 'sand'], price: [140, 320], weightGrams: [1100, 1800], materials: ['oiled leather', 'waterproof suede', 'full-grain leather'], features: ['a Goodyear welt', 'a lugged outsole', 'a speed-lace hook'] },
  { collection: 'sandals', collectionTitle: 'Sandals', code: 'SDL', noun: 'Sandal', department: 'footwear', sizes: SHOES, sizeStepCents: 0, palette: ['black', 'sand', 'rust', 'olive'], price: [40, 110], weightGrams: [300, 600], materials: ['vegetable-tanned leather', 'recycled webbing', 'cork'], features: ['an adjustable strap', 'a contoured cork footbed'] },
  { collection: 'caps', collectionTitle: 'Caps', code: 'CAP', noun: 'Cap', department: 'accessories', sizes: ONE_SIZE, sizeStepCents: 0, palette: [...NEUTRALS, ...EARTH], price: [22, 45], weightGrams: [80, 140], materials: ['washed cotton twill', 'wool blend', 'recycled nylon'], features: ['an adjustable strap', 'a curved brim', 'an embroidered logo'] },
  { collection: 'beanies', collectionTitle: 'Beanies', code: 'BNE', noun: 'Beanie', department: 'accessories', sizes: ONE_SIZE, sizeStepCents: 0, palette: [...EARTH, ...BRIGHT], price: [20, 48], weightGrams: [70, 130], materials: ['merino wool', 'recycled acrylic', 'lambswool'], features: ['a fold-over cuff', 'a ribbed knit'] },
  { collection: 'scarves', collectionTitle: 'Scarves', code: 'SCF', noun: 'Scarf', department: 'accessories', sizes: ONE_SIZE, sizeStepCents: 0, palette: [...EARTH, 'burgundy', 'navy', 'cream'], price: [35, 95], weightGrams: [150, 300], materials: ['lambswool', 'cashmere blend', 'brushed cotton'], features: ['fringed ends', 'a generous length'] },
  { collection: 'socks', collectionTitle: 'Socks', code: 'SCK', noun: 'Socks (3-Pack)', department: 'accessories', sizes: ['S', 'M', 'L'], sizeStepCents: 0, palette: [...NEUTRALS, ...BRIGHT], price: [12, 28], weightGrams: [90, 160], materials: ['combed cotton', 'merino wool', 'bamboo viscose'], features: ['a cushioned sole', 'a seamless toe', 'arch support'] },
  { collection: 'backpacks', collectionTitle: 'Backpacks', code: 'BPK', noun: 'Backpack', department: 'outdoor', sizes: ['18L', '24L', '30L'], sizeStepCents: 2000, palette: ['black', 'olive', 'navy', 'rust', 'charcoal'], price: [60, 190], weightGrams: [600, 1300], materials: ['recycled nylon', 'waxed canvas', 'ripstop polyester'], features: ['a padded laptop sleeve', 'a water-resistant base', 'a sternum strap'] },
  { collection: 'bags', collectionTitle: 'Totes & Bags', code: 'BAG', noun: 'Tote Bag', department: 'accessories', sizes: ONE_SIZE, sizeStepCents: 0, palette: ['sand', 'black', 'navy', 'olive', 'cream'], price: [28, 140], weightGrams: [250, 900], materials: ['heavy canvas', 'full-grain leather', 'recycled nylon'], features: ['an interior zip pocket', 'reinforced handles'] },
  { collection: 'mugs', collectionTitle: 'Mugs', code: 'MUG', noun: 'Mug', department: 'home', sizes: ['12 oz', '16 oz'], sizeStepCents: 400, palette: ['white', 'cream', 'black', 'teal', 'terracotta', 'sky'], price: [16, 38], weightGrams: [300, 500], materials: ['stoneware', 'speckled ceramic', 'porcelain'], features: ['a reactive glaze', 'a comfortable handle', 'a dishwasher-safe finish'] },
  { collection: 'blankets', collectionTitle: 'Throws & Blankets', code: 'THR', noun: 'Throw Blanket', department: 'home', sizes: ['50x60', '60x80'], sizeStepCents: 3000, palette: [...NEUTRALS, ...EARTH], price: [60, 220], weightGrams: [900, 2200], materials: ['recycled wool', 'cotton waffle weave', 'alpaca blend'], features: ['whipstitched edges', 'a heavyweight weave'] },
  { collection: 'bottles', collectionTitle: 'Bottles', code: 'BTL', noun: 'Insulated Bottle', department: 'outdoor', sizes: ['500 ml', '750 ml', '1 L'], sizeStepCents: 500, palette: ['black', 'white', 'sky', 'teal', 'forest', 'blush'], price: [24, 52], weightGrams: [280, 520], materials: ['double-wall stainless steel', 'powder-coated steel'], features: ['a leakproof lid', 'a 24-hour cold rating'] },
];

/** Thematic collections; a product joins a few of them. */
export const THEMES: readonly Collection[] = [
  { handle: 'new-arrivals', title: 'New Arrivals', description: 'The latest additions, fresh off the line.' },
  { handle: 'best-sellers', title: 'Best Sellers', description: 'The pieces customers come back for again and again.' },
  { handle: 'summer-essentials', title: 'Summer Essentials', description: 'Light layers and easy staples for long, warm days.' },
  { handle: 'winter-layers', title: 'Winter Layers', description: 'Warm knits and weatherproof outer layers for the cold months.' },
  { handle: 'outdoor-adventure', title: 'Outdoor Adventure', description: 'Gear that is happy on a trail, a ridge or a riverbank.' },
  { handle: 'workwear', title: 'Workwear', description: 'Tough fabrics and honest construction built for a working day.' },
  { handle: 'weekend-lounge', title: 'Weekend Lounge', description: 'Soft, relaxed pieces for slow mornings at home.' },
  { handle: 'travel-ready', title: 'Travel Ready', description: 'Packable, wrinkle-resistant and easy to care for on the road.' },
  { handle: 'eco-conscious', title: 'Eco-Conscious', description: 'Made with organic, recycled or low-impact materials.' },
  { handle: 'gift-guide', title: 'Gift Guide', description: 'Thoughtful picks for everyone on your list.' },
  { handle: 'under-50', title: 'Under $50', description: 'Great finds that cost less than fifty dollars.' },
  { handle: 'limited-edition', title: 'Limited Edition', description: 'Small-batch runs that will not be restocked.' },
  { handle: 'studio-athletic', title: 'Studio & Athletic', description: 'Stretch, breathe and move in pieces made for training.' },
  { handle: 'rainy-day', title: 'Rainy Day', description: 'Water-resistant layers and comforts for grey weather.' },
  { handle: 'festival-season', title: 'Festival Season', description: 'Bold colours and easy layers for open-air weekends.' },
  { handle: 'back-to-school', title: 'Back to School', description: 'Durable basics and bags for a new term.' },
  { handle: 'home-comforts', title: 'Home Comforts', description: 'Cosy things that make a house feel like home.' },
  { handle: 'minimal-wardrobe', title: 'Minimal Wardrobe', description: 'Versatile neutrals that work with everything else you own.' },
  { handle: 'heritage-classics', title: 'Heritage Classics', description: 'Time-tested designs that only get better with age.' },
  { handle: 'city-commute', title: 'City Commute', description: 'Sharp, practical pieces for getting across town.' },
  { handle: 'coastal-living', title: 'Coastal Living', description: 'Salt-air colours and breezy fabrics from the shoreline.' },
  { handle: 'trail-running', title: 'Trail Running', description: 'Light, quick-drying kit for miles off the pavement.' },
];

export const VENDORS: readonly string[] = [
  'Harbor & Pine', 'Northbound Supply', 'Kestrel Outfitters', 'Mesa Goods', 'Tidewater Co.', 'Fieldnote',
  'Copper Fox', 'Lumen Studio', 'Alder & Ash', 'Saltmarsh', 'Granite Peak', 'Wildflower Mercantile',
  'Oakline', 'Brightwork', 'Juniper Lane', 'Ridgeback',
];

/** Suppliers of every fulfillment strategy, with the share of products each type gets. */
export const SUPPLIERS: readonly { supplier: Supplier; weight: number }[] = [
  { supplier: { id: 'sup-atlas-fulfillment', name: 'Atlas Fulfillment Center', type: 'simulated' }, weight: 25 },
  { supplier: { id: 'sup-meridian-warehouse', name: 'Meridian Warehouse', type: 'simulated' }, weight: 20 },
  { supplier: { id: 'sup-harbor-logistics', name: 'Harbor Logistics 3PL', type: 'simulated' }, weight: 15 },
  { supplier: { id: 'sup-maker-studio', name: 'Maker Studio (hand-finished)', type: 'manual' }, weight: 10 },
  { supplier: { id: 'sup-artisan-collective', name: 'Artisan Collective', type: 'manual' }, weight: 10 },
  { supplier: { id: 'sup-dropnow', name: 'DropNow Dropship', type: 'dropship-api' }, weight: 12 },
  { supplier: { id: 'sup-swiftship', name: 'SwiftShip Direct', type: 'dropship-api' }, weight: 8 },
];

export const ADJECTIVES: readonly string[] = [
  'Everyday', 'Heritage', 'Classic', 'Essential', 'Weekend', 'Trail', 'Coastal', 'Studio', 'Urban', 'Alpine',
  'Relaxed', 'Lightweight', 'Heavyweight', 'Field', 'Summit', 'Harbor', 'Meadow', 'Canyon', 'Nordic', 'Drift',
];

export const USE_SENTENCES: readonly string[] = [
  'It layers easily and keeps its shape wash after wash.',
  'Made to be worn hard and handed down.',
  'A reliable favourite for travel, the office or the weekend.',
  'Designed in small batches and checked by hand before it ships.',
  'It pairs with almost everything already in your closet.',
  'Built for daily use, with details that hold up over years.',
];

export const CARE_SENTENCES: readonly string[] = [
  'Machine wash cold, tumble dry low.',
  'Hand wash or spot clean; dry flat.',
  'Wipe clean with a damp cloth.',
  'Cold wash with like colours; line dry for best results.',
];
