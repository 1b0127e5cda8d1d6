import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The short code printed on emails and quoted to support: 8 characters of [A-Z2-7] (40 bits of the
 * SHA-256 of the order id, RFC 4648 base32 alphabet). Deterministic, so a retried request for the
 * same order gets the same number.
 */
export function confirmationNumberFor(orderId: string): string {
  const digest = createHash('sha256').update(`order:${orderId}`, 'utf8').digest();
  // 40 bits (the first five bytes; exact in a double), read five bits at a time.
  let bits = digest.readUIntBE(0, 5);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = BASE32[bits % 32]! + out;
    bits = Math.floor(bits / 32);
  }
  return out;
}
