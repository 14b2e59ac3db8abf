import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry, BackupKind, RestoreResult, StoreExport, StoreInfo } from '../../api/backup';
import type { Ctx } from '../../api/define';
import { AppError, notFound } from '../../api/errors';
import { localIsoDate } from '../clock';
import { removeStoreFile, type StepHook } from '../store/files';
import type { StoreHolder } from '../store/holder';
import { removeUnusedStaging, SWAP_JOURNAL } from '../store/swap';
import { copyDatabase, publishFile, tempNameFor } from './copy';
import { inspectStoreFile } from './inspect';
import { backupName, localStamp, parseBackupName } from './names';
import { backupsToDelete, DEFAULT_POLICY, newestFirst, type RotationPolicy } from './rotation';

export const BACKUP_DIR_NAME = 'backups';

export interface BackupServiceOptions {
  dataDir: string;
  clock: Ctx;
  policy?: RotationPolicy;
  /** Test hook: see StepHook. */
  step?: StepHook;
}

/** A staging name beside the store, unique to this call. */
export const stagingName = (kind: string, at: Date): string =>
  `.teamchef-${kind}-${localStamp(at)}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.sqlite`;

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
  // Each also waits for the background page check of a fast start: a copy of a store with a damaged
  // page must never become a backup (the rotation would push a good one out for it), and a restore
  // or import waits for the check to let go of the file. A failed check refuses the work.
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const checked = async () => {
      await store.pending();
      if (store.damaged) throw store.damaged;
      return work();
    };
    const run = queue.then(checked, checked);
    queue = run.catch(() => undefined);
    return run;
  };

  const ensureDir = () => fs.mkdirSync(backupDir, { recursive: true });
  const step = options.step;

  /**
   * Leftovers of an interrupted backup (always copies: the store was never touched) and staging
   * files no swap journal refers to. Not after a start that found no store and made a new one:
   * then whatever lies in the folder is kept for a person to look at.
   */
  function removeLeftovers(): void {
    if (fs.existsSync(backupDir)) {
      for (const f of fs.readdirSync(backupDir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(backupDir, f), { force: true });
    }
    if (!store.createdFresh) removeUnusedStaging(dataDir);
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

  /** Copies the open store to a new backup: a temporary name first, the real one when complete. */
  async function create(kind: BackupKind): Promise<BackupEntry> {
    ensureDir();
    const tmp = tempNameFor(path.join(backupDir, `teamchef-${kind}`));
    try {
      await copyDatabase(store.db, tmp, step);
      const name = publishFile(tmp, backupDir, (taken) => backupName(kind, clock.now(), taken));
      rotate(name);
      return find(name);
    } finally {
      removeStoreFile(tmp);
    }
  }

  /**
   * Replaces the store with the store in `source` (a backup or an imported file). The source is
   * checked, copied next to the store, fsynced and checked again; then the store holder swaps the
   * files through the swap journal, the current data going to the backup folder as a "Before
   * restore" backup (a restore can itself be restored). Nothing is replaced when any check fails.
   */
  async function replaceWith(source: string, what: string, headerless: 'damaged' | 'foreign'): Promise<BackupEntry> {
    inspectStoreFile(source, what, undefined, headerless);
    const staging = stagingName('staging', clock.now());
    const stagingPath = path.join(dataDir, staging);
    try {
      const src = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await copyDatabase(src, stagingPath, step);
      } finally {
        src.close();
      }
      inspectStoreFile(stagingPath, what);
      step?.('restore:staged');
      ensureDir();
      const asideName = backupName('safety', clock.now(), new Set(fs.readdirSync(backupDir)));
      const keptAs = path.basename(store.swap({ incoming: staging, aside: path.join(BACKUP_DIR_NAME, asideName) }));
      rotate(keptAs);
      step?.('restore:done');
      return find(keptAs);
    } finally {
      // Gone after a swap; before one it is only a copy of the source.
      if (!fs.existsSync(path.join(dataDir, SWAP_JOURNAL))) removeStoreFile(stagingPath);
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
        const keptAside = await replaceWith(path.join(backupDir, entry.name), 'Deze back-up', 'damaged');
        return { restored: entry, keptAside };
      }),

    exportStore: () =>
      exclusive(async (): Promise<StoreExport> => {
        const tmp = path.join(dataDir, stagingName('staging-export', clock.now()));
        try {
          await copyDatabase(store.db, tmp);
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
        const tmp = path.join(dataDir, stagingName('import', clock.now()));
        try {
          fs.writeFileSync(tmp, bytes);
          step?.('import:written');
          const keptAside = await replaceWith(tmp, 'Dit bestand', 'foreign');
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
