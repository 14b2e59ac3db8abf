import type { Migration } from './types';

/**
 * The verantwoording to the district, both ends:
 * - bundle_export (a team's store): every bundle made, with the audit chain's length and head at
 *   that moment, so a later bundle can show the district that its chain still contains those heads;
 * - district_key (a district's store): the signing keys the district chose to trust;
 * - district_bundle: every bundle read in, exactly as received (its text) plus the few columns the
 *   district overview lists, so the overview never has to parse the records.
 * All three are append-only: a newer bundle is a new row; nothing read in is changed or deleted.
 */
export const m008District: Migration = {
  version: 8,
  name: 'verantwoording bundles: exports made, trusted keys, bundles read in',
  up(db) {
    db.exec(`
      CREATE TABLE bundle_export (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        created_at TEXT NOT NULL,
        audit_length INTEGER NOT NULL CHECK (audit_length >= 0),
        audit_head TEXT CHECK (audit_head IS NULL OR length(audit_head) = 64),
        bundle_sha256 TEXT NOT NULL CHECK (length(bundle_sha256) = 64)
      ) STRICT;
      CREATE TRIGGER bundle_export_no_update BEFORE UPDATE ON bundle_export
        BEGIN SELECT RAISE(ABORT, 'bundle_export is append-only'); END;
      CREATE TRIGGER bundle_export_no_delete BEFORE DELETE ON bundle_export
        BEGIN SELECT RAISE(ABORT, 'bundle_export is append-only'); END;

      CREATE TABLE district_key (
        fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
        public_key TEXT NOT NULL,
        trusted_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER district_key_no_update BEFORE UPDATE ON district_key
        BEGIN SELECT RAISE(ABORT, 'district_key is append-only'); END;
      CREATE TRIGGER district_key_no_delete BEFORE DELETE ON district_key
        BEGIN SELECT RAISE(ABORT, 'district_key is append-only'); END;

      CREATE TABLE district_bundle (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL REFERENCES district_key(fingerprint),
        team_id INTEGER NOT NULL,
        team_name TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        audit_length INTEGER NOT NULL CHECK (audit_length >= 0),
        audit_head TEXT,
        anchors TEXT NOT NULL,
        summary TEXT NOT NULL,
        content TEXT NOT NULL,
        content_sha256 TEXT NOT NULL UNIQUE CHECK (length(content_sha256) = 64)
      ) STRICT;
      CREATE INDEX district_bundle_team ON district_bundle(fingerprint, team_id, period_from, period_to, created_at);
      CREATE TRIGGER district_bundle_no_update BEFORE UPDATE ON district_bundle
        BEGIN SELECT RAISE(ABORT, 'district_bundle is append-only'); END;
      CREATE TRIGGER district_bundle_no_delete BEFORE DELETE ON district_bundle
        BEGIN SELECT RAISE(ABORT, 'district_bundle is append-only'); END;
    `);
  },
};
