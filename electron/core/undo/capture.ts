import type { Db } from '../store/open';

/**
 * Tables whose rows are not part of what a user action changes: the audit trail (append-only; it
 * only grows, also on undo), the journal itself, the fixed catalogue of the eight opgaven, and the
 * stored receipt files (content-addressed, never changed or removed, and bytes JSON cannot hold).
 */
const NOT_JOURNALED = new Set(['audit_log', 'change_action', 'change_row', 'change_alias', 'opgave', 'receipt_blob']);

/**
 * Rows not copied one by one: the expenses of a bank import (the condition says which new rows are
 * still copied). The import batch row is journaled and names them (expense.import_batch_id), so undo
 * finds them without 10,000 journal rows per import.
 */
const SKIP_INSERT: Record<string, string> = { expense: 'NEW.import_batch_id IS NULL' };

export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table a user action can write, read from the open store (a new table is journaled too). */
export function journaledTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => r.name)
    .filter((n) => !NOT_JOURNALED.has(n));
}

export const columnsOf = (db: Db, table: string): string[] =>
  db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
    .all(table)
    .map((c) => c.name);

/** `json_object('a', X.a, 'b', X.b)`: the row as one JSON text, the same in triggers and reads. */
export const imageSql = (columns: string[], alias: string) =>
  `json_object(${columns.map((c) => `'${c.replace(/'/g, "''")}', ${alias}.${quoteId(c)}`).join(', ')})`;

/**
 * Installs the capture on this connection: TEMP triggers (they live only in this connection, so
 * the file stays plain SQLite that any tool can write) that copy every written row, before and
 * after, into change_row while an action is open (a row in temp.journal_ctx). Because they run
 * inside the statement that writes, the journal is in the same transaction as the change.
 */
export function installCapture(db: Db): string[] {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS journal_ctx (action_id INTEGER NOT NULL, phase INTEGER NOT NULL, at TEXT NOT NULL)');
  const tables = journaledTables(db);
  for (const t of tables) {
    const cols = columnsOf(db, t);
    const lit = `'${t.replace(/'/g, "''")}'`;
    const name = (op: string) => quoteId(`journal_${t}_${op}`);
    const body = (rowid: string, before: string, after: string) =>
      `INSERT INTO main.change_row (action_id, phase, at, tbl, row_id, before, after)
         SELECT action_id, phase, at, ${lit}, ${rowid}, ${before}, ${after} FROM temp.journal_ctx;`;
    db.exec(`
      DROP TRIGGER IF EXISTS temp.${name('ins')};
      DROP TRIGGER IF EXISTS temp.${name('upd')};
      DROP TRIGGER IF EXISTS temp.${name('del')};
      CREATE TEMP TRIGGER ${name('ins')} AFTER INSERT ON main.${quoteId(t)} WHEN EXISTS (SELECT 1 FROM temp.journal_ctx)${SKIP_INSERT[t] ? ` AND ${SKIP_INSERT[t]}` : ''}
        BEGIN ${body('NEW.rowid', 'NULL', imageSql(cols, 'NEW'))} END;
      CREATE TEMP TRIGGER ${name('upd')} AFTER UPDATE ON main.${quoteId(t)} WHEN EXISTS (SELECT 1 FROM temp.journal_ctx)
        BEGIN ${body('NEW.rowid', imageSql(cols, 'OLD'), imageSql(cols, 'NEW'))} END;
      CREATE TEMP TRIGGER ${name('del')} AFTER DELETE ON main.${quoteId(t)} WHEN EXISTS (SELECT 1 FROM temp.journal_ctx)
        BEGIN ${body('OLD.rowid', imageSql(cols, 'OLD'), 'NULL')} END;
    `);
  }
  return tables;
}

/**
 * Opens and closes the capture window of one action (or one undo/redo of it). `uncaptured`: tables
 * whose every new row in this action is one the journal leaves out (SKIP_INSERT: an import's expenses).
 * Their insert trigger is set aside meanwhile: firing it only to skip the row cost SQLite a trigger
 * program per row, as much as the insert itself (10,000 times for one statement). Afterwards every
 * row the action added is checked to be one the trigger would have skipped; the trigger comes back
 * with the action (and a rolled-back action restores it with the rest).
 */
export function captureWindow(db: Db) {
  const open = db.prepare('INSERT INTO temp.journal_ctx (action_id, phase, at) VALUES (?, ?, ?)');
  const close = db.prepare('DELETE FROM temp.journal_ctx');
  const triggerSql = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_temp_master WHERE type = 'trigger' AND name = ?");
  const setAside = (table: string): (() => void) => {
    const skip = SKIP_INSERT[table];
    if (!skip) throw new Error(`${table}: only rows the journal skips can be written without their insert capture`);
    const name = `journal_${table}_ins`;
    const trigger = triggerSql.get(name);
    if (!trigger) return () => {};
    const last = (db.prepare(`SELECT max(rowid) AS id FROM main.${quoteId(table)}`).get() as { id: number | null }).id ?? 0;
    db.exec(`DROP TRIGGER temp.${quoteId(name)}`);
    // sqlite_temp_master keeps the text without TEMP; made again as it was: in this connection only.
    const again = trigger.sql.replace(/^CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i, 'CREATE TEMP TRIGGER');
    return () => {
      db.exec(again);
      const recorded = db.prepare(`SELECT rowid AS id FROM main.${quoteId(table)} WHERE rowid > ? AND (${skip.replaceAll('NEW.', '')}) LIMIT 1`).get(last) as { id: number } | undefined;
      if (recorded) throw new Error(`${table} ${recorded.id} was written without its insert capture, but the journal records such rows`);
    };
  };
  return <T>(actionId: number, phase: number, at: string, fn: () => T, uncaptured: readonly string[] = []): T => {
    close.run();
    open.run(actionId, phase, at);
    try {
      const restores = uncaptured.map(setAside);
      const result = fn();
      for (const restore of restores) restore();
      return result;
    } finally {
      close.run();
    }
  };
}
