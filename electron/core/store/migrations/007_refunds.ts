import type { Migration } from './types';

/**
 * Refunds and the rows an import left out.
 * - refund: money that came back on one expense (a card refund, a returned deposit, a credit note),
 *   append-only like the other ledger tables; spent = expenses − refunds. A refund falls in the year
 *   of its expense, on or after its date; the core keeps the sum of an expense's refunds within
 *   the expense. Plain integer id, so receipts can attach to it.
 * - import_batch.skipped: the lines of the file that were not written, each with its reason (JSON),
 *   so nothing a statement held disappears without a word.
 */
export const m007Refunds: Migration = {
  version: 7,
  name: 'refunds linked to expenses; skipped import rows kept with the batch',
  up(db) {
    db.exec(`
      CREATE TABLE refund (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        expense_id INTEGER NOT NULL REFERENCES expense(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        refund_date TEXT NOT NULL CHECK (refund_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        payee TEXT NOT NULL DEFAULT '' CHECK (length(payee) <= 200),
        description TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        import_batch_id INTEGER REFERENCES import_batch(id),
        import_row INTEGER,
        created_at TEXT NOT NULL,
        CHECK (substr(refund_date, 1, 4) = CAST(year AS TEXT))
      ) STRICT;
      CREATE INDEX refund_expense ON refund(expense_id);
      CREATE INDEX refund_team_year ON refund(team_id, year, refund_date);
      CREATE TRIGGER refund_no_update BEFORE UPDATE ON refund
        BEGIN SELECT RAISE(ABORT, 'refund is append-only'); END;
      CREATE TRIGGER refund_no_delete BEFORE DELETE ON refund
        BEGIN SELECT RAISE(ABORT, 'refund is append-only'); END;

      ALTER TABLE import_batch ADD COLUMN skipped TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skipped));
    `);
  },
};
