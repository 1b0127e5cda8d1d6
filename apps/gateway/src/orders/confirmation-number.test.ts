import { describe, expect, it } from 'vitest';
import { confirmationNumberFor } from './confirmation-number.js';

describe('confirmation number', () => {
  it('is 8 characters of A-Z and 2-7, the same for the same order id', () => {
    const number = confirmationNumberFor('order-001');
    expect(number).toMatch(/^[A-Z2-7]{8}$/);
    expect(confirmationNumberFor('order-001')).toBe(number);
  });

  it('differs between orders (no collisions among 10,000 ids)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(confirmationNumberFor(`order-${i}`));
    expect(seen.size).toBe(10_000);
  });
});
