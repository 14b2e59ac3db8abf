import { describe, expect, it } from 'vitest';
import type { AuditVerifyResult } from '../../electron/api/audit';
import type { ImportPreview, ImportResult, IncomingChoice, Refund } from '../../electron/api/budget';
import { createAuditLog } from '../../electron/core/audit/chain';
import { createImportService } from '../../electron/core/budget/import';
import { createRefundService } from '../../electron/core/budget/refunds';
import { createBudgetService, type NewExpense } from '../../electron/core/budget/service';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { createApplier } from '../../electron/core/undo/apply';
import { createNamer } from '../../electron/core/undo/names';
import type { Core } from '../../electron/core';
import type { Db } from '../../electron/core/store/open';
import { budgetFixture } from './budget-fixtures';
import { call, testCore } from './helpers';

/**
 * The import at the size of a busy team with years of history: duplicate flags, refund proposals
 * and the audit chain hold for a 10,000-line statement, and the import's reads keep to their
 * indexes on a store with query-planner statistics (as `PRAGMA optimize` leaves them).
 */

const PAYEES = ['Albert Heijn', 'Jumbo', 'HEMA', 'Bol.com', 'Coolblue', 'NS', 'Praxis', 'Action'];
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const ING_HEADER = '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"';
const euros = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
const ingLine = (date: string, payee: string, direction: 'Af' | 'Bij', cents: number, n: number) =>
  `"${date.replaceAll('-', '')}";"${payee}";"NL01INGB0001234567";"NL02BANK0${String(n).padStart(9, '0')}";"BA";"${direction}";"${euros(cents)}";"Betaalautomaat";"Pasvolgnr 001 ${n}"`;
const day = (year: number, k: number) => new Date(Date.UTC(year, 0, 1 + (k % 330))).toISOString().slice(0, 10);

/** `perYear` expenses in each of ten years, through the budget service's bulk path (the rules and the audit chain). */
function history(core: Core, teamId: number, perYear: number): void {
  const budget = createBudgetService(core.db, createAuditLog(core.db));
  for (const year of YEARS) {
    const rows: NewExpense[] = Array.from({ length: perYear }, (_, k) => ({
      date: day(year, k),
      // 500.00 and up: never the amount of a statement line below.
      amountCents: 500_00 + k,
      payee: PAYEES[k % PAYEES.length]!,
      description: '',
      paymentMethod: 'debitcard',
      receiptRef: '',
      links: { decisionId: null, teamOpgaveId: null, actionId: null, clusterId: null },
    }));
    core.db.transaction(() => budget.addExpensesInTransaction(teamId, rows, { now: () => new Date(`${year}-12-31T12:00:00Z`), today: () => `${year}-12-31` }))();
  }
}

describe('a 10,000-line statement into a team with ten years of expenses', () => {
  it('flags the one duplicate, proposes the years-old expense for its refund, and imports with every audit record', { timeout: 120_000 }, async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    history(core, teamId, 400);
    const old = core.db
      .prepare<[], { id: number }>(`INSERT INTO expense (team_id, year, expense_date, amount_cents, payee, payment_method, created_at)
        VALUES (${teamId}, 2019, '2019-03-14', 250_00, 'Drukkerij Oud', 'factuur', '2019-03-14T10:00:00Z') RETURNING id`)
      .get()!.id;
    // Written like the app does, so the audit chain covers it.
    createAuditLog(core.db);
    core.db.transaction(() =>
      createAuditLog(core.db).append({ at: '2019-03-14T10:00:00Z', teamId, entity: 'expense', entityId: old, action: 'aangemaakt', before: null, after: core.db.prepare('SELECT * FROM expense WHERE id = ?').get(old) }),
    )();
    const stored = core.db
      .prepare<[number], { id: number; expense_date: string; amount_cents: number; payee: string }>(
        "SELECT id, expense_date, amount_cents, payee FROM expense WHERE team_id = ? AND year = 2026 ORDER BY id LIMIT 1 OFFSET 123",
      )
      .get(teamId)!;

    const lines = [ING_HEADER];
    for (let i = 0; i < 10_000; i++) {
      if (i === 5_000) lines.push(ingLine(stored.expense_date, stored.payee, 'Af', stored.amount_cents, i));
      else if (i === 7_000) lines.push(ingLine('2019-05-02', 'Drukkerij Oud', 'Bij', 40_00, i));
      else if (i % 20 === 19) lines.push(ingLine(day(2026, i), PAYEES[i % PAYEES.length]!, 'Bij', 1_00 + (i % 50), i));
      else lines.push(ingLine(day(2026, i), PAYEES[i % PAYEES.length]!, 'Af', 10_00 + i, i));
    }
    const file = { teamId, fileName: 'NL01INGB0001234567_01-01-2026_28-11-2026.csv', contentBase64: Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64') };

    const p = await call<ImportPreview>(core, 'budget.import.preview', file);
    expect(p.rows).toHaveLength(10_000);
    expect(p.errors).toEqual([]);
    const dup = p.rows.find((r) => r.row === 5_002)!;
    expect(dup.duplicateOf).toEqual({ kind: 'uitgave', id: stored.id });
    expect(p.rows.filter((r) => r.duplicateOf !== null).map((r) => r.row)).toEqual([5_002]);
    const fromOld = p.rows.find((r) => r.row === 7_002)!;
    expect(fromOld.proposal).toMatchObject({ action: 'terugbetaling', expenseId: old, expenseRow: null });
    expect(fromOld.proposal!.candidates[0]).toMatchObject({ expenseId: old, date: '2019-03-14', remainingCents: 250_00 });
    const incoming = p.rows.filter((r) => r.direction === 'bij');
    expect(incoming.length).toBe(501);
    // Every incoming line has a proposal, and refunds of this year's lines are proposed against expenses.
    expect(incoming.every((r) => r.proposal !== null)).toBe(true);
    expect(incoming.filter((r) => r.proposal!.action === 'terugbetaling').length).toBe(501);

    const choices: IncomingChoice[] = incoming.map((r) =>
      r.proposal!.expenseId !== null
        ? { row: r.row, action: 'terugbetaling', expenseId: r.proposal!.expenseId }
        : { row: r.row, action: 'terugbetaling', expenseRow: r.proposal!.expenseRow! },
    );
    const seqBefore = core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n;
    const result = await call<ImportResult>(core, 'budget.import.commit', { ...file, mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [5_002], incoming: choices });
    expect(result).toMatchObject({ imported: 9_498, skipped: 1, refunds: 501, income: 0 });
    // One audit record per expense, per refund, and the batch.
    expect(core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n).toBe(seqBefore + 9_498 + 501 + 1);
    expect((await call<Refund[]>(core, 'budget.refunds.forExpense', { teamId, expenseId: old })).map((r) => [r.date, r.amountCents, r.importRow])).toEqual([['2019-05-02', 40_00, 7_002]]);
    const verified = await call<AuditVerifyResult>(core, 'audit.verify', { teamId });
    expect(verified.problems).toEqual([]);
    expect(checkBudgetInvariants(core.db)).toEqual([]);
  });
});

describe('refund proposals', () => {
  it('never propose more back on one expense than is left of it: accepting every proposal imports', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const big = await call<{ id: number }>(core, 'budget.expenses.create', { teamId, date: '2026-10-01', amountCents: 30_00, payee: 'HEMA', description: '', paymentMethod: 'debitcard', receiptRef: '' });
    const small = await call<{ id: number }>(core, 'budget.expenses.create', { teamId, date: '2026-09-01', amountCents: 25_00, payee: 'HEMA', description: '', paymentMethod: 'debitcard', receiptRef: '' });
    const csv = [ING_HEADER, ingLine('2026-11-02', 'HEMA', 'Bij', 20_00, 1), ingLine('2026-11-03', 'HEMA', 'Bij', 20_00, 2), ingLine('2026-11-04', 'HEMA', 'Bij', 20_00, 3)].join('\r\n');
    const file = { teamId, fileName: 'ing.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const p = await call<ImportPreview>(core, 'budget.import.preview', file);
    // € 30 and € 25 left: the first € 20 on the newest, the second on the other, the third has nowhere left.
    expect(p.rows.map((r) => [r.proposal!.action, r.proposal!.expenseId])).toEqual([
      ['terugbetaling', big.id],
      ['terugbetaling', small.id],
      ['inkomsten', null],
    ]);
    const choices: IncomingChoice[] = p.rows.map((r) =>
      r.proposal!.action === 'terugbetaling' ? { row: r.row, action: 'terugbetaling', expenseId: r.proposal!.expenseId! } : { row: r.row, action: 'inkomsten', reason: 'Onbekend' },
    );
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-01', kind: 'toekenning', amountCents: 1_000_00, reason: '' });
    expect(await call<ImportResult>(core, 'budget.import.commit', { ...file, mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [], incoming: choices })).toMatchObject({ refunds: 2, income: 1 });
  });
});

describe('refund candidates', () => {
  it('are the ones the plain query ranks first: same payee, exactly what is left, newest; never void, reversed or after the date', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const budget = createBudgetService(core.db, createAuditLog(core.db));
    const refunds = createRefundService(core.db, createAuditLog(core.db));
    const ctx = { now: () => new Date('2026-11-28T12:00:00Z'), today: () => '2026-11-28' };
    // 600 expenses over two years, few payees and few amounts, so ties and exact amounts happen.
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
    const rows: NewExpense[] = Array.from({ length: 600 }, (_, k) => ({
      date: day(2025 + (k % 2), rnd(330)), amountCents: 10_00 + rnd(8) * 5_00, payee: PAYEES[rnd(4)]!, description: '', paymentMethod: 'debitcard', receiptRef: '',
      links: { decisionId: null, teamOpgaveId: null, actionId: null, clusterId: null },
    }));
    const ids = core.db.transaction(() => budget.addExpensesInTransaction(teamId, rows, ctx))();
    core.db.transaction(() => {
      ids.forEach((id, k) => {
        const e = rows[k]!;
        if (k % 7 === 0) refunds.record(teamId, { expenseId: id, date: e.date, amountCents: 5_00 * (1 + rnd(2)), reason: 'deel' }, ctx);
        else if (k % 23 === 0) budget.voidExpensesInTransaction(teamId, [id], 'fout', ctx);
      });
    })();
    for (const id of ids.filter((_, k) => k % 29 === 3 && k % 7 !== 0 && k % 23 !== 0)) await call(core, 'budget.expenses.reverse', { teamId, expenseId: id, date: rows[ids.indexOf(id)]!.date, reason: 'dubbel' });
    // The rule as one query, as it was first written.
    const plain = core.db.prepare<Record<string, unknown>, { expenseId: number }>(`
      SELECT * FROM (
        SELECT e.id AS expenseId, e.expense_date AS date, e.amount_cents - (SELECT COALESCE(SUM(f.amount_cents), 0) FROM refund f WHERE f.expense_id = e.id) AS remainingCents,
          lower(trim(e.payee)) = lower(trim(@payee)) AS samePayee
        FROM expense e
        WHERE e.team_id = @teamId AND e.year = @year AND e.expense_date <= @date AND e.voided_at IS NULL AND e.reverses_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = e.id)
      ) WHERE remainingCents >= @amount
      ORDER BY samePayee DESC, remainingCents = @amount DESC, date DESC, expenseId DESC LIMIT 50`);
    const find = refunds.candidateFinder(teamId);
    let exact = 0;
    for (let q = 0; q < 300; q++) {
      const date = day(2025 + (q % 2), rnd(340));
      const amount = [5_00, 10_00, 15_00, 20_00, 45_00, 2_50][rnd(6)]!;
      const payee = PAYEES[rnd(5)]!;
      const expected = plain.all({ teamId, year: Number(date.slice(0, 4)), date, amount, payee }).map((r) => r.expenseId);
      const got = find(date, amount, payee);
      expect(got.map((c) => c.expenseId), `${date} ${amount} ${payee}`).toEqual(expected);
      exact += got.filter((c) => c.remainingCents === amount).length;
    }
    expect(exact).toBeGreaterThan(0);
  });
});

/** The statistics `PRAGMA optimize` wrote into the district benchmark store (400,000 expenses, 20 teams). */
const DISTRICT_STATS: [string, string, string][] = [
  ['expense', 'expense_duplicate', '404000 2001 6 1'],
  ['expense', 'expense_decision', '404000 96'],
  ['expense', 'expense_team_year', '404000 2001 2001 6'],
  ['expense', 'sqlite_autoindex_expense_1', '404000 2'],
  ['refund', 'refund_expense', '5000 1'],
  ['refund', 'refund_team_year', '5000 250 25 1'],
];

/** Records the SQL every statement a service prepares on `db`. */
function recording(db: Db): { db: Db; sql: string[] } {
  const sql: string[] = [];
  const proxy = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (text: string) => (sql.push(text), target.prepare(text));
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy, sql };
}

describe('the import reads expenses through their team indexes', () => {
  it('also on a store with planner statistics that call reverses_id IS NULL rare (it is nearly every row)', async () => {
    const core = testCore();
    await budgetFixture(core);
    core.db.exec('ANALYZE');
    core.db.exec('DELETE FROM sqlite_stat1');
    const put = core.db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
    for (const s of DISTRICT_STATS) put.run(...s);
    core.db.exec('ANALYZE sqlite_schema');

    const { db, sql } = recording(core.db);
    const audit = createAuditLog(core.db);
    createImportService(db, createBudgetService(core.db, audit), createRefundService(db, audit));
    expect(sql.some((s) => /FROM expense/.test(s))).toBe(true);
    const plans = sql
      .filter((s) => /FROM expense/.test(s) && /^\s*SELECT/i.test(s))
      .map((s) => ({ sql: s.replace(/\s+/g, ' ').trim(), plan: core.db.prepare(`EXPLAIN QUERY PLAN ${s.replace(/\?|@\w+/g, '1')}`).all().map((r) => (r as { detail: string }).detail) }));
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const p of plans) {
      // The outer read of expenses (alias e, or the table itself) goes by id or by team; never by the reverses_id index, never a full scan.
      const outer = p.plan.filter((d) => /^(SEARCH|SCAN) (e|expense)\b/.test(d));
      expect(outer, p.sql).not.toEqual([]);
      for (const d of outer) expect(d, p.sql).toMatch(/USING (INTEGER PRIMARY KEY|(COVERING )?INDEX expense_(duplicate|team_year) \(team_id=\?)/);
    }
  });
});

describe('undo reads expenses through their own indexes', () => {
  it('by decision or import batch, never by the reverses_id index, also with the district statistics', async () => {
    const core = testCore();
    await budgetFixture(core);
    core.db.exec('ANALYZE');
    core.db.exec('DELETE FROM sqlite_stat1');
    const put = core.db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
    for (const s of [...DISTRICT_STATS, ['expense', 'expense_import_batch', '20000 10000'] as [string, string, string]]) put.run(...s);
    core.db.exec('ANALYZE sqlite_schema');

    const { db, sql } = recording(core.db);
    const audit = createAuditLog(core.db);
    createApplier(db, { budget: createBudgetService(core.db, audit), audit, names: createNamer(core.db) });
    const reads = sql.filter((s) => /^\s*SELECT[\s\S]*FROM expense x? ?WHERE (decision_id|import_batch_id)/i.test(s));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const s of reads) {
      const plan = core.db.prepare(`EXPLAIN QUERY PLAN ${s.replace(/\?/g, '1')}`).all().map((r) => (r as { detail: string }).detail);
      const outer = plan.filter((d) => /^(SEARCH|SCAN) (x|expense)\b/.test(d));
      expect(outer, s).toHaveLength(1);
      expect(outer[0], s).toMatch(/USING INDEX expense_(decision|import_batch) \((decision_id|import_batch_id)=\?\)/);
    }
  });
});

describe('the undo capture during an import', () => {
  const journalTrigger = (core: Core) => core.db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name = 'journal_expense_ins'").all();
  const csv = (lines: string[]) => Buffer.from([ING_HEADER, ...lines].join('\r\n')).toString('base64');

  it('is back after an import, and after a refused one: an expense entered by hand next is undone on its own', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const ok = { teamId, fileName: 'a.csv', contentBase64: csv([ingLine('2026-11-02', 'HEMA', 'Af', 12_50, 1), ingLine('2026-11-03', 'Jumbo', 'Af', 8_00, 2)]) };
    const p = await call<ImportPreview>(core, 'budget.import.preview', ok);
    await call(core, 'budget.import.commit', { ...ok, mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [] });
    expect(journalTrigger(core)).toHaveLength(1);
    // Refused inside its transaction (the incoming line's choice is missing): the capture is in place too.
    const bad = { teamId, fileName: 'b.csv', contentBase64: csv([ingLine('2026-11-04', 'HEMA', 'Af', 3_00, 1), ingLine('2026-11-05', 'HEMA', 'Bij', 1_00, 2)]) };
    const pb = await call<ImportPreview>(core, 'budget.import.preview', bad);
    const refused = await core.dispatch('budget.import.commit', { ...bad, mapping: pb.mapping, paymentMethod: 'debitcard', skipRows: [], incoming: [{ row: 3, action: 'terugbetaling', expenseId: 999_999 }] });
    expect(refused.ok).toBe(false);
    expect(journalTrigger(core)).toHaveLength(1);

    const byHand = await call<{ id: number }>(core, 'budget.expenses.create', { teamId, date: '2026-11-06', amountCents: 20_00, payee: 'Praxis', description: '', paymentMethod: 'debitcard', receiptRef: '' });
    const journaled = core.db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM change_row WHERE tbl = 'expense' AND row_id = ?").get(byHand.id)!.n;
    expect(journaled).toBe(1);
    await call(core, 'undo.undo', { teamId });
    const states = core.db.prepare<[number], { id: number; voided: number }>('SELECT id, voided_at IS NOT NULL AS voided FROM expense WHERE team_id = ? ORDER BY id').all(teamId);
    // The hand-entered expense is voided by its undo; the imported ones stay.
    expect(states.map((s) => [s.id === byHand.id, s.voided])).toEqual([
      [false, 0],
      [false, 0],
      [true, 1],
    ]);
    expect((await call<AuditVerifyResult>(core, 'audit.verify', { teamId })).problems).toEqual([]);
  });

  it('refuses an action that would write, with the capture set aside, a row the journal records', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const { captureWindow } = await import('../../electron/core/undo/capture');
    const capture = captureWindow(core.db);
    const before = core.db.prepare('SELECT count(*) AS n FROM expense').get();
    expect(() =>
      core.db.transaction(() =>
        capture(1, 0, '2026-11-28T12:00:00Z', () => {
          core.db.prepare(`INSERT INTO expense (team_id, year, expense_date, amount_cents, payee, payment_method, created_at) VALUES (?, 2026, '2026-11-02', 100, 'HEMA', 'debitcard', '')`).run(teamId);
        }, ['expense']),
      )(),
    ).toThrow(/written without its insert capture/);
    expect(core.db.prepare('SELECT count(*) AS n FROM expense').get()).toEqual(before);
    expect(journalTrigger(core)).toHaveLength(1);
  });
});

describe('the commit of a file just previewed', () => {
  it('reads the lines under the mapping it is given, and a changed file anew', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const lines = [ING_HEADER, ingLine('2026-11-02', 'HEMA', 'Af', 12_50, 1), ingLine('2026-11-03', 'Jumbo', 'Af', 8_00, 2)];
    const file = { teamId, fileName: 'a.csv', contentBase64: Buffer.from(lines.join('\r\n')).toString('base64') };
    const p = await call<ImportPreview>(core, 'budget.import.preview', file);
    expect(p.rows.map((r) => r.payee)).toEqual(['HEMA', 'Jumbo']);
    // The chief takes the payee from the last column instead, after the preview.
    const other = { ...p.mapping!, payeeColumn: 8 };
    const r = await call<ImportResult>(core, 'budget.import.commit', { ...file, mapping: other, paymentMethod: 'debitcard', skipRows: [] });
    const payees = (ids: number[]) => ids.map((id) => core.db.prepare<[number], { payee: string }>('SELECT payee FROM expense WHERE id = ?').get(id)!.payee);
    expect(payees(r.expenseIds)).toEqual(['Pasvolgnr 001 1', 'Pasvolgnr 001 2']);
    // Same name, other content: read anew, not the lines of the preview before.
    await call<ImportPreview>(core, 'budget.import.preview', file);
    const changed = { ...file, contentBase64: Buffer.from([ING_HEADER, ingLine('2026-11-04', 'Praxis', 'Af', 30_00, 1)].join('\r\n')).toString('base64') };
    const r2 = await call<ImportResult>(core, 'budget.import.commit', { ...changed, mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [] });
    expect(payees(r2.expenseIds)).toEqual(['Praxis']);
  });
});
