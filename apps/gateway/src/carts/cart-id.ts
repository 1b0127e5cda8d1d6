import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32 alphabet (no I, L, O, U): case-safe and unambiguous when read aloud. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_CHARS = 26;

const encode = (bytes: Uint8Array): string =>
  Array.from(bytes.subarray(0, ID_CHARS), (byte) => ALPHABET[byte & 31]).join('');

/**
 * A new cart id: `c_` + 26 base32 characters (130 bits). From crypto randomness, or — with an
 * Idempotency-Key — derived from the request's derived id, so a retried request answers the same
 * cart id. Matches the contract's CartIdSchema (and leaves room for `-co<n>` checkout ids).
 */
export function mintCartId(derivedFrom?: string): string {
  const bytes =
    derivedFrom === undefined
      ? randomBytes(ID_CHARS)
      : createHash('sha256').update(`cart-id:${derivedFrom}`, 'utf8').digest();
  return `c_${encode(bytes)}`;
}

export const CART_ID_PATTERN = /^c_[0-9A-HJKMNP-TV-Z]{26}$/;
