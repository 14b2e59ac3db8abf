import { createAuditLog } from '../audit/chain';
import type { Db } from '../store/open';
import { createBudgetService } from './service';

/**
 * Checks, for every team and year in the store, that the overview adds up to the ledger to the
 * cent (computed here again with plain SQL sums), and that the audit chain verifies.
 * Returns a list of violations in plain words; empty when all is well. Safe to call from any test.
 */
export function checkBudgetInvariants(db: Db): string[] {
  const violations: string[] = [];
  const audit = createAuditLog(db);
  const budget = createBudgetService(db, audit);
  const sum = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { s: number | null }).s ?? 0;

  const pairs = db
    .prepare<[], { team_id: number; year: number }>(
      `SELECT team_id, year FROM budget_entry UNION SELECT team_id, year FROM budget_decision UNION SELECT team_id, year FROM expense
       UNION SELECT team_id, year FROM refund`,
    )
    .all();
  for (const { team_id: teamId, year } of pairs) {
    const where = `${teamId}/${year}`;
    const o = budget.overview(teamId, year);
    const t = o.totals;
    const available = sum('SELECT SUM(amount_cents) AS s FROM budget_entry WHERE team_id = ? AND year = ?', teamId, year);
    // Spent is expenses minus refunds, in the ledger as in the overview.
    const refundsWhere = (extra: string) =>
      `SELECT SUM(f.amount_cents) AS s FROM refund f JOIN expense e ON e.id = f.expense_id WHERE f.team_id = ? AND f.year = ? ${extra}`;
    const spent =
      sum('SELECT SUM(amount_cents) AS s FROM expense WHERE team_id = ? AND year = ? AND voided_at IS NULL', teamId, year) -
      sum(refundsWhere(''), teamId, year);
    const decided = sum("SELECT SUM(amount_cents) AS s FROM budget_decision WHERE team_id = ? AND year = ? AND status = 'genomen'", teamId, year);
    const committed = sum(
      `SELECT SUM(MAX(0, d.amount_cents - COALESCE((SELECT SUM(e.amount_cents) FROM expense e WHERE e.decision_id = d.id AND e.voided_at IS NULL), 0)
         + COALESCE((SELECT SUM(f.amount_cents) FROM refund f JOIN expense e ON e.id = f.expense_id WHERE e.decision_id = d.id), 0))) AS s
       FROM budget_decision d WHERE d.team_id = ? AND d.year = ? AND d.status = 'genomen'`,
      teamId,
      year,
    );
    const expect = (label: string, got: number, want: number) => {
      if (got !== want) violations.push(`${where}: ${label} is ${got}, het grootboek zegt ${want}.`);
    };
    expect('beschikbaar', t.availableCents, available);
    expect('besteed', t.spentCents, spent);
    expect('besloten', t.decidedCents, decided);
    expect('vastgelegd', t.committedCents, committed);
    expect('resterend', t.leftCents, available - committed - spent);
    for (const [name, rows] of [
      ['per opgave', o.byOpgave],
      ['per cluster', o.byCluster],
      ['per maand', o.byMonth],
    ] as const) {
      expect(`besteed ${name}`, (rows as { spentCents: number }[]).reduce((s, r) => s + r.spentCents, 0), spent);
      expect(`vastgelegd ${name}`, (rows as { committedCents: number }[]).reduce((s, r) => s + r.committedCents, 0), committed);
    }
    for (const g of o.byOpgave)
      expect(
        `besteed opgave ${g.teamOpgaveId}`,
        g.spentCents,
        sum('SELECT SUM(amount_cents) AS s FROM expense WHERE team_id = ? AND year = ? AND voided_at IS NULL AND team_opgave_id IS ?', teamId, year, g.teamOpgaveId) -
          sum(refundsWhere('AND e.team_opgave_id IS ?'), teamId, year, g.teamOpgaveId),
      );
    for (const g of o.byCluster)
      expect(
        `besteed cluster ${g.clusterId}`,
        g.spentCents,
        sum('SELECT SUM(amount_cents) AS s FROM expense WHERE team_id = ? AND year = ? AND voided_at IS NULL AND cluster_id IS ?', teamId, year, g.clusterId) -
          sum(refundsWhere('AND e.cluster_id IS ?'), teamId, year, g.clusterId),
      );
    for (const m of o.byMonth)
      expect(
        `besteed maand ${m.month}`,
        m.spentCents,
        sum(
          "SELECT SUM(amount_cents) AS s FROM expense WHERE team_id = ? AND year = ? AND voided_at IS NULL AND CAST(substr(expense_date, 6, 2) AS INTEGER) = ?",
          teamId,
          year,
          m.month,
        ) - sum(refundsWhere('AND CAST(substr(f.refund_date, 6, 2) AS INTEGER) = ?'), teamId, year, m.month),
      );
    const badReversal = db
      .prepare<[number], { id: number }>(
        'SELECT r.id FROM expense r JOIN expense e ON e.id = r.reverses_id WHERE r.team_id = ? AND r.amount_cents <> -e.amount_cents',
      )
      .all(teamId);
    for (const r of badReversal) violations.push(`${where}: tegenboeking ${r.id} is niet precies het tegengestelde van de uitgave.`);
    const overRefunded = db
      .prepare<[number], { id: number }>(
        `SELECT e.id FROM expense e WHERE e.team_id = ? AND EXISTS (SELECT 1 FROM refund f WHERE f.expense_id = e.id)
         AND (e.amount_cents < (SELECT SUM(f.amount_cents) FROM refund f WHERE f.expense_id = e.id)
              OR e.voided_at IS NOT NULL OR e.reverses_id IS NOT NULL OR EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = e.id)
              OR EXISTS (SELECT 1 FROM refund f WHERE f.expense_id = e.id AND (f.year <> e.year OR f.refund_date < e.expense_date OR f.team_id <> e.team_id)))`,
      )
      .all(teamId);
    for (const r of overRefunded) violations.push(`${where}: de terugbetalingen op uitgave ${r.id} passen niet bij de uitgave.`);
  }
  const verify = audit.verify();
  for (const p of verify.problems) violations.push(`audit: ${p.message}`);
  return violations;
}
