import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError, type ErrorCode } from '../../api/errors';
import type { Db } from './open';

/**
 * SQLite's `application_id` header field marks a file as a Teamchef store: 0x54434846 is "TCHF" in
 * ASCII. Set when a store is created and, for stores made before it existed, by migration 006.
 * Fixed forever: changing it would make every existing store look foreign.
 */
export const APPLICATION_ID = 0x54434846;

/** The last schema version written before the application id existed (migration 006 sets it). */
export const LAST_VERSION_WITHOUT_ID = 5;

/** Tables every Teamchef store has had since the first version. */
export const REQUIRED_TABLES = ['team', 'team_gemeente', 'app_setting'];

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type RefusalReason = 'empty' | 'damaged' | 'foreign' | 'unreadable' | 'newer';

/** A file Teamchef will not open, with why: the start screen words its offer on the reason. */
export class StoreRefusal extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly reason: RefusalReason,
  ) {
    super(code, message);
  }
}

/**
 * Opens `file` read-only for a look. A read-only connection to a WAL-mode file creates empty
 * `-wal`/`-shm` files it cannot remove; those it created (and left empty) are removed afterwards,
 * so a file we only looked at is left exactly as it was found.
 */
export function readOnlyLook<T>(file: string, look: (db: Db) => T): T {
  const sidecars = [`${file}-wal`, `${file}-shm`];
  const existed = sidecars.map((f) => fs.existsSync(f));
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return look(db);
  } finally {
    db?.close();
    const wal = sidecars[0]!;
    const walEmpty = !fs.existsSync(wal) || fs.statSync(wal).size === 0;
    if (walEmpty) sidecars.forEach((f, i) => !existed[i] && fs.rmSync(f, { force: true }));
  }
}

export interface CheckOptions {
  /** Names the file in messages: "Het gegevensbestand", "Deze back-up", "Dit bestand". */
  what: string;
  latest: number;
  /** Full integrity and reference check (backups, imports) instead of the quick check (every start). */
  thorough: boolean;
  /**
   * A file that does not even start like SQLite: in the store's own place it is most likely our
   * store with its first page lost ('damaged'); offered as an import it is some other file ('foreign').
   */
  headerless: 'damaged' | 'foreign';
  /** Identity and version only, no page check: the caller runs the check itself (see open.ts). */
  skipPageCheck?: boolean;
}

/** The refusal for a damaged file; also used when the background check finds damage after a fast open. */
export const storeDamaged = (what: string, detail?: string) =>
  new StoreRefusal('STORE_CORRUPT', `${what} is beschadigd en kan niet worden gebruikt${detail ? ` (${detail.slice(0, 200)})` : ''}. Er is niets gewijzigd.`, 'damaged');

function firstBytes(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_MAGIC.length);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Decides, without writing a byte, whether `file` is an undamaged Teamchef store this version can
 * open: its application id is ours, or (made before the id existed) it has a Teamchef schema
 * version and tables. Anything else is refused with a StoreRefusal saying why; nothing is changed.
 */
export function checkStoreFile(file: string, { what, latest, thorough, headerless, skipPageCheck }: CheckOptions): { schemaVersion: number } {
  const damaged = (detail?: string) => storeDamaged(what, detail);
  const foreign = () =>
    new StoreRefusal('VALIDATION', `${what} is geen Teamchef-gegevensbestand. Er is niets gewijzigd.`, 'foreign');
  try {
    const size = fs.statSync(file).size;
    if (size === 0) return refuse(new StoreRefusal('STORE_CORRUPT', `${what} is leeg (0 bytes) en kan niet worden gebruikt. Er is niets gewijzigd.`, 'empty'));
    if (!firstBytes(file).equals(SQLITE_MAGIC)) return refuse(headerless === 'damaged' ? damaged() : foreign());
    return readOnlyLook(file, (db) => {
      const appId = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      if (appId !== APPLICATION_ID) {
        if (appId !== 0 || version < 1 || version > LAST_VERSION_WITHOUT_ID) throw foreign();
        const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
        if (!REQUIRED_TABLES.every((t) => tables.has(t))) throw foreign();
      }
      if (version > latest) {
        throw new StoreRefusal(
          'STORE_NEWER',
          `${what} is gemaakt met een nieuwere versie van Teamchef (schema ${version}, deze versie kent ${latest}). Installeer eerst de nieuwste versie. Er is niets gewijzigd.`,
          'newer',
        );
      }
      if (skipPageCheck) return { schemaVersion: version };
      const check = db.prepare<[], Record<string, string>>(thorough ? 'PRAGMA integrity_check' : 'PRAGMA quick_check').all();
      const first = check[0] ? Object.values(check[0])[0] : undefined;
      if (check.length !== 1 || first !== 'ok') throw damaged(first);
      if (thorough && db.prepare('PRAGMA foreign_key_check').all().length > 0) {
        throw new StoreRefusal('STORE_CORRUPT', `${what} bevat verwijzingen naar gegevens die ontbreken en kan niet worden gebruikt. Er is niets gewijzigd.`, 'damaged');
      }
      return { schemaVersion: version };
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    const raw = (err as { code?: unknown } | null)?.code;
    const code = typeof raw === 'string' ? raw : '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) throw damaged();
    if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code === 'SQLITE_AUTH') {
      throw new StoreRefusal('STORE_READONLY', `${what} kan niet worden gelezen. Controleer de rechten op de gegevensmap. Er is niets gewijzigd.`, 'unreadable');
    }
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new AppError('STORE_LOCKED', `${what} is in gebruik door een ander programma. Sluit dat en probeer het opnieuw.`);
    }
    throw err;
  }
}

function refuse(err: StoreRefusal): never {
  throw err;
}
