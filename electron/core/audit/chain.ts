import { createHash, hash as oneShotHash } from 'node:crypto';
import type { AuditEntry, AuditVerifyResult } from '../../api/audit';
import type { Db } from '../store/open';
import { verifyStoreNow } from './full-verify';
import { createRecentVerifier } from './recent';

/**
 * The audit trail: one append-only table for every domain, each record chained to the one before
 * by sha256(prev_hash + canonical record). A domain appends inside its own write transaction, so a
 * change and its audit record are stored together or not at all.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Not a finite number');
    if (typeof value === 'bigint') return value.toString();
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const own = Object.keys(obj);
  // A flat record (every stored row, every audit record) in one native call. A row read with its
  // columns in sorted order (sortedColumns below) is written as it is, in JSON.stringify's fast
  // path; otherwise JSON.stringify writes the properties in the order of the sorted key list. Runs
  // for each of a 10,000-row import's records.
  if (own.every((k) => isPlain(obj[k]))) return inOrder(own) ? JSON.stringify(obj) : JSON.stringify(obj, own.sort());
  const keys = own.sort();
  return `{${keys
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

/** Whether a key list is in the order sort() gives it (the same UTF-16 comparison). */
const inOrder = (keys: readonly string[]): boolean => {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
};

/**
 * A table's columns in sorted order, for a SELECT whose rows become audit records: such a row is
 * already canonical, and canonicalJson writes it without sorting or a key list. Read from the
 * schema, so a column a later migration adds is never left out.
 */
export function sortedColumns(db: Db, table: string): string {
  const names = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
  if (names.length === 0) throw new Error(`no table ${table}`);
  return names.sort().map((n) => `"${n}"`).join(', ');
}

/** A value JSON.stringify writes exactly as canonicalJson does (or leaves out, as undefined). */
const isPlain = (v: unknown): boolean =>
  v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

export interface AuditRow {
  seq: number;
  at: string;
  team_id: number | null;
  entity: string;
  entity_id: number;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export function hashAuditRecord(row: Omit<AuditRow, 'hash'>): string {
  const { prev_hash, ...rest } = row;
  return createHash('sha256').update(prev_hash).update(canonicalJson(rest)).digest('hex');
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const jsonOrNull = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));

/**
 * hashAuditRecord for a record being written: its canonical text written out in sorted key order
 * and hashed in one call. Every record of a 10,000-line import goes through here; the general rule
 * (sorting the keys of each record) took a fifth of the import. Equal to hashAuditRecord, which
 * verification uses, for every record (test/unit/audit.test.ts); anything unusual takes that way.
 */
export function hashNewAuditRecord(row: Omit<AuditRow, 'hash'>): string {
  const texts = [row.action, row.at, row.entity, row.prev_hash].every((v) => typeof v === 'string') && [row.before, row.after].every((v) => v === null || typeof v === 'string');
  if (!texts || !isInt(row.seq) || !isInt(row.entity_id) || !(row.team_id === null || isInt(row.team_id))) return hashAuditRecord(row);
  const text = `{"action":${JSON.stringify(row.action)},"after":${jsonOrNull(row.after)},"at":${JSON.stringify(row.at)},"before":${jsonOrNull(row.before)},"entity":${JSON.stringify(row.entity)},"entity_id":${row.entity_id},"seq":${row.seq},"team_id":${row.team_id === null ? 'null' : row.team_id}}`;
  return oneShotHash('sha256', row.prev_hash + text, 'hex');
}

export interface AuditAppend {
  at: string;
  teamId: number | null;
  entity: string;
  entityId: number;
  action: string;
  before: unknown;
  after: unknown;
}

const asJson = (v: unknown): string | null => (v === null || v === undefined ? null : canonicalJson(v));
const parse = (s: string | null): Record<string, unknown> | null => (s === null ? null : (JSON.parse(s) as Record<string, unknown>));

function toEntry(row: AuditRow): AuditEntry {
  const before = parse(row.before);
  const after = parse(row.after);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const changes = fields
    .filter((f) => canonicalJson(before?.[f] ?? null) !== canonicalJson(after?.[f] ?? null))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
  return {
    seq: row.seq,
    at: row.at,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before,
    after,
    changes,
    hash: row.hash,
  };
}

export function createAuditLog(db: Db) {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  // Positional: bound without a name lookup per value, and without copying the record (bulk writes append 10,000).
  const insert = db.prepare<[number, string, number | null, string, number, string, string | null, string | null, string, string]>(`
    INSERT INTO audit_log (seq, at, team_id, entity, entity_id, action, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byEntity = db.prepare<[string, number], AuditRow>('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq');
  const recent = createRecentVerifier(db);

  const appendAfter = (head: { seq: number; hash: string } | undefined, rec: AuditAppend): { seq: number; hash: string } => {
    const row: Omit<AuditRow, 'hash'> = {
      seq: (head?.seq ?? 0) + 1,
      at: rec.at,
      team_id: rec.teamId,
      entity: rec.entity,
      entity_id: rec.entityId,
      action: rec.action,
      before: asJson(rec.before),
      after: asJson(rec.after),
      prev_hash: head?.hash ?? GENESIS_HASH,
    };
    const hash = hashNewAuditRecord(row);
    insert.run(row.seq, row.at, row.team_id, row.entity, row.entity_id, row.action, row.before, row.after, row.prev_hash, hash);
    return { seq: row.seq, hash };
  };
  /**
   * A full verification that found nothing: its head becomes the start of the next recent check,
   * unless a recent check has already moved further (a background run sees the store as it was
   * when it began).
   */
  const verifiedUpTo = (result: AuditVerifyResult): void => {
    // ok means the records are 1…records without a gap: the head is record `records`.
    if (!result.ok || result.records === 0 || db.readonly || db.pragma('query_only', { simple: true })) return;
    if ((recent.head()?.seq ?? 0) < result.records) recent.setHead({ seq: result.records, hash: result.headHash });
    recent.persist();
  };
  const inTransaction = () => {
    if (!db.inTransaction) throw new Error('audit records are written inside the transaction of the change');
  };

  return {
    /** Appends one record; call it inside the transaction that makes the change. */
    append(rec: AuditAppend): void {
      inTransaction();
      appendAfter(last.get(), rec);
    },

    /**
     * For many records written by one synchronous call inside one transaction (a bulk write): reads
     * the head of the chain once and keeps it, instead of once per record. The chain is the same as
     * with `append`; nothing else can write between the records, as the connection is busy.
     */
    appender(): (rec: AuditAppend) => void {
      inTransaction();
      let head = last.get();
      return (rec) => {
        inTransaction();
        head = appendAfter(head, rec);
      };
    },

    /** Hash of the newest record (the chain head), or null while the chain is empty. */
    head(): string | null {
      return last.get()?.hash ?? null;
    },

    /** Every audit record of one record, oldest first, with the fields that changed. */
    history(entity: string, entityId: number): (AuditEntry & { teamId: number | null })[] {
      return byEntity.all(entity, entityId).map((row) => ({ ...toEntry(row), teamId: row.team_id }));
    },

    /** The full verification in one synchronous run; the overview runs it as a job (verify-job.ts). */
    verify(): AuditVerifyResult {
      const result = verifyStoreNow(db);
      verifiedUpTo(result);
      return result;
    },

    verifiedUpTo,

    /**
     * What was added since the last verified head (see recent.ts), at most `limit` records; moves
     * the head on when sound.
     */
    verifyRecent(limit?: number) {
      return recent.verify(limit);
    },

    /** Keeps the verified head in the store (at close), so the next start checks on from there. */
    persistVerifiedHead(): void {
      recent.persist();
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
