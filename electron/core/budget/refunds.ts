import type { Refund } from '../../api/budget-refunds';
import type { RefundCandidate } from '../../api/budget-import';
import type { Ctx } from '../../api/define';
import { conflict, invalid, notFound } from '../../api/errors';
import { formatMoney } from '../../api/money';
import type { AuditAppend, AuditLog } from '../audit/chain';
import type { Db } from '../store/open';

/**
 * Refunds: money that came back on one expense. Its own append-only ledger record, linked to the
 * expense and written with its audit record; the overview counts spent = expenses − refunds.
 * The rules live here, once: only on an active expense, in its year, on or after its date, and
 * never more than what is left of it (the expense minus earlier refunds).
 */

interface RefundRow {
  id: number;
  team_id: number;
  expense_id: number;
  year: number;
  refund_date: string;
  amount_cents: number;
  payee: string;
  description: string;
  reason: string;
  import_batch_id: number | null;
  import_row: number | null;
  created_at: string;
}

const toRefund = (r: RefundRow): Refund => ({
  id: r.id,
  expenseId: r.expense_id,
  year: r.year,
  date: r.refund_date,
  amountCents: r.amount_cents,
  payee: r.payee,
  description: r.description,
  reason: r.reason,
  importBatchId: r.import_batch_id,
  importRow: r.import_row,
  createdAt: r.created_at,
});

export interface NewRefund {
  expenseId: number;
  date: string;
  amountCents: number;
  reason: string;
  payee?: string;
  description?: string;
  importBatchId?: number | null;
  importRow?: number | null;
}

interface ExpenseFacts {
  id: number;
  team_id: number;
  year: number;
  expense_date: string;
  amount_cents: number;
  payee: string;
  description: string;
  voided_at: string | null;
  reverses_id: number | null;
  reversed_by_id: number | null;
  refunded: number;
}

export function createRefundService(db: Db, audit: AuditLog) {
  const expenseFacts = db.prepare<[number], ExpenseFacts>(`
    SELECT e.id, e.team_id, e.year, e.expense_date, e.amount_cents, e.payee, e.description, e.voided_at, e.reverses_id,
      (SELECT r.id FROM expense r WHERE r.reverses_id = e.id) AS reversed_by_id,
      (SELECT COALESCE(SUM(f.amount_cents), 0) FROM refund f WHERE f.expense_id = e.id) AS refunded
    FROM expense e WHERE e.id = ?`);
  const insert = db.prepare<Record<string, unknown>, RefundRow>(`INSERT INTO refund
    (team_id, expense_id, year, refund_date, amount_cents, payee, description, reason, import_batch_id, import_row, created_at)
    VALUES (@teamId, @expenseId, @year, @date, @amountCents, @payee, @description, @reason, @importBatchId, @importRow, @now)
    RETURNING *`);
  const byId = db.prepare<[number], RefundRow>('SELECT * FROM refund WHERE id = ?');
  const ofYear = db.prepare<[number, number], RefundRow>('SELECT * FROM refund WHERE team_id = ? AND year = ? ORDER BY refund_date, id');
  const ofExpense = db.prepare<[number], RefundRow>('SELECT * FROM refund WHERE expense_id = ? ORDER BY refund_date, id');
  const refundedOf = db.prepare<[number], { s: number }>('SELECT COALESCE(SUM(amount_cents), 0) AS s FROM refund WHERE expense_id = ?');
  /**
   * Expenses a refund of `amount` on `date` could belong to: active, same year, on or before the
   * date, with at least the amount left. Same payee first, then the newest.
   */
  const candidatesOf = db.prepare<{ teamId: number; year: number; date: string; amount: number; payee: string }, RefundCandidate & { samePayee: number }>(`
    SELECT * FROM (
      SELECT e.id AS expenseId, NULL AS row, e.expense_date AS date, e.payee, e.amount_cents AS amountCents,
        e.amount_cents - (SELECT COALESCE(SUM(f.amount_cents), 0) FROM refund f WHERE f.expense_id = e.id) AS remainingCents,
        lower(trim(e.payee)) = lower(trim(@payee)) AS samePayee
      FROM expense e
      WHERE e.team_id = @teamId AND e.year = @year AND e.expense_date <= @date AND e.voided_at IS NULL AND e.reverses_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = e.id)
    ) WHERE remainingCents >= @amount
    ORDER BY samePayee DESC, remainingCents = @amount DESC, date DESC, expenseId DESC
    LIMIT 50`);

  /** The checks every refund passes, by hand or from a statement. Returns the expense. */
  const check = (teamId: number, input: NewRefund): ExpenseFacts => {
    const e = expenseFacts.get(input.expenseId);
    if (!e || e.team_id !== teamId) throw notFound('De uitgave');
    if (e.voided_at !== null) throw conflict('Deze uitgave is vervallen; er kan niets op terugbetaald worden.');
    if (e.reverses_id !== null) throw conflict('Dit is een tegenboeking; boek een terugbetaling op de oorspronkelijke uitgave.');
    if (e.reversed_by_id !== null) throw conflict('Deze uitgave is teruggedraaid; er is niets meer terug te betalen.');
    if (input.date < e.expense_date) throw invalid('date', 'Een terugbetaling kan niet voor de datum van de uitgave liggen.');
    if (Number(input.date.slice(0, 4)) !== e.year)
      throw invalid('date', `De terugbetaling moet in ${e.year} vallen, het jaar van de uitgave. Boek geld dat later terugkomt als andere inkomsten van dat jaar.`);
    const left = e.amount_cents - e.refunded;
    if (input.amountCents > left)
      throw invalid(
        'amountCents',
        left === 0
          ? 'Deze uitgave is al helemaal terugbetaald.'
          : `Er is nog ${formatMoney(left)} van deze uitgave over; een terugbetaling van ${formatMoney(input.amountCents)} is te veel.`,
      );
    return e;
  };

  /** Inside the caller's transaction: the refund and its audit record. */
  const record = (teamId: number, input: NewRefund, ctx: Ctx, append: (rec: AuditAppend) => void = (rec) => audit.append(rec)): number => {
    if (!db.inTransaction) throw new Error('a refund is written inside the caller\'s transaction');
    const e = check(teamId, input);
    const now = ctx.now().toISOString();
    const row = insert.get({
      teamId,
      expenseId: e.id,
      year: e.year,
      date: input.date,
      amountCents: input.amountCents,
      payee: (input.payee ?? e.payee).slice(0, 200),
      description: input.description ?? '',
      reason: input.reason,
      importBatchId: input.importBatchId ?? null,
      importRow: input.importRow ?? null,
      now,
    })!;
    append({ at: now, teamId, entity: 'refund', entityId: row.id, action: input.importBatchId ? 'geïmporteerd' : 'terugbetaling', before: null, after: row });
    return row.id;
  };

  const own = (teamId: number, expenseId: number) => {
    const e = expenseFacts.get(expenseId);
    if (!e || e.team_id !== teamId) throw notFound('De uitgave');
  };

  return {
    record,
    refundedOf: (expenseId: number) => refundedOf.get(expenseId)!.s,
    candidates: (teamId: number, date: string, amountCents: number, payee: string): RefundCandidate[] =>
      candidatesOf.all({ teamId, year: Number(date.slice(0, 4)), date, amount: amountCents, payee }).map(({ samePayee: _s, ...c }) => c),

    /** By hand on an expense: one transaction, the refund and its audit record. */
    create(teamId: number, input: NewRefund, ctx: Ctx): Refund {
      const id = db.transaction(() => record(teamId, input, ctx)).immediate();
      return toRefund(byId.get(id)!);
    },
    list(teamId: number, year: number): Refund[] {
      return ofYear.all(teamId, year).map(toRefund);
    },
    forExpense(teamId: number, expenseId: number): Refund[] {
      own(teamId, expenseId);
      return ofExpense.all(expenseId).map(toRefund);
    },
  };
}
export type RefundService = ReturnType<typeof createRefundService>;
