import { createHash } from 'node:crypto';
import type { AuditEntry, AuditProblem, AuditVerifyResult } from '../../api/audit';
import type { Db } from '../store/open';
import { createRecentVerifier } from './recent';
import { AUDITED_TABLES, CONTENT_TABLES } from './tables';

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
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

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
  const insert = db.prepare(`
    INSERT INTO audit_log (seq, at, team_id, entity, entity_id, action, before, after, prev_hash, hash)
    VALUES (@seq, @at, @team_id, @entity, @entity_id, @action, @before, @after, @prev_hash, @hash)`);
  const byEntity = db.prepare<[string, number], AuditRow>('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq');
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
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
    const hash = hashAuditRecord(row);
    insert.run({ ...row, hash });
    return { seq: row.seq, hash };
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

    /** The full check; when it finds nothing, its head becomes the start of the next recent check. */
    verify(): AuditVerifyResult {
      const rows = all.all();
      const result = verifyAudit(db, rows);
      const last = rows.at(-1);
      if (result.ok && last) {
        recent.setHead({ seq: last.seq, hash: last.hash });
        recent.persist();
      }
      return result;
    },

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

/**
 * Checks (1) the chain: every record's hash and its link to the one before; (2) that every row of
 * every audited table equals its latest audit record, and no audited row has disappeared; (3) that
 * the append-only triggers are still in place; (4) that every stored file still has the SHA-256 it is
 * stored under (each file read and hashed once) and that every file an audited row names is there.
 */
function verifyAudit(db: Db, rows: AuditRow[]): AuditVerifyResult {
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  const latest = new Map<string, AuditRow>();
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      problems.push({ seq: row.seq, message: `Auditregel ${expectedSeq} ontbreekt in de keten.` });
      expectedSeq = row.seq;
    }
    if (row.prev_hash !== prev) problems.push({ seq: row.seq, message: `Auditregel ${row.seq} sluit niet aan op de regel ervoor.` });
    const { hash, ...rest } = row;
    if (hashAuditRecord(rest) !== hash) problems.push({ seq: row.seq, message: `Auditregel ${row.seq} is na het vastleggen gewijzigd.` });
    prev = hash;
    expectedSeq += 1;
    latest.set(`${row.entity}#${row.entity_id}`, row);
  }

  for (const t of AUDITED_TABLES) {
    const present = new Set<number>();
    for (const record of db.prepare(`SELECT * FROM "${t.table}" ORDER BY id`).all() as Record<string, unknown>[]) {
      const id = Number(record.id);
      present.add(id);
      const audit = latest.get(`${t.entity}#${id}`);
      if (!audit) problems.push({ entity: t.entity, entityId: id, message: `${t.label} ${id} heeft geen auditregel.` });
      else if (audit.after !== canonicalJson(record))
        problems.push({ entity: t.entity, entityId: id, seq: audit.seq, message: `${t.label} ${id} wijkt af van de laatste auditregel (${audit.seq}).` });
    }
    for (const audit of latest.values()) {
      if (audit.entity === t.entity && audit.after !== null && !present.has(audit.entity_id))
        problems.push({ entity: t.entity, entityId: audit.entity_id, message: `${t.label} ${audit.entity_id} is verdwenen.` });
    }
    const triggers = new Set(
      db
        .prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .all(t.table)
        .map((r) => r.name),
    );
    for (const name of t.triggers)
      if (!triggers.has(name)) problems.push({ entity: t.entity, message: `De beveiliging ${name} van ${t.table} ontbreekt.` });
  }
  for (const c of CONTENT_TABLES) {
    // One row at a time: a store with a thousand photos is never all in memory at once.
    for (const blob of db.prepare(`SELECT sha256, size, bytes FROM "${c.table}"`).iterate() as IterableIterator<{ sha256: string; size: number; bytes: Buffer }>) {
      const actual = createHash('sha256').update(blob.bytes).digest('hex');
      if (actual !== blob.sha256 || blob.bytes.byteLength !== blob.size)
        problems.push({ message: `${c.label} ${blob.sha256.slice(0, 12)}… is na het vastleggen gewijzigd (de inhoud past niet meer bij de vastgelegde SHA-256).` });
    }
    const triggers = new Set(
      db
        .prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .all(c.table)
        .map((r) => r.name),
    );
    for (const name of c.triggers) if (!triggers.has(name)) problems.push({ message: `De beveiliging ${name} van ${c.table} ontbreekt.` });
  }
  for (const a of db
    .prepare<[], { id: number; blob_sha256: string }>('SELECT a.id, a.blob_sha256 FROM attachment a LEFT JOIN receipt_blob b ON b.sha256 = a.blob_sha256 WHERE b.sha256 IS NULL')
    .all())
    problems.push({ entity: 'attachment', entityId: a.id, message: `Het bestand van bijlage ${a.id} (${a.blob_sha256.slice(0, 12)}…) ontbreekt.` });

  const auditTriggers = db
    .prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_log_no_update', 'audit_log_no_delete')")
    .get()!;
  if (auditTriggers.n !== 2) problems.push({ message: 'De beveiliging van het auditlog ontbreekt.' });

  return { ok: problems.length === 0, records: rows.length, headHash: prev, problems };
}
