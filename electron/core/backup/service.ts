import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry, BackupKind, RestoreResult, StoreExport, StoreInfo } from '../../api/backup';
import type { Ctx } from '../../api/define';
import { AppError, notFound } from '../../api/errors';
import { localIsoDate } from '../clock';
import type { StoreHolder } from '../store/holder';
import { inspectStoreFile } from './inspect';
import { backupName, localStamp, parseBackupName } from './names';
import { backupsToDelete, DEFAULT_POLICY, newestFirst, type RotationPolicy } from './rotation';

export const BACKUP_DIR_NAME = 'backups';

export interface BackupServiceOptions {
  dataDir: string;
  clock: Ctx;
  policy?: RotationPolicy;
}

const SIDECARS = ['-wal', '-shm', '-journal'];

/** Moves a SQLite file together with any journal files beside it. */
export function moveStoreFile(from: string, to: string): void {
  fs.renameSync(from, to);
  for (const s of SIDECARS) if (fs.existsSync(from + s)) fs.renameSync(from + s, to + s);
}

function removeStoreFile(file: string): void {
  for (const f of [file, ...SIDECARS.map((s) => file + s)]) fs.rmSync(f, { force: true });
}

/**
 * Copies an open database into `target` with SQLite's online backup API (consistent even while
 * the app writes), as one self-contained file in rollback-journal mode. Written under a temporary
 * name and renamed, so a crash halfway never leaves a half backup under a real name.
 */
export async function onlineCopy(source: Database.Database, target: string): Promise<void> {
  const tmp = `${target}.tmp`;
  removeStoreFile(tmp);
  try {
    await source.backup(tmp);
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const fd = fs.openSync(tmp, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    removeStoreFile(tmp);
    throw err;
  }
}

/** The backups in `backupDir`, newest first; files that are not ours are ignored. */
export function listBackups(backupDir: string): BackupEntry[] {
  if (!fs.existsSync(backupDir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of fs.readdirSync(backupDir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    let size: number;
    try {
      size = fs.statSync(path.join(backupDir, name)).size;
    } catch {
      continue;
    }
    entries.push({ name, kind: parsed.kind, createdAt: parsed.createdAt, size });
  }
  return entries.sort(newestFirst);
}

export function createBackupService(store: StoreHolder<unknown>, options: BackupServiceOptions) {
  const { dataDir, clock } = options;
  const policy = options.policy ?? DEFAULT_POLICY;
  const backupDir = path.join(dataDir, BACKUP_DIR_NAME);

  // One backup-or-restore at a time; the domains' own calls are synchronous and never wait on this.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const ensureDir = () => fs.mkdirSync(backupDir, { recursive: true });

  /** Leftovers of a backup or import that was interrupted (crash, power loss). */
  function removeLeftovers(): void {
    if (!fs.existsSync(backupDir)) return;
    for (const f of fs.readdirSync(backupDir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(backupDir, f), { force: true });
    for (const f of fs.readdirSync(dataDir)) if (f.startsWith('.teamchef-staging-') || f.startsWith('.teamchef-import-')) fs.rmSync(path.join(dataDir, f), { force: true });
  }

  const list = () => listBackups(backupDir);

  function find(name: string): BackupEntry {
    const entry = list().find((e) => e.name === name);
    if (!entry) throw notFound('Deze back-up');
    return entry;
  }

  /** Applies the rotation; the backup just made (`keep`) is never the one to go. */
  function rotate(keep?: string): void {
    for (const e of backupsToDelete(list(), policy)) if (e.name !== keep) removeStoreFile(path.join(backupDir, e.name));
  }

  function nextName(kind: BackupKind): string {
    ensureDir();
    return backupName(kind, clock.now(), new Set(fs.readdirSync(backupDir)));
  }

  async function create(kind: BackupKind): Promise<BackupEntry> {
    const name = nextName(kind);
    await onlineCopy(store.db, path.join(backupDir, name));
    rotate(name);
    return find(name);
  }

  /**
   * Replaces the store with the store in `source` (a backup or an imported file). The source is
   * checked first, copied next to the store and checked again; then, in one synchronous step, the
   * current file is moved into the backup folder (a restore can itself be restored) and the copy
   * takes its place. Nothing is replaced when any check fails.
   */
  async function replaceWith(source: string, what: string): Promise<BackupEntry> {
    inspectStoreFile(source, what);
    const staging = path.join(dataDir, `.teamchef-staging-${localStamp(clock.now())}-${process.pid}.sqlite`);
    removeStoreFile(staging);
    try {
      const src = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await onlineCopy(src, staging);
      } finally {
        src.close();
      }
      inspectStoreFile(staging, what);
      const asideName = nextName('safety');
      const aside = path.join(backupDir, asideName);
      store.swap(
        () => {
          moveStoreFile(store.file, aside);
          moveStoreFile(staging, store.file);
        },
        () => {
          if (fs.existsSync(aside)) {
            if (fs.existsSync(store.file)) removeStoreFile(store.file);
            moveStoreFile(aside, store.file);
          }
        },
      );
      rotate(asideName);
      return find(asideName);
    } finally {
      removeStoreFile(staging);
    }
  }

  return {
    backupDir,
    list,

    /** "Make a backup now". */
    createManual: () => exclusive(() => create('manual')),

    /** At start: an automatic backup, leftovers of an interrupted one removed, then the rotation. */
    atStart: () =>
      exclusive(async () => {
        removeLeftovers();
        return create('auto');
      }),

    /** Called by the main process's timer: a backup when today has none yet. */
    dailyIfDue: () =>
      exclusive(async () => {
        const today = localIsoDate(clock.now());
        if (list().some((e) => e.kind === 'auto' && e.createdAt.startsWith(today))) return null;
        return create('auto');
      }),

    restore: (name: string) =>
      exclusive(async (): Promise<RestoreResult> => {
        const entry = find(name);
        const keptAside = await replaceWith(path.join(backupDir, entry.name), 'Deze back-up');
        return { restored: entry, keptAside };
      }),

    exportStore: () =>
      exclusive(async (): Promise<StoreExport> => {
        const tmp = path.join(dataDir, `.teamchef-staging-export-${process.pid}-${Date.now()}.sqlite`);
        try {
          await onlineCopy(store.db, tmp);
          const bytes = fs.readFileSync(tmp);
          return { fileName: `teamchef-export-${localIsoDate(clock.now())}.sqlite`, size: bytes.length, data: bytes.toString('base64') };
        } finally {
          removeStoreFile(tmp);
        }
      }),

    importStore: (data: string, fileName?: string) =>
      exclusive(async (): Promise<RestoreResult> => {
        const bytes = Buffer.from(data, 'base64');
        if (bytes.length < 512) throw new AppError('VALIDATION', 'Dit bestand is geen Teamchef-gegevensbestand. Er is niets gewijzigd.');
        const tmp = path.join(dataDir, `.teamchef-import-${process.pid}-${Date.now()}.sqlite`);
        try {
          fs.writeFileSync(tmp, bytes);
          const keptAside = await replaceWith(tmp, 'Dit bestand');
          return { restored: { name: (fileName ?? '').slice(0, 260) || 'import' }, keptAside };
        } finally {
          removeStoreFile(tmp);
        }
      }),

    info(): StoreInfo {
      const version = store.db.pragma('user_version', { simple: true }) as number;
      let size: number;
      try {
        size = fs.statSync(store.file).size;
      } catch {
        size = 0;
      }
      return { file: store.file, dataDir, backupDir, size, schemaVersion: version };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
