import { addDays, addMonths, daysBetween } from '../../api/period';
import type {
  CheckinStatus,
  ClusterSizePoint,
  OverallStatus,
  Rhythm,
  SeriesPoint,
  TeamSeriesPoint,
  Trend,
} from '../../api/progress';

/** Pure rules of the progress domain: no database, so they are tested on their own. */

/** The day the next check-in is due, one rhythm after the last one (or after the opgave's start). */
export function nextDueDate(lastCheckinOrStart: string, rhythm: Rhythm): string {
  switch (rhythm) {
    case 'weekly':
      return addDays(lastCheckinOrStart, 7);
    case 'biweekly':
      return addDays(lastCheckinOrStart, 14);
    case 'monthly':
      return addMonths(lastCheckinOrStart, 1);
    case 'quarterly':
      return addMonths(lastCheckinOrStart, 3);
  }
}

/**
 * A check-in is overdue when the as-of day is AFTER the due day: on the due day itself it is
 * still on time. Returns the whole days past due (0 when on time).
 */
export function daysOverdue(dueDate: string, asOf: string): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

/** Progress decides the trend; confidence is shown beside it but does not turn it. */
export function trendOf(latest: SeriesPoint | null, previous: SeriesPoint | null): Trend {
  if (!latest || !previous) return 'none';
  if (latest.progress > previous.progress) return 'up';
  if (latest.progress < previous.progress) return 'down';
  return 'flat';
}

export interface RollupInput {
  /** Latest valid check-in status within the period; null when the opgave has none there. */
  status: CheckinStatus | null;
  /** A check-in is overdue at the as-of day. */
  overdue: boolean;
}

/**
 * The team's overall status over the chosen opgaven that count (active or done in the agenda;
 * paused and stopped ones are left out):
 *  1. no opgaven, or none has a check-in in the period and
 *     none has an overdue check-in                          -> 'geen-gegevens' (no data)
 *  2. every opgave's latest check-in is 'afgerond'           -> 'afgerond'
 *  3. of the open opgaven (not 'afgerond'), at least half
 *     are 'achter'                                           -> 'achter'
 *  4. any open opgave is 'achter' or 'aandacht-nodig', has
 *     no check-in in the period, or its check-in is overdue  -> 'aandacht-nodig'
 *  5. otherwise                                              -> 'op-koers'
 * One opgave behind out of four is a signal (attention), not the verdict for the whole team;
 * half of them behind is. A missing or late check-in means the chief cannot tell: attention.
 */
export function overallStatus(opgaven: readonly RollupInput[]): OverallStatus {
  if (opgaven.every((o) => o.status === null && !o.overdue)) return 'geen-gegevens';
  if (opgaven.every((o) => o.status === 'afgerond')) return 'afgerond';
  const open = opgaven.filter((o) => o.status !== 'afgerond');
  const behind = open.filter((o) => o.status === 'achter').length;
  if (behind * 2 >= open.length) return 'achter';
  if (open.some((o) => o.status === 'achter' || o.status === 'aandacht-nodig' || o.status === null || o.overdue)) {
    return 'aandacht-nodig';
  }
  return 'op-koers';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * All chosen opgaven together: at every date in [from, to] on which some opgave has a check-in,
 * the mean progress and confidence over each opgave's latest check-in on or before that date
 * (check-ins from before the period carry into it). Opgaven without any check-in yet are not
 * counted, so a new opgave does not pull the average to zero. Each opgave's points are oldest first
 * (as the service reads them); one pass over the dates with a cursor per opgave.
 */
export function teamSeries(
  perOpgave: readonly (readonly (SeriesPoint & { date: string })[])[],
  from: string,
  to: string,
): TeamSeriesPoint[] {
  const dates = [...new Set(perOpgave.flatMap((pts) => pts.map((p) => p.date)).filter((d) => d >= from && d <= to))].sort();
  const cursor = perOpgave.map(() => 0);
  return dates.map((date) => {
    const latest: SeriesPoint[] = [];
    perOpgave.forEach((pts, i) => {
      let c = cursor[i]!;
      while (c < pts.length && pts[c]!.date <= date) c++;
      cursor[i] = c;
      if (c > 0) latest.push(pts[c - 1]!);
    });
    const mean = (key: 'progress' | 'confidence') => round1(latest.reduce((s, p) => s + p[key], 0) / latest.length);
    return { date, progress: mean('progress'), confidence: mean('confidence'), opgaven: latest.length };
  });
}

export interface ClusterSpan {
  startDate: string;
  /** Last day the cluster existed (inclusive); null while it exists. */
  endDate: string | null;
  fte: number;
  wijkagenten: number;
}

/**
 * The team's clusters together over time, as a step series: a point at the period's start, at every
 * day a cluster starts or ends within the period, and at the period's last day (or today, when the
 * period is not over). Empty for a period that lies wholly in the future.
 */
export function clusterSeries(clusters: readonly ClusterSpan[], from: string, to: string, today: string): ClusterSizePoint[] {
  const end = to < today ? to : today;
  if (end < from) return [];
  const changes = clusters.flatMap((c) => [c.startDate, ...(c.endDate ? [addDays(c.endDate, 1)] : [])]);
  const dates = [...new Set([from, ...changes.filter((d) => d > from && d <= end), end])].sort();
  return dates.map((date) => {
    const alive = clusters.filter((c) => c.startDate <= date && (c.endDate === null || c.endDate >= date));
    return {
      date,
      fte: round1(alive.reduce((s, c) => s + c.fte, 0)),
      wijkagenten: alive.reduce((s, c) => s + c.wijkagenten, 0),
      clusters: alive.length,
    };
  });
}
