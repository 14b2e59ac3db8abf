import type { Migration } from './types';

/**
 * Versterkingsgelden. Public money, so history over overwrite:
 * - budget_entry: the year's allocation and later additions/corrections, append-only (no UPDATE, no DELETE);
 * - budget_decision: only its status (and the reasons that go with it) may change afterwards;
 * - expense: only a void (once) may change it afterwards; a correction is a reversal row;
 * - audit_log: append-only, hash-chained (see core/audit). Triggers refuse anything else, and the
 *   audit verify checks that the triggers are still there.
 * Links to team_opgave / action / cluster are stored as the effective attribution (derived from an
 * action or decision at write time), so every overview total is a plain sum over these rows.
 */
export const m003Budget: Migration = {
  version: 3,
  name: 'versterkingsgelden: budget entries, decisions, expenses, audit chain, import mappings',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        team_id INTEGER,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE budget_entry (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        entry_date TEXT NOT NULL CHECK (entry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('toekenning', 'aanvulling', 'correctie')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (kind = 'correctie' OR amount_cents > 0)
      ) STRICT;
      CREATE INDEX budget_entry_team_year ON budget_entry(team_id, year);
      CREATE UNIQUE INDEX budget_entry_one_allocation ON budget_entry(team_id, year) WHERE kind = 'toekenning';
      CREATE TRIGGER budget_entry_no_update BEFORE UPDATE ON budget_entry
        BEGIN SELECT RAISE(ABORT, 'budget_entry is append-only'); END;
      CREATE TRIGGER budget_entry_no_delete BEFORE DELETE ON budget_entry
        BEGIN SELECT RAISE(ABORT, 'budget_entry is append-only'); END;

      CREATE TABLE budget_decision (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        decision_date TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        rationale TEXT NOT NULL DEFAULT '',
        team_opgave_id INTEGER REFERENCES team_opgave(id),
        action_id INTEGER REFERENCES action(id),
        cluster_id INTEGER REFERENCES cluster(id),
        decided_by TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('voorgesteld', 'genomen', 'ingetrokken')),
        over_budget_reason TEXT NOT NULL DEFAULT '',
        withdrawn_reason TEXT NOT NULL DEFAULT '',
        taken_at TEXT,
        withdrawn_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (substr(decision_date, 1, 4) = CAST(year AS TEXT)),
        CHECK (status <> 'ingetrokken' OR (withdrawn_at IS NOT NULL AND length(withdrawn_reason) > 0))
      ) STRICT;
      CREATE INDEX budget_decision_team_year ON budget_decision(team_id, year, status);
      CREATE TRIGGER budget_decision_no_delete BEFORE DELETE ON budget_decision
        BEGIN SELECT RAISE(ABORT, 'budget_decision is never deleted'); END;
      CREATE TRIGGER budget_decision_status_only BEFORE UPDATE ON budget_decision
        WHEN NEW.id IS NOT OLD.id OR NEW.team_id IS NOT OLD.team_id OR NEW.year IS NOT OLD.year
          OR NEW.decision_date IS NOT OLD.decision_date OR NEW.title IS NOT OLD.title
          OR NEW.amount_cents IS NOT OLD.amount_cents OR NEW.rationale IS NOT OLD.rationale
          OR NEW.team_opgave_id IS NOT OLD.team_opgave_id OR NEW.action_id IS NOT OLD.action_id
          OR NEW.cluster_id IS NOT OLD.cluster_id OR NEW.decided_by IS NOT OLD.decided_by
          OR NEW.created_at IS NOT OLD.created_at OR OLD.status = 'ingetrokken'
        BEGIN SELECT RAISE(ABORT, 'only the status of a budget_decision may change'); END;

      CREATE TABLE import_batch (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        file_name TEXT NOT NULL DEFAULT '',
        signature TEXT NOT NULL,
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        row_count INTEGER NOT NULL CHECK (row_count >= 0),
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER import_batch_no_update BEFORE UPDATE ON import_batch
        BEGIN SELECT RAISE(ABORT, 'import_batch is append-only'); END;
      CREATE TRIGGER import_batch_no_delete BEFORE DELETE ON import_batch
        BEGIN SELECT RAISE(ABORT, 'import_batch is append-only'); END;

      CREATE TABLE expense (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        expense_date TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
        payee TEXT NOT NULL CHECK (length(payee) BETWEEN 1 AND 200),
        description TEXT NOT NULL DEFAULT '',
        payment_method TEXT NOT NULL CHECK (payment_method IN ('debitcard', 'factuur', 'declaratie', 'anders')),
        receipt_ref TEXT NOT NULL DEFAULT '',
        decision_id INTEGER REFERENCES budget_decision(id),
        team_opgave_id INTEGER REFERENCES team_opgave(id),
        action_id INTEGER REFERENCES action(id),
        cluster_id INTEGER REFERENCES cluster(id),
        reverses_id INTEGER UNIQUE REFERENCES expense(id),
        reason TEXT NOT NULL DEFAULT '',
        import_batch_id INTEGER REFERENCES import_batch(id),
        import_row INTEGER,
        voided_at TEXT,
        void_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (substr(expense_date, 1, 4) = CAST(year AS TEXT)),
        CHECK ((reverses_id IS NULL AND amount_cents > 0) OR (reverses_id IS NOT NULL AND amount_cents < 0)),
        CHECK (voided_at IS NULL OR length(void_reason) > 0)
      ) STRICT;
      CREATE INDEX expense_team_year ON expense(team_id, year, expense_date);
      CREATE INDEX expense_decision ON expense(decision_id);
      CREATE INDEX expense_duplicate ON expense(team_id, expense_date, amount_cents);
      CREATE TRIGGER expense_no_delete BEFORE DELETE ON expense
        BEGIN SELECT RAISE(ABORT, 'expense is never deleted'); END;
      CREATE TRIGGER expense_void_only BEFORE UPDATE ON expense
        WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL
          OR NEW.id IS NOT OLD.id OR NEW.team_id IS NOT OLD.team_id OR NEW.year IS NOT OLD.year
          OR NEW.expense_date IS NOT OLD.expense_date OR NEW.amount_cents IS NOT OLD.amount_cents
          OR NEW.payee IS NOT OLD.payee OR NEW.description IS NOT OLD.description
          OR NEW.payment_method IS NOT OLD.payment_method OR NEW.receipt_ref IS NOT OLD.receipt_ref
          OR NEW.decision_id IS NOT OLD.decision_id OR NEW.team_opgave_id IS NOT OLD.team_opgave_id
          OR NEW.action_id IS NOT OLD.action_id OR NEW.cluster_id IS NOT OLD.cluster_id
          OR NEW.reverses_id IS NOT OLD.reverses_id OR NEW.reason IS NOT OLD.reason
          OR NEW.import_batch_id IS NOT OLD.import_batch_id OR NEW.import_row IS NOT OLD.import_row
          OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'an expense can only be voided, once'); END;

      CREATE TABLE import_mapping (
        team_id INTEGER NOT NULL REFERENCES team(id),
        signature TEXT NOT NULL,
        mapping TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (team_id, signature)
      ) STRICT;
    `);
  },
};
