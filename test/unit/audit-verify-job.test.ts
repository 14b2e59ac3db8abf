import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { AuditProblem, AuditVerifyResult, AuditVerifyStatus } from '../../electron/api/audit';
import type { Expense } from '../../electron/api/budget';
import { createCore, type Core } from '../../electron/core';
import { canonicalJson, createAuditLog, GENESIS_HASH, hashAuditRecord } from '../../electron/core/audit/chain';
import { AUDITED_TABLES, CONTENT_TABLES } from '../../electron/core/audit/tables';
import { createVerifyRunner } from '../../electron/core/audit/verify-job';
import { fixedClock } from '../../electron/core/clock';
import { budgetFixture } from './budget-fixtures';
import { call, tempDir } from './helpers';

/**
 * The verification as it was written first: one pass over every record held in memory, keys sorted
 * per row. Kept here as the definition the fast parts (in the core and in the worker) must agree
 * with, problem for problem.
 */
function referenceVerify(db: Database.Database): AuditVerifyResult {
  type Row = { seq: number; entity: string; entity_id: number; after: string | null; prev_hash: string; hash: string } & Record<string, unknown>;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  const latest = new Map<string, Row>();
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      problems.push({ seq: row.seq, message: `Auditregel ${expectedSeq} ontbreekt in de keten.` });
      expectedSeq = row.seq;
    }
    if (row.prev_hash !== prev) problems.push({ seq: row.seq, message: `Auditregel ${row.seq} sluit niet aan op de regel ervoor.` });
    const { hash, ...rest } = row;
    if (hashAuditRecord(rest as Parameters<typeof hashAuditRecord>[0]) !== hash) problems.push({ seq: row.seq, message: `Auditregel ${row.seq} is na het vastleggen gewijzigd.` });
    prev = hash;
    expectedSeq += 1;
    latest.set(`${row.entity}#${row.entity_id}`, row);
  }
  const triggersOf = (table: string) => new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table) as { name: string }[]).map((r) => r.name));
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
    for (const audit of latest.values())
      if (audit.entity === t.entity && audit.after !== null && !present.has(audit.entity_id))
        problems.push({ entity: t.entity, entityId: audit.entity_id, message: `${t.label} ${audit.entity_id} is verdwenen.` });
    const triggers = triggersOf(t.table);
    for (const name of t.triggers) if (!triggers.has(name)) problems.push({ entity: t.entity, message: `De beveiliging ${name} van ${t.table} ontbreekt.` });
  }
  for (const c of CONTENT_TABLES) {
    for (const blob of db.prepare(`SELECT sha256, size, bytes FROM "${c.table}"`).all() as { sha256: string; size: number; bytes: Buffer }[]) {
      const actual = hashBytes(blob.bytes);
      if (actual !== blob.sha256 || blob.bytes.byteLength !== blob.size)
        problems.push({ message: `${c.label} ${blob.sha256.slice(0, 12)}… is na het vastleggen gewijzigd (de inhoud past niet meer bij de vastgelegde SHA-256).` });
    }
    const triggers = triggersOf(c.table);
    for (const name of c.triggers) if (!triggers.has(name)) problems.push({ message: `De beveiliging ${name} van ${c.table} ontbreekt.` });
  }
  for (const a of db.prepare('SELECT a.id, a.blob_sha256 FROM attachment a LEFT JOIN receipt_blob b ON b.sha256 = a.blob_sha256 WHERE b.sha256 IS NULL').all() as { id: number; blob_sha256: string }[])
    problems.push({ entity: 'attachment', entityId: a.id, message: `Het bestand van bijlage ${a.id} (${a.blob_sha256.slice(0, 12)}…) ontbreekt.` });
  const n = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_log_no_update', 'audit_log_no_delete')").get() as { n: number }).n;
  if (n !== 2) problems.push({ message: 'De beveiliging van het auditlog ontbreekt.' });
  return { ok: problems.length === 0, records: rows.length, headHash: prev, problems };
}
const hashBytes = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** How many files of this process (any thread) are open on the store file or its WAL and shm. */
const openHandles = (file: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd)).startsWith(file);
    } catch {
      return false;
    }
  }).length;

const PNG = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/receipts/bon.png')));

/** A small ledger with every audited kind of row: entries, a decision, expenses (one voided), a receipt. */
async function ledger(core: Core) {
  const f = await budgetFixture(core);
  const { teamId } = f;
  await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-02', kind: 'toekenning', amountCents: 1_000_000, reason: '' });
  await call(core, 'budget.decisions.create', { teamId, date: '2026-02-01', title: 'Pop-up bureau', amountCents: 200_000, rationale: '', decidedBy: 'Driehoek', status: 'genomen' });
  const expenses: Expense[] = [];
  for (let i = 0; i < 30; i++)
    expenses.push(
      await call<Expense>(core, 'budget.expenses.create', { teamId, date: '2026-03-10', amountCents: 1_00 + i, payee: `Leverancier "${i}"\tØ`, description: 'regel\nnieuw', paymentMethod: 'debitcard', receiptRef: '' }),
    );
  await call(core, 'budget.expenses.void', { teamId, expenseId: expenses[3]!.id, reason: 'Verkeerd team' });
  await call(core, 'receipts.attach', { teamId, kind: 'expense', recordId: expenses[1]!.id, fileName: 'bon.png', bytes: PNG });
  return { teamId, expenses };
}

/** Changes the store file as someone with a SQLite tool would: triggers dropped and put back. */
function tamper(file: string, sql: string, ...args: unknown[]) {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  try {
    const triggers = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all();
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    expect(db.prepare(sql).run(...args).changes).toBe(1);
    for (const t of triggers) db.exec(t.sql);
  } finally {
    db.close();
  }
}

async function runJob(file: string): Promise<AuditVerifyResult> {
  const runner = createVerifyRunner(file, { every: 7 });
  const result = new Promise<AuditVerifyResult>((resolve) => runner.start((r) => resolve(r)));
  const r = await result;
  await runner.idle();
  expect(runner.job()).toMatchObject({ state: 'done' });
  return r;
}

const TAMPERS: [string, string, unknown[]][] = [
  ['an amount changed', 'UPDATE expense SET amount_cents = amount_cents + 1 WHERE id = 7', []],
  ['an expense removed', 'DELETE FROM expense WHERE id = 12', []],
  ['an audit record removed', 'DELETE FROM audit_log WHERE seq = 9', []],
  ['an audit record changed', "UPDATE audit_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = 5", []],
  ['a receipt changed byte for byte', 'UPDATE receipt_blob SET bytes = ? WHERE rowid = 1', [Buffer.from(PNG.map((b, i) => (i === 100 ? b ^ 1 : b)))]],
  ['a safeguard removed', "DROP TRIGGER expense_no_delete", []],
];

describe('the full verification, fast and off the main thread', () => {
  async function original() {
    const dataDir = tempDir();
    const core = createCore({ dataDir, clock: fixedClock('2026-11-28') });
    await ledger(core);
    const file = core.file;
    core.close();
    return file;
  }

  it('finds in the worker exactly what the one-pass verification finds, untouched and after each kind of tampering', async () => {
    const file = await original();
    const clean = new Database(file, { readonly: true });
    const expected = referenceVerify(clean);
    expect(expected).toMatchObject({ ok: true, records: 34 });
    expect(createAuditLog(clean).verify()).toEqual(expected);
    clean.close();
    expect(await runJob(file)).toEqual(expected);

    for (const [what, sql, args] of TAMPERS) {
      const copy = join(tempDir(), 'teamchef.sqlite');
      copyFileSync(file, copy);
      if (sql.startsWith('DROP')) {
        const db = new Database(copy);
        db.exec(sql);
        db.close();
      } else tamper(copy, sql, ...args);
      const db = new Database(copy, { readonly: true });
      const reference = referenceVerify(db);
      const inCore = createAuditLog(db).verify();
      db.close();
      expect(reference.ok, what).toBe(false);
      expect(inCore, what).toEqual(reference);
      expect(await runJob(copy), what).toEqual(reference);
    }
  });

  it('keeps every other call answering while it runs, sees one moment of the store, and records a completed result only', async () => {
    const dataDir = tempDir();
    const gate = new Int32Array(new SharedArrayBuffer(4));
    // Without the check after every change, which would verify the write made meanwhile by itself.
    const core = createCore({ dataDir, clock: fixedClock('2026-11-28'), auditVerify: { every: 5, gate }, verifyAfterChanges: false });
    try {
      const { teamId, expenses } = await ledger(core);
      let status = await call<AuditVerifyStatus>(core, 'audit.verifyStart', { teamId });
      expect(status).toMatchObject({ job: { state: 'running' }, last: null });
      await vi.waitFor(async () => expect((await call<AuditVerifyStatus>(core, 'audit.verifyStatus', { teamId })).job!.total).toBeGreaterThan(0));
      // The workers wait at their gate: reads and writes on the main connection go on meanwhile.
      await call(core, 'budget.expenses.create', { teamId, date: '2026-03-11', amountCents: 4_20, payee: 'Tijdens de controle', description: '', paymentMethod: 'debitcard', receiptRef: '' });
      expect((await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).length).toBe(expenses.length + 1);
      // A second start answers the running job instead of starting another.
      expect((await call<AuditVerifyStatus>(core, 'audit.verifyStart', { teamId })).job!.id).toBe(status.job!.id);
      Atomics.add(gate, 0, 1_000_000);
      Atomics.notify(gate, 0);
      await vi.waitFor(async () => expect((await call<AuditVerifyStatus>(core, 'audit.verifyStatus', { teamId })).job!.state).toBe('done'));
      status = await call<AuditVerifyStatus>(core, 'audit.verifyStatus', { teamId });
      // The records of the moment it started: the write during the run is neither counted nor a problem.
      expect(status.last).toMatchObject({ at: '2026-11-28T12:00:00.000Z', ok: true, records: 34, problemCount: 0, problems: [] });
      expect(status.job!.done).toBe(status.job!.total);
      // What it verified is where the next recent check starts: only the write made meanwhile is left.
      expect(await call(core, 'audit.verifyRecent', { teamId })).toMatchObject({ ok: true, fromSeq: 34, records: 1 });
    } finally {
      core.close();
    }
    // Kept in the store: a restart shows the same last result.
    const again = createCore({ dataDir, clock: fixedClock('2026-11-29') });
    try {
      const teamId = (await call<{ id: number }[]>(again, 'team.list'))[0]!.id;
      expect((await call<AuditVerifyStatus>(again, 'audit.verifyStatus', { teamId })).last).toMatchObject({ at: '2026-11-28T12:00:00.000Z', ok: true, records: 34 });
    } finally {
      again.close();
    }
  });

  it('stops for real on cancel: the workers end, nothing is recorded, and a new run starts afresh', async () => {
    const file = await original();
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const runner = createVerifyRunner(file, { every: 5, gate });
    const onDone = vi.fn();
    const first = runner.start(onDone);
    await vi.waitFor(() => expect(runner.job()!.total).toBeGreaterThan(0));
    Atomics.add(gate, 0, 2);
    Atomics.notify(gate, 0);
    await vi.waitFor(() => expect(runner.job()!.done).toBeGreaterThan(0));
    expect(runner.cancel()).toMatchObject({ id: first.id, state: 'cancelled' });
    await runner.idle();
    const stoppedAt = runner.job()!.done;
    expect(stoppedAt).toBeLessThan(runner.job()!.total);
    // Permits after the cancel change nothing: the workers are gone.
    Atomics.add(gate, 0, 1_000_000);
    Atomics.notify(gate, 0);
    await runner.idle();
    expect(runner.job()).toMatchObject({ state: 'cancelled', done: stoppedAt });
    expect(onDone).not.toHaveBeenCalled();
    // Both workers' connections are closed.
    expect(openHandles(file)).toBe(0);

    const result = new Promise<AuditVerifyResult>((resolve) => runner.start(resolve));
    expect(runner.job()).toMatchObject({ id: first.id + 1, state: 'running', done: 0 });
    expect((await result).ok).toBe(true);
    await runner.idle();
  });

  it('a store closing mid-run stops the job and waits until the workers have let go of the file', async () => {
    const dataDir = tempDir();
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const core = createCore({ dataDir, clock: fixedClock('2026-11-28'), auditVerify: { every: 5, gate } });
    const { teamId } = await ledger(core);
    await call(core, 'audit.verifyStart', { teamId });
    await vi.waitFor(async () => expect((await call<AuditVerifyStatus>(core, 'audit.verifyStatus', { teamId })).job!.total).toBeGreaterThan(0));
    const file = core.file;
    expect(openHandles(file)).toBeGreaterThan(1);
    core.close();
    // Synchronously after close: neither the core nor a worker holds the file any more.
    expect(openHandles(file)).toBe(0);
  });
});
