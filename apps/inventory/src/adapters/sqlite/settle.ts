/**
 * better-sqlite3 is synchronous: adapters do their work inside this and hand the port an already
 * settled promise (a thrown error becomes a rejection).
 */
export const settle = <T>(fn: () => T): Promise<T> => new Promise<T>((resolve) => resolve(fn()));
