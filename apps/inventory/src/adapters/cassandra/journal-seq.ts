import { randomInt } from 'node:crypto';

/** Journal sequence numbers count milliseconds from here (they stay below 2^53 until 2093). */
const SEQ_EPOCH_MS = Date.UTC(2024, 0, 1);
/** Sequence numbers per millisecond: the low 12 bits are a per-process counter. */
const PER_MS = 4096;
const MS_PER_BUCKET = 3_600_000;

/**
 * A clock of journal sequence numbers: (ms since 2024-01-01) × 4096 + a counter that starts at a
 * random value per process. Strictly increasing within a process, and above `after` (the SKU's
 * previous movement) so an SKU's movements are ordered even across processes whose clocks differ.
 * Movements of different processes in the same millisecond are ordered arbitrarily.
 */
export function createSeqClock(now: () => number = Date.now): (after?: number) => number {
  let last = 0;
  let counter = randomInt(PER_MS);
  return (after = 0) => {
    counter = (counter + 1) % PER_MS;
    let seq = (now() - SEQ_EPOCH_MS) * PER_MS + counter;
    if (seq <= last) seq = last + 1;
    if (seq <= after) seq = after + 1;
    last = seq;
    return seq;
  };
}

/** The clock of this process (one per process keeps its sequence numbers strictly increasing). */
export const nextJournalSeq = createSeqClock();

/** The hour partition of stock_journal_by_time that holds this sequence number. */
export const journalBucketOf = (seq: number): number => Math.floor(seq / (PER_MS * MS_PER_BUCKET));
