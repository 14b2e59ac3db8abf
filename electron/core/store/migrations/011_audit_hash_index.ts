import type { Migration } from './types';

/**
 * The audit trail without the UNIQUE index on `hash`. Nothing looks a record up by its hash, and the
 * chain itself (every record's hash over the one before, checked by the audit verify) is what makes
 * a record unique; the index only cost time: every append put a random key into a 400,000-entry
 * b-tree, so a 10,000-line import dirtied most of its pages (about 28 of the 38 MB such an import
 * wrote). SQLite cannot drop the index of a column constraint, so the table is rebuilt: same
 * columns, rows and checks, and its other indexes and its append-only triggers are made again
 * exactly as they were (also any a later version added before this one ran).
 */
export const m011AuditHashIndex: Migration = {
  version: 11,
  name: 'audit trail without the unique index on the record hash',
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    const unique = /(\bhash\s+TEXT\s+NOT\s+NULL)\s+UNIQUE\b/i;
    if (!table || !unique.test(table.sql)) throw new Error('audit_log does not have the expected unique hash column');
    const others = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE tbl_name = 'audit_log' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
      .all();
    const create = table.sql.replace(unique, '$1').replace(/^CREATE TABLE\s+"?audit_log"?/i, 'CREATE TABLE audit_log_rebuilt');
    if (!create.startsWith('CREATE TABLE audit_log_rebuilt')) throw new Error('audit_log has an unexpected definition');
    db.exec(create);
    db.exec('INSERT INTO audit_log_rebuilt SELECT * FROM audit_log ORDER BY seq');
    // Dropping a table fires no row triggers; its indexes and triggers go with it and are made again below.
    db.exec('DROP TABLE audit_log');
    db.exec('ALTER TABLE audit_log_rebuilt RENAME TO audit_log');
    for (const o of others) db.exec(o.sql);
  },
};
