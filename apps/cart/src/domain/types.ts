// The contract types domain code works with (type-only: erased at build time).
export type { CartCarryOver, CartLine, CartSettings, CartView } from '@commerce/contracts/cart';
export type { CartSnapshot as CheckoutSnapshotLike } from '@commerce/contracts/checkout';
