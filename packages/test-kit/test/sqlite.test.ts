import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDatabase } from '../src/sqlite.js';

/** A stand-in handle: the kit only opens, migrates and closes (the apps pass a real SQLite). */
class FileHandle {
  open = true;
  migrated = false;
  readonly file: string;
  constructor({ filename }: { filename: string }) {
    this.file = filename;
    writeFileSync(filename, '', { flag: 'a' });
  }
  close(): void {
    this.open = false;
  }
}

describe('createTempDatabase', () => {
  it('opens and migrates a file in a fresh folder; cleanup closes every connection and deletes it', () => {
    const createTempDatabase = makeTempDatabase({
      prefix: 'kit-',
      open: (options) => new FileHandle(options),
      migrate: (db) => {
        db.migrated = true;
      },
    });
    const temp = createTempDatabase();
    expect(temp.file.startsWith(temp.dir)).toBe(true);
    expect(temp.dir).toMatch(/kit-[^/]+$/);
    const named = createTempDatabase('other-');
    expect(named.dir).toMatch(/other-[^/]+$/);
    named.cleanup();
    expect(temp.db.migrated).toBe(true);
    const other = temp.reopen();
    expect(other.file).toBe(temp.file);
    expect(other.migrated).toBe(false);
    temp.cleanup();
    expect([temp.db.open, other.open]).toEqual([false, false]);
    expect(existsSync(temp.dir)).toBe(false);
  });

  it('cleans up when the migration throws', () => {
    let opened: FileHandle | undefined;
    expect(() =>
      makeTempDatabase({
        open: (options) => (opened = new FileHandle(options)),
        migrate: () => {
          throw new Error('bad migration');
        },
      })('kit-failing-'),
    ).toThrow('bad migration');
    expect(opened?.open).toBe(false);
    expect(existsSync(opened!.file)).toBe(false);
  });
});
