import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StepHook } from './files';
import { AppError } from '../../api/errors';
import { removeStoreFile } from './files';
import { readOnlyLook, storeDamaged } from './identity';
import { openStore, openStoreAtStart, type Db } from './open';
import { writeCleanStamp } from './stamp';
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
  /**
   * Null once the store's pages are known sound. While the background check of a fast start runs:
   * a promise that resolves when it passes and rejects with the damage refusal when it does not
   * (the connection is then closed, nothing was written).
   */
  pending(): Promise<void> | null;
  /** Set when the background check found damage: every call is refused with it. */
  readonly damaged: Error | null;
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
  const opened = openStoreAtStart(file);
  let db: Db | null = opened.db;
  // Only a store whose pages were checked this session gets a clean-shutdown stamp at close.
  let verified = opened.check === null;
  let damaged: Error | null = null;
  let pending: Promise<void> | null = null;
  let stopCheck = () => {};
  if (opened.check) {
    const first = db;
    stopCheck = () => opened.check?.stop();
    pending = opened.check.result.then((outcome) => {
      // The worker could not run (no worker threads here): check on this thread instead.
      if (outcome.notRun) {
        try {
          const r = readOnlyLook(file, (ro) => ro.prepare<[], Record<string, string>>('PRAGMA quick_check').all());
          const v = r[0] ? Object.values(r[0])[0] : undefined;
          outcome = r.length === 1 && v === 'ok' ? { ok: true } : { ok: false, detail: v };
        } catch (err) {
          outcome = { ok: false, detail: String((err as { code?: unknown }).code ?? err) };
        }
      }
      if (db !== first) return;
      pending = null;
      if (outcome.ok) {
        first.pragma('query_only = OFF');
        verified = true;
        return;
      }
      damaged = storeDamaged('Het gegevensbestand', outcome.detail);
      first.close();
      db = null;
      throw damaged;
    });
    // Callers that never wait still must not see an unhandled rejection.
    pending.catch(() => undefined);
  }
  let wired: T;
  try {
    wired = wire(db);
    // Only now: wiring creates this connection's TEMP triggers (the journal), which query_only
    // refuses as well; it writes no page of the file.
    if (pending) db.pragma('query_only = ON');
  } catch (err) {
    stopCheck();
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
    verified = true;
    damaged = null;
    pending = null;
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
    get damaged() {
      return damaged;
    },
    pending() {
      return pending;
    },
    swap(plan) {
      if (!db) throw new Error('The store is closed');
      stopCheck();
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
      stopCheck();
      options.beforeClose?.();
      if (!db) return;
      db.close();
      db = null;
      if (verified) writeCleanStamp(file);
    },
  };
}
