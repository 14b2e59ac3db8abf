import type { ChainStatus } from '../../api/district';

/** What the chain check needs of one stored bundle. */
export interface ChainPoint {
  createdAt: string;
  length: number;
  head: string | null;
  /** Hash of the record at each earlier export's length, as the exporting store had it. */
  anchors: Map<number, string>;
}

/**
 * Does `later` (made after `earlier`, by the same installation) carry a chain that extends the
 * one `earlier` reported? Its chain must be at least as long and, at the earlier length, hold the
 * earlier head. A chain rewritten from some record on (hashes recomputed) has another hash there;
 * one whose newest records were cut off is shorter, or has a new record at that place.
 */
export function extendsEarlier(earlier: ChainPoint, later: ChainPoint): boolean {
  if (earlier.length === 0) return true;
  if (later.length < earlier.length) return false;
  if (later.length === earlier.length) return later.head === earlier.head;
  return later.anchors.get(earlier.length) === earlier.head;
}

/**
 * Checks every pair of bundles of one installation in the order they were made; the answer names
 * the earliest bundle whose head a later one no longer holds. Independent of the order in which
 * the district read the bundles in.
 */
export function chainStatus(points: ChainPoint[]): ChainStatus {
  const sorted = [...points].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.length - b.length));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (!extendsEarlier(sorted[i]!, sorted[j]!)) return { ok: false, rewrittenSince: sorted[i]!.createdAt };
    }
  }
  return { ok: true, rewrittenSince: null };
}
