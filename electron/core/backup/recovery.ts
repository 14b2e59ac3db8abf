import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry } from '../../api/backup';
import { AppError } from '../../api/errors';
import { STORE_FILE_NAME } from '../store/open';
import { inspectStoreFile } from './inspect';
import { localStamp } from './names';
import { BACKUP_DIR_NAME, listBackups, moveStoreFile, onlineCopy } from './service';

/**
 * When the store cannot be opened at start. Everything here works without an open store and never
 * writes over the damaged file: it is moved aside under a new name and kept.
 */

/** The newest backup that passes the full check (any kind), or null. */
export function newestGoodBackup(dataDir: string): BackupEntry | null {
  const backupDir = path.join(dataDir, BACKUP_DIR_NAME);
  for (const entry of listBackups(backupDir)) {
    try {
      inspectStoreFile(path.join(backupDir, entry.name), 'Deze back-up');
      return entry;
    } catch {
      // damaged or from a newer version: try the next one
    }
  }
  return null;
}

/** A name beside the store for the damaged file that is not in use yet. */
export function damagedFileName(dataDir: string, at: Date): string {
  const base = `${STORE_FILE_NAME}.beschadigd-${localStamp(at)}`;
  let name = base;
  for (let i = 2; fs.existsSync(path.join(dataDir, name)); i++) name = `${base}-${i}`;
  return name;
}

/**
 * Puts backup `name` in place of a store that cannot be opened. The damaged file (with its journal
 * files) is first moved to `teamchef.sqlite.beschadigd-<time>` beside it, never overwritten.
 * Returns the name the damaged file was kept under.
 */
export async function restoreOverDamaged(dataDir: string, name: string, at: Date): Promise<string> {
  const backupDir = path.join(dataDir, BACKUP_DIR_NAME);
  const entry = listBackups(backupDir).find((e) => e.name === name);
  if (!entry) throw new AppError('NOT_FOUND', 'Deze back-up bestaat niet (meer).');
  const source = path.join(backupDir, entry.name);
  inspectStoreFile(source, 'Deze back-up');
  const store = path.join(dataDir, STORE_FILE_NAME);
  const keptAs = damagedFileName(dataDir, at);
  const staging = path.join(dataDir, `.teamchef-staging-recovery-${process.pid}.sqlite`);
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await onlineCopy(src, staging);
  } finally {
    src.close();
  }
  inspectStoreFile(staging, 'Deze back-up');
  if (fs.existsSync(store)) moveStoreFile(store, path.join(dataDir, keptAs));
  moveStoreFile(staging, store);
  return keptAs;
}
