import type { Migration } from './types';

/**
 * Receipts (bonnen, invoices, signed decision memos) inside the store, so the one file stays the
 * whole record:
 * - receipt_blob: content-addressed by SHA-256; the same bytes are stored once, never changed or
 *   removed (the audit verification recomputes every hash);
 * - attachment: which file hangs on which record (expense, decision or refund). Append-only:
 *   detaching sets detached_at once, with a reason; the row and the file stay.
 * record_id points into the table named by record_kind, so it cannot be a foreign key; the service
 * checks it and the invariants check it after the fact.
 */
export const m009Receipts: Migration = {
  version: 9,
  name: 'receipts: content-addressed files and their attachments to records',
  up(db) {
    db.exec(`
      CREATE TABLE receipt_blob (
        sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
        size INTEGER NOT NULL CHECK (size > 0),
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (length(bytes) = size)
      ) STRICT;
      CREATE TRIGGER receipt_blob_no_update BEFORE UPDATE ON receipt_blob
        BEGIN SELECT RAISE(ABORT, 'receipt_blob is append-only'); END;
      CREATE TRIGGER receipt_blob_no_delete BEFORE DELETE ON receipt_blob
        BEGIN SELECT RAISE(ABORT, 'receipt_blob is append-only'); END;

      CREATE TABLE attachment (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES team(id),
        record_kind TEXT NOT NULL CHECK (record_kind IN ('expense', 'decision', 'refund')),
        record_id INTEGER NOT NULL CHECK (record_id > 0),
        blob_sha256 TEXT NOT NULL REFERENCES receipt_blob(sha256),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 260),
        attached_at TEXT NOT NULL,
        detached_at TEXT,
        detach_reason TEXT NOT NULL DEFAULT '',
        CHECK (detached_at IS NULL OR length(detach_reason) > 0)
      ) STRICT;
      CREATE INDEX attachment_record ON attachment(record_kind, record_id);
      CREATE INDEX attachment_team ON attachment(team_id, record_kind, record_id);
      CREATE INDEX attachment_blob ON attachment(blob_sha256);
      CREATE UNIQUE INDEX attachment_once ON attachment(record_kind, record_id, blob_sha256) WHERE detached_at IS NULL;
      CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment
        BEGIN SELECT RAISE(ABORT, 'attachment is never deleted'); END;
      CREATE TRIGGER attachment_detach_only BEFORE UPDATE ON attachment
        WHEN OLD.detached_at IS NOT NULL OR NEW.detached_at IS NULL
          OR NEW.id IS NOT OLD.id OR NEW.team_id IS NOT OLD.team_id OR NEW.record_kind IS NOT OLD.record_kind
          OR NEW.record_id IS NOT OLD.record_id OR NEW.blob_sha256 IS NOT OLD.blob_sha256
          OR NEW.file_name IS NOT OLD.file_name OR NEW.attached_at IS NOT OLD.attached_at
        BEGIN SELECT RAISE(ABORT, 'an attachment can only be detached, once'); END;
    `);
  },
};
