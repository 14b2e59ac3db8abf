import { openStore, type Db } from './open';

/**
 * The open store and everything built on it (services with their prepared statements). A restore
 * or an import swaps the file underneath: the holder closes the connection, lets the caller move
 * files, opens the store again and rebuilds what hangs on it, so callers that go through the holder
 * always reach the current connection.
 */
export interface StoreHolder<T> {
  readonly file: string;
  readonly db: Db;
  readonly wired: T;
  /**
   * Closes the store, runs `replace` (moves files; synchronous, so no call can slip in between) and
   * opens the store again. When the replaced file cannot be opened, `undo` puts the old file back,
   * the old store is reopened and the error is rethrown.
   */
  swap(replace: () => void, undo: () => void): void;
  close(): void;
}

export function createStoreHolder<T>(file: string, wire: (db: Db) => T): StoreHolder<T> {
  let db: Db | null = openStore(file);
  let wired = wire(db);

  const open = () => {
    const next = openStore(file);
    try {
      wired = wire(next);
    } catch (err) {
      next.close();
      throw err;
    }
    db = next;
  };

  return {
    file,
    get db() {
      if (!db) throw new Error('The store is closed');
      return db;
    },
    get wired() {
      return wired;
    },
    swap(replace, undo) {
      if (!db) throw new Error('The store is closed');
      db.close();
      db = null;
      try {
        replace();
        open();
      } catch (err) {
        undo();
        open();
        throw err;
      }
    },
    close() {
      db?.close();
      db = null;
    },
  };
}
