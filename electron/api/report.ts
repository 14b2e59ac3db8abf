import { z } from 'zod';
import { method } from './define';
import { Id, IsoDate, isRealIsoDate } from './schemas';
import type { Team } from './team';

export const REPORT_SECTIONS = ['profile', 'opgaven', 'budget', 'clusters'] as const;
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

export interface ReportData {
  options: ReportOptions;
  team: Team;
  /** When the data was read (ISO date-time), printed so paper can be matched to the records. */
  generatedAt: string;
  /** Head of the audit chain (short hash) at that moment, or null when nothing was recorded yet. */
  auditHead: string | null;
}

export const reportApi = {
  'report.get': method<ReportData>()(ReportOptions),
};
