/**
 * The projector's dirty set. Each mark stamps the SKU with a new revision, so a SKU re-dirtied
 * while its projection was in flight keeps its newer mark and is projected again; settling a
 * batch removes only the marks that batch actually projected. Pure and deterministic.
 */
export class DirtySkus {
  private readonly marks = new Map<string, number>();
  private revision = 0;

  constructor(initial: Iterable<string> = []) {
    this.mark(initial);
  }

  get size(): number {
    return this.marks.size;
  }

  mark(skus: Iterable<string>): void {
    for (const sku of skus) this.marks.set(sku, ++this.revision);
  }

  /** The oldest `limit` dirty SKUs with their current marks; they stay dirty until settled. */
  take(limit: number): DirtyBatch {
    const batch: [string, number][] = [];
    for (const entry of this.marks) {
      if (batch.length >= limit) break;
      batch.push(entry);
    }
    return new Map(batch);
  }

  /** Clears the SKUs of a projected batch unless they were marked again since it was taken. */
  settle(batch: DirtyBatch): void {
    for (const [sku, revision] of batch) {
      if (this.marks.get(sku) === revision) this.marks.delete(sku);
    }
  }

  toArray(): string[] {
    return [...this.marks.keys()];
  }
}

export type DirtyBatch = ReadonlyMap<string, number>;
