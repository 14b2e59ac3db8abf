import { BACKUP_KINDS, type BackupKind } from '../../api/backup';

/**
 * Backup file names carry their kind and local time, so the list, the rotation and the renderer
 * need nothing but the name: `teamchef-auto-2026-11-28T143005.sqlite` (a `-2` suffix when two
 * backups fall in the same second).
 */
const NAME = /^teamchef-(auto|manual|safety)-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?\.sqlite$/;

const pad = (n: number) => String(n).padStart(2, '0');

export function localStamp(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

export interface ParsedName {
  kind: BackupKind;
  /** `YYYY-MM-DDTHH:mm:ss`, local time. */
  createdAt: string;
  /** Orders names made in the same second. */
  seq: number;
}

export function parseBackupName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, kind, y, mo, d, h, mi, s, seq] = m;
  if (!BACKUP_KINDS.includes(kind as BackupKind)) return null;
  return { kind: kind as BackupKind, createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}`, seq: seq ? Number(seq) : 1 };
}

/**
 * A fresh name for a backup made at `at`: never one in `taken`, and within one second always
 * after every name already there, so the newest backup also sorts as the newest.
 */
export function backupName(kind: BackupKind, at: Date, taken: ReadonlySet<string>): string {
  const base = `teamchef-${kind}-${localStamp(at)}`;
  let last = 0;
  for (const name of taken) {
    if (name === `${base}.sqlite`) last = Math.max(last, 1);
    else if (name.startsWith(`${base}-`)) last = Math.max(last, parseBackupName(name)?.seq ?? 0);
  }
  if (last === 0) return `${base}.sqlite`;
  if (last >= 999) throw new Error('Too many backups in one second');
  return `${base}-${last + 1}.sqlite`;
}
