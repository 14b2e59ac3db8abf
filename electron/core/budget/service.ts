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
} from '../../api/budget';
import type { Ctx } from '../../api/define';
import { AppError, conflict, invalid, notFound } from '../../api/errors';
import { formatMoney } from '../../api/money';
import type { AuditAppend, AuditLog } from '../audit/chain';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open';
import { createLinkResolver, type Links, type ResolvedLinks } from './links';
import { computeOverview, type LedgerDecision } from './overview';
import { prepareBudgetStatements, type DecisionState } from './statements';
import { toDecision, toEntry, toExpense, type DecisionRow, type ExpenseRow } from './rows';

const yearOf = (iso: string) => Number(iso.slice(0, 4));

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

  const { entriesOf, entryById, insertEntry, hasAllocation, decisionsOf, decisionsWithSpentOf, decisionById, insertDecision, takeDecision, withdrawDecision, decisionState, spentOnDecision, ledgerExpensesOf, ledgerRefundsOf, expensesOf, expenseById, insertExpense, insertExpenseOnly, expensesBetween, expenseRaw, voidExpense, yearsOf, labelOpgave, labelCluster } = prepareBudgetStatements(db);

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
