import type { Migration } from './types';

/**
 * The change journal behind undo, redo and the history of every record.
 * - change_action: one user action (one write call of the contract) of one team, with its readable
 *   description in Dutch and English; `state` says whether it is in effect ('done'), taken back
 *   ('undone', can be redone) or past redoing ('discarded': a newer action came after the undo).
 *   A 'barrier' row marks a restore or whole-store import: nothing before it can be undone.
 * - change_row: every row the action wrote (table, rowid, the row before and after as JSON), in the
 *   order written. Phase 0 is the action itself; each later undo or redo of the action records its
 *   own rows under the next phase, so a record's history shows the undo as well.
 * - change_alias: money records are never changed back; undo and redo book a new record instead.
 *   This maps a record to the one that took its place, so later undo/redo steps find the live one.
 * No foreign keys to team: undoing the creation of a team removes the team, not its history.
 */
export const m010Journal: Migration = {
  version: 10,
  name: 'change journal for undo, redo and record history',
  up(db) {
    db.exec(`
      CREATE TABLE change_action (
        id INTEGER PRIMARY KEY,
        team_id INTEGER,
        method TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'barrier')),
        description_nl TEXT NOT NULL,
        description_en TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded')),
        phase INTEGER NOT NULL DEFAULT 0 CHECK (phase >= 0),
        created_at TEXT NOT NULL,
        state_at TEXT
      ) STRICT;
      CREATE INDEX change_action_team ON change_action(team_id, state, id);

      CREATE TABLE change_row (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES change_action(id),
        phase INTEGER NOT NULL CHECK (phase >= 0),
        at TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        before TEXT,
        after TEXT,
        CHECK (before IS NOT NULL OR after IS NOT NULL)
      ) STRICT;
      CREATE INDEX change_row_action ON change_row(action_id, phase, id);
      CREATE INDEX change_row_record ON change_row(tbl, row_id, id);

      CREATE TABLE change_alias (
        tbl TEXT NOT NULL,
        old_id INTEGER NOT NULL,
        new_id INTEGER NOT NULL,
        action_id INTEGER NOT NULL REFERENCES change_action(id),
        PRIMARY KEY (tbl, old_id)
      ) STRICT;
    `);
  },
};
