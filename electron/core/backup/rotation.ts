import type { BackupEntry } from '../../api/backup';

export interface RotationPolicy {
  /** Automatic backups: the newest of each of this many most recent days… */
  daily: number;
  /** …and the newest of each of this many most recent months. */
  monthly: number;
  /** Backups made by hand: this many newest. */
  manual: number;
  /** The data as it was before a restore or import: this many newest. */
  safety: number;
}

export const DEFAULT_POLICY: RotationPolicy = { daily: 7, monthly: 12, manual: 20, safety: 10 };

const newestFirst = (a: BackupEntry, b: BackupEntry) =>
  a.createdAt === b.createdAt ? b.name.localeCompare(a.name, 'en', { numeric: true }) : a.createdAt < b.createdAt ? 1 : -1;

/** The newest entry of each of the `count` most recent buckets (a day or a month). */
function newestPerBucket(entries: BackupEntry[], bucket: (e: BackupEntry) => string, count: number): BackupEntry[] {
  const kept: BackupEntry[] = [];
  const seen = new Set<string>();
  for (const e of [...entries].sort(newestFirst)) {
    const b = bucket(e);
    if (seen.has(b)) continue;
    if (seen.size === count) break;
    seen.add(b);
    kept.push(e);
  }
  return kept;
}

/** Which backups to delete under the policy. Pure: the service does the deleting. */
export function backupsToDelete(entries: readonly BackupEntry[], policy: RotationPolicy = DEFAULT_POLICY): BackupEntry[] {
  const of = (kind: BackupEntry['kind']) => entries.filter((e) => e.kind === kind);
  const keep = new Set<string>();
  const auto = of('auto');
  for (const e of newestPerBucket(auto, (x) => x.createdAt.slice(0, 10), policy.daily)) keep.add(e.name);
  for (const e of newestPerBucket(auto, (x) => x.createdAt.slice(0, 7), policy.monthly)) keep.add(e.name);
  for (const e of [...of('manual')].sort(newestFirst).slice(0, policy.manual)) keep.add(e.name);
  for (const e of [...of('safety')].sort(newestFirst).slice(0, policy.safety)) keep.add(e.name);
  return entries.filter((e) => !keep.has(e.name));
}

export { newestFirst };
