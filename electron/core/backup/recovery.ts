import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry } from '../../api/backup';
import { AppError } from '../../api/errors';
import { freeName, removeStoreFile, type StepHook } from '../store/files';
import { lockDataDir } from '../store/lock';
import { STORE_FILE_NAME } from '../store/names';
import { finishSwap, writeSwapJournal } from '../store/swap';
import { copyDatabase } from './copy';
import { inspectStoreFile } from './inspect';
import { localStamp } from './names';
import { BACKUP_DIR_NAME, listBackups, stagingName } from './service';

/**
 * When the store cannot be opened at start. Everything here works without an open store and never
 * writes over the damaged file: it is moved aside under a new name and kept.
 */

/** The newest backup that passes the full check (any kind), or null. */
export function newestGoodBackup(dataDir: string): BackupEntry | null {
  const backupDir = path.join(dataDir, BACKUP_DIR_NAME);
  for (const entry of listBackups(backupDir)) {
    try {
      inspectStoreFile(path.join(backupDir, entry.name), 'Deze back-up', undefined, 'damaged');
      return entry;
    } catch {
      // damaged or from a newer version: try the next one
    }
  }
  return null;
}

/** A name beside the store for the damaged file that is not in use yet. */
export function damagedFileName(dataDir: string, at: Date): string {
  return freeName(dataDir, `${STORE_FILE_NAME}.beschadigd-${localStamp(at)}`);
}

/**
 * Puts backup `name` in place of a store that cannot be opened, through the same journaled swap
 * as a restore: the damaged (or empty) file and its journal files go to
 * `teamchef.sqlite.beschadigd-<time>` beside it, never overwritten. Holds the data folder's lock
 * while it works. Returns the name the damaged file was kept under.
 */
export async function restoreOverDamaged(dataDir: string, name: string, at: Date, step?: StepHook): Promise<string> {
  const backupDir = path.join(dataDir, BACKUP_DIR_NAME);
  const entry = listBackups(backupDir).find((e) => e.name === name);
  if (!entry) throw new AppError('NOT_FOUND', 'Deze back-up bestaat niet (meer).');
  const lock = lockDataDir(dataDir);
  try {
    finishSwap(dataDir, step);
    const source = path.join(backupDir, entry.name);
    inspectStoreFile(source, 'Deze back-up', undefined, 'damaged');
    const keptAs = damagedFileName(dataDir, at);
    const staging = stagingName('staging-recovery', at);
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await copyDatabase(src, path.join(dataDir, staging), step);
    } finally {
      src.close();
    }
    try {
      inspectStoreFile(path.join(dataDir, staging), 'Deze back-up');
    } catch (err) {
      removeStoreFile(path.join(dataDir, staging));
      throw err;
    }
    writeSwapJournal(dataDir, { incoming: staging, aside: keptAs }, step);
    return finishSwap(dataDir, step) ?? keptAs;
  } finally {
    lock.release();
  }
}
