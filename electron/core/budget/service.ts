import type { z } from 'zod';
import type {
  BudgetEntry,
  BudgetEntryInput,
  BudgetLinks,
  BudgetOverview,
  Decision,
  DecisionInput,
  DecisionStatus,
  Expense,
  ExpenseInput,
  ExpenseState,
} from '../../api/budget';
import type { Ctx } from '../../api/define';
import { AppError, conflict, invalid, notFound } from '../../api/errors';
import { formatMoney } from '../../api/money';
import type { AuditAppend, AuditLog } from '../audit/chain';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open';
import { createLinkResolver, type Links, type ResolvedLinks } from './links';
import { committedOf, computeOverview, levelOf, type LedgerDecision, type LedgerExpense } from './overview';

interface EntryRow {
  id: number;
  team_id: number;
  year: number;
  entry_date: string;
  kind: BudgetEntry['kind'];
  amount_cents: number;
  reason: string;
  created_at: string;
}

interface LabelCols {
  opgave_label: string | null;
  action_title: string | null;
  cluster_name: string | null;
}

interface DecisionRow extends LedgerDecision, LabelCols {
  team_id: number;
  year: number;
  rationale: string;
  action_id: number | null;
  decided_by: string;
  status: DecisionStatus;
  over_budget_reason: string;
  withdrawn_reason: string;
  created_at: string;
}

interface ExpenseRow extends LedgerExpense, LabelCols {
  id: number;
  team_id: number;
  year: number;
  payee: string;
  description: string;
  payment_method: Expense['paymentMethod'];
  receipt_ref: string;
  action_id: number | null;
  reverses_id: number | null;
  reason: string;
  import_batch_id: number | null;
  import_row: number | null;
  void_reason: string;
  created_at: string;
  decision_title: string | null;
  reversed_by_id: number | null;
  refunded_cents: number;
}

const LABEL_JOINS = `
  LEFT JOIN team_opgave t ON t.id = x.team_opgave_id
  LEFT JOIN opgave o ON o.id = t.opgave_id
  LEFT JOIN action a ON a.id = x.action_id
  LEFT JOIN cluster c ON c.id = x.cluster_id`;
const LABEL_COLS = `COALESCE(o.title_nl, CASE WHEN x.team_opgave_id IS NOT NULL THEN 'Opgave ' || x.team_opgave_id END) AS opgave_label,
  a.title AS action_title, c.name AS cluster_name`;

const links = (r: { team_opgave_id: number | null; action_id: number | null; cluster_id: number | null } & LabelCols) => ({
  teamOpgaveId: r.team_opgave_id,
  opgaveLabel: r.opgave_label,
  actionId: r.action_id,
  actionTitle: r.action_title,
  clusterId: r.cluster_id,
  clusterName: r.cluster_name,
});

const toEntry = (r: EntryRow): BudgetEntry => ({
  id: r.id,
  year: r.year,
  date: r.entry_date,
  kind: r.kind,
  amountCents: r.amount_cents,
  reason: r.reason,
  createdAt: r.created_at,
});

function toDecision(r: DecisionRow, spent: number): Decision {
  return {
    id: r.id,
    year: r.year,
    date: r.decision_date,
    title: r.title,
    amountCents: r.amount_cents,
    rationale: r.rationale,
    decidedBy: r.decided_by,
    status: r.status,
    overBudgetReason: r.over_budget_reason,
    withdrawnReason: r.withdrawn_reason,
    spentCents: spent,
    committedCents: committedOf(r, spent),
    level: r.status === 'genomen' ? levelOf(spent, r.amount_cents) : 'ok',
    createdAt: r.created_at,
    ...links(r),
  };
}

function stateOf(r: ExpenseRow): ExpenseState {
  if (r.voided_at !== null) return 'vervallen';
  if (r.reverses_id !== null) return 'tegenboeking';
  if (r.reversed_by_id !== null) return 'teruggedraaid';
  return 'actief';
}

const toExpense = (r: ExpenseRow): Expense => ({
  id: r.id,
  year: r.year,
  date: r.expense_date,
  amountCents: r.amount_cents,
  payee: r.payee,
  description: r.description,
  paymentMethod: r.payment_method,
  receiptRef: r.receipt_ref,
  decisionId: r.decision_id,
  decisionTitle: r.decision_title,
  reversesId: r.reverses_id,
  reversedById: r.reversed_by_id,
  reason: r.reason,
  voidedAt: r.voided_at,
  voidReason: r.void_reason,
  importBatchId: r.import_batch_id,
  importRow: r.import_row,
  state: stateOf(r),
  refundedCents: r.refunded_cents,
  createdAt: r.created_at,
  ...links(r),
});

const yearOf = (iso: string) => Number(iso.slice(0, 4));

interface DecisionState {
  status: DecisionStatus;
  year: number;
}

export interface NewExpense {
  date: string;
  amountCents: number;
  payee: string;
  description: string;
  paymentMethod: Expense['paymentMethod'];
  receiptRef: string;
  links: Links;
  importBatchId?: number | null;
  importRow?: number | null;
}

/** `rebooking`: undo or redo books an expense again exactly as it was recorded before. */
/** The values of one new expense row, as the insert binds them. */
type ExpenseValues = Omit<NewExpense, 'links' | 'importBatchId' | 'importRow'> &
  ResolvedLinks & { teamId: number; year: number; reversesId: number | null; reason: string; importBatchId: number | null; importRow: number | null; now: string };

interface ExpenseExtra {
  reversesId?: number;
  reason?: string;
  rebooking?: boolean;
}

export function createBudgetService(db: Db, audit: AuditLog) {
  const resolveLinks = createLinkResolver(db);
  const teamExists = db.prepare<[number], { id: number }>('SELECT id FROM team WHERE id = ?');
  type RawTable = 'budget_entry' | 'budget_decision' | 'expense' | 'import_batch';
  const rawStatements = new Map<RawTable, Statement<[number], Record<string, unknown> & { team_id: number }>>();
  /** The stored row as the audit records it (every column); statements prepared once per table. */
  const raw = (table: RawTable, id: number) => {
    let st = rawStatements.get(table);
    if (!st) rawStatements.set(table, (st = db.prepare(`SELECT * FROM ${table} WHERE id = ?`)));
    return st.get(id)!;
  };

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
  const expensesBetween = db.prepare<[number, number], Record<string, unknown> & { id: number }>('SELECT * FROM expense WHERE id BETWEEN ? AND ? ORDER BY id');
  const expenseRaw = db.prepare<[number], Record<string, unknown> & { id: number }>('SELECT * FROM expense WHERE id = ?');
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

  const assertTeam = (teamId: number) => {
    if (!teamExists.get(teamId)) throw notFound('Het team');
  };
  const ownDecision = (teamId: number, id: number): DecisionRow => {
    const row = decisionById.get(id);
    if (!row || row.team_id !== teamId) throw notFound('Het besluit');
    return row;
  };
  const ownExpense = (teamId: number, id: number): ExpenseRow => {
    const row = expenseById.get(id);
    if (!row || row.team_id !== teamId) throw notFound('De uitgave');
    return row;
  };
  const record = (ctx: Ctx, teamId: number, entity: string, entityId: number, action: string, before: unknown, after: unknown) =>
    audit.append({ at: ctx.now().toISOString(), teamId, entity, entityId, action, before, after });

  const overviewOf = (teamId: number, year: number, decisions: LedgerDecision[]): BudgetOverview => {
    const spending = [...ledgerExpensesOf.all(teamId, year), ...ledgerRefundsOf.all(teamId, year)];
    return computeOverview(teamId, year, entriesOf.all(teamId, year), decisions, spending, {
      opgave: (id) => labelOpgave.get(id)?.label ?? null,
      cluster: (id) => labelCluster.get(id)?.name ?? null,
    });
  };
  const overview = (teamId: number, year: number): BudgetOverview => {
    assertTeam(teamId);
    return overviewOf(teamId, year, decisionsOf.all(teamId, year));
  };

  /** Refuses a decision beyond what is left of the year, unless the chief confirmed it with a reason. */
  const checkWithinBudget = (teamId: number, year: number, amountCents: number, reason: string | undefined) => {
    // A proposed decision is not committed yet, so `left` never counts the decision being taken.
    const left = overview(teamId, year).totals.leftCents;
    if (amountCents > left && !(reason && reason.trim().length > 0)) {
      const message = `Dit besluit (${formatMoney(amountCents)}) gaat boven wat er in ${year} nog beschikbaar is (${formatMoney(left)}). Bevestig het besluit met een reden.`;
      throw new AppError('CONFLICT', message, [{ path: 'overBudgetReason', message }]);
    }
    return amountCents > left;
  };

  /** What one expense write needs besides its input: link resolution, decision lookup and the audit. */
  interface ExpenseWriter {
    resolve: (teamId: number, links: Links) => ResolvedLinks;
    decision: (id: number) => DecisionState;
    append: (rec: AuditAppend) => void;
  }
  const singleWriter: ExpenseWriter = {
    resolve: resolveLinks,
    decision: (id) => decisionState.get(id)!,
    append: (rec) => audit.append(rec),
  };

  /** The rules for every new expense (by hand, reversal, import, bulk) in one place: the row to insert. */
  const plannedExpense = (teamId: number, input: NewExpense, ctx: Ctx, extra: ExpenseExtra, via: ExpenseWriter): ExpenseValues => {
    const resolved = via.resolve(teamId, input.links);
    const year = yearOf(input.date);
    // A reversal or a re-booking by undo/redo restores what was there, also on a decision since withdrawn.
    if (resolved.decisionId !== null && extra.reversesId === undefined && !extra.rebooking) {
      const d = via.decision(resolved.decisionId);
      if (d.status !== 'genomen')
        throw invalid('decisionId', d.status === 'ingetrokken' ? 'Dit besluit is ingetrokken; boek er geen uitgaven meer op.' : 'Dit besluit is nog niet genomen.');
      if (d.year !== year) throw invalid('date', `Het besluit hoort bij ${d.year}; de uitgave moet in hetzelfde jaar vallen.`);
    }
    return {
      teamId,
      year,
      date: input.date,
      amountCents: input.amountCents,
      payee: input.payee,
      description: input.description,
      paymentMethod: input.paymentMethod,
      receiptRef: input.receiptRef,
      ...resolved,
      reversesId: extra.reversesId ?? null,
      reason: extra.reason ?? '',
      importBatchId: input.importBatchId ?? null,
      importRow: input.importRow ?? null,
      now: ctx.now().toISOString(),
    };
  };
  /** The audit record of a new expense: the stored row, exactly as a SELECT reads it. */
  const expenseAudit = (teamId: number, input: NewExpense, extra: ExpenseExtra, at: string, row: { id: number }): AuditAppend => ({
    at,
    teamId,
    entity: 'expense',
    entityId: row.id,
    action: extra.reversesId ? 'tegenboeking' : input.importBatchId ? 'geïmporteerd' : 'aangemaakt',
    before: null,
    after: row,
  });

  const writeExpense = (teamId: number, input: NewExpense, ctx: Ctx, extra: ExpenseExtra, via: ExpenseWriter): number => {
    const planned = plannedExpense(teamId, input, ctx, extra, via);
    const row = insertExpense.get({ ...planned })!;
    via.append(expenseAudit(teamId, input, extra, planned.now, row));
    return row.id;
  };

  const addExpense = (teamId: number, input: NewExpense, ctx: Ctx, extra: ExpenseExtra = {}): number =>
    writeExpense(teamId, input, ctx, extra, singleWriter);

  /**
   * Many new expenses of one team inside the caller's transaction (an import, a bulk load): the same
   * rules and the same audit chain as one by one, with each distinct combination of links checked
   * once, each decision read once and the head of the audit chain kept in hand.
   */
  const addExpenses = (teamId: number, inputs: readonly NewExpense[], ctx: Ctx, extra: ExpenseExtra = {}): number[] => {
    if (!db.inTransaction) throw new Error('addExpenses runs inside the caller\'s transaction');
    const links = new Map<string, ResolvedLinks>();
    const decisions = new Map<number, DecisionState>();
    const via: ExpenseWriter = {
      resolve(team, l) {
        const key = `${l.decisionId ?? ''}|${l.teamOpgaveId ?? ''}|${l.actionId ?? ''}|${l.clusterId ?? ''}`;
        let r = links.get(key);
        if (!r) links.set(key, (r = resolveLinks(team, l)));
        return r;
      },
      decision(id) {
        let d = decisions.get(id);
        if (!d) decisions.set(id, (d = decisionState.get(id)!));
        return d;
      },
      append: audit.appender(),
    };
    const planned = inputs.map((input) => plannedExpense(teamId, input, ctx, extra, via));
    const ids = planned.map((p) =>
      Number(
        insertExpenseOnly.run(p.teamId, p.year, p.date, p.amountCents, p.payee, p.description, p.paymentMethod, p.receiptRef, p.decisionId, p.teamOpgaveId,
          p.actionId, p.clusterId, p.reversesId, p.reason, p.importBatchId, p.importRow, p.now).lastInsertRowid,
      ),
    );
    // Read back in one range read instead of RETURNING per row (which costs SQLite a result table
    // each time: a third of a 10,000-row import). The ids follow each other, as one connection
    // inserts them in one go; anything else is read row by row.
    let rows = ids.length === 0 ? [] : expensesBetween.all(ids[0]!, ids.at(-1)!);
    if (rows.length !== ids.length || rows.some((r, i) => r.id !== ids[i])) rows = ids.map((id) => expenseRaw.get(id)!);
    rows.forEach((row, i) => via.append(expenseAudit(teamId, inputs[i]!, extra, planned[i]!.now, row)));
    return ids;
  };

  const service = {
    assertTeam,
    overview,

    years(teamId: number, ctx: Ctx): number[] {
      assertTeam(teamId);
      const rows = yearsOf.all({ teamId }).map((r) => r.year);
      return [...new Set([...rows, yearOf(ctx.today())])].sort((a, b) => a - b);
    },

    links(teamId: number): BudgetLinks {
      assertTeam(teamId);
      return {
        opgaven: db
          .prepare<[number], { id: number; label: string }>(
            `SELECT t.id, COALESCE(o.title_nl, 'Opgave ' || t.id) || ' (' || substr(t.period_start, 1, 4) || ')' AS label
             FROM team_opgave t LEFT JOIN opgave o ON o.id = t.opgave_id WHERE t.team_id = ? AND t.archived = 0 ORDER BY t.opgave_id, t.id`,
          )
          .all(teamId),
        actions: db
          .prepare<[number], { id: number; title: string; teamOpgaveId: number; clusterId: number | null }>(
            'SELECT id, title, team_opgave_id AS teamOpgaveId, cluster_id AS clusterId FROM action WHERE team_id = ? AND archived = 0 ORDER BY title, id',
          )
          .all(teamId),
        clusters: db
          .prepare<[number], { id: number; name: string }>('SELECT id, name FROM cluster WHERE team_id = ? AND archived = 0 ORDER BY name, id')
          .all(teamId),
        decisions: db
          .prepare<[number], { id: number; title: string; year: number; status: DecisionStatus }>(
            'SELECT id, title, year, status FROM budget_decision WHERE team_id = ? ORDER BY year DESC, decision_date DESC, id DESC',
          )
          .all(teamId),
      };
    },

    entries(teamId: number, year: number): BudgetEntry[] {
      assertTeam(teamId);
      return entriesOf.all(teamId, year).map(toEntry);
    },

    addEntry(input: z.output<typeof BudgetEntryInput>, ctx: Ctx): BudgetEntry {
      const { teamId, year } = input;
      const id = db.transaction(() => {
        assertTeam(teamId);
        const allocated = hasAllocation.get(teamId, year);
        if (input.kind === 'toekenning' && allocated)
          throw invalid('kind', `Voor ${year} is al een bedrag toegekend. Leg een wijziging vast als aanvulling of correctie.`);
        if (input.kind !== 'toekenning' && !allocated)
          throw invalid('kind', `Leg voor ${year} eerst de toekenning vast.`);
        const available = entriesOf.all(teamId, year).reduce((s, e) => s + e.amount_cents, 0);
        if (available + input.amountCents < 0)
          throw invalid('amountCents', `Na deze correctie zou het beschikbare bedrag voor ${year} negatief zijn (${formatMoney(available + input.amountCents)}).`);
        const { lastInsertRowid } = insertEntry.run({ ...input, now: ctx.now().toISOString() });
        const entryId = Number(lastInsertRowid);
        record(ctx, teamId, 'budget_entry', entryId, input.kind, null, raw('budget_entry', entryId));
        return entryId;
      }).immediate();
      return toEntry(entryById.get(id)!);
    },

    decisions(teamId: number, year: number): Decision[] {
      assertTeam(teamId);
      return decisionsWithSpentOf.all(teamId, year).map(({ spent, ...r }) => toDecision(r, spent));
    },

    /** `overview` and `decisions` of one year from one read of its decisions (the printed overview shows both). */
    overviewAndDecisions(teamId: number, year: number): { overview: BudgetOverview; decisions: Decision[] } {
      assertTeam(teamId);
      const rows = decisionsWithSpentOf.all(teamId, year);
      return { overview: overviewOf(teamId, year, rows), decisions: rows.map(({ spent, ...r }) => toDecision(r, spent)) };
    },

    decision(teamId: number, id: number): Decision {
      return toDecision(ownDecision(teamId, id), spentOnDecision.get({ id })!.s);
    },

    createDecision(input: z.output<typeof DecisionInput>, ctx: Ctx): Decision {
      const { teamId } = input;
      const year = yearOf(input.date);
      const id = db.transaction(() => {
        assertTeam(teamId);
        const resolved = resolveLinks(teamId, { teamOpgaveId: input.teamOpgaveId, actionId: input.actionId, clusterId: input.clusterId });
        let overBudgetReason = '';
        if (input.status === 'genomen' && checkWithinBudget(teamId, year, input.amountCents, input.overBudgetReason))
          overBudgetReason = input.overBudgetReason!;
        const now = ctx.now().toISOString();
        const { lastInsertRowid } = insertDecision.run({
          teamId,
          year,
          date: input.date,
          title: input.title,
          amountCents: input.amountCents,
          rationale: input.rationale,
          teamOpgaveId: resolved.teamOpgaveId,
          actionId: resolved.actionId,
          clusterId: resolved.clusterId,
          decidedBy: input.decidedBy,
          status: input.status,
          overBudgetReason,
          takenAt: input.status === 'genomen' ? now : null,
          now,
        });
        const decisionId = Number(lastInsertRowid);
        record(ctx, teamId, 'budget_decision', decisionId, input.status === 'genomen' ? 'genomen' : 'voorgesteld', null, raw('budget_decision', decisionId));
        return decisionId;
      }).immediate();
      return service.decision(teamId, id);
    },

    takeDecision(teamId: number, decisionId: number, overBudgetReason: string | undefined, ctx: Ctx): Decision {
      db.transaction(() => {
        const d = ownDecision(teamId, decisionId);
        if (d.status !== 'voorgesteld') throw conflict(d.status === 'genomen' ? 'Dit besluit is al genomen.' : 'Dit besluit is ingetrokken.');
        const over = checkWithinBudget(teamId, d.year, d.amount_cents, overBudgetReason);
        const before = raw('budget_decision', decisionId);
        takeDecision.run({ id: decisionId, now: ctx.now().toISOString(), overBudgetReason: over ? overBudgetReason!.trim() : '' });
        record(ctx, teamId, 'budget_decision', decisionId, 'genomen', before, raw('budget_decision', decisionId));
      }).immediate();
      return service.decision(teamId, decisionId);
    },

    withdrawDecision(teamId: number, decisionId: number, reason: string, ctx: Ctx): Decision {
      db.transaction(() => {
        const d = ownDecision(teamId, decisionId);
        if (d.status === 'ingetrokken') throw conflict('Dit besluit is al ingetrokken.');
        const before = raw('budget_decision', decisionId);
        withdrawDecision.run({ id: decisionId, reason, now: ctx.now().toISOString() });
        record(ctx, teamId, 'budget_decision', decisionId, 'ingetrokken', before, raw('budget_decision', decisionId));
      }).immediate();
      return service.decision(teamId, decisionId);
    },

    expenses(teamId: number, year: number): Expense[] {
      assertTeam(teamId);
      return expensesOf.all(teamId, year).map(toExpense);
    },

    expense(teamId: number, id: number): Expense {
      return toExpense(ownExpense(teamId, id));
    },

    /** For the import: adds expenses inside the caller's transaction. */
    addExpenseInTransaction: addExpense,
    /** For the import and bulk loads: many expenses of one team inside the caller's transaction. */
    addExpensesInTransaction: addExpenses,

    createExpense(input: z.output<typeof ExpenseInput>, ctx: Ctx): Expense {
      const { teamId, decisionId, teamOpgaveId, actionId, clusterId, ...rest } = input;
      const id = db.transaction(() => {
        assertTeam(teamId);
        return addExpense(teamId, { ...rest, links: { decisionId, teamOpgaveId, actionId, clusterId } }, ctx);
      }).immediate();
      return service.expense(teamId, id);
    },

    reverseExpense(teamId: number, expenseId: number, date: string, reason: string, ctx: Ctx): Expense {
      const id = db.transaction(() => {
        const e = ownExpense(teamId, expenseId);
        if (e.voided_at !== null) throw conflict('Deze uitgave is vervallen; terugdraaien kan niet meer.');
        if (e.reverses_id !== null) throw conflict('Dit is al een tegenboeking; draai de oorspronkelijke uitgave niet twee keer terug.');
        if (e.reversed_by_id !== null) throw conflict('Deze uitgave is al teruggedraaid.');
        if (e.refunded_cents > 0)
          throw conflict(`Op deze uitgave is al ${formatMoney(e.refunded_cents)} terugbetaald; boek wat er nog terugkomt als terugbetaling.`);
        if (yearOf(date) !== e.year) throw invalid('date', `De tegenboeking moet in ${e.year} vallen, het jaar van de uitgave.`);
        if (date < e.expense_date) throw invalid('date', 'De tegenboeking kan niet voor de datum van de uitgave liggen.');
        return addExpense(
          teamId,
          {
            date,
            amountCents: -e.amount_cents,
            payee: e.payee,
            description: e.description,
            paymentMethod: e.payment_method,
            receiptRef: e.receipt_ref,
            links: { decisionId: e.decision_id, teamOpgaveId: e.team_opgave_id, actionId: e.action_id, clusterId: e.cluster_id },
          },
          ctx,
          { reversesId: e.id, reason },
        );
      }).immediate();
      return service.expense(teamId, id);
    },

    voidExpense(teamId: number, expenseId: number, reason: string, ctx: Ctx): Expense {
      db.transaction(() => {
        const e = ownExpense(teamId, expenseId);
        if (e.voided_at !== null) throw conflict('Deze uitgave is al vervallen.');
        if (e.reverses_id !== null || e.reversed_by_id !== null)
          throw conflict('Een teruggedraaide uitgave of een tegenboeking kan niet vervallen; de twee heffen elkaar al op.');
        if (e.refunded_cents > 0) throw conflict('Op deze uitgave is geld terugbetaald; ze heeft echt plaatsgevonden en kan niet vervallen.');
        const before = raw('expense', expenseId);
        voidExpense.run({ id: expenseId, reason, now: ctx.now().toISOString() });
        record(ctx, teamId, 'expense', expenseId, 'vervallen', before, raw('expense', expenseId));
      }).immediate();
      return service.expense(teamId, expenseId);
    },

    /**
     * Voids many expenses of one team inside the caller's transaction (undo of an import): the
     * same void and audit record as one by one, with the head of the audit chain kept in hand.
     * Expenses already void are left as they are.
     */
    voidExpensesInTransaction(teamId: number, ids: readonly number[], reason: string, ctx: Ctx): void {
      if (!db.inTransaction) throw new Error('voidExpensesInTransaction runs inside the caller\'s transaction');
      const append = audit.appender();
      const now = ctx.now().toISOString();
      for (const id of ids) {
        const before = raw('expense', id);
        if (!before || before.team_id !== teamId) throw notFound('De uitgave');
        if (before.voided_at !== null) continue;
        voidExpense.run({ id, reason, now });
        append({ at: now, teamId, entity: 'expense', entityId: id, action: 'vervallen', before, after: raw('expense', id) });
      }
    },

    /** Inside a transaction: an audit record for a row written by a helper (e.g. an import batch). */
    recordCreated(ctx: Ctx, teamId: number, table: 'import_batch', id: number): void {
      record(ctx, teamId, table, id, 'aangemaakt', null, raw(table, id));
    },
  };
  return service;
}
export type BudgetService = ReturnType<typeof createBudgetService>;
