import type { Activity, Dashboard, OverdueAction, OverdueCheckin } from '../../api/dashboard';
import type { Ctx } from '../../api/define';
import { daysBetween, type PeriodChoice } from '../../api/period';
import type { BudgetService } from '../budget/service';
import type { ReceiptService } from '../receipts/service';
import type { ProgressService } from '../progress/service';
import type { Db } from '../store/open';
import type { TeamService } from '../team/service';

interface OverdueActionRow {
  id: number;
  team_opgave_id: number;
  title: string;
  owner: string;
  due_date: string;
  title_nl: string;
  title_en: string;
}

interface ActivityRow {
  at: string;
  kind: Activity['kind'];
  subject_nl: string;
  subject_en: string;
}

const ROUTE: Record<Activity['kind'], string> = {
  checkin: '/progress',
  'checkin-correction': '/progress',
  'action-done': '/agenda',
  'action-added': '/agenda',
  'opgave-chosen': '/agenda',
  'team-updated': '/settings',
};

/**
 * The home screen in one call: the progress overview for the period plus the team profile,
 * what is overdue at the as-of day, the versterkingsgelden of the period's year, and the latest changes.
 */
export function createDashboardService(db: Db, teams: TeamService, progress: ProgressService, budget: BudgetService, receipts: ReceiptService) {
  const selectOverdueActions = db.prepare<{ teamId: number; asOf: string }, OverdueActionRow>(`
    SELECT a.id, a.team_opgave_id, a.title, a.owner, a.due_date, o.title_nl, o.title_en
    FROM action a JOIN team_opgave t ON t.id = a.team_opgave_id JOIN opgave o ON o.id = t.opgave_id
    WHERE a.team_id = @teamId AND a.archived = 0 AND t.archived = 0 AND a.status <> 'gestopt'
      AND a.due_date IS NOT NULL AND a.due_date < @asOf
      AND NOT (a.status = 'afgerond' AND (a.done_date IS NULL OR a.done_date <= @asOf))
    ORDER BY a.due_date, a.id LIMIT 50`);

  // The ten latest changes: each kind's ten latest first (through its index), then the ten latest of those.
  const selectActivity = db.prepare<{ teamId: number }, ActivityRow>(`
    SELECT * FROM (
      SELECT * FROM (
        SELECT c.created_at AS at, CASE WHEN c.corrects_id IS NULL THEN 'checkin' ELSE 'checkin-correction' END AS kind,
               o.title_nl AS subject_nl, o.title_en AS subject_en
        FROM checkin c JOIN team_opgave t ON t.id = c.team_opgave_id JOIN opgave o ON o.id = t.opgave_id
        WHERE c.team_id = @teamId ORDER BY c.created_at DESC LIMIT 10)
      UNION ALL
      SELECT * FROM (SELECT a.created_at, 'action-added', a.title, a.title FROM action a
        WHERE a.team_id = @teamId AND a.archived = 0 ORDER BY a.created_at DESC LIMIT 10)
      UNION ALL
      SELECT * FROM (SELECT a.updated_at, 'action-done', a.title, a.title FROM action a
        WHERE a.team_id = @teamId AND a.archived = 0 AND a.status = 'afgerond' ORDER BY a.updated_at DESC LIMIT 10)
      UNION ALL
      SELECT * FROM (SELECT t.created_at, 'opgave-chosen', o.title_nl, o.title_en
        FROM team_opgave t JOIN opgave o ON o.id = t.opgave_id WHERE t.team_id = @teamId AND t.archived = 0 ORDER BY t.created_at DESC LIMIT 10)
      UNION ALL
      SELECT updated_at, 'team-updated', name, name FROM team WHERE id = @teamId AND updated_at <> created_at
    ) ORDER BY at DESC LIMIT 10`);

  return {
    get(teamId: number, choice: PeriodChoice, ctx: Ctx): Dashboard {
      const team = teams.get(teamId);
      const overview = progress.overview(teamId, choice, ctx);
      const { asOf } = overview;
      const overdueCheckins: OverdueCheckin[] = overview.opgaven
        .filter((o) => o.checkinOverdue && o.nextDue)
        .map((o) => ({ teamOpgaveId: o.teamOpgaveId, titleNl: o.titleNl, titleEn: o.titleEn, dueDate: o.nextDue!, daysOverdue: o.daysOverdue }))
        .sort((a, b) => b.daysOverdue - a.daysOverdue);
      const overdueActions: OverdueAction[] = selectOverdueActions.all({ teamId, asOf }).map((r) => ({
        actionId: r.id,
        teamOpgaveId: r.team_opgave_id,
        title: r.title,
        owner: r.owner,
        dueDate: r.due_date,
        daysOverdue: daysBetween(r.due_date, asOf),
        opgaveTitleNl: r.title_nl,
        opgaveTitleEn: r.title_en,
      }));
      const recentActivity: Activity[] = selectActivity.all({ teamId }).map((r) => ({
        at: r.at,
        kind: r.kind,
        subjectNl: r.subject_nl,
        subjectEn: r.subject_en,
        route: ROUTE[r.kind],
      }));
      const year = Number(overview.period.to.slice(0, 4));
      const { count, totalCents } = receipts.missing(teamId, year);
      const money = { year, totals: budget.overview(teamId, year).totals, missingReceipts: { count, totalCents } };
      return { ...overview, team, money, overdueCheckins, overdueActions, recentActivity };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
