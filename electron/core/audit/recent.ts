import type { AuditProblem, AuditVerifyResult } from '../../api/audit';
import type { Db } from '../store/open';
import { canonicalJson, GENESIS_HASH, hashAuditRecord, type AuditRow } from './chain';
import { AUDITED_TABLES } from './tables';

/**
 * Verification of what was added since the last verified head, for after every ordinary change:
 * the verified head must still be there unchanged, every newer record must hash and link, every
 * record touched since must equal its latest audit record, and the append-only triggers must be in
 * place. Older records are the full verify's job.
 *
 * The head lives in memory while the store is open (moving it costs no write, so checking after
 * every change adds no disk flush to it) and is kept in app_setting by a full verify and at close
 * (`persist`), so it carries over between starts. After a crash the persisted head is older, which
 * only means more records to check. A head that is gone or changed is reported.
 */
const HEAD_KEY = 'audit.verifiedHead';

export interface VerifiedHead {
  seq: number;
  hash: string;
}

const withoutHash = ({ hash: _hash, ...rest }: AuditRow): Omit<AuditRow, 'hash'> => rest;

export type RecentVerifyResult = AuditVerifyResult & {
  fromSeq: number;
  /** False when `limit` stopped the check before the newest record: call again to go on. */
  complete: boolean;
};

export function createRecentVerifier(db: Db) {
  const readHead = db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?');
  const writeHead = db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const bySeq = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq = ?');
  const since = db.prepare<[number, number], AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?');
  const newestOf = db.prepare<[string, number], { seq: number }>('SELECT max(seq) AS seq FROM audit_log WHERE entity = ? AND entity_id = ?');
  const rowOf = new Map(AUDITED_TABLES.map((t) => [t.entity, { t, get: db.prepare(`SELECT * FROM "${t.table}" WHERE id = ?`) }]));
  const triggers = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'");

  const stored = (): VerifiedHead | null => {
    const row = readHead.get(HEAD_KEY);
    return row ? (JSON.parse(row.value) as VerifiedHead) : null;
  };
  let current: VerifiedHead | null = stored();
  let dirty = false;

  const setHead = (h: VerifiedHead) => {
    if (current?.seq === h.seq && current.hash === h.hash) return;
    current = h;
    dirty = true;
  };

  return {
    head: (): VerifiedHead | null => current,
    /** Marks `h` as verified (after a check that found nothing); kept in memory until `persist`. */
    setHead,
    /** Writes the head to app_setting when it moved (a full verify, the store's close). */
    persist(): void {
      if (!dirty || !current || db.pragma('query_only', { simple: true })) return;
      writeHead.run(HEAD_KEY, JSON.stringify(current));
      dirty = false;
    },

    /**
     * Checks the records after the verified head (at most `limit` of them) and, when they are sound,
     * moves the head to the last one checked.
     */
    verify(limit = Number.MAX_SAFE_INTEGER): RecentVerifyResult {
      const problems: AuditProblem[] = [];
      const base = current ?? { seq: 0, hash: GENESIS_HASH };
      if (base.seq > 0) {
        const anchor = bySeq.get(base.seq);
        const sound = anchor !== undefined && anchor.hash === base.hash && hashAuditRecord(withoutHash(anchor)) === base.hash;
        if (!sound) problems.push({ seq: base.seq, message: `Auditregel ${base.seq} is gewijzigd sinds de laatste controle.` });
      }
      const rows = since.all(base.seq, limit);
      let prev = base.hash;
      let expectedSeq = base.seq + 1;
      const latest = new Map<string, AuditRow>();
      for (const row of rows) {
        if (row.seq !== expectedSeq) problems.push({ seq: row.seq, message: `Auditregel ${expectedSeq} ontbreekt in de keten.` });
        if (row.prev_hash !== prev) problems.push({ seq: row.seq, message: `Auditregel ${row.seq} sluit niet aan op de regel ervoor.` });
        const { hash, ...rest } = row;
        if (hashAuditRecord(rest) !== hash) problems.push({ seq: row.seq, message: `Auditregel ${row.seq} is na het vastleggen gewijzigd.` });
        prev = hash;
        expectedSeq = row.seq + 1;
        latest.set(`${row.entity}#${row.entity_id}`, row);
      }
      const complete = rows.length < limit;
      for (const audit of latest.values()) {
        const table = rowOf.get(audit.entity);
        if (!table) continue;
        // A record changed again after this part of the trail is compared by the part that holds its newest change.
        if (!complete && newestOf.get(audit.entity, audit.entity_id)?.seq !== audit.seq) continue;
        const record = table.get.get(audit.entity_id) as Record<string, unknown> | undefined;
        const label = `${table.t.label} ${audit.entity_id}`;
        if (audit.after === null) {
          if (record) problems.push({ entity: audit.entity, entityId: audit.entity_id, seq: audit.seq, message: `${label} wijkt af van de laatste auditregel (${audit.seq}).` });
        } else if (!record) problems.push({ entity: audit.entity, entityId: audit.entity_id, message: `${label} is verdwenen.` });
        else if (audit.after !== canonicalJson(record))
          problems.push({ entity: audit.entity, entityId: audit.entity_id, seq: audit.seq, message: `${label} wijkt af van de laatste auditregel (${audit.seq}).` });
      }
      const present = new Set(triggers.all().map((r) => r.name));
      for (const t of AUDITED_TABLES)
        for (const name of t.triggers) if (!present.has(name)) problems.push({ entity: t.entity, message: `De beveiliging ${name} van ${t.table} ontbreekt.` });
      if (!present.has('audit_log_no_update') || !present.has('audit_log_no_delete')) problems.push({ message: 'De beveiliging van het auditlog ontbreekt.' });
      const last = rows.at(-1);
      if (problems.length === 0 && last) setHead({ seq: last.seq, hash: last.hash });
      return { ok: problems.length === 0, records: rows.length, headHash: prev, problems, fromSeq: base.seq, complete };
    },
  };
}
