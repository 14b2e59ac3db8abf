import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../electron/api/audit';
import type { BudgetEntry, BudgetOverview, Expense, ImportPreview, ImportResult, Refund } from '../../electron/api/budget';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { budgetFixture } from './budget-fixtures';
import { call, snapshot, testCore } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/bank');
const b64 = (name: string) => readFileSync(join(FIXTURES, name)).toString('base64');
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const expense = (teamId: number, over: Record<string, unknown> = {}) => ({
  teamId, date: '2026-11-02', amountCents: 100_00, payee: 'Bakkerij Noordhoek', description: 'Taart', paymentMethod: 'debitcard', receiptRef: '', ...over,
});

describe('refunds on an expense', () => {
  it('records a partial refund by hand with its audit record, nets it in the overview, and never refunds more than is left', async () => {
    const core = testCore();
    const f = await budgetFixture(core);
    const { teamId } = f;
    const e = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { teamOpgaveId: f.opgaven[0], clusterId: f.clusters[0] }));
    const r = await call<Refund>(core, 'budget.refunds.create', { teamId, expenseId: e.id, date: '2026-12-03', amountCents: 30_00, reason: 'Creditnota taart' });
    expect(r).toMatchObject({ expenseId: e.id, year: 2026, date: '2026-12-03', amountCents: 30_00, payee: 'Bakkerij Noordhoek', reason: 'Creditnota taart', importBatchId: null });
    expect(Number.isSafeInteger(r.id)).toBe(true);

    const o = await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 });
    expect(o.totals.spentCents).toBe(70_00);
    expect(o.byMonth[10]!.spentCents).toBe(100_00);
    expect(o.byMonth[11]!.spentCents).toBe(-30_00);
    expect(o.byOpgave.find((g) => g.teamOpgaveId === f.opgaven[0])!.spentCents).toBe(70_00);
    expect(o.byCluster.find((g) => g.clusterId === f.clusters[0])!.spentCents).toBe(70_00);
    const listed = await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 });
    expect(listed[0]!.refundedCents).toBe(30_00);
    expect(await call<Refund[]>(core, 'budget.refunds.forExpense', { teamId, expenseId: e.id })).toEqual([r]);
    expect(await call<Refund[]>(core, 'budget.refunds.list', { teamId, year: 2026 })).toEqual([r]);
    const history = await call<AuditEntry[]>(core, 'audit.history', { teamId, entity: 'refund', entityId: r.id });
    expect(history.map((h) => h.action)).toEqual(['terugbetaling']);

    const before = snapshot(core);
    const refused = [
      await core.dispatch('budget.refunds.create', { teamId, expenseId: e.id, date: '2026-12-04', amountCents: 70_01, reason: '' }),
      await core.dispatch('budget.refunds.create', { teamId, expenseId: e.id, date: '2026-11-01', amountCents: 1_00, reason: '' }),
      await core.dispatch('budget.refunds.create', { teamId, expenseId: e.id, date: '2027-01-04', amountCents: 1_00, reason: '' }),
      await core.dispatch('budget.refunds.create', { teamId: f.otherTeamId, expenseId: e.id, date: '2026-12-04', amountCents: 1_00, reason: '' }),
      await core.dispatch('budget.refunds.create', { teamId, expenseId: e.id, date: '2026-12-04', amountCents: 0, reason: '' }),
      await core.dispatch('budget.expenses.reverse', { teamId, expenseId: e.id, date: '2026-12-05', reason: 'fout' }),
      await core.dispatch('budget.expenses.void', { teamId, expenseId: e.id, reason: 'fout' }),
    ];
    expect(refused.map((x) => (x.ok ? 'ok' : x.error.message))).toEqual([
      'Er is nog € 70,00 van deze uitgave over; een terugbetaling van € 70,01 is te veel.',
      'Een terugbetaling kan niet voor de datum van de uitgave liggen.',
      'De terugbetaling moet in 2026 vallen, het jaar van de uitgave. Boek geld dat later terugkomt als andere inkomsten van dat jaar.',
      'De uitgave bestaat niet (meer) of hoort niet bij dit team.',
      'Het bedrag moet groter zijn dan € 0,00.',
      'Op deze uitgave is al € 30,00 terugbetaald; boek wat er nog terugkomt als terugbetaling.',
      'Op deze uitgave is geld terugbetaald; ze heeft echt plaatsgevonden en kan niet vervallen.',
    ]);
    expect(snapshot(core)).toEqual(before);
    // The rest, exactly, is still allowed; then nothing more.
    await call(core, 'budget.refunds.create', { teamId, expenseId: e.id, date: '2026-12-04', amountCents: 70_00, reason: 'rest' });
    const full = await core.dispatch('budget.refunds.create', { teamId, expenseId: e.id, date: '2026-12-04', amountCents: 1, reason: '' });
    expect(full.ok ? 'ok' : full.error.message).toBe('Deze uitgave is al helemaal terugbetaald.');
    expect((await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 })).totals.spentCents).toBe(0);
    // The ledger refuses changes to a refund, whatever the core says.
    expect(() => core.db.prepare('UPDATE refund SET amount_cents = 1').run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM refund').run()).toThrow(/append-only/);
    expect(checkBudgetInvariants(core.db)).toEqual([]);
  });

  it('nets a refund on a decision: spent on the decision goes down and its commitment up', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-01', kind: 'toekenning', amountCents: 10_000_00, reason: '' });
    const d = await call<{ id: number }>(core, 'budget.decisions.create', { teamId, date: '2026-03-01', title: 'Buurtavond', amountCents: 500_00, rationale: '', decidedBy: '', status: 'genomen' });
    const e = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { amountCents: 400_00, decisionId: d.id }));
    await call(core, 'budget.refunds.create', { teamId, expenseId: e.id, date: '2026-11-20', amountCents: 150_00, reason: 'borg terug' });
    const decisions = await call<{ spentCents: number; committedCents: number }[]>(core, 'budget.decisions.list', { teamId, year: 2026 });
    expect(decisions[0]).toMatchObject({ spentCents: 250_00, committedCents: 250_00 });
    const o = await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 });
    expect(o.totals).toMatchObject({ spentCents: 250_00, committedCents: 250_00, leftCents: 10_000_00 - 500_00 });
    expect(checkBudgetInvariants(core.db)).toEqual([]);
  });
});

describe('incoming statement lines', () => {
  it('proposes a card refund as a refund of the expense on an earlier line of the same file, and books it on import', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const contentBase64 = b64('abnamro.TAB');
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'TXT261110.TAB', contentBase64 });
    const refundRow = p.rows.find((r) => r.direction === 'bij')!;
    expect(refundRow.row).toBe(4);
    expect(refundRow.proposal).toMatchObject({ action: 'terugbetaling', expenseId: null, expenseRow: 1 });
    expect(p.counts).toEqual({ af: 4, bij: 1, duplicates: 0 });
    const r = await call<ImportResult>(core, 'budget.import.commit', {
      teamId, fileName: 'TXT261110.TAB', contentBase64, mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [],
      incoming: [{ row: 4, action: 'terugbetaling', expenseRow: 1 }],
    });
    expect(r).toMatchObject({ imported: 4, refunds: 1, income: 0, skipped: 0 });
    const refunds = await call<Refund[]>(core, 'budget.refunds.forExpense', { teamId, expenseId: r.expenseIds[0]! });
    expect(refunds.map((x) => [x.date, x.amountCents, x.payee, x.importBatchId, x.importRow])).toEqual([['2026-11-09', 6_25, 'Bakkerij Noordhoek', r.batchId, 4]]);
    const o = await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 });
    expect(o.totals.spentCents).toBe(18_75 + 250_00 + 12_25 + 80_00 - 6_25);

    // The same file again: every line is flagged, the refund too, and the refund is proposed to be skipped.
    const again = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'TXT261110.TAB', contentBase64 });
    expect(again.rows.map((x) => x.duplicateOf?.kind)).toEqual(['uitgave', 'uitgave', 'uitgave', 'terugbetaling', 'uitgave']);
    expect(again.counts.duplicates).toBe(5);
    expect(again.rows[3]!.proposal).toMatchObject({ action: 'overslaan', reason: 'Dubbel: eerder ingelezen als terugbetaling.' });
    expect(checkBudgetInvariants(core.db)).toEqual([]);
  });

  it('proposes an expense already in the store (same payee, enough left, on or before the date); the chief may pick another', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const older = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { date: '2026-10-01', amountCents: 50_00, payee: 'Bakkerij Noordhoek' }));
    const small = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { date: '2026-11-01', amountCents: 5_00, payee: 'Bakkerij Noordhoek' }));
    const other = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { date: '2026-11-01', amountCents: 20_00, payee: 'Drogist' }));
    const later = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { date: '2026-11-20', amountCents: 50_00, payee: 'Bakkerij Noordhoek' }));
    const csv = ['Datum;Naam;Omschrijving;Bedrag', '09-11-2026;Bakkerij Noordhoek;Terugboeking pin;6,25'].join('\r\n');
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'x.csv', contentBase64: utf8(csv) });
    const proposal = p.rows[0]!.proposal!;
    expect(proposal).toMatchObject({ action: 'terugbetaling', expenseId: older.id, expenseRow: null });
    // Not the later one (after the refund), not the small one (only € 5,00 left): the drugstore is offered to pick.
    expect(proposal.candidates.map((c) => c.expenseId)).toEqual([older.id, other.id]);
    expect(proposal.candidates.map((c) => c.expenseId)).not.toContain(small.id);
    expect(proposal.candidates.map((c) => c.expenseId)).not.toContain(later.id);

    // Picking the small one is refused whole, naming the line; nothing changes.
    const before = snapshot(core);
    const bad = await core.dispatch('budget.import.commit', {
      teamId, fileName: 'x.csv', contentBase64: utf8(csv), mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [],
      incoming: [{ row: 2, action: 'terugbetaling', expenseId: small.id }],
    });
    expect(bad.ok ? 'ok' : bad.error.message).toBe('Regel 2: Er is nog € 5,00 van deze uitgave over; een terugbetaling van € 6,25 is te veel.');
    // No choice for the incoming line: refused too.
    const none = await core.dispatch('budget.import.commit', { teamId, fileName: 'x.csv', contentBase64: utf8(csv), mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [] });
    expect(none.ok ? 'ok' : none.error.message).toMatch(/^Kies wat er gebeurt met het bijgeschreven bedrag op regel 2/);
    expect(snapshot(core)).toEqual(before);

    await call(core, 'budget.import.commit', {
      teamId, fileName: 'x.csv', contentBase64: utf8(csv), mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [],
      incoming: [{ row: 2, action: 'terugbetaling', expenseId: other.id }],
    });
    expect((await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).find((e) => e.id === other.id)!.refundedCents).toBe(6_25);
  });

  it('books other income as an addition to the year budget with its reason, and records skipped lines with theirs in the batch', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-01', kind: 'toekenning', amountCents: 1_000_00, reason: '' });
    const content = b64('ing-komma.csv');
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'ing.csv', contentBase64: content });
    expect(p.rows[1]!.proposal).toMatchObject({ action: 'inkomsten', expenseId: null });
    const r = await call<ImportResult>(core, 'budget.import.commit', {
      teamId, fileName: 'ing.csv', contentBase64: content, mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [2],
      incoming: [{ row: 3, action: 'inkomsten', reason: 'Bijdrage gemeente buurtavond' }],
    });
    expect(r).toMatchObject({ imported: 0, income: 1, refunds: 0, skipped: 1 });
    const entries = await call<BudgetEntry[]>(core, 'budget.entries.list', { teamId, year: 2026 });
    expect(entries.at(-1)).toMatchObject({ kind: 'aanvulling', date: '2026-11-06', amountCents: 500_00, reason: 'Bijdrage gemeente buurtavond (ingelezen: Gemeente Utrecht, ing.csv regel 3)' });
    const batch = core.db.prepare<[number], { skipped: string; row_count: number }>('SELECT skipped, row_count FROM import_batch WHERE id = ?').get(r.batchId)!;
    expect(JSON.parse(batch.skipped)).toEqual([{ row: 2, date: '2026-11-03', amountCents: 42_00, direction: 'af', payee: 'Sporthal De Meent', reason: 'Door de teamchef niet ingelezen.' }]);
    expect(batch.row_count).toBe(1);
    const again = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'ing.csv', contentBase64: content });
    expect(again.rows.map((x) => x.duplicateOf?.kind)).toEqual(['overgeslagen', 'inkomsten']);
    expect(checkBudgetInvariants(core.db)).toEqual([]);
  });
});
