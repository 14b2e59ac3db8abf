import type { Db } from '../store/open';
import { sortedColumns } from '../audit/chain';
import type { LedgerExpense } from './overview';
import { LABEL_COLS, LABEL_JOINS, type DecisionRow, type EntryRow, type ExpenseRow } from './rows';

/** What a new expense on a decision is checked against: only its status and year. */
export interface DecisionState {
  status: DecisionRow['status'];
  year: number;
}

/** Every statement the budget service runs, prepared once per connection. */
export function prepareBudgetStatements(db: Db) {
  const entriesOf = db.prepare<[number, number], EntryRow>('SELECT * FROM budget_entry WHERE team_id = ? AND year = ? ORDER BY entry_date, id');
  const entryById = db.prepare<[number], EntryRow>('SELECT * FROM budget_entry WHERE id = ?');
  const insertEntry = db.prepare(`INSERT INTO budget_entry (team_id, year, entry_date, kind, amount_cents, reason, created_at)
    VALUES (@teamId, @year, @date, @kind, @amountCents, @reason, @now)`);
  const hasAllocation = db.prepare<[number, number], { id: number }>("SELECT id FROM budget_entry WHERE team_id = ? AND year = ? AND kind = 'toekenning'");

  const decisionSelect = `SELECT x.*, ${LABEL_COLS} FROM budget_decision x ${LABEL_JOINS}`;
  const decisionsOf = db.prepare<[number, number], DecisionRow>(`${decisionSelect} WHERE x.team_id = ? AND x.year = ? ORDER BY x.decision_date, x.id`);
  /** The year's decisions with what was spent on each, in one statement (not one sum per decision). */
  const decisionsWithSpentOf = db.prepare<[number, number], DecisionRow & { spent: number }>(
    `SELECT x.*, ${LABEL_COLS},
       (SELECT COALESCE(SUM(e.amount_cents), 0) FROM expense e WHERE e.decision_id = x.id AND e.voided_at IS NULL)
       - (SELECT COALESCE(SUM(f.amount_cents), 0) FROM refund f JOIN expense e ON e.id = f.expense_id WHERE e.decision_id = x.id) AS spent
     FROM budget_decision x ${LABEL_JOINS} WHERE x.team_id = ? AND x.year = ? ORDER BY x.decision_date, x.id`,
  );
  const decisionById = db.prepare<[number], DecisionRow>(`${decisionSelect} WHERE x.id = ?`);
  const insertDecision = db.prepare(`INSERT INTO budget_decision
    (team_id, year, decision_date, title, amount_cents, rationale, team_opgave_id, action_id, cluster_id, decided_by, status,
     over_budget_reason, taken_at, created_at, updated_at)
    VALUES (@teamId, @year, @date, @title, @amountCents, @rationale, @teamOpgaveId, @actionId, @clusterId, @decidedBy, @status,
     @overBudgetReason, @takenAt, @now, @now)`);
  const takeDecision = db.prepare(`UPDATE budget_decision SET status = 'genomen', taken_at = @now, over_budget_reason = @overBudgetReason,
    updated_at = @now WHERE id = @id AND status = 'voorgesteld'`);
  const withdrawDecision = db.prepare(`UPDATE budget_decision SET status = 'ingetrokken', withdrawn_reason = @reason, withdrawn_at = @now,
    updated_at = @now WHERE id = @id AND status <> 'ingetrokken'`);
  /** What a new expense on a decision is checked against: only its status and year. */
  const decisionState = db.prepare<[number], DecisionState>('SELECT status, year FROM budget_decision WHERE id = ?');
  const spentOnDecision = db.prepare<{ id: number }, { s: number }>(`SELECT
      (SELECT COALESCE(SUM(amount_cents), 0) FROM expense WHERE decision_id = @id AND voided_at IS NULL)
      - (SELECT COALESCE(SUM(f.amount_cents), 0) FROM refund f JOIN expense e ON e.id = f.expense_id WHERE e.decision_id = @id) AS s`);

  const expenseSelect = `SELECT x.*, ${LABEL_COLS}, d.title AS decision_title,
      (SELECT r.id FROM expense r WHERE r.reverses_id = x.id) AS reversed_by_id,
      (SELECT COALESCE(SUM(f.amount_cents), 0) FROM refund f WHERE f.expense_id = x.id) AS refunded_cents
    FROM expense x ${LABEL_JOINS} LEFT JOIN budget_decision d ON d.id = x.decision_id`;
  /**
   * The year's expenses as the overview needs them: summed per month, decision, opgave and cluster
   * in SQL (a handful of rows instead of every expense with its labels). The overview adds these up
   * exactly as it would the single rows; voided expenses never count.
   */
  const ledgerExpensesOf = db.prepare<[number, number], LedgerExpense>(`
    SELECT substr(expense_date, 1, 7) || '-01' AS expense_date, SUM(amount_cents) AS amount_cents,
           decision_id, team_opgave_id, cluster_id, NULL AS voided_at
    FROM expense WHERE team_id = ? AND year = ? AND voided_at IS NULL
    GROUP BY substr(expense_date, 1, 7), decision_id, team_opgave_id, cluster_id`);
  /** The year's refunds as negative spending, attributed like the expense they belong to. */
  const ledgerRefundsOf = db.prepare<[number, number], LedgerExpense>(`
    SELECT substr(f.refund_date, 1, 7) || '-01' AS expense_date, -SUM(f.amount_cents) AS amount_cents,
           e.decision_id, e.team_opgave_id, e.cluster_id, NULL AS voided_at
    FROM refund f JOIN expense e ON e.id = f.expense_id WHERE f.team_id = ? AND f.year = ?
    GROUP BY substr(f.refund_date, 1, 7), e.decision_id, e.team_opgave_id, e.cluster_id`);
  const expensesOf = db.prepare<[number, number], ExpenseRow>(`${expenseSelect} WHERE x.team_id = ? AND x.year = ? ORDER BY x.expense_date, x.id`);
  const expenseById = db.prepare<[number], ExpenseRow>(`${expenseSelect} WHERE x.id = ?`);
  // RETURNING *: the stored row, exactly as a SELECT would read it, for the audit record without a second read.
  const insertExpense = db.prepare<Record<string, unknown>, Record<string, unknown> & { id: number }>(`INSERT INTO expense
    (team_id, year, expense_date, amount_cents, payee, description, payment_method, receipt_ref, decision_id, team_opgave_id,
     action_id, cluster_id, reverses_id, reason, import_batch_id, import_row, created_at)
    VALUES (@teamId, @year, @date, @amountCents, @payee, @description, @paymentMethod, @receiptRef, @decisionId, @teamOpgaveId,
     @actionId, @clusterId, @reversesId, @reason, @importBatchId, @importRow, @now)
    RETURNING *`);
  // The bulk path binds by position (no name lookup per value, 10,000 rows at a time).
  const insertExpenseOnly = db.prepare<unknown[]>(`INSERT INTO expense
    (team_id, year, expense_date, amount_cents, payee, description, payment_method, receipt_ref, decision_id, team_opgave_id,
     action_id, cluster_id, reverses_id, reason, import_batch_id, import_row, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // The stored rows for their audit records, columns in sorted order (the canonical text's order).
  const expenseColumns = sortedColumns(db, 'expense');
  const expensesBetween = db.prepare<[number, number], Record<string, unknown> & { id: number }>(`SELECT ${expenseColumns} FROM expense WHERE id BETWEEN ? AND ? ORDER BY id`);
  const expenseRaw = db.prepare<[number], Record<string, unknown> & { id: number }>(`SELECT ${expenseColumns} FROM expense WHERE id = ?`);
  const voidExpense = db.prepare('UPDATE expense SET voided_at = @now, void_reason = @reason WHERE id = @id AND voided_at IS NULL');

  /**
   * The years a team has anything in. Each table is read by jumping from year to year through its
   * (team_id, year) index: one seek per year, not one step per row (a district team has 20,000 expenses).
   */
  const yearsOf = db.prepare<{ teamId: number }, { year: number }>(`
    WITH RECURSIVE
      e(y) AS (SELECT MIN(year) FROM budget_entry WHERE team_id = @teamId
               UNION ALL SELECT (SELECT MIN(year) FROM budget_entry WHERE team_id = @teamId AND year > y) FROM e WHERE y IS NOT NULL),
      d(y) AS (SELECT MIN(year) FROM budget_decision WHERE team_id = @teamId
               UNION ALL SELECT (SELECT MIN(year) FROM budget_decision WHERE team_id = @teamId AND year > y) FROM d WHERE y IS NOT NULL),
      x(y) AS (SELECT MIN(year) FROM expense WHERE team_id = @teamId
               UNION ALL SELECT (SELECT MIN(year) FROM expense WHERE team_id = @teamId AND year > y) FROM x WHERE y IS NOT NULL)
    SELECT y AS year FROM e WHERE y IS NOT NULL UNION SELECT y FROM d WHERE y IS NOT NULL UNION SELECT y FROM x WHERE y IS NOT NULL`);
  const labelOpgave = db.prepare<[number], { label: string | null }>(
    "SELECT COALESCE(o.title_nl, 'Opgave ' || t.id) AS label FROM team_opgave t LEFT JOIN opgave o ON o.id = t.opgave_id WHERE t.id = ?",
  );
  const labelCluster = db.prepare<[number], { name: string }>('SELECT name FROM cluster WHERE id = ?');

  return { entriesOf, entryById, insertEntry, hasAllocation, decisionsOf, decisionsWithSpentOf, decisionById, insertDecision, takeDecision, withdrawDecision, decisionState, spentOnDecision, ledgerExpensesOf, ledgerRefundsOf, expensesOf, expenseById, insertExpense, insertExpenseOnly, expensesBetween, expenseRaw, voidExpense, yearsOf, labelOpgave, labelCluster };
}
