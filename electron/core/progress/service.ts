import type { Ctx } from '../../api/define';
import { invalid, notFound, AppError } from '../../api/errors';
import { asOfDate, resolvePeriod, type Period, type PeriodChoice } from '../../api/period';
import {
  DEFAULT_RHYTHM,
  type ActionProgress,
  type Checkin,
  type CheckinPage,
  type CheckinInput,
  type CheckinStatus,
  type ChosenOpgave,
  type OpgaveOverview,
  type OpgaveSeries,
  type ProgressHistory,
  type ProgressOverview,
  type Rhythm,
} from '../../api/progress';
import type { Db } from '../store/open';
import type { TeamService } from '../team/service';
import { clusterSeries, daysOverdue, nextDueDate, overallStatus, teamSeries, trendOf } from './rules';

interface CheckinRow {
  id: number;
  team_opgave_id: number;
  date: string;
  status: CheckinStatus;
  progress: number;
  confidence: number;
  went_well: string;
  next_steps: string;
  blockers: string;
  corrects_id: number | null;
  correction_reason: string;
  corrected_by_id: number | null;
  created_at: string;
}

/** A chart point as the history answers it; the same object feeds the team's average. */
type Point = OpgaveSeries['points'][number];
/** The lean points read, as arrays (no row objects): team_opgave_id, then the point's fields. */
type PointCells = [teamOpgaveId: number, date: string, progress: number, confidence: number, status: CheckinStatus, checkinId: number];
interface Resolved {
  period: Period;
  today: string;
  asOf: string;
}

interface ChosenRow {
  id: number;
  opgave_id: number;
  code: string;
  title_nl: string;
  title_en: string;
  owner: string;
  status: ChosenOpgave['agendaStatus'];
  start_date: string;
  period_start: string;
  period_end: string;
  rhythm: Rhythm | null;
}

const toCheckin = (r: CheckinRow): Checkin => ({
  id: r.id,
  teamOpgaveId: r.team_opgave_id,
  date: r.date,
  status: r.status,
  progress: r.progress,
  confidence: r.confidence,
  wentWell: r.went_well,
  nextSteps: r.next_steps,
  blockers: r.blockers,
  correctsId: r.corrects_id,
  correctionReason: r.correction_reason,
  correctedById: r.corrected_by_id,
  createdAt: r.created_at,
});

const toChosen = (r: ChosenRow): ChosenOpgave => ({
  teamOpgaveId: r.id,
  opgaveId: r.opgave_id,
  code: r.code,
  titleNl: r.title_nl,
  titleEn: r.title_en,
  owner: r.owner,
  agendaStatus: r.status,
  startDate: r.start_date,
  periodStart: r.period_start,
  periodEnd: r.period_end,
});

/**
 * Check-ins, rhythm, and the overviews and series built on them. Reads the agenda's tables
 * (team_opgave, opgave, action, cluster) with its own SQL, only what progress needs.
 */
export function createProgressService(db: Db, teams: TeamService) {
  const CHECKIN_SELECT = `
    SELECT c.id, c.team_opgave_id, c.date, c.status, c.progress, c.confidence, c.went_well, c.next_steps,
           c.blockers, c.corrects_id, c.correction_reason, c.created_at, n.id AS corrected_by_id
    FROM checkin c LEFT JOIN checkin n ON n.corrects_id = c.id`;
  const selectCheckins = db.prepare<{ teamId: number }, CheckinRow>(
    `${CHECKIN_SELECT} WHERE c.team_id = @teamId ORDER BY c.team_opgave_id, c.date, c.id`,
  );
  /** Check-ins of the opgaven chosen in a period (all their check-ins, also outside it): what overview and history read. */
  const selectPeriodCheckins = db.prepare<{ teamId: number; from: string; to: string }, CheckinRow>(`
    ${CHECKIN_SELECT} WHERE c.team_id = @teamId AND c.team_opgave_id IN (
      SELECT t.id FROM team_opgave t
      WHERE t.team_id = @teamId AND t.archived = 0 AND t.period_start <= @to AND t.period_end >= @from)
    ORDER BY c.team_opgave_id, c.date, c.id`);
  /**
   * The same check-ins up to the period's end, valid ones only and only the numbers a chart needs
   * (the history): later ones are never drawn, earlier ones carry into the team's average.
   */
  const selectPeriodPoints = db.prepare<{ teamId: number; from: string; to: string }, PointCells>(`
    SELECT c.team_opgave_id, c.date, c.progress, c.confidence, c.status, c.id FROM checkin c
    WHERE c.team_id = @teamId AND c.team_opgave_id IN (
      SELECT t.id FROM team_opgave t
      WHERE t.team_id = @teamId AND t.archived = 0 AND t.period_start <= @to AND t.period_end >= @from)
      AND c.date <= @to AND NOT EXISTS (SELECT 1 FROM checkin n WHERE n.corrects_id = c.id)
    ORDER BY c.team_opgave_id, c.date, c.id`);
  selectPeriodPoints.raw(true);
  /** One page of the period's history table, newest first: only the check-ins dated in it, of the opgaven chosen in it. */
  const PAGE_WHERE = `c.team_id = @teamId AND c.date >= @from AND c.date <= @to AND c.team_opgave_id IN (
      SELECT t.id FROM team_opgave t
      WHERE t.team_id = @teamId AND t.archived = 0 AND t.period_start <= @to AND t.period_end >= @from)`;
  const selectCheckinPage = db.prepare<{ teamId: number; from: string; to: string; limit: number; offset: number }, CheckinRow>(
    `${CHECKIN_SELECT} WHERE ${PAGE_WHERE} ORDER BY c.date DESC, c.id DESC LIMIT @limit OFFSET @offset`,
  );
  const countCheckinPage = db.prepare<{ teamId: number; from: string; to: string }, { n: number }>(`SELECT count(*) AS n FROM checkin c WHERE ${PAGE_WHERE}`);
  const selectCheckin = db.prepare<{ id: number; teamId: number }, CheckinRow>(`${CHECKIN_SELECT} WHERE c.id = @id AND c.team_id = @teamId`);
  const selectValidOnDate = db.prepare<{ teamOpgaveId: number; date: string }, { id: number }>(`
    SELECT c.id FROM checkin c
    WHERE c.team_opgave_id = @teamOpgaveId AND c.date = @date
      AND NOT EXISTS (SELECT 1 FROM checkin n WHERE n.corrects_id = c.id)`);
  const insertCheckin = db.prepare(`
    INSERT INTO checkin (team_id, team_opgave_id, date, status, progress, confidence, went_well, next_steps, blockers,
                         corrects_id, correction_reason, created_at)
    VALUES (@teamId, @teamOpgaveId, @date, @status, @progress, @confidence, @wentWell, @nextSteps, @blockers,
            @correctsId, @correctionReason, @now)`);

  const CHOSEN_SELECT = `
    SELECT t.id, t.opgave_id, o.code, o.title_nl, o.title_en, t.owner, t.status, t.start_date, t.period_start, t.period_end,
           r.rhythm
    FROM team_opgave t JOIN opgave o ON o.id = t.opgave_id LEFT JOIN checkin_rhythm r ON r.team_opgave_id = t.id`;
  const selectChosen = db.prepare<{ teamId: number; from: string; to: string }, ChosenRow>(`
    ${CHOSEN_SELECT}
    WHERE t.team_id = @teamId AND t.archived = 0 AND t.period_start <= @to AND t.period_end >= @from
    ORDER BY t.priority, t.opgave_id, t.id`);
  const selectOneChosen = db.prepare<{ id: number; teamId: number }, ChosenRow>(
    `${CHOSEN_SELECT} WHERE t.id = @id AND t.team_id = @teamId AND t.archived = 0`,
  );
  const upsertRhythm = db.prepare(`
    INSERT INTO checkin_rhythm (team_opgave_id, team_id, rhythm, updated_at) VALUES (@teamOpgaveId, @teamId, @rhythm, @now)
    ON CONFLICT (team_opgave_id) DO UPDATE SET rhythm = excluded.rhythm, updated_at = excluded.updated_at`);

  /** Action counts of the opgaven chosen in the period only (through their index), not of all the team's years. */
  const selectActionCounts = db.prepare<
    { teamId: number; asOf: string; from: string; to: string },
    { team_opgave_id: number; total: number; done: number; overdue: number }
  >(`
    SELECT team_opgave_id, count(*) AS total,
      sum(CASE WHEN status = 'afgerond' AND (done_date IS NULL OR done_date <= @asOf) THEN 1 ELSE 0 END) AS done,
      sum(CASE WHEN due_date IS NOT NULL AND due_date < @asOf
               AND NOT (status = 'afgerond' AND (done_date IS NULL OR done_date <= @asOf)) THEN 1 ELSE 0 END) AS overdue
    FROM action WHERE team_id = @teamId AND archived = 0 AND status <> 'gestopt'
      AND team_opgave_id IN (
        SELECT t.id FROM team_opgave t
        WHERE t.team_id = @teamId AND t.archived = 0 AND t.period_start <= @to AND t.period_end >= @from)
    GROUP BY team_opgave_id`);

  const selectClusters = db.prepare<{ teamId: number }, { start_date: string; end_date: string | null; fte: number; wijkagenten: number }>(
    'SELECT start_date, end_date, fte, wijkagenten FROM cluster WHERE team_id = @teamId AND archived = 0',
  );

  const chosenOrThrow = (teamId: number, teamOpgaveId: number): ChosenRow => {
    const row = selectOneChosen.get({ id: teamOpgaveId, teamId });
    if (!row) throw notFound('De gekozen opgave');
    return row;
  };

  /** Valid (not corrected) check-ins per opgave chosen in the period, oldest first. */
  const validByOpgave = (teamId: number, period: Period): Map<number, Checkin[]> => {
    const map = new Map<number, Checkin[]>();
    for (const row of selectPeriodCheckins.all({ teamId, from: period.from, to: period.to })) {
      if (row.corrected_by_id !== null) continue;
      const list = map.get(row.team_opgave_id) ?? [];
      list.push(toCheckin(row));
      map.set(row.team_opgave_id, list);
    }
    return map;
  };

  const buildOverview = (teamId: number, resolved: Resolved, checkins: Map<number, Checkin[]>, chosenRows: ChosenRow[]): ProgressOverview => {
    const { period, today, asOf } = resolved;
    const actionCounts = new Map(selectActionCounts.all({ teamId, asOf, from: period.from, to: period.to }).map((r) => [r.team_opgave_id, r]));
    const opgaven: OpgaveOverview[] = chosenRows.map((row) => {
      const all = checkins.get(row.id) ?? [];
      const inPeriod = all.filter((c) => c.date >= period.from && c.date <= period.to);
      const latest = inPeriod.at(-1) ?? null;
      const previous = inPeriod.at(-2) ?? null;
      const rhythm = row.rhythm ?? DEFAULT_RHYTHM;
      const lastByAsOf = all.filter((c) => c.date <= asOf).at(-1) ?? null;
      let nextDue: string | null = null;
      if (row.status === 'actief' && lastByAsOf?.status !== 'afgerond') {
        const due = nextDueDate(lastByAsOf?.date ?? row.start_date, rhythm);
        nextDue = due <= row.period_end ? due : null;
      }
      const late = nextDue ? daysOverdue(nextDue, asOf) : 0;
      const counts = actionCounts.get(row.id);
      const actions: ActionProgress = counts
        ? { total: counts.total, done: counts.done, overdue: counts.overdue, shareDone: counts.done / counts.total }
        : { total: 0, done: 0, overdue: 0, shareDone: null };
      return {
        ...toChosen(row),
        rhythm,
        latest,
        previous,
        trend: trendOf(latest, previous),
        progressDelta: latest && previous ? latest.progress - previous.progress : null,
        confidenceDelta: latest && previous ? latest.confidence - previous.confidence : null,
        nextDue,
        checkinOverdue: late > 0,
        daysOverdue: late,
        actions,
      };
    });
    const counted = opgaven.filter((o) => o.agendaStatus === 'actief' || o.agendaStatus === 'afgerond');
    const overall = overallStatus(
      counted.map((o) => ({
        status: o.latest?.status ?? (o.agendaStatus === 'afgerond' ? 'afgerond' : null),
        overdue: o.checkinOverdue,
      })),
    );
    return { period, today, asOf, overall, opgaven };
  };

  /** `points`: per opgave its valid check-ins up to the period's end, oldest first. */
  const buildHistory = (
    teamId: number,
    resolved: Resolved,
    points: Map<number, Point[]>,
    chosenRows: ChosenRow[],
    teamOpgaveId: number | undefined,
  ): ProgressHistory => {
    const { period, today } = resolved;
    const chosen = teamOpgaveId === undefined ? chosenRows : chosenRows.filter((r) => r.id === teamOpgaveId);
    const opgaven: OpgaveSeries[] = chosen.map((row) => {
      const all = points.get(row.id) ?? [];
      // Usually every point lies in the period; only check-ins carried in from before it are left out.
      const series = all.length && all[0]!.date >= period.from ? all : all.filter((c) => c.date >= period.from);
      return { teamOpgaveId: row.id, code: row.code, titleNl: row.title_nl, titleEn: row.title_en, points: series };
    });
    const team = teamSeries(
      chosen.map((row) => points.get(row.id) ?? []),
      period.from,
      period.to,
    );
    const clusters = clusterSeries(
      selectClusters.all({ teamId }).map((c) => ({ startDate: c.start_date, endDate: c.end_date, fte: c.fte, wijkagenten: c.wijkagenten })),
      period.from,
      period.to,
      today,
    );
    return { period, today, opgaven, team, clusters };
  };

  const service = {
    resolve(teamId: number, choice: PeriodChoice, ctx: Ctx): Resolved {
      teams.assertExists(teamId);
      const today = ctx.today();
      const period = resolvePeriod(choice, today);
      return { period, today, asOf: asOfDate(period, today) };
    },

    createCheckin(teamId: number, input: CheckinInput, ctx: Ctx): Checkin {
      teams.assertExists(teamId);
      const id = db.transaction(() => {
        const chosen = chosenOrThrow(teamId, input.teamOpgaveId);
        if (input.date > ctx.today()) throw invalid('checkin.date', 'Een check-in kan niet in de toekomst liggen.');
        if (input.date < chosen.start_date) throw invalid('checkin.date', 'De datum ligt voor de start van deze opgave.');
        if (input.correctsId !== undefined) {
          const old = selectCheckin.get({ id: input.correctsId, teamId });
          if (!old || old.team_opgave_id !== input.teamOpgaveId) throw notFound('De check-in die u wilt corrigeren');
          if (old.corrected_by_id !== null) {
            throw new AppError('CONFLICT', 'Deze check-in is al gecorrigeerd; corrigeer de nieuwste versie.');
          }
          if (!input.correctionReason) throw invalid('checkin.correctionReason', 'Geef aan waarom u deze check-in corrigeert.');
          const sameDay = selectValidOnDate.all({ teamOpgaveId: input.teamOpgaveId, date: input.date });
          if (sameDay.some((c) => c.id !== input.correctsId)) {
            throw invalid('checkin.date', 'Er is op deze datum al een check-in voor deze opgave. Corrigeer die in plaats van een tweede vast te leggen.');
          }
        } else if (selectValidOnDate.get({ teamOpgaveId: input.teamOpgaveId, date: input.date })) {
          throw invalid('checkin.date', 'Er is op deze datum al een check-in voor deze opgave. Corrigeer die in plaats van een tweede vast te leggen.');
        }
        const { lastInsertRowid } = insertCheckin.run({
          ...input,
          teamId,
          correctsId: input.correctsId ?? null,
          correctionReason: input.correctsId !== undefined ? input.correctionReason : '',
          now: ctx.now().toISOString(),
        });
        return Number(lastInsertRowid);
      })();
      return toCheckin(selectCheckin.get({ id, teamId })!);
    },

    listCheckins(teamId: number, teamOpgaveId?: number, period?: Period): Checkin[] {
      teams.assertExists(teamId);
      if (teamOpgaveId !== undefined) chosenOrThrow(teamId, teamOpgaveId);
      return selectCheckins
        .all({ teamId })
        .filter((r) => (teamOpgaveId === undefined || r.team_opgave_id === teamOpgaveId) && (!period || (r.date >= period.from && r.date <= period.to)))
        .map(toCheckin);
    },

    /** The history table's page `page` (from 1) of `pageSize`, and how many there are in all. */
    checkinPage(teamId: number, period: Period, page: number, pageSize: number): CheckinPage {
      teams.assertExists(teamId);
      const range = { teamId, from: period.from, to: period.to };
      const total = countCheckinPage.get(range)!.n;
      const pages = Math.max(1, Math.ceil(total / pageSize));
      const current = Math.min(page, pages);
      const checkins = selectCheckinPage.all({ ...range, limit: pageSize, offset: (current - 1) * pageSize }).map(toCheckin);
      return { total, page: current, pageSize, checkins };
    },

    setRhythm(teamId: number, teamOpgaveId: number, rhythm: Rhythm, ctx: Ctx) {
      teams.assertExists(teamId);
      db.transaction(() => {
        chosenOrThrow(teamId, teamOpgaveId);
        upsertRhythm.run({ teamOpgaveId, teamId, rhythm, now: ctx.now().toISOString() });
      })();
      return { teamOpgaveId, rhythm };
    },

    overview(teamId: number, choice: PeriodChoice, ctx: Ctx): ProgressOverview {
      const resolved = service.resolve(teamId, choice, ctx);
      const { period } = resolved;
      return buildOverview(teamId, resolved, validByOpgave(teamId, period), selectChosen.all({ teamId, from: period.from, to: period.to }));
    },

    history(teamId: number, choice: PeriodChoice, teamOpgaveId: number | undefined, ctx: Ctx): ProgressHistory {
      const resolved = service.resolve(teamId, choice, ctx);
      const { period } = resolved;
      if (teamOpgaveId !== undefined) chosenOrThrow(teamId, teamOpgaveId);
      // Only what the charts draw: the valid check-ins' numbers, not their notes.
      const points = new Map<number, Point[]>();
      for (const [id, date, progress, confidence, status, checkinId] of selectPeriodPoints.all({ teamId, from: period.from, to: period.to })) {
        const point = { date, progress, confidence, status, checkinId };
        const list = points.get(id);
        if (list) list.push(point);
        else points.set(id, [point]);
      }
      return buildHistory(teamId, resolved, points, selectChosen.all({ teamId, from: period.from, to: period.to }), teamOpgaveId);
    },

    /**
     * The overview and the history of one period from one read of its check-ins and chosen opgaven
     * (the printed overview shows both): the same answers as `overview` and `history`.
     */
    overviewAndHistory(teamId: number, choice: PeriodChoice, ctx: Ctx): { overview: ProgressOverview; history: ProgressHistory } {
      const resolved = service.resolve(teamId, choice, ctx);
      const { period } = resolved;
      const checkins = validByOpgave(teamId, period);
      const chosen = selectChosen.all({ teamId, from: period.from, to: period.to });
      const points = new Map<number, Point[]>();
      for (const [id, list] of checkins) {
        const upTo: Point[] = [];
        for (const c of list)
          if (c.date <= period.to) upTo.push({ date: c.date, progress: c.progress, confidence: c.confidence, status: c.status, checkinId: c.id });
        points.set(id, upTo);
      }
      return { overview: buildOverview(teamId, resolved, checkins, chosen), history: buildHistory(teamId, resolved, points, chosen, undefined) };
    },
  };
  return service;
}
export type ProgressService = ReturnType<typeof createProgressService>;
