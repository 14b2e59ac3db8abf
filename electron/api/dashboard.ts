import type { BudgetOverview } from './budget';
import { z } from 'zod';
import { method } from './define';
import { PeriodChoice } from './period';
import type { ProgressOverview } from './progress';
import { Id } from './schemas';
import type { Team } from './team';

export interface OverdueCheckin {
  teamOpgaveId: number;
  titleNl: string;
  titleEn: string;
  dueDate: string;
  daysOverdue: number;
}

export interface OverdueAction {
  actionId: number;
  teamOpgaveId: number;
  title: string;
  owner: string;
  dueDate: string;
  daysOverdue: number;
  opgaveTitleNl: string;
  opgaveTitleEn: string;
}

export type ActivityKind = 'checkin' | 'checkin-correction' | 'action-done' | 'action-added' | 'opgave-chosen' | 'team-updated';

export interface Activity {
  /** ISO date-time of the change. */
  at: string;
  kind: ActivityKind;
  /** What the activity is about: an opgave title, an action title, or the team name. */
  subjectNl: string;
  subjectEn: string;
  /** The screen it leads to. */
  route: string;
}

/** Everything the home screen shows, for the chosen period, in one call. */
/** The versterkingsgelden of the year the period ends in (a budget is per year). */
export interface DashboardMoney {
  year: number;
  totals: BudgetOverview['totals'];
  /** Pinpas expenses of the year without a receipt ("bon ontbreekt"). */
  missingReceipts: { count: number; totalCents: number };
}

export interface Dashboard extends ProgressOverview {
  team: Team;
  money: DashboardMoney;
  overdueCheckins: OverdueCheckin[];
  overdueActions: OverdueAction[];
  recentActivity: Activity[];
}

export const dashboardApi = {
  'dashboard.get': method<Dashboard>()(z.strictObject({ teamId: Id, period: PeriodChoice })),
};
