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

/** An expense a refund could go to, with what is left of it. */
interface Active {
  id: number;
  date: string;
  payee: string;
  amount: number;
  key: string;
  remaining: number;
}
/** A year's active expenses, each list newest first. */
interface YearIndex {
  all: Active[];
  byPayee: Map<string, Active[]>;
  byLeft: Map<number, Active[]>;
  byPayeeLeft: Map<string, Active[]>;
}
const push = <K>(map: Map<K, Active[]>, key: K, a: Active) => {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
};
/** The first expense on or before `date` in a list that is newest first. */
const newestFrom = (list: Active[], date: string): number => {
  let lo = 0;
  for (let hi = list.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.date > date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** At most this many expenses are proposed for one incoming line. */
const CANDIDATES = 50;
/** How payees are compared everywhere in the import: spaces around and case do not count. */
export const payeeKey = (payee: string) => payee.trim().toLowerCase();

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
   * The expenses of one team and year a refund could be booked on: active (not void, not a reversal,
   * not reversed), with what is left of each, newest first. INDEXED BY keeps the planner off the
   * UNIQUE index on reverses_id: with ANALYZE statistics it takes `reverses_id IS NULL` for a rare
   * value, while nearly every expense has it, and walks every team's expenses of every year.
   */
  const activeOfYear = db.prepare<[number, number], { id: number; date: string; payee: string; amount: number; refunded: number }>(`
    SELECT e.id, e.expense_date AS date, e.payee, e.amount_cents AS amount,
      (SELECT COALESCE(SUM(f.amount_cents), 0) FROM refund f WHERE f.expense_id = e.id) AS refunded
    FROM expense e INDEXED BY expense_team_year
    WHERE e.team_id = ? AND e.year = ? AND e.voided_at IS NULL AND e.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = e.id)
    ORDER BY e.expense_date DESC, e.id DESC`);

  /**
   * Proposals for money coming in: expenses a refund of `amount` on `date` could belong to (active,
   * same year, on or before the date, with at least the amount left), same payee first, then the
   * exact amount left, then the newest; at most CANDIDATES. Each year is read once per finder and
   * indexed by payee and by what is left, so a statement with hundreds of incoming lines costs one
   * read per year and a few dozen steps per line, also in a team with tens of thousands of expenses
   * a year. A finder lives as long as one preview (nothing is written meanwhile).
   */
  const candidateFinder = (teamId: number) => {
    const years = new Map<number, YearIndex>();
    const ofYear = (year: number): YearIndex => {
      let index = years.get(year);
      if (!index) {
        index = { all: [], byPayee: new Map(), byLeft: new Map(), byPayeeLeft: new Map() };
        for (const e of activeOfYear.all(teamId, year)) {
          const a: Active = { ...e, key: payeeKey(e.payee), remaining: e.amount - e.refunded };
          index.all.push(a);
          push(index.byPayee, a.key, a);
          push(index.byLeft, a.remaining, a);
          push(index.byPayeeLeft, `${a.remaining}|${a.key}`, a);
        }
        years.set(year, index);
      }
      return index;
    };
    return (date: string, amountCents: number, payee: string): RefundCandidate[] => {
      const key = payeeKey(payee);
      const index = ofYear(Number(date.slice(0, 4)));
      const found: Active[] = [];
      // Same payee and exactly the amount left, same payee, another payee and exactly the amount, the rest.
      const steps: [Active[] | undefined, (e: Active) => boolean][] = [
        [index.byPayeeLeft.get(`${amountCents}|${key}`), () => true],
        [index.byPayee.get(key), (e) => e.remaining > amountCents],
        [index.byLeft.get(amountCents), (e) => e.key !== key],
        [index.all, (e) => e.key !== key && e.remaining > amountCents],
      ];
      for (const [list, fits] of steps) {
        if (!list) continue;
        for (let i = newestFrom(list, date); i < list.length && found.length < CANDIDATES; i++) if (fits(list[i]!)) found.push(list[i]!);
        if (found.length === CANDIDATES) break;
      }
      return found.map((e) => ({ expenseId: e.id, row: null, date: e.date, payee: e.payee, amountCents: e.amount, remainingCents: e.remaining }));
    };
  };

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
    candidateFinder,
    candidates: (teamId: number, date: string, amountCents: number, payee: string): RefundCandidate[] => candidateFinder(teamId)(date, amountCents, payee),

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
