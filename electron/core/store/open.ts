import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fromStoreError } from './errors';
import { freeName, fsyncDir, fsyncFile, removeStoreFile, SIDECARS } from './files';
import { quickCheckInBackground, type BackgroundCheck } from './background-check';
import { APPLICATION_ID, checkStoreFile, readOnlyLook } from './identity';
import { hasCleanStamp, removeCleanStamp } from './stamp';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export { STORE_FILE_NAME } from './names';
export { readOnlyLook };

export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order at ${m.name}: expected ${i + 1}, got ${m.version}`);
  });
}

/**
 * Brings the store to the latest schema in ONE transaction: either every pending migration is
 * applied, or (any step throws, or leaves a broken reference) none is and the file stays exactly as
 * the previous version of the app left it, so that version can still open it.
 */
export function runMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  checkMigrationList(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  // PRAGMA user_version is part of the transaction: a failing step leaves version and schema as they were.
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string }[];
    if (broken.length > 0) {
      throw new Error(`Migration to ${pending.at(-1)!.version} leaves ${broken.length} broken references (first in ${broken[0]!.table})`);
    }
  }).immediate();
}

export interface OpenOptions {
  migrations?: readonly Migration[];
}

function configure(db: Db): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // 64 MB of page cache (SQLite's default is 2 MB): a district store (400,000 expenses) keeps its
  // index pages in memory, which makes a 10,000-row import about a quarter faster (npm run bench).
  db.pragma('cache_size = -65536');
}

/**
 * A new store is built complete under a temporary name (application id, schema) and then renamed
 * into place, so an interruption never leaves a half-made or empty `teamchef.sqlite` that a later
 * start would have to refuse.
 */
function createStoreFile(file: string, migrations: readonly Migration[]): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  // Journal files without their database (it was moved or deleted by hand) would be replayed into
  // the new store and damage it: they are kept under another name, never deleted.
  const orphans = SIDECARS.filter((s) => fs.existsSync(file + s));
  if (orphans.length > 0) {
    const kept = freeName(dir, `${path.basename(file)}.los-${Date.now()}`);
    for (const s of orphans) fs.renameSync(file + s, path.join(dir, kept + s));
    fsyncDir(dir);
  }
  const tmp = path.join(dir, `.teamchef-new-${process.pid}-${crypto.randomBytes(4).toString('hex')}.sqlite`);
  try {
    const db = new Database(tmp);
    try {
      configure(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      runMigrations(db, migrations);
    } finally {
      db.close();
    }
    fsyncFile(tmp);
    fs.renameSync(tmp, file);
    fsyncDir(dir);
  } finally {
    removeStoreFile(tmp);
  }
}

/**
 * Opens the store at `file`, creating it when there is none. An existing file is first looked at
 * read-only and must be positively a Teamchef store this version can open; only then is it opened
 * for writing (WAL mode) and migrated. A foreign, empty, damaged, unreadable or newer file is
 * refused without a byte changed.
 */
export function openStore(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  if (fs.existsSync(file)) checkStoreFile(file, { what: 'Het gegevensbestand', latest: migrations.length, thorough: false, headerless: 'damaged' });
  else createStoreFile(file, migrations);
  removeCleanStamp(file);

  const db = new Database(file, { fileMustExist: true });
  try {
    configure(db);
    runMigrations(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw fromStoreError(err) ?? err;
  }
}

export interface OpenedStore {
  db: Db;
  /**
   * Null when the integrity check already ran before the open. Otherwise the check running in the
   * background; the caller makes the connection query_only (once it has set up its own TEMP objects,
   * which query_only refuses too) until the check has passed, so not one page can be written.
   */
  check: BackgroundCheck | null;
}

/**
 * The start-up open. After an orderly close (a clean-shutdown stamp that still matches the file, see
 * stamp.ts) the identity and version are checked at once and the page check runs in the background
 * on its own read-only connection, while this connection is to refuse every write (PRAGMA query_only,
 * set by the holder) until the check has passed. Otherwise, or when migrations are pending, the full open of openStore.
 */
export function openStoreAtStart(file: string, options: OpenOptions = {}): OpenedStore {
  const migrations = options.migrations ?? MIGRATIONS;
  if (!fs.existsSync(file) || !hasCleanStamp(file)) return { db: openStore(file, options), check: null };
  const { schemaVersion } = checkStoreFile(file, { what: 'Het gegevensbestand', latest: migrations.length, thorough: false, headerless: 'damaged', skipPageCheck: true });
  if (schemaVersion !== migrations.length) return { db: openStore(file, options), check: null };
  removeCleanStamp(file);
  const db = new Database(file, { fileMustExist: true });
  try {
    configure(db);
  } catch (err) {
    db.close();
    throw fromStoreError(err) ?? err;
  }
  return { db, check: quickCheckInBackground(file) };
}
