/**
 * The bare-SQL bounds of the two composed reads, report.get and progress.history: every row each
 * call must read, read with one prepared statement per part and no API layer. They read no less
 * than the call has to (the notes of the latest check-ins, the check-ins before the period that
 * carry into the team's average, the open actions, the clusters, the receipts still missing, the
 * audit head), so a ratio near 1 means the call adds little on top of its reads.
 */

const CHOSEN_IN_PERIOD = `t.team_id = @teamId AND t.archived = 0 AND t.period_start <= @to AND t.period_end >= @from`;
const VALID = `NOT EXISTS (SELECT 1 FROM checkin n WHERE n.corrects_id = c.id)`;

export const READS_BARE_SQL = {
  /** The chosen opgaven of the period with what a series is labelled with and what the paper prints about each choice. */
  chosenInPeriod: `SELECT t.id, t.opgave_id, o.code, o.title_nl, o.title_en, t.owner, t.ambition, t.priority, t.status, t.start_date,
      t.period_start, t.period_end, r.rhythm
    FROM team_opgave t JOIN opgave o ON o.id = t.opgave_id LEFT JOIN checkin_rhythm r ON r.team_opgave_id = t.id
    WHERE ${CHOSEN_IN_PERIOD} ORDER BY t.priority, t.opgave_id, t.id`,
  /** Their valid check-ins up to the period's end (earlier ones carry into the team's average): the chart points. */
  historyPoints: `SELECT c.team_opgave_id, c.id, c.date, c.status, c.progress, c.confidence
    FROM checkin c JOIN team_opgave t ON t.id = c.team_opgave_id
    WHERE ${CHOSEN_IN_PERIOD} AND c.date <= @to AND ${VALID}
    ORDER BY c.team_opgave_id, c.date, c.id`,
  /** The team's clusters over time (the cluster-size series). */
  historyClusters: `SELECT start_date, end_date, fte, wijkagenten FROM cluster WHERE team_id = @teamId AND archived = 0`,
  /** Per chosen opgave the two latest valid check-ins in the period with their notes (the paper quotes them). */
  latestCheckins: `SELECT * FROM (
      SELECT c.team_opgave_id, c.id, c.date, c.status, c.progress, c.confidence, c.went_well, c.next_steps, c.blockers,
             row_number() OVER (PARTITION BY c.team_opgave_id ORDER BY c.date DESC, c.id DESC) AS rn
      FROM checkin c JOIN team_opgave t ON t.id = c.team_opgave_id
      WHERE ${CHOSEN_IN_PERIOD} AND c.date BETWEEN @from AND @to AND ${VALID})
    WHERE rn <= 2`,
  /** Action counts per chosen opgave and status (done, open, overdue on the paper). */
  actionCounts: `SELECT a.team_opgave_id, a.status, count(*) AS n, sum(a.status IN ('idee', 'gepland', 'lopend') AND a.due_date < @asOf) AS overdue
    FROM action a JOIN team_opgave t ON t.id = a.team_opgave_id
    WHERE ${CHOSEN_IN_PERIOD} AND a.archived = 0 GROUP BY a.team_opgave_id, a.status`,
  /** The open actions of the chosen opgaven, as the paper lists them under each. */
  openActions: `SELECT a.id, a.team_opgave_id, a.title, a.owner, a.due_date, a.status FROM action a JOIN team_opgave t ON t.id = a.team_opgave_id
    WHERE ${CHOSEN_IN_PERIOD} AND a.archived = 0 AND a.status IN ('idee', 'gepland', 'lopend')
    ORDER BY a.team_opgave_id, a.due_date IS NULL, a.due_date, a.id`,
  /** The clusters running on the as-of day, with their action counts. */
  runningClusters: `SELECT c.*, (SELECT count(*) FROM action a WHERE a.cluster_id = c.id) AS action_count FROM cluster c
    WHERE c.team_id = @teamId AND c.archived = 0 AND c.start_date <= @asOf AND (c.end_date IS NULL OR c.end_date >= @asOf)
    ORDER BY c.name COLLATE NOCASE, c.id`,
  /** The head of the audit chain, printed on the paper. */
  auditHead: 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
} as const;
export type ReadsBareName = keyof typeof READS_BARE_SQL;
