import type { Migration } from './types';

export const m001Team: Migration = {
  version: 1,
  name: 'team profile',
  up(db) {
    db.exec(`
      CREATE TABLE team (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        eenheid TEXT NOT NULL,
        district TEXT NOT NULL DEFAULT '',
        formation_fte REAL NOT NULL CHECK (formation_fte > 0),
        inhabitants INTEGER NOT NULL CHECK (inhabitants >= 0),
        area_km2 REAL NOT NULL CHECK (area_km2 >= 0),
        wijkagenten INTEGER NOT NULL CHECK (wijkagenten >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE team_gemeente (
        team_id INTEGER NOT NULL REFERENCES team(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (team_id, position)
      ) STRICT;

      CREATE TABLE app_setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
