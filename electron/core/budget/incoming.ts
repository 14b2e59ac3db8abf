import type { ImportRow, IncomingChoice, IncomingProposal, RefundCandidate } from '../../api/budget-import';
import type { Ctx } from '../../api/define';
import { AppError, invalid } from '../../api/errors';
import type { Db } from '../store/open';
import { payeeKey, type RefundService } from './refunds';
import type { BudgetService } from './service';

/**
 * Money in on a statement. Every incoming line is proposed as something — a refund of an expense
 * (same payee, not more than is left, on or after it), other income for the year's budget, or a
 * line to skip with its reason — and on import the chief's choice for each is written. No incoming
 * line is ever left out without a choice.
 */

export interface SkippedRow {
  row: number;
  date: string;
  amountCents: number;
  direction: 'af' | 'bij';
  payee: string;
  reason: string;
}

/** The reason text of an income entry: the chief's reason, then where it came from (also how a second import finds it). */
const incomeReason = (reason: string, payee: string, fileName: string, row: number) =>
  `${reason} (ingelezen: ${payee}, ${fileName || 'bestand'} regel ${row})`.slice(0, 2000);

export function createIncoming(db: Db, budget: BudgetService, refunds: RefundService) {
  // With the year, the (team, year, date) index finds the day instead of reading every refund of the team.
  const refundDuplicate = db.prepare<[number, number, string, number, string], { id: number }>(
    'SELECT id FROM refund WHERE team_id = ? AND year = ? AND refund_date = ? AND amount_cents = ? AND lower(trim(payee)) = lower(trim(?)) ORDER BY id LIMIT 1',
  );
  const incomeDuplicate = db.prepare<[number, string, number, string], { id: number }>(
    `SELECT id FROM budget_entry WHERE team_id = ? AND entry_date = ? AND amount_cents = ? AND kind = 'aanvulling'
     AND instr(lower(reason), lower('(ingelezen: ' || ? || ',')) > 0 ORDER BY id LIMIT 1`,
  );
  /** Every line earlier imports skipped, read once per preview: direction|date|amount|payee → batch. */
  const skippedOf = db.prepare<[number], { id: number; direction: string; date: string; amount: number; payee: string }>(
    `SELECT b.id, json_extract(j.value, '$.direction') AS direction, json_extract(j.value, '$.date') AS date,
       json_extract(j.value, '$.amountCents') AS amount, json_extract(j.value, '$.payee') AS payee
     FROM import_batch b, json_each(b.skipped) j WHERE b.team_id = ? ORDER BY b.id`,
  );
  const skipKey = (direction: string, date: string, amount: number, payee: string) => `${direction}|${date}|${amount}|${payee.trim().toLowerCase()}`;

  /** Fills in duplicates and proposals on the preview's rows. */
  const propose = (teamId: number, rows: ImportRow[]): void => {
    const skippedBefore = new Map<string, number>();
    for (const s of skippedOf.all(teamId)) {
      const key = skipKey(s.direction, s.date, s.amount, s.payee);
      if (!skippedBefore.has(key)) skippedBefore.set(key, s.id);
    }
    const skippedDuplicate = (direction: 'af' | 'bij', r: ImportRow) => {
      const id = skippedBefore.get(skipKey(direction, r.date, r.amountCents, r.payee));
      return id === undefined ? undefined : { id };
    };
    const candidatesFor = refunds.candidateFinder(teamId);
    // What earlier lines of this file are already proposed to refund of an expense: accepting every
    // proposal must never refund more than is left of one (the commit would refuse the whole file).
    const proposedOf = new Map<string, number>();
    const keyOf = (c: RefundCandidate) => (c.expenseId !== null ? `e${c.expenseId}` : `r${c.row}`);
    const leftOf = (c: RefundCandidate) => c.remainingCents - (proposedOf.get(keyOf(c)) ?? 0);
    // The 'af' lines before this one, each with its payee as compared (worked out once, not per incoming line).
    const earlier: { r: ImportRow; key: string }[] = [];
    for (const r of rows) {
      if (r.direction === 'af') {
        if (r.duplicateOfExpenseId !== null) r.duplicateOf = { kind: 'uitgave', id: r.duplicateOfExpenseId };
        else {
          const skipped = skippedDuplicate('af', r);
          if (skipped) r.duplicateOf = { kind: 'overgeslagen', id: skipped.id };
        }
        earlier.push({ r, key: payeeKey(r.payee) });
        continue;
      }
      const refund = refundDuplicate.get(teamId, Number(r.date.slice(0, 4)), r.date, r.amountCents, r.payee);
      const income = refund ? undefined : incomeDuplicate.get(teamId, r.date, r.amountCents, r.payee);
      const skipped = refund || income ? undefined : skippedDuplicate('bij', r);
      r.duplicateOf = refund
        ? { kind: 'terugbetaling', id: refund.id }
        : income
          ? { kind: 'inkomsten', id: income.id }
          : skipped
            ? { kind: 'overgeslagen', id: skipped.id }
            : null;
      // Expenses on earlier lines of this file, newest first: the same payee always, others up to a handful.
      const fromFile: RefundCandidate[] = [];
      const key = payeeKey(r.payee);
      const year = r.date.slice(0, 4);
      for (let i = earlier.length - 1; i >= 0 && fromFile.length < 50; i--) {
        const { r: e, key: eKey } = earlier[i]!;
        if (fromFile.length >= 10 && eKey !== key) continue;
        if (e.date > r.date || !e.date.startsWith(year) || e.amountCents < r.amountCents || e.duplicateOf !== null || e.duplicateInFile) continue;
        fromFile.push({ expenseId: null, row: e.row, date: e.date, payee: e.payee, amountCents: e.amountCents, remainingCents: e.amountCents });
      }
      const candidates = [...fromFile, ...candidatesFor(r.date, r.amountCents, r.payee)];
      const same = (c: RefundCandidate) => payeeKey(c.payee) === key;
      const match = r.duplicateOf ? undefined : candidates.find((c) => same(c) && leftOf(c) >= r.amountCents);
      let proposal: IncomingProposal;
      if (r.duplicateOf) {
        const what = { terugbetaling: 'als terugbetaling', inkomsten: 'als andere inkomsten', overgeslagen: 'en toen overgeslagen', uitgave: '' }[r.duplicateOf.kind];
        proposal = { action: 'overslaan', expenseId: null, expenseRow: null, candidates, reason: `Dubbel: eerder ingelezen ${what}.` };
      } else if (match) {
        proposedOf.set(keyOf(match), (proposedOf.get(keyOf(match)) ?? 0) + r.amountCents);
        proposal = { action: 'terugbetaling', expenseId: match.expenseId, expenseRow: match.row, candidates, reason: '' };
      } else {
        proposal = { action: 'inkomsten', expenseId: null, expenseRow: null, candidates, reason: '' };
      }
      r.proposal = proposal;
    }
  };

  /**
   * Checks that every incoming row has exactly one choice and collects the skipped ones (they go
   * into the batch record); `apply`, inside the import's transaction, writes the refunds and income.
   * `expenseOfRow` maps a line of this file to the expense just written from it.
   */
  const plan = (rows: ImportRow[], choices: IncomingChoice[]) => {
    const incoming = new Map(rows.filter((r) => r.direction === 'bij').map((r) => [r.row, r]));
    const chosen = new Map<number, IncomingChoice>();
    for (const c of choices) {
      if (!incoming.has(c.row)) throw invalid('incoming', `Regel ${c.row} is geen bijschrijving in dit bestand.`);
      if (chosen.has(c.row)) throw invalid('incoming', `Voor regel ${c.row} zijn twee keuzes gemaakt.`);
      chosen.set(c.row, c);
    }
    const missing = [...incoming.keys()].filter((row) => !chosen.has(row));
    if (missing.length)
      throw invalid('incoming', `Kies wat er gebeurt met het bijgeschreven bedrag op regel ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}: terugbetaling, andere inkomsten of overslaan.`);

    const skipped: SkippedRow[] = [...incoming.values()].flatMap((r) => {
      const c = chosen.get(r.row)!;
      return c.action === 'overslaan' ? [{ row: r.row, date: r.date, amountCents: r.amountCents, direction: 'bij' as const, payee: r.payee, reason: c.reason }] : [];
    });
    const apply = (teamId: number, expenseOfRow: Map<number, number>, batch: { id: number; fileName: string }, ctx: Ctx) => {
      let refundCount = 0;
      let income = 0;
      for (const r of incoming.values()) {
        const c = chosen.get(r.row)!;
        const at = (message: string) => invalid('incoming', `Regel ${r.row}: ${message}`);
        const rewrap = (err: unknown) => (err instanceof AppError ? at(err.message) : err);
        if (c.action === 'overslaan') continue;
        if (c.action === 'inkomsten') {
          try {
            budget.addEntry(
              { teamId, year: Number(r.date.slice(0, 4)), date: r.date, kind: 'aanvulling', amountCents: r.amountCents, reason: incomeReason(c.reason, r.payee, batch.fileName, r.row) },
              ctx,
            );
          } catch (err) {
            throw rewrap(err);
          }
          income++;
        } else {
          const expenseId = c.expenseId ?? expenseOfRow.get(c.expenseRow!);
          if (expenseId === undefined) throw at(`regel ${c.expenseRow} wordt niet als uitgave ingelezen; kies een andere uitgave.`);
          try {
            refunds.record(
              teamId,
              { expenseId, date: r.date, amountCents: r.amountCents, reason: 'Terugbetaling uit bankafschrift', payee: r.payee, description: r.description, importBatchId: batch.id, importRow: r.row },
              ctx,
            );
          } catch (err) {
            throw rewrap(err);
          }
          refundCount++;
        }
      }
      return { refunds: refundCount, income };
    };
    return { skipped, apply };
  };

  return { propose, plan };
}
