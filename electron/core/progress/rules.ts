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
  // A merge of the sorted lists: the next date is the smallest date any opgave still has to come,
  // so no list of all dates is built and sorted (this runs on every chart and every printed overview).
  const n = perOpgave.length;
  const cursor = new Array<number>(n).fill(0);
  // Points before the period carry into it: skip to each opgave's first point on or after `from`.
  for (let i = 0; i < n; i++) {
    const pts = perOpgave[i]!;
    let c = 0;
    while (c < pts.length && pts[c]!.date < from) c++;
    cursor[i] = c;
  }
  const out: TeamSeriesPoint[] = [];
  for (;;) {
    let date: string | null = null;
    for (let i = 0; i < n; i++) {
      const next = perOpgave[i]![cursor[i]!];
      if (next && next.date <= to && (date === null || next.date < date)) date = next.date;
    }
    if (date === null) return out;
    // The mean over each opgave's latest point on or before the date, summed in opgave order.
    let count = 0;
    let progress = 0;
    let confidence = 0;
    for (let i = 0; i < n; i++) {
      const pts = perOpgave[i]!;
      let c = cursor[i]!;
      while (c < pts.length && pts[c]!.date <= date) c++;
      cursor[i] = c;
      if (c > 0) {
        const p = pts[c - 1]!;
        count++;
        progress += p.progress;
        confidence += p.confidence;
      }
    }
    out.push({ date, progress: round1(progress / count), confidence: round1(confidence / count), opgaven: count });
  }
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
