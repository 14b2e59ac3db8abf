import crypto from 'node:crypto';
import type { AuditProblem, AuditVerifyResult } from '../../api/audit';
import type { Db } from '../store/open';
import { canonicalJson, GENESIS_HASH } from './chain';
import { AUDITED_TABLES, CONTENT_TABLES, type AuditedTable, type ContentTable } from './tables';

/**
 * The full verification of the audit trail, in two parts that need nothing from each other, so two
 * worker threads can run them at once (see verify-job.ts):
 * - `chain`: every record's hash and its link to the one before;
 * - `tables`: every row of every audited table equals its latest audit record and no audited row
 *   has disappeared; the append-only triggers are in place; every stored file still has the SHA-256
 *   it is stored under (each file read and hashed once) and every file an audited row names is there.
 * Together they answer exactly what one pass over the whole trail answers, problems in the same order.
 */
export type VerifyPart = 'chain' | 'tables';
export const VERIFY_PARTS: readonly VerifyPart[] = ['chain', 'tables'];

export interface PartResult {
  problems: AuditProblem[];
  /** Chain only: how many records, and the newest record's hash. */
  records: number;
  headHash: string;
}

/** What the verification needs from outside; passed in, so `verifyPart` names nothing around it. */
export interface VerifyDeps {
  sha256hex(data: string | Uint8Array): string;
  canonicalJson(value: unknown): string;
  audited: readonly AuditedTable[];
  content: readonly ContentTable[];
  genesis: string;
}

export interface VerifyHooks {
  /**
   * Told first, from the part's first read: the newest record it sees (seq 0 when none). Two parts
   * that saw different heads did not look at the same moment of the store (see verify-job.ts).
   */
  begin(head: string): void;
  /** Rows between two calls of `progress` and `stop`. */
  every: number;
  /** Rows (and stored files) of this part done so far, of about `total`. */
  progress(done: number, total: number): void;
  /** True when the work must stop: the part then answers null. */
  stop(): boolean;
}

/**
 * One part of the full verification on `db`. Self-contained on purpose (no imports, no closures
 * over module state, plain JavaScript once the types are gone): the worker thread is built from its
 * source text, so the worker and the core run the very same code. Fast because rows are read as
 * arrays (iterate() or batches), each canonical JSON text is written from a key order worked out
 * once per table instead of sorting keys per row, and the table check walks the table and the audit
 * index side by side in id order instead of holding the whole trail in memory.
 */
export function verifyPart(db: Db, part: VerifyPart, deps: VerifyDeps, hooks: VerifyHooks | null): PartResult | null {
  const problems: AuditProblem[] = [];
  const every = hooks ? Math.max(1, hooks.every) : Number.MAX_SAFE_INTEGER;
  const batch = Math.min(every, 4096);
  let done = 0;
  let total = 0;
  let untilCheck = every;
  /** Counts `n` rows; false when the caller must stop. */
  const step = (n: number): boolean => {
    done += n;
    untilCheck -= n;
    if (untilCheck > 0 || !hooks) return true;
    untilCheck = every;
    if (hooks.stop()) return false;
    hooks.progress(Math.min(done, total), total);
    return true;
  };

  /** canonicalJson of a row read as an array, from its column names: the sorted keys are worked out once. */
  const serializer = (names: string[], skip: readonly string[]) => {
    const order = names
      .map((name, index) => ({ name, index }))
      .filter((c) => !skip.includes(c.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const keys = order.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
    const indexes = order.map((c) => c.index);
    const n = indexes.length;
    return (row: unknown[]): string => {
      let out = '';
      for (let i = 0; i < n; i++) {
        const v = row[indexes[i]!];
        // SQLite answers null, strings, finite numbers (or a Buffer): JSON.stringify writes the first three exactly as canonicalJson does.
        out += keys[i]! + (v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' && Number.isFinite(v) ? `${v}` : deps.canonicalJson(v));
      }
      return n === 0 ? '{}' : `${out}}`;
    };
  };
  const countOf = (sql: string): number => Number((db.prepare(sql).raw().get() as unknown[] | undefined)?.[0] ?? 0);
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').raw().get() as unknown[] | undefined;
  hooks?.begin(head ? `${head[0] as number}:${head[1] as string}` : '0:');
  const triggersOf = (table: string) =>
    new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").raw().all(table) as unknown[][]).map((r) => r[0] as string));

  if (part === 'chain') {
    total = countOf('SELECT max(seq) FROM audit_log');
    hooks?.progress(0, total);
    const chain = db.prepare('SELECT * FROM audit_log ORDER BY seq').raw();
    const names = chain.columns().map((c) => c.name);
    const iSeq = names.indexOf('seq');
    const iPrev = names.indexOf('prev_hash');
    const iHash = names.indexOf('hash');
    const recordText = serializer(names, ['prev_hash', 'hash']);
    let prev = deps.genesis;
    let expectedSeq = 1;
    let records = 0;
    for (const row of chain.iterate() as IterableIterator<unknown[]>) {
      const seq = row[iSeq] as number;
      const hash = row[iHash] as string;
      if (seq !== expectedSeq) {
        problems.push({ seq, message: `Auditregel ${expectedSeq} ontbreekt in de keten.` });
        expectedSeq = seq;
      }
      if (row[iPrev] !== prev) problems.push({ seq, message: `Auditregel ${seq} sluit niet aan op de regel ervoor.` });
      if (deps.sha256hex(`${row[iPrev] as string}${recordText(row)}`) !== hash) problems.push({ seq, message: `Auditregel ${seq} is na het vastleggen gewijzigd.` });
      prev = hash;
      expectedSeq += 1;
      records += 1;
      if (!step(1)) return null;
    }
    return { problems, records, headHash: prev };
  }

  for (const t of deps.audited) total += countOf(`SELECT max(rowid) FROM "${t.table}"`);
  for (const c of deps.content) total += countOf(`SELECT count(*) FROM "${c.table}"`);
  hooks?.progress(0, total);

  for (const t of deps.audited) {
    // The table in id order, and its audit records in (id, seq) order through the audit_log_entity
    // index, both in batches: the last record of each id is the one its row must equal.
    const rowsAfter = db.prepare(`SELECT * FROM "${t.table}" WHERE id > ? ORDER BY id LIMIT ${batch}`).raw();
    const auditsAfter = db
      .prepare(`SELECT entity_id, seq, after FROM audit_log WHERE entity = ? AND (entity_id, seq) > (?, ?) ORDER BY entity_id, seq LIMIT ${batch}`)
      .raw();
    const columns = rowsAfter.columns().map((c) => c.name);
    const iId = columns.indexOf('id');
    const rowText = serializer(columns, []);
    let audits: unknown[][] = auditsAfter.all(t.entity, Number.MIN_SAFE_INTEGER, 0) as unknown[][];
    let at = 0;
    /** The next audit record in (id, seq) order, or undefined at the end. */
    const peek = (): unknown[] | undefined => {
      if (at < audits.length) return audits[at];
      if (audits.length < batch) return undefined;
      const last = audits[audits.length - 1]!;
      audits = auditsAfter.all(t.entity, last[0], last[1]) as unknown[][];
      at = 0;
      return audits[0];
    };
    /** Takes every record of the next id: answers the id, its first seq and its latest record. */
    const takeGroup = (): { id: number; firstSeq: number; seq: number; after: string | null } => {
      const first = peek()!;
      const id = Number(first[0]);
      let last = first;
      for (let a = peek(); a !== undefined && Number(a[0]) === id; a = peek()) {
        last = a;
        at += 1;
      }
      return { id, firstSeq: first[1] as number, seq: last[1] as number, after: last[2] as string | null };
    };
    const gone: { id: number; firstSeq: number }[] = [];
    const goneUpTo = (id: number): boolean => {
      for (let a = peek(); a !== undefined && Number(a[0]) < id; a = peek()) {
        const g = takeGroup();
        if (g.after !== null) gone.push(g);
        if (!step(1)) return false;
      }
      return true;
    };
    let lastId = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = rowsAfter.all(lastId) as unknown[][];
      for (const record of rows) {
        const id = Number(record[iId]);
        if (!goneUpTo(id)) return null;
        const a = peek();
        if (a === undefined || Number(a[0]) !== id) problems.push({ entity: t.entity, entityId: id, message: `${t.label} ${id} heeft geen auditregel.` });
        else {
          const g = takeGroup();
          if (g.after !== rowText(record)) problems.push({ entity: t.entity, entityId: id, seq: g.seq, message: `${t.label} ${id} wijkt af van de laatste auditregel (${g.seq}).` });
        }
      }
      if (!step(rows.length)) return null;
      if (rows.length < batch) break;
      lastId = Number(rows[rows.length - 1]![iId]);
    }
    if (!goneUpTo(Number.POSITIVE_INFINITY)) return null;
    // Told in the order the records first appeared in the trail.
    gone.sort((a, b) => a.firstSeq - b.firstSeq);
    for (const g of gone) problems.push({ entity: t.entity, entityId: g.id, message: `${t.label} ${g.id} is verdwenen.` });
    const triggers = triggersOf(t.table);
    for (const name of t.triggers) if (!triggers.has(name)) problems.push({ entity: t.entity, message: `De beveiliging ${name} van ${t.table} ontbreekt.` });
  }

  // Every stored file hashed again, one at a time: a store with a thousand photos is never all in memory at once.
  for (const c of deps.content) {
    for (const blob of db.prepare(`SELECT sha256, size, bytes FROM "${c.table}"`).iterate() as IterableIterator<{ sha256: string; size: number; bytes: Buffer }>) {
      if (deps.sha256hex(blob.bytes) !== blob.sha256 || blob.bytes.byteLength !== blob.size)
        problems.push({ message: `${c.label} ${blob.sha256.slice(0, 12)}… is na het vastleggen gewijzigd (de inhoud past niet meer bij de vastgelegde SHA-256).` });
      // Files are large: after each one the work may stop.
      untilCheck = 0;
      if (!step(1)) return null;
    }
    const triggers = triggersOf(c.table);
    for (const name of c.triggers) if (!triggers.has(name)) problems.push({ message: `De beveiliging ${name} van ${c.table} ontbreekt.` });
  }
  for (const [id, sha] of db
    .prepare('SELECT a.id, a.blob_sha256 FROM attachment a LEFT JOIN receipt_blob b ON b.sha256 = a.blob_sha256 WHERE b.sha256 IS NULL')
    .raw()
    .all() as [number, string][])
    problems.push({ entity: 'attachment', entityId: id, message: `Het bestand van bijlage ${id} (${sha.slice(0, 12)}…) ontbreekt.` });

  const auditTriggers = countOf("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_log_no_update', 'audit_log_no_delete')");
  if (auditTriggers !== 2) problems.push({ message: 'De beveiliging van het auditlog ontbreekt.' });
  hooks?.progress(total, total);
  return { problems, records: 0, headHash: '' };
}

/** The parts' answers as one: the chain's problems first, as a single pass would find them. */
export function combineParts(chain: PartResult, tables: PartResult): AuditVerifyResult {
  const problems = [...chain.problems, ...tables.problems];
  return { ok: problems.length === 0, records: chain.records, headHash: chain.headHash, problems };
}

/** sha256 in hex: the one-shot crypto.hash where the runtime has it (Node 21.7+), else createHash. */
export const sha256hex: (data: string | Uint8Array) => string =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'hex') : (data) => crypto.createHash('sha256').update(data).digest('hex');

// A function, not a constant: chain.ts imports this module, so its exports are not there yet at load.
export const verifyDeps = (): VerifyDeps => ({ sha256hex, canonicalJson, audited: AUDITED_TABLES, content: CONTENT_TABLES, genesis: GENESIS_HASH });

/** The full verification on this connection, in one synchronous run (for callers inside the core). */
export function verifyStoreNow(db: Db): AuditVerifyResult {
  const deps = verifyDeps();
  return combineParts(verifyPart(db, 'chain', deps, null)!, verifyPart(db, 'tables', deps, null)!);
}
