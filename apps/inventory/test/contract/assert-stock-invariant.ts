import { expect } from 'vitest';
import type { StockLevel } from '@commerce/contracts/inventory';
import { invariantViolation } from '../../src/domain/stock-counters.js';
import type { StockRepository } from '../../src/ports/stock-repository.js';

async function allLevels(repo: StockRepository): Promise<StockLevel[]> {
  const levels: StockLevel[] = [];
  for (let page = await repo.listLevels({ limit: 500 }); page.length > 0; ) {
    levels.push(...page);
    page = await repo.listLevels({ afterSku: page[page.length - 1]?.sku ?? '', limit: 500 });
  }
  return levels;
}

/**
 * Checks every SKU: onHand = available + held + confirmed + allocated, all ≥ 0. With `journal`
 * (the default) it also checks that the journal's deltas sum to each SKU's counters, i.e. that
 * every movement was journaled.
 */
export async function assertStockInvariant(repo: StockRepository, options: { journal?: boolean } = {}): Promise<void> {
  const levels = await allLevels(repo);
  const violations = levels.flatMap((l) => {
    const violation = invariantViolation(l);
    return violation ? [`${l.sku}: ${violation}`] : [];
  });
  expect(violations).toEqual([]);
  if (options.journal === false) return;
  const sums = new Map<string, { onHand: number; available: number; held: number; confirmed: number; allocated: number }>();
  for (let afterSeq = 0; ; ) {
    const rows = await repo.readJournal({ afterSeq, limit: 1_000 });
    if (rows.length === 0) break;
    for (const m of rows) {
      const s = sums.get(m.sku) ?? { onHand: 0, available: 0, held: 0, confirmed: 0, allocated: 0 };
      s.onHand += m.onHandDelta;
      s.available += m.availableDelta;
      s.held += m.heldDelta;
      s.confirmed += m.confirmedDelta;
      s.allocated += m.allocatedDelta;
      sums.set(m.sku, s);
      afterSeq = m.seq;
    }
  }
  for (const l of levels) {
    const s = sums.get(l.sku) ?? { onHand: 0, available: 0, held: 0, confirmed: 0, allocated: 0 };
    expect({ sku: l.sku, ...s }).toEqual({ sku: l.sku, onHand: l.onHand, available: l.available, held: l.held, confirmed: l.confirmed, allocated: l.allocated });
  }
}
