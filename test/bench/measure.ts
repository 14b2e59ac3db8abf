/** Timing helpers for the benchmark: samples in milliseconds, median and p95 by nearest rank. */

export interface Stats {
  n: number;
  median: number;
  p95: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95) };
}

/** Runs `fn` `warmup` times untimed, then `iterations` times timed. */
export async function sample(fn: () => unknown, iterations: number, warmup = Math.min(5, iterations)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Runs `a` and `b` interleaved, so both see the same machine load (2 shared cores). */
export async function samplePair(a: () => unknown, b: () => unknown, iterations: number, warmup = 5): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    await a();
    sa.push(performance.now() - t);
    t = performance.now();
    await b();
    sb.push(performance.now() - t);
  }
  return [sa, sb];
}

export interface Row {
  size: string;
  item: string;
  stats: Stats;
  /** Median of the bare-SQL lower bound measured in the same run, when there is one. */
  bare?: number;
  target?: { p95Under?: number; ratioUnder?: number };
  note?: string;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

export function verdict(r: Row): string {
  if (!r.target) return '';
  const fails: string[] = [];
  if (r.target.p95Under !== undefined && r.stats.p95 >= r.target.p95Under) fails.push(`p95 ≥ ${r.target.p95Under}`);
  if (r.target.ratioUnder !== undefined && r.bare !== undefined && r.stats.median / r.bare > r.target.ratioUnder) fails.push(`ratio > ${r.target.ratioUnder}`);
  return fails.length ? `MISS (${fails.join(', ')})` : 'ok';
}

export function table(rows: Row[]): string {
  const head = ['size', 'item', 'n', 'median ms', 'p95 ms', 'bare SQL ms', 'API/bare', 'target', 'result', 'note'];
  const body = rows.map((r) => [
    r.size,
    r.item,
    String(r.stats.n),
    ms(r.stats.median),
    ms(r.stats.p95),
    r.bare === undefined ? '' : ms(r.bare),
    r.bare === undefined ? '' : `${(r.stats.median / r.bare).toFixed(2)}×`,
    [r.target?.p95Under !== undefined ? `p95 < ${r.target.p95Under}` : '', r.target?.ratioUnder !== undefined ? `≤ ${r.target.ratioUnder}×` : '']
      .filter(Boolean)
      .join(', '),
    verdict(r),
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
