import { z } from 'zod';
import { method } from './define';
import { PeriodChoice, type Period } from './period';
import { Id, PlanDate, text } from './schemas';

export const CHECKIN_STATUSES = ['op-koers', 'aandacht-nodig', 'achter', 'afgerond'] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

export const RHYTHMS = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type Rhythm = (typeof RHYTHMS)[number];
export const DEFAULT_RHYTHM: Rhythm = 'monthly';

/** The team's overall status, see `overallStatus` in electron/core/progress/rules.ts for the rule. */
export type OverallStatus = CheckinStatus | 'geen-gegevens';
export type Trend = 'up' | 'down' | 'flat' | 'none';

const Progress = z
  .number({ message: 'Vul de voortgang in als getal van 0 tot en met 100.' })
  .int({ message: 'De voortgang is een heel percentage.' })
  .min(0, { message: 'De voortgang ligt tussen 0 en 100%.' })
  .max(100, { message: 'De voortgang ligt tussen 0 en 100%.' });

const Confidence = z
  .number({ message: 'Vul het vertrouwen in als getal van 1 tot en met 10.' })
  .int({ message: 'Het vertrouwen is een heel getal van 1 tot en met 10.' })
  .min(1, { message: 'Het vertrouwen is een heel getal van 1 tot en met 10.' })
  .max(10, { message: 'Het vertrouwen is een heel getal van 1 tot en met 10.' });

const NoteText = text(2000, 'Maximaal 2.000 tekens.');

export const CheckinInput = z.strictObject({
  teamOpgaveId: Id,
  date: PlanDate,
  status: z.enum(CHECKIN_STATUSES, { message: 'Kies een status: op koers, aandacht nodig, achter of afgerond.' }),
  progress: Progress,
  confidence: Confidence,
  wentWell: NoteText.default(''),
  nextSteps: NoteText.default(''),
  blockers: NoteText.default(''),
  /** Set to correct an earlier check-in: the old one is kept and marked as corrected. */
  correctsId: Id.optional(),
  correctionReason: text(500, 'Maximaal 500 tekens.').default(''),
});
export type CheckinInput = z.output<typeof CheckinInput>;

export interface Checkin {
  id: number;
  teamOpgaveId: number;
  date: string;
  status: CheckinStatus;
  progress: number;
  confidence: number;
  wentWell: string;
  nextSteps: string;
  blockers: string;
  correctsId: number | null;
  correctionReason: string;
  /** The check-in that corrects this one; null while it is the valid one. */
  correctedById: number | null;
  createdAt: string;
}

export interface ChosenOpgave {
  teamOpgaveId: number;
  opgaveId: number;
  code: string;
  titleNl: string;
  titleEn: string;
  owner: string;
  /** The agenda's status of the chosen opgave. */
  agendaStatus: 'actief' | 'gepauzeerd' | 'afgerond' | 'gestopt';
  startDate: string;
  periodStart: string;
  periodEnd: string;
}

export interface ActionProgress {
  /** Actions that count: not archived and not stopped. */
  total: number;
  done: number;
  overdue: number;
  /** done / total, 0..1; null without actions. */
  shareDone: number | null;
}

export interface OpgaveOverview extends ChosenOpgave {
  rhythm: Rhythm;
  /** Latest valid check-in on or before the period's end (and within the period). */
  latest: Checkin | null;
  previous: Checkin | null;
  trend: Trend;
  /** latest.progress - previous.progress; null without two check-ins in the period. */
  progressDelta: number | null;
  confidenceDelta: number | null;
  /** When the next check-in is due; null when none is due (paused, stopped or done). */
  nextDue: string | null;
  checkinOverdue: boolean;
  /** Days past due at the as-of date; 0 when not overdue. */
  daysOverdue: number;
  actions: ActionProgress;
}

export interface ProgressOverview {
  period: Period;
  today: string;
  /** The day everything is judged on: today, or the end of a period that is over. */
  asOf: string;
  overall: OverallStatus;
  opgaven: OpgaveOverview[];
}

export interface SeriesPoint {
  date: string;
  progress: number;
  confidence: number;
}

export interface OpgaveSeries {
  teamOpgaveId: number;
  code: string;
  titleNl: string;
  titleEn: string;
  points: (SeriesPoint & { status: CheckinStatus; checkinId: number })[];
}

export interface TeamSeriesPoint extends SeriesPoint {
  /** How many opgaven the averages are over (those with a check-in on or before this date). */
  opgaven: number;
}

export interface ClusterSizePoint {
  date: string;
  fte: number;
  wijkagenten: number;
  clusters: number;
}

export interface ProgressHistory {
  period: Period;
  today: string;
  opgaven: OpgaveSeries[];
  /** All chosen opgaven together: at each check-in date, the mean of each opgave's latest value. */
  team: TeamSeriesPoint[];
  clusters: ClusterSizePoint[];
}

/** One page of a period's check-ins, newest first (the history table on Voortgang). */
export interface CheckinPage {
  total: number;
  /** The page answered: the one asked for, or the last when fewer remain. */
  page: number;
  pageSize: number;
  checkins: Checkin[];
}

const TeamAndPeriod = { teamId: Id, period: PeriodChoice };

export const progressApi = {
  'progress.checkins.create': method<Checkin>()(z.strictObject({ teamId: Id, checkin: CheckinInput })),
  /** With a period: only the check-ins dated in it (the history table), so ten years are not sent for one. */
  'progress.checkins.list': method<Checkin[]>()(z.strictObject({ teamId: Id, teamOpgaveId: Id.optional(), period: PeriodChoice.optional() })),
  /** A page of the check-ins dated in the period, of the opgaven chosen in it, newest first. */
  'progress.checkins.page': method<CheckinPage>()(
    z.strictObject({ teamId: Id, period: PeriodChoice, page: z.number().int().min(1).max(1_000_000), pageSize: z.number().int().min(1).max(200) }),
  ),
  'progress.rhythm.set': method<{ teamOpgaveId: number; rhythm: Rhythm }>()(
    z.strictObject({
      teamId: Id,
      teamOpgaveId: Id,
      rhythm: z.enum(RHYTHMS, { message: 'Kies een ritme: wekelijks, tweewekelijks, maandelijks of per kwartaal.' }),
    }),
  ),
  'progress.history': method<ProgressHistory>()(z.strictObject({ ...TeamAndPeriod, teamOpgaveId: Id.optional() })),
  'progress.overview': method<ProgressOverview>()(z.strictObject(TeamAndPeriod)),
};
