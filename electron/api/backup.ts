import { z } from 'zod';
import { method } from './define';
import { Empty, text } from './schemas';

/**
 * Backups and the store as a whole. The renderer never sees a path: backups are named by the
 * core, and an export or import travels as the file's bytes (base64), so the page cannot make
 * the main process read or write an arbitrary file.
 */

/** `auto`: made at start and daily; `manual`: "make a backup now"; `safety`: the data as it was just before a restore or import. */
export const BACKUP_KINDS = ['auto', 'manual', 'safety'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupEntry {
  /** File name inside the backup folder; the only handle the renderer gets. */
  name: string;
  kind: BackupKind;
  /** Local date-time the backup was made, `YYYY-MM-DDTHH:mm:ss`. */
  createdAt: string;
  /** Size in bytes. */
  size: number;
}

export interface RestoreResult {
  /** What is in use now. */
  restored: BackupEntry | { name: string };
  /** The data as it was just before: restoring this entry undoes the restore. */
  keptAside: BackupEntry;
}

export interface StoreInfo {
  /** Full path of the store file (shown in Settings, "Your data"). */
  file: string;
  /** The folder the store and its backups live in. */
  dataDir: string;
  backupDir: string;
  size: number;
  schemaVersion: number;
}

export interface StoreExport {
  /** Suggested file name, e.g. `teamchef-export-2026-11-28.sqlite`. */
  fileName: string;
  size: number;
  /** The whole store as one SQLite file, base64. */
  data: string;
}

/** 512 MB of store: far beyond years of a team's records, small enough to travel over IPC. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

/** A backup file name as the core makes them; anything else (paths, `..`) is refused by the schema. */
export const BackupName = z
  .string({ message: 'Kies een back-up uit de lijst.' })
  .max(120, { message: 'Kies een back-up uit de lijst.' })
  .regex(/^teamchef-(auto|manual|safety)-\d{4}-\d{2}-\d{2}T\d{6}(-\d{1,3})?\.sqlite$/, { message: 'Kies een back-up uit de lijst.' });

export const StoreImportInput = z.strictObject({
  fileName: text(260, 'Maximaal 260 tekens.').optional(),
  data: z
    .string({ message: 'Kies een bestand om in te lezen.' })
    .min(1, { message: 'Kies een bestand om in te lezen.' })
    .max(MAX_IMPORT_BASE64, { message: 'Het bestand is te groot (maximaal 512 MB).' })
    .base64({ message: 'Dit bestand kan niet worden gelezen.' }),
});

export const backupApi = {
  'backup.list': method<BackupEntry[]>()(Empty),
  'backup.create': method<BackupEntry>()(Empty),
  'backup.restore': method<RestoreResult>()(z.strictObject({ name: BackupName })),
  'store.info': method<StoreInfo>()(Empty),
  'store.export': method<StoreExport>()(Empty),
  'store.import': method<RestoreResult>()(StoreImportInput),
};
