import type { Migration } from './types';

/**
 * Progress over time: check-ins per chosen opgave and the rhythm at which they are due.
 * A check-in is never changed: a correction is a new row that names the row it corrects
 * (`corrects_id`), so the old one stays readable. The rhythm lives in its own table so the
 * agenda's team_opgave table stays the agenda's; no row means the default, monthly.
 */
export const m004Progress: Migration = {
  version: 4,
  name: 'progress: check-ins per chosen opgave and their rhythm',
  up(db) {
    db.exec(`
      CREATE TABLE checkin (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        team_opgave_id INTEGER NOT NULL REFERENCES team_opgave(id),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        status TEXT NOT NULL CHECK (status IN ('op-koers', 'aandacht-nodig', 'achter', 'afgerond')),
        progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
        confidence INTEGER NOT NULL CHECK (confidence BETWEEN 1 AND 10),
        went_well TEXT NOT NULL DEFAULT '',
        next_steps TEXT NOT NULL DEFAULT '',
        blockers TEXT NOT NULL DEFAULT '',
        corrects_id INTEGER UNIQUE REFERENCES checkin(id),
        correction_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (corrects_id IS NULL OR length(correction_reason) > 0)
      ) STRICT;
      CREATE INDEX checkin_team_opgave ON checkin(team_opgave_id, date);
      CREATE INDEX checkin_team_created ON checkin(team_id, created_at);

      CREATE TABLE checkin_rhythm (
        team_opgave_id INTEGER PRIMARY KEY REFERENCES team_opgave(id),
        team_id INTEGER NOT NULL REFERENCES team(id),
        rhythm TEXT NOT NULL CHECK (rhythm IN ('weekly', 'biweekly', 'monthly', 'quarterly')),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
