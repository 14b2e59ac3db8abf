/**
 * A chart of a few hundred pixels cannot show more than one point per few pixels: ten years of
 * weekly check-ins drawn as overlapping dots cost the screen its speed and showed nothing more.
 * `thinSeries` keeps at most about `max` points, chosen so the line keeps its shape: the first and
 * the last point, and in every stretch of the time axis the points where each value is lowest and
 * highest (so no peak or dip disappears). The points kept are the original objects, in their order;
 * nothing is averaged or invented. The table beside a chart shows every point.
 */
export function thinSeries<P>(points: readonly P[], max: number, x: (p: P) => number, values: readonly ((p: P) => number)[]): P[] {
  const n = points.length;
  if (n <= Math.max(2, max)) return [...points];
  // Each stretch keeps at most a low and a high per value; the first and the last come on top.
  const perBucket = Math.max(1, 2 * values.length);
  const buckets = Math.max(1, Math.floor((max - 2) / perBucket));
  const x0 = x(points[0]!);
  const span = x(points[n - 1]!) - x0;
  const keep = new Set<number>([0, n - 1]);
  // Per bucket and value: the index of the lowest and of the highest point.
  const low = new Array<number>(buckets * values.length).fill(-1);
  const high = new Array<number>(buckets * values.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    const b = span > 0 ? Math.min(buckets - 1, Math.floor(((x(p) - x0) / span) * buckets)) : Math.min(buckets - 1, Math.floor((i / n) * buckets));
    for (let v = 0; v < values.length; v++) {
      const slot = b * values.length + v;
      const y = values[v]!(p);
      if (low[slot] === -1 || y < values[v]!(points[low[slot]!]!)) low[slot] = i;
      if (high[slot] === -1 || y > values[v]!(points[high[slot]!]!)) high[slot] = i;
    }
  }
  for (const i of low) if (i !== -1) keep.add(i);
  for (const i of high) if (i !== -1) keep.add(i);
  return [...keep].sort((a, b) => a - b).map((i) => points[i]!);
}

/** Points a chart of this many pixels wide shows: about one per four pixels. */
export const pointsForWidth = (px: number) => Math.max(16, Math.floor(px / 4));
