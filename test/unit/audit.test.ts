import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditVerifyResult } from '../../electron/api/audit';
import { createCore } from '../../electron/core';
import { canonicalJson, hashAuditRecord, hashNewAuditRecord } from '../../electron/core/audit/chain';
import { fixedClock } from '../../electron/core/clock';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { budgetFixture } from './budget-fixtures';
import { apply, LedgerModel, opArb } from './budget-model';
import { call, tempDir } from './helpers';

const TABLES = ['audit_log', 'budget_entry', 'budget_decision', 'expense'] as const;

/**
 * Someone with the SQLite file and a tool changes one value of one past record (dropping the
 * append-only triggers first and putting them back afterwards, as a careful tamperer would).
 * Returns false when no change was possible for this pick.
 */
function tamper(file: string, table: string, rowPick: number, columnPick: number, mode: 'update' | 'delete'): boolean {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  try {
    // The picked table, or the next one that has rows.
    const start = TABLES.indexOf(table as (typeof TABLES)[number]);
    let rows: Record<string, unknown>[] = [];
    for (let k = 0; k < TABLES.length && rows.length === 0; k++) {
      table = TABLES[(start + k) % TABLES.length]!;
      rows = db.prepare(`SELECT rowid AS _rowid, * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
    }
    if (rows.length === 0) return false;
    const row = rows[rowPick % rows.length]!;
    const triggers = db.prepare<[string], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table);
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    let changed = false;
    if (mode === 'delete') {
      changed = db.prepare(`DELETE FROM "${table}" WHERE rowid = ?`).run(row._rowid).changes === 1;
    } else {
      const columns = Object.keys(row).filter((c) => c !== '_rowid');
      for (let k = 0; k < columns.length && !changed; k++) {
        const col = columns[(columnPick + k) % columns.length]!;
        const v = row[col];
        const candidates =
          typeof v === 'number' ? [v + 1, v - 1, v + 1000, -v] : typeof v === 'string' ? [`${v}x`, `${v.slice(0, -1)}${v.endsWith('0') ? '1' : '0'}`, 'x'] : [1, 'x'];
        for (const c of candidates) {
          try {
            changed = db.prepare(`UPDATE "${table}" SET "${col}" = ? WHERE rowid = ?`).run(c, row._rowid).changes === 1;
            if (changed) break;
          } catch {
            // a CHECK or UNIQUE constraint refused this value; try the next one
          }
        }
      }
    }
    for (const t of triggers) db.exec(t.sql);
    return changed;
  } finally {
    db.close();
  }
}

describe('audit trail: hash chain over every change', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
  });

  it('canonical JSON of a flat record (its quick path) is the text of the general rule, key by key', () => {
    // The rule as first written: every chained record ever stored was hashed over this text.
    const general = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${general(obj[k])}`).join(',')}}`;
    };
    const plain = fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('id', '10', '2', 'a b', '__proto__', 'é', 'Z')), plain), (record) => {
        expect(canonicalJson(record)).toBe(general(record));
        // The same record with its keys already in order (a row read with sortedColumns) takes the
        // path without a key list; integer-like keys still come first in the object, as V8 keeps them.
        const inOrder = Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
        expect(canonicalJson(inOrder)).toBe(general(record));
      }),
      { numRuns: 500 },
    );
  });

  it('verifies after a random history, and fails after any single past record is changed in the SQLite file', async () => {
    let tampered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 3, maxLength: 25 }),
        fc.constantFrom(...TABLES),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('update' as const, 'update' as const, 'delete' as const),
        async (ops, table, rowPick, columnPick, mode) => {
          const dataDir = tempDir();
          let core = createCore({ dataDir, clock: fixedClock('2026-11-28') });
          const f = await budgetFixture(core);
          const m = new LedgerModel(f);
          for (const op of ops) await apply(core, m, op);
          const ok = await call<AuditVerifyResult>(core, 'audit.verify', { teamId: f.teamId });
          expect(ok.problems).toEqual([]);
          expect(ok.records).toBe((core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);
          const file = core.file;
          core.close();

          const changed = tamper(file, table, rowPick, columnPick, mode);
          if (changed) tampered += 1;
          core = createCore({ dataDir, clock: fixedClock('2026-11-28') });
          try {
            const after = await call<AuditVerifyResult>(core, 'audit.verify', { teamId: f.teamId });
            if (changed) {
              expect(after.ok).toBe(false);
              expect(after.problems.length).toBeGreaterThan(0);
              expect(checkBudgetInvariants(core.db).length).toBeGreaterThan(0);
            } else {
              expect(after.ok).toBe(true);
            }
          } finally {
            core.close();
          }
        },
      ),
      { numRuns: 40 },
    );
    // The property is not vacuous: most runs really changed a record.
    expect(tampered).toBeGreaterThan(30);
  });

  it('notices a removed append-only trigger', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir });
    const { teamId } = await budgetFixture(core);
    core.db.exec('DROP TRIGGER expense_no_delete');
    const r = await call<AuditVerifyResult>(core, 'audit.verify', { teamId });
    core.close();
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.message).toContain('expense_no_delete');
  });
});

describe('audit trail: checking what was added since the last verified head', () => {
  type Recent = AuditVerifyResult & { fromSeq: number };
  const count = (core: ReturnType<typeof createCore>) => (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const history = async (core: ReturnType<typeof createCore>, seed: number) => {
    const f = await budgetFixture(core);
    const m = new LedgerModel(f);
    for (const op of fc.sample(fc.array(opArb, { minLength: 8, maxLength: 8 }), { numRuns: 1, seed })[0]!) await apply(core, m, op);
    return { f, m };
  };
  /** Changes a value behind the app's back, with the triggers dropped and put back. */
  const sneak = (core: ReturnType<typeof createCore>, table: string, sql: string) => {
    const triggers = core.db.prepare<[string], { sql: string; name: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table);
    for (const t of triggers) core.db.exec(`DROP TRIGGER "${t.name}"`);
    core.db.exec(sql);
    for (const t of triggers) core.db.exec(t.sql);
  };

  it('checks only the records since the head a full verify left, and moves the head on', async () => {
    const core = createCore({ dataDir: tempDir(), clock: fixedClock('2026-11-28'), verifyAfterChanges: false });
    try {
      const { f, m } = await history(core, 7);
      const full = await call<AuditVerifyResult>(core, 'audit.verify', { teamId: f.teamId });
      expect(full.ok).toBe(true);
      const before = count(core);
      for (const op of fc.sample(fc.array(opArb, { minLength: 5, maxLength: 5 }), { numRuns: 1, seed: 8 })[0]!) await apply(core, m, op);
      const recent = await call<Recent>(core, 'audit.verifyRecent', { teamId: f.teamId });
      expect(recent).toMatchObject({ ok: true, fromSeq: before, records: count(core) - before });
      const again = await call<Recent>(core, 'audit.verifyRecent', { teamId: f.teamId });
      expect(again).toMatchObject({ ok: true, fromSeq: count(core), records: 0 });
    } finally {
      core.close();
    }
  });

  it('finds a new record changed and a verified head changed afterwards', async () => {
    const core = createCore({ dataDir: tempDir(), clock: fixedClock('2026-11-28'), verifyAfterChanges: false });
    try {
      const { f, m } = await history(core, 11);
      expect((await call<AuditVerifyResult>(core, 'audit.verify', { teamId: f.teamId })).ok).toBe(true);
      const head = count(core);
      for (const op of fc.sample(fc.array(opArb, { minLength: 6, maxLength: 6 }), { numRuns: 1, seed: 12 })[0]!) await apply(core, m, op);
      expect(count(core)).toBeGreaterThan(head);
      const newest = core.db.prepare('SELECT seq, entity, entity_id FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; entity: string; entity_id: number };

      sneak(core, 'audit_log', `UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = ${newest.seq}`);
      const changed = await call<Recent>(core, 'audit.verifyRecent', { teamId: f.teamId });
      expect(changed.ok).toBe(false);
      expect(changed.problems.map((p) => p.seq)).toContain(newest.seq);

      sneak(core, 'audit_log', `UPDATE audit_log SET at = '2021-01-01T00:00:00.000Z' WHERE seq = ${head}`);
      const anchor = await call<Recent>(core, 'audit.verifyRecent', { teamId: f.teamId });
      expect(anchor.problems.some((p) => p.seq === head && p.message.includes('sinds de laatste controle'))).toBe(true);
    } finally {
      core.close();
    }
  });
});

describe('audit trail: the hash of a record being written', () => {
  it('equals the general rule that verification uses, for any record', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('"', '\\', '\u2028', '€ 1.234,56', ''));
    const json = fc.oneof(fc.constant(null), fc.jsonValue().map((v) => canonicalJson(v)));
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          at: text,
          team_id: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: Number.MAX_SAFE_INTEGER })),
          entity: text,
          entity_id: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
          action: text,
          before: json,
          after: json,
          prev_hash: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), text),
        }),
        (row) => hashNewAuditRecord(row) === hashAuditRecord(row),
      ),
      { numRuns: 2000 },
    );
  });

  it('takes the general rule for a value out of the ordinary', () => {
    const row = { seq: 1.5, at: '2026-01-01T00:00:00Z', team_id: null, entity: 'expense', entity_id: 1, action: 'create', before: null, after: '{}', prev_hash: '0'.repeat(64) };
    expect(hashNewAuditRecord(row)).toBe(hashAuditRecord(row));
  });
});
