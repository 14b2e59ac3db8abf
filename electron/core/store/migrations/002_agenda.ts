import type { Migration } from './types';

/**
 * The team's agenda: the catalogue of the eight opgaven (rows added by the agenda seed in this
 * migration), the opgaven a team chose per period, their actions with partners, and the clusters
 * ("klein binnen groot"). Every team-owned row carries team_id so ownership checks are one lookup.
 */
export const m002Agenda: Migration = {
  version: 2,
  name: 'agenda: opgaven, actions, partners, clusters',
  up(db) {
    db.exec(`
      CREATE TABLE opgave (
        id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 8),
        code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('extern', 'intern')),
        title_nl TEXT NOT NULL,
        title_en TEXT NOT NULL,
        description_nl TEXT NOT NULL,
        description_en TEXT NOT NULL DEFAULT '',
        focus_points_nl TEXT NOT NULL DEFAULT '[]',
        questions_nl TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      CREATE TABLE cluster (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        areas TEXT NOT NULL DEFAULT '[]',
        gemeenten TEXT NOT NULL DEFAULT '[]',
        inhabitants INTEGER NOT NULL DEFAULT 0 CHECK (inhabitants >= 0),
        lead TEXT NOT NULL DEFAULT '',
        fte REAL NOT NULL DEFAULT 0 CHECK (fte >= 0),
        wijkagenten INTEGER NOT NULL DEFAULT 0 CHECK (wijkagenten >= 0),
        start_date TEXT NOT NULL,
        end_date TEXT,
        end_reason TEXT NOT NULL DEFAULT '',
        split_from_id INTEGER REFERENCES cluster(id),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_date IS NULL OR end_date >= start_date)
      ) STRICT;
      CREATE INDEX cluster_team ON cluster(team_id, start_date);

      CREATE TABLE team_opgave (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        opgave_id INTEGER NOT NULL REFERENCES opgave(id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        ambition TEXT NOT NULL DEFAULT '',
        answers TEXT NOT NULL DEFAULT '{}',
        owner TEXT NOT NULL DEFAULT '',
        priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
        pace TEXT NOT NULL DEFAULT '',
        start_date TEXT NOT NULL,
        target_date TEXT,
        status TEXT NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'gepauzeerd', 'afgerond', 'gestopt')),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (period_end >= period_start),
        CHECK (target_date IS NULL OR target_date >= start_date)
      ) STRICT;
      CREATE INDEX team_opgave_team ON team_opgave(team_id, period_start);

      CREATE TABLE action (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        team_opgave_id INTEGER NOT NULL REFERENCES team_opgave(id),
        cluster_id INTEGER REFERENCES cluster(id),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        template_code TEXT,
        start_date TEXT,
        due_date TEXT,
        done_date TEXT,
        status TEXT NOT NULL DEFAULT 'idee' CHECK (status IN ('idee', 'gepland', 'lopend', 'afgerond', 'gestopt')),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date)
      ) STRICT;
      CREATE INDEX action_team_opgave ON action(team_opgave_id, status);
      CREATE INDEX action_team_due ON action(team_id, status, due_date);

      CREATE TABLE partner (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind TEXT NOT NULL DEFAULT 'anders',
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        UNIQUE (team_id, name)
      ) STRICT;

      CREATE TABLE action_partner (
        action_id INTEGER NOT NULL REFERENCES action(id),
        partner_id INTEGER NOT NULL REFERENCES partner(id),
        PRIMARY KEY (action_id, partner_id)
      ) STRICT;
    `);
  },
};
