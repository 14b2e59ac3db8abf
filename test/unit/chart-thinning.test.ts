import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsForWidth, thinSeries } from '../../renderer/src/ui/thin';

interface P {
  x: number;
  a: number;
  b: number;
}
const X = (p: P) => p.x;
const A = (p: P) => p.a;
const B = (p: P) => p.b;

/** Ten years of weekly points: progress creeping up with one sharp dip, confidence with one spike. */
function weekly(): P[] {
  return Array.from({ length: 520 }, (_, i) => ({ x: i * 7, a: Math.min(100, Math.floor(i / 6)) - (i === 333 ? 60 : 0), b: 5 + (i % 3) + (i === 101 ? 4 : 0) }));
}

describe('thinning a chart series to what the chart can show', () => {
  it('thins ten years of weekly points to at most the budget, keeping first, last, the dip and the spike', () => {
    const pts = weekly();
    const thin = thinSeries(pts, 120, X, [A, B]);
    expect(thin.length).toBeLessThanOrEqual(120);
    expect(thin.length).toBeGreaterThan(20);
    expect(thin.length).toBeLessThan(pts.length);
    expect(thin[0]).toBe(pts[0]);
    expect(thin.at(-1)).toBe(pts.at(-1));
    expect(thin).toContain(pts[333]);
    expect(thin).toContain(pts[101]);
  });

  it('returns short series unchanged', () => {
    const pts = weekly().slice(0, 50);
    expect(thinSeries(pts, 120, X, [A, B])).toEqual(pts);
    expect(thinSeries([], 120, X, [A])).toEqual([]);
  });

  it('for any series: within the budget, in order, original points, every value range kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dx: fc.integer({ min: 0, max: 30 }), a: fc.integer({ min: 0, max: 100 }), b: fc.integer({ min: 1, max: 10 }) }), { maxLength: 1500 }),
        fc.integer({ min: 6, max: 300 }),
        (raw, max) => {
          let x = 0;
          const pts: P[] = raw.map((r) => ({ x: (x += r.dx), a: r.a, b: r.b }));
          const thin = thinSeries(pts, max, X, [A, B]);
          if (pts.length <= max) {
            expect(thin).toEqual(pts);
            return;
          }
          expect(thin.length).toBeLessThanOrEqual(max);
          expect(thin[0]).toBe(pts[0]);
          expect(thin.at(-1)).toBe(pts.at(-1));
          const idx = thin.map((p) => pts.indexOf(p));
          expect(idx.every((i, k) => i >= 0 && (k === 0 || i > idx[k - 1]!))).toBe(true);
          for (const f of [A, B]) {
            expect(Math.min(...thin.map(f))).toBe(Math.min(...pts.map(f)));
            expect(Math.max(...thin.map(f))).toBe(Math.max(...pts.map(f)));
          }
        },
      ),
    );
  });

  it('budgets about one point per four pixels', () => {
    expect(pointsForWidth(480)).toBe(120);
    expect(pointsForWidth(10)).toBe(16);
  });
});
