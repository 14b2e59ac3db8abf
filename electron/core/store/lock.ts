import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../api/errors';
import { writeFileAtomic } from './files';

/**
 * One owner per data folder. Electron's single-instance lock is per user profile; a folder on a
 * network share, a second Windows profile or a second copy started with `--data-dir` can still
 * reach the same store, and two writers would undo each other's restores and backups.
 *
 * Why SQLite as the lock: Node has no flock, and SQLite's own file locking is the one we already
 * rely on for the store (POSIX advisory locks on macOS/Linux, LockFileEx on Windows, tested by
 * SQLite on network shares). A small lock database in EXCLUSIVE locking mode keeps its exclusive
 * lock from its first write until the connection closes; the operating system drops it when the
 * process dies, so a lock left by a crashed Teamchef is simply taken over by the next start. The
 * npm lock-file libraries work with mtime heartbeats instead of an OS lock and guess at staleness.
 *
 * Who holds the lock (pid, computer, start time) is written beside it in `teamchef.lock.json`:
 * the lock database itself cannot be read by anyone else while it is held.
 */
export const LOCK_FILE_NAME = 'teamchef.lock';
export const OWNER_FILE_NAME = 'teamchef.lock.json';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO moment the owner took the lock. */
  since: string;
}

export interface FolderLock {
  readonly owner: LockOwner;
  /** The owner recorded by a process that ended without releasing the lock (a crash), if any. */
  readonly takenOver: LockOwner | null;
  release(): void;
}

function readOwner(dataDir: string): LockOwner | null {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE_NAME), 'utf8')) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.since === 'string') return { pid: o.pid, host: o.host.slice(0, 100), since: o.since };
  } catch {
    // missing or half written: the holder is unknown
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "28-11-2026 om 14:30" in local time. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'onbekend moment';
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()} om ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function inUseMessage(owner: LockOwner | null): string {
  const who = owner ? `Teamchef is al geopend op ${owner.host} sinds ${formatMoment(owner.since)}.` : 'Teamchef is al geopend op een andere computer of in een ander venster.';
  return `${who} Eén Teamchef tegelijk mag deze gegevensmap gebruiken, anders kunnen wijzigingen verloren gaan. Sluit Teamchef daar en start het hier opnieuw.`;
}

/** Takes the data folder's lock, or throws STORE_LOCKED naming the computer that has it. */
export function lockDataDir(dataDir: string, now: Date = new Date()): FolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const previous = readOwner(dataDir);
  let db: Database.Database | undefined;
  try {
    db = new Database(path.join(dataDir, LOCK_FILE_NAME), { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = OFF');
    // The first write takes the exclusive lock; in EXCLUSIVE locking mode it is kept after COMMIT.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (at TEXT); DELETE FROM held; INSERT INTO held VALUES (datetime()); COMMIT;');
  } catch (err) {
    db?.close();
    const raw = (err as { code?: unknown } | null)?.code;
    const code = typeof raw === 'string' ? raw : '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw new AppError('STORE_LOCKED', inUseMessage(readOwner(dataDir)));
    throw err;
  }
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: now.toISOString() };
  try {
    writeFileAtomic(path.join(dataDir, OWNER_FILE_NAME), JSON.stringify(owner));
  } catch (err) {
    db.close();
    throw err;
  }
  const takenOver = previous && !(previous.pid === owner.pid && previous.host === owner.host) ? previous : null;
  let held = true;
  return {
    owner,
    takenOver,
    release() {
      if (!held) return;
      held = false;
      // The owner file goes first: while it exists the lock is still held.
      fs.rmSync(path.join(dataDir, OWNER_FILE_NAME), { force: true });
      db.close();
    },
  };
}
