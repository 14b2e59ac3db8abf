import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StepHook } from './files';
import { AppError } from '../../api/errors';
import { removeStoreFile } from './files';
import { openStore, type Db } from './open';
import { finishSwap, writeSwapJournal, type SwapPlan } from './swap';

/**
 * The open store and everything built on it (services with their prepared statements). A restore
 * or an import swaps the file underneath: the holder closes the connection, carries out the
 * journaled swap, opens the store again and rebuilds what hangs on it, so callers that go through
 * the holder always reach the current connection.
 */
export interface StoreHolder<T> {
  readonly file: string;
  readonly db: Db;
  readonly wired: T;
  /** True when this start found no store and made a new one. */
  readonly createdFresh: boolean;
  /**
   * Replaces the store with `plan.incoming` (complete and fsynced, relative to the data folder);
   * the current file goes to `plan.aside`. Synchronous from close to reopen, so no call slips in
   * between. When the new file cannot be opened, the old one is put back and the error rethrown.
   * Answers where the old store went, relative to the data folder.
   */
  swap(plan: SwapPlan): string;
  close(): void;
}

export interface HolderOptions {
  step?: StepHook;
  /** Called before the connection closes (a swap, or the app closing): other readers of the file let go first. */
  beforeClose?: () => void;
}

export function createStoreHolder<T>(file: string, wire: (db: Db) => T, options: HolderOptions = {}): StoreHolder<T> {
  const dataDir = path.dirname(file);
  const { step } = options;
  // An interrupted restore or import is finished before anything opens the store.
  finishSwap(dataDir, step);
  const existed = fs.existsSync(file);
  // Set when a swap broke off halfway (a disk error): the next start finishes it, and until then
  // nothing may open the folder's store again (it may be aside, and a new empty one would be made).
  let interrupted = false;
  const interruptedError = () =>
    new AppError('STORE_READONLY', 'Het terugzetten of inlezen is onderbroken door een schijffout. Sluit Teamchef en start het opnieuw: het wordt dan afgemaakt. Er gaat niets verloren.');
  let db: Db | null = openStore(file);
  let wired: T;
  try {
    wired = wire(db);
  } catch (err) {
    db.close();
    throw err;
  }

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
    createdFresh: !existed,
    get db() {
      if (interrupted) throw interruptedError();
      if (!db) throw new Error('The store is closed');
      return db;
    },
    get wired() {
      if (interrupted) throw interruptedError();
      return wired;
    },
    swap(plan) {
      if (!db) throw new Error('The store is closed');
      writeSwapJournal(dataDir, plan, step);
      options.beforeClose?.();
      db.close();
      db = null;
      step?.('swap:store-closed');
      let aside: string;
      try {
        aside = finishSwap(dataDir, step) ?? plan.aside;
      } catch {
        interrupted = true;
        throw interruptedError();
      }
      try {
        open();
      } catch (err) {
        // The new file opens nowhere: the old one comes back, the refused copy goes.
        const refused = `.teamchef-staging-refused-${crypto.randomBytes(4).toString('hex')}.sqlite`;
        writeSwapJournal(dataDir, { incoming: aside, aside: refused }, step);
        finishSwap(dataDir, step);
        removeStoreFile(path.join(dataDir, refused));
        open();
        throw err;
      }
      step?.('swap:reopened');
      return aside;
    },
    close() {
      options.beforeClose?.();
      db?.close();
      db = null;
    },
  };
}
