import type { Ctx } from '../../api/define';
import type { CheckinStatus } from '../../api/progress';
import type { MissingReceipts } from '../../api/receipts';
import type { ReportBudgetYear, ReportData, ReportDriehoek, ReportOpenAction, ReportOpgave, ReportOptions } from '../../api/report';
import type { AgendaService } from '../agenda/service';
import type { AuditLog } from '../audit/chain';
import type { BudgetService } from '../budget/service';
import type { ReceiptService } from '../receipts/service';
import type { ClusterService } from '../clusters/service';
import type { ProgressService } from '../progress/service';
import type { TeamService } from '../team/service';

/** Characters of the audit chain head printed on paper: enough to match, short enough to read aloud. */
export const AUDIT_HEAD_LENGTH = 12;

/** The first sentence of a text (up to the first . ! or ? followed by a space), trimmed. */
export function firstSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const end = /[.!?](\s|$)/.exec(trimmed);
  return end ? trimmed.slice(0, end.index + 1) : trimmed;
}

/**
 * Pinpas payments without a receipt printed per year at most: about sixteen pages. A year with
 * thousands of them is a matter for the finance department's list (the year zip holds them all),
 * and a table of tens of thousands of lines made the print engine give up.
 */
export const PRINTED_MISSING = 500;

/** The year's missing receipts as printed: all of them, or the largest PRINTED_MISSING by date; count and sum stay the year's. */
export function printedMissing(m: MissingReceipts): MissingReceipts {
  if (m.expenses.length <= PRINTED_MISSING) return m;
  const largest = [...m.expenses].sort((a, b) => b.amountCents - a.amountCents || a.date.localeCompare(b.date) || a.expenseId - b.expenseId).slice(0, PRINTED_MISSING);
  largest.sort((a, b) => a.date.localeCompare(b.date) || a.expenseId - b.expenseId);
  return { ...m, expenses: largest };
}

/** Most pressing first: behind, then needs attention, then the rest. */
const URGENCY: Record<CheckinStatus, number> = { achter: 0, 'aandacht-nodig': 1, 'op-koers': 2, afgerond: 3 };

const yearsOf = (from: string, to: string): number[] => {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
};

/**
 * Everything one printed overview needs, read in one call so the paper shows one moment in time.
 * Composed from the domain services: the numbers are theirs, this only selects and arranges.
 */
export function createReportService(deps: {
  teams: TeamService;
  agenda: AgendaService;
  progress: ProgressService;
  budget: BudgetService;
  clusters: ClusterService;
  audit: AuditLog;
  receipts: ReceiptService;
}) {
  const opgavenOf = (options: ReportOptions, ctx: Ctx) => {
    const { teamId, from, to } = options;
    const period = { kind: 'custom' as const, from, to };
    // One read of the period's check-ins for both, and the open actions of all opgaven at once.
    const { overview, history: series } = deps.progress.overviewAndHistory(teamId, period, ctx);
    const history = new Map(series.opgaven.map((s) => [s.teamOpgaveId, s]));
    const wanted = new Set(options.opgaven);
    const inReport = overview.opgaven.filter((o) => wanted.size === 0 || wanted.has(o.teamOpgaveId));
    const chosen = deps.agenda.chosenMany(teamId, inReport.map((o) => o.teamOpgaveId), ctx);
    const shown = inReport.filter((o) => chosen.has(o.teamOpgaveId));
    const open = deps.agenda.openActions(teamId, shown.map((o) => o.teamOpgaveId), ctx);
    const opgaven: ReportOpgave[] = shown.map((o) => {
      const choice = chosen.get(o.teamOpgaveId)!;
      const openList = (open.get(o.teamOpgaveId) ?? []).map((a) => ({ ...a, status: a.status as ReportOpenAction['status'] }));
      const latest = o.latest;
      return {
        teamOpgaveId: o.teamOpgaveId,
        opgaveId: o.opgaveId,
        code: o.code,
        titleNl: o.titleNl,
        titleEn: o.titleEn,
        kind: choice.kind,
        ambition: choice.ambition,
        owner: choice.owner,
        priority: choice.priority,
        agendaStatus: choice.status,
        periodStart: choice.periodStart,
        periodEnd: choice.periodEnd,
        status: latest?.status ?? null,
        progress: latest?.progress ?? null,
        trend: o.trend,
        checkinOverdue: o.checkinOverdue,
        series: (history.get(o.teamOpgaveId)?.points ?? []).map((p) => ({
          date: p.date,
          progress: p.progress,
          confidence: p.confidence,
          status: p.status,
        })),
        latest: latest
          ? {
              date: latest.date,
              status: latest.status,
              progress: latest.progress,
              confidence: latest.confidence,
              wentWell: latest.wentWell,
              nextSteps: latest.nextSteps,
              blockers: latest.blockers,
            }
          : null,
        actions: {
          done: choice.counts.byStatus.afgerond,
          open: choice.counts.open,
          overdue: choice.counts.overdue,
          openList,
        },
      };
    });
    return { overview, opgaven };
  };

  const driehoekOf = (opgaven: ReportOpgave[], budget: ReportBudgetYear[]): ReportDriehoek => {
    const sum = (key: 'availableCents' | 'committedCents' | 'spentCents' | 'leftCents') =>
      budget.reduce((s, y) => s + y.overview.totals[key], 0);
    const blockers = opgaven
      .filter((o) => o.latest && o.latest.blockers.trim().length > 0)
      .map((o, order) => ({ o, order }))
      .sort((a, b) => URGENCY[a.o.latest!.status] - URGENCY[b.o.latest!.status] || a.order - b.order)
      .slice(0, 3)
      .map(({ o }) => ({ teamOpgaveId: o.teamOpgaveId, titleNl: o.titleNl, titleEn: o.titleEn, date: o.latest!.date, text: o.latest!.blockers.trim() }));
    return {
      opgaven: opgaven.map((o) => ({
        teamOpgaveId: o.teamOpgaveId,
        titleNl: o.titleNl,
        titleEn: o.titleEn,
        status: o.status,
        progress: o.progress,
        sentence: firstSentence(o.latest?.nextSteps || o.latest?.wentWell || o.ambition),
      })),
      money: {
        years: budget.map((y) => y.year),
        availableCents: sum('availableCents'),
        committedCents: sum('committedCents'),
        spentCents: sum('spentCents'),
        leftCents: sum('leftCents'),
      },
      blockers,
    };
  };

  return {
    get(options: ReportOptions, ctx: Ctx): ReportData {
      const team = deps.teams.get(options.teamId);
      const { overview, opgaven } = opgavenOf(options, ctx);
      const budget: ReportBudgetYear[] = yearsOf(options.from, options.to).map((year) => ({
        year,
        ...deps.budget.overviewAndDecisions(team.id, year),
        missingReceipts: printedMissing(deps.receipts.missing(team.id, year)),
      }));
      const head = deps.audit.head();
      return {
        options,
        team,
        generatedAt: ctx.now().toISOString(),
        auditHead: head ? head.slice(0, AUDIT_HEAD_LENGTH) : null,
        asOf: overview.asOf,
        overall: overview.overall,
        opgaven,
        budget,
        clusters: deps.clusters.overview(team.id, overview.asOf, ctx),
        driehoek: options.kind === 'driehoek' ? driehoekOf(opgaven, budget) : null,
      };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
