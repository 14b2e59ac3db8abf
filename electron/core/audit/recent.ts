import type { AuditProblem, AuditVerifyResult } from '../../api/audit';
import type { Db } from '../store/open';
import { canonicalJson, GENESIS_HASH, hashAuditRecord, type AuditRow } from './chain';
import { AUDITED_TABLES } from './tables';

/**
 * Verification of what was added since the last verified head, for after every ordinary change:
 * the verified head must still be there unchanged, every newer record must hash and link, every
 * record touched since must equal its latest audit record, and the append-only triggers must be in
 * place. Older records are the full verify's job. The head is kept in app_setting, so it carries
 * over between starts; a head that is gone or changed is reported (and the next full verify sets it).
 */
const HEAD_KEY = 'audit.verifiedHead';

export interface VerifiedHead {
  seq: number;
  hash: string;
}

const withoutHash = ({ hash: _hash, ...rest }: AuditRow): Omit<AuditRow, 'hash'> => rest;

export type RecentVerifyResult = AuditVerifyResult & { fromSeq: number };

export function createRecentVerifier(db: Db) {
  const readHead = db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?');
  const writeHead = db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const bySeq = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq = ?');
  const since = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq');
  const rowOf = new Map(AUDITED_TABLES.map((t) => [t.entity, { t, get: db.prepare(`SELECT * FROM "${t.table}" WHERE id = ?`) }]));
  const triggers = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'");

  const head = (): VerifiedHead | null => {
    const row = readHead.get(HEAD_KEY);
    return row ? (JSON.parse(row.value) as VerifiedHead) : null;
  };

  return {
    head,
    /** Marks `h` as verified (after a full verify, or a recent one, that found nothing). */
    setHead(h: VerifiedHead): void {
      writeHead.run(HEAD_KEY, JSON.stringify(h));
    },

    verify(): RecentVerifyResult {
      const problems: AuditProblem[] = [];
      const base = head() ?? { seq: 0, hash: GENESIS_HASH };
      if (base.seq > 0) {
        const anchor = bySeq.get(base.seq);
        const sound = anchor !== undefined && anchor.hash === base.hash && hashAuditRecord(withoutHash(anchor)) === base.hash;
        if (!sound) problems.push({ seq: base.seq, message: `Auditregel ${base.seq} is gewijzigd sinds de laatste controle.` });
      }
      const rows = since.all(base.seq);
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
      for (const audit of latest.values()) {
        const table = rowOf.get(audit.entity);
        if (!table) continue;
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
      return { ok: problems.length === 0, records: rows.length, headHash: prev, problems, fromSeq: base.seq };
    },
  };
}
