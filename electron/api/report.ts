import { z } from 'zod';
import { method } from './define';
import { Id, IsoDate, isRealIsoDate } from './schemas';
import type { OpgaveKind, OpgaveStatus } from './agenda';
import type { BudgetOverview, Decision } from './budget';
import type { MissingReceipts } from './receipts';
import type { ClusterOverview } from './clusters';
import type { Checkin, CheckinStatus, OverallStatus, Trend } from './progress';
import type { Team } from './team';

export const REPORT_SECTIONS = ['profile', 'opgaven', 'budget', 'receipts', 'clusters'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_KINDS = ['full', 'driehoek'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const ReportOptions = z
  .strictObject({
    teamId: Id,
    kind: z.enum(REPORT_KINDS),
    from: IsoDate,
    to: IsoDate,
    sections: z.array(z.enum(REPORT_SECTIONS)).min(1, { message: 'Kies minstens één onderdeel.' }).max(REPORT_SECTIONS.length),
    /** Chosen opgaven (team_opgave ids) to include; empty means all chosen in the period. */
    opgaven: z.array(Id).max(200),
  })
  .refine((o) => o.to >= o.from, { message: 'De einddatum ligt voor de startdatum.', path: ['to'] });
export type ReportOptions = z.output<typeof ReportOptions>;

/** Report options travel in the report route's query string (the print window loads that route). */
export function reportQuery(o: ReportOptions): string {
  const q = new URLSearchParams({
    team: String(o.teamId),
    kind: o.kind,
    from: o.from,
    to: o.to,
    sections: o.sections.join(','),
    opgaven: o.opgaven.join(','),
  });
  return q.toString();
}

/** The inverse of reportQuery; null when the query is not a valid report request. */
export function parseReportQuery(search: string): ReportOptions | null {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const list = (key: string) => (q.get(key) ?? '').split(',').filter(Boolean);
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  if (!isRealIsoDate(from) || !isRealIsoDate(to)) return null;
  const parsed = ReportOptions.safeParse({
    teamId: Number(q.get('team')),
    kind: q.get('kind'),
    from,
    to,
    sections: list('sections'),
    opgaven: list('opgaven').map(Number),
  });
  return parsed.success ? parsed.data : null;
}

export interface ReportOpenAction {
  id: number;
  title: string;
  owner: string;
  dueDate: string | null;
  status: 'idee' | 'gepland' | 'lopend';
  overdue: boolean;
}

/** One chosen opgave as the paper shows it: what the team wants, where it stands, what is still open. */
export interface ReportOpgave {
  teamOpgaveId: number;
  opgaveId: number;
  code: string;
  titleNl: string;
  titleEn: string;
  kind: OpgaveKind;
  ambition: string;
  owner: string;
  priority: number;
  /** The agenda's status of the choice (actief, gepauzeerd, afgerond, gestopt). */
  agendaStatus: OpgaveStatus;
  periodStart: string;
  periodEnd: string;
  /** Status of the latest check-in in the period; null without one. */
  status: CheckinStatus | null;
  /** Progress (0..100) of the latest check-in in the period; null without one. */
  progress: number | null;
  trend: Trend;
  checkinOverdue: boolean;
  /** Valid check-ins in the period, oldest first. */
  series: { date: string; progress: number; confidence: number; status: CheckinStatus }[];
  latest: Pick<Checkin, 'date' | 'status' | 'progress' | 'confidence' | 'wentWell' | 'nextSteps' | 'blockers'> | null;
  actions: { done: number; open: number; overdue: number; openList: ReportOpenAction[] };
}

/** Versterkingsgelden of one calendar year touched by the period, exactly as the budget domain computes them. */
export interface ReportBudgetYear {
  year: number;
  overview: BudgetOverview;
  decisions: Decision[];
  /**
   * Pinpas expenses of the year without a receipt, listed on paper for the accountant: count and
   * sum of the whole year; a long list is shortened for paper to its largest lines, by date (see
   * core/report/service.ts; the year zip has them all).
   */
  missingReceipts: MissingReceipts;
}

/** The one-page summary for the lokale driehoek. */
export interface ReportDriehoek {
  opgaven: { teamOpgaveId: number; titleNl: string; titleEn: string; status: CheckinStatus | null; progress: number | null; sentence: string }[];
  /** Money over the period's years together (each year as budget.overview computes it, added up). */
  money: { years: number[]; availableCents: number; committedCents: number; spentCents: number; leftCents: number };
  /** The three most pressing blockers of the latest check-ins (behind first, then needs attention). */
  blockers: { teamOpgaveId: number; titleNl: string; titleEn: string; date: string; text: string }[];
}

export interface ReportData {
  options: ReportOptions;
  team: Team;
  /** When the data was read (ISO date-time), printed so paper can be matched to the records. */
  generatedAt: string;
  /** Head of the audit chain (short hash) at that moment, or null when nothing was recorded yet. */
  auditHead: string | null;
  /** The day the period is judged on: today, or the period's last day when it is over. */
  asOf: string;
  /** The team's overall progress status over the chosen opgaven (the progress domain's rule). */
  overall: OverallStatus;
  /** Chosen opgaven in the period, filtered by options.opgaven when that is not empty. */
  opgaven: ReportOpgave[];
  /** One entry per calendar year the period touches, oldest first. */
  budget: ReportBudgetYear[];
  /** Clusters running on the as-of day, with the norm signal per cluster. */
  clusters: ClusterOverview;
  /** Only for kind 'driehoek'. */
  driehoek: ReportDriehoek | null;
}

export const reportApi = {
  'report.get': method<ReportData>()(ReportOptions),
};
