import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../electron/api/progress';
import { teamSeries } from '../../electron/core/progress/rules';

/** The series as first written: at every date, each opgave's latest point found by filtering all of them. */
function naiveTeamSeries(perOpgave: SeriesPoint[][], from: string, to: string) {
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const dates = [...new Set(perOpgave.flatMap((pts) => pts.map((p) => p.date)).filter((d) => d >= from && d <= to))].sort();
  return dates.map((date) => {
    const latest = perOpgave.map((pts) => pts.filter((p) => p.date <= date).at(-1)).filter((p): p is SeriesPoint => p !== undefined);
    const mean = (key: 'progress' | 'confidence') => round1(latest.reduce((s, p) => s + p[key], 0) / latest.length);
    return { date, progress: mean('progress'), confidence: mean('confidence'), opgaven: latest.length };
  });
}

const iso = (day: number) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
const point = fc.record({ day: fc.integer({ min: 0, max: 800 }), progress: fc.integer({ min: 0, max: 100 }), confidence: fc.integer({ min: 1, max: 10 }) });
/** Points per opgave oldest first, as the service reads them (ties on a date keep their order). */
const opgave = fc
  .array(point, { maxLength: 40 })
  .map((pts) => pts.sort((a, b) => a.day - b.day).map((p) => ({ date: iso(p.day), progress: p.progress, confidence: p.confidence })));

describe('team series over many check-ins', () => {
  it('equals the straightforward definition for any opgaven and period', () => {
    fc.assert(
      fc.property(fc.array(opgave, { maxLength: 10 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), (perOpgave, start, length) => {
        const from = iso(start);
        const to = iso(start + length);
        expect(teamSeries(perOpgave, from, to)).toEqual(naiveTeamSeries(perOpgave, from, to));
      }),
      { numRuns: 300 },
    );
  });
});
