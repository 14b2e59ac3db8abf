import { describe, expect, it } from 'vitest';
import type { BudgetOverview, Decision, Expense } from '../../electron/api/budget';
import type { AuditEntry, AuditVerifyResult } from '../../electron/api/audit';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { budgetFixture } from './budget-fixtures';
import { call, snapshot, testCore } from './helpers';

const expense = (teamId: number, over: Record<string, unknown> = {}) => ({
  teamId,
  date: '2026-03-10',
  amountCents: 12_50,
  payee: 'Albert Heijn',
  description: 'Koffie voor koffie met een cop',
  paymentMethod: 'debitcard',
  receiptRef: 'BON-1',
  ...over,
});
const decision = (teamId: number, over: Record<string, unknown> = {}) => ({
  teamId,
  date: '2026-02-01',
  title: 'Pop-up politiebureau',
  amountCents: 5_000_00,
  rationale: 'Nabijheid in de wijk',
  decidedBy: 'Teamchef',
  status: 'genomen',
  ...over,
});

describe('versterkingsgelden through the API', () => {
  it('keeps the year budget as dated entries and adds up the overview to the cent', async () => {
    const core = testCore();
    const f = await budgetFixture(core);
    const { teamId } = f;
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 25_000_00, reason: '' });
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-06-01', kind: 'aanvulling', amountCents: 2_500_10, reason: 'Extra van de eenheid' });
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-06-02', kind: 'correctie', amountCents: -10, reason: 'Tikfout' });
    const d = await call<Decision>(core, 'budget.decisions.create', decision(teamId, { actionId: f.actions[0]!.id }));
    expect(d).toMatchObject({ teamOpgaveId: f.opgaven[0], clusterId: f.clusters[0], opgaveLabel: 'Werken in wijk en web', committedCents: 5_000_00 });
    const e1 = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { decisionId: d.id, amountCents: 1_234_56 }));
    expect(e1).toMatchObject({ teamOpgaveId: f.opgaven[0], clusterId: f.clusters[0], decisionTitle: 'Pop-up politiebureau', state: 'actief' });
    await call(core, 'budget.expenses.create', expense(teamId, { date: '2026-04-01', amountCents: 10, teamOpgaveId: f.opgaven[1] }));
    const rev = await call<Expense>(core, 'budget.expenses.reverse', { teamId, expenseId: e1.id, date: '2026-03-11', reason: 'Verkeerd bedrag' });
    expect(rev).toMatchObject({ amountCents: -1_234_56, reversesId: e1.id, state: 'tegenboeking', decisionId: d.id });
    const e3 = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { decisionId: d.id, amountCents: 1_000_00 }));
    await call(core, 'budget.expenses.void', { teamId, expenseId: e3.id, reason: 'Dubbel ingevoerd' });

    const o = await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 });
    expect(o.totals).toMatchObject({
      availableCents: 27_500_00,
      decidedCents: 5_000_00,
      committedCents: 5_000_00,
      spentCents: 10,
      leftCents: 27_500_00 - 5_000_00 - 10,
      level: 'ok',
    });
    expect(o.byMonth[3]!.spentCents).toBe(10);
    expect(o.byMonth[2]!.spentCents).toBe(0);
    expect(o.byOpgave.find((g) => g.teamOpgaveId === f.opgaven[1])?.spentCents).toBe(10);
    const list = await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 });
    expect(list.map((e) => e.state)).toEqual(['teruggedraaid', 'vervallen', 'tegenboeking', 'actief']);
    expect(checkBudgetInvariants(core.db)).toEqual([]);

    const history = await call<AuditEntry[]>(core, 'audit.history', { teamId, entity: 'expense', entityId: e3.id });
    expect(history.map((h) => h.action)).toEqual(['aangemaakt', 'vervallen']);
    expect(history[1]!.changes.map((c) => c.field)).toEqual(['void_reason', 'voided_at']);
    expect((await call<AuditVerifyResult>(core, 'audit.verify', { teamId })).ok).toBe(true);
  });

  it('asks for a confirmation with a reason before a decision goes beyond what is left, and warns at 80% and 100%', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 10_000_00, reason: '' });
    await call(core, 'budget.decisions.create', decision(teamId, { amountCents: 8_000_00 }));
    let o = await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 });
    expect(o.totals).toMatchObject({ level: 'warning', usedPercent: 80 });

    const before = snapshot(core);
    const refused = await core.dispatch('budget.decisions.create', decision(teamId, { amountCents: 2_000_01 }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.issues?.[0]?.path).toBe('overBudgetReason');
      expect(refused.error.message).toContain('€ 2.000,00');
    }
    expect(snapshot(core)).toEqual(before);
    // A proposal does not commit money and needs no confirmation; taking it does.
    const proposed = await call<Decision>(core, 'budget.decisions.create', decision(teamId, { amountCents: 2_000_01, status: 'voorgesteld' }));
    expect((await core.dispatch('budget.decisions.take', { teamId, decisionId: proposed.id })).ok).toBe(false);
    const taken = await call<Decision>(core, 'budget.decisions.take', { teamId, decisionId: proposed.id, overBudgetReason: 'Driehoek akkoord' });
    expect(taken).toMatchObject({ status: 'genomen', overBudgetReason: 'Driehoek akkoord' });
    o = await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 });
    expect(o.totals).toMatchObject({ level: 'over', leftCents: -1 });
    expect(o.warnings[0]).toMatchObject({ scope: 'year', level: 'over' });

    const withdrawn = await call<Decision>(core, 'budget.decisions.withdraw', { teamId, decisionId: taken.id, reason: 'Toch niet nodig' });
    expect(withdrawn).toMatchObject({ status: 'ingetrokken', committedCents: 0 });
    expect((await core.dispatch('budget.expenses.create', expense(teamId, { decisionId: taken.id }))).ok).toBe(false);
    expect(checkBudgetInvariants(core.db)).toEqual([]);
  });

  const bad: [string, (t: number) => [string, unknown], string, RegExp][] = [
    ['amount 12,345 as text', (t) => ['budget.expenses.create', expense(t, { amountCents: '12,345' })], 'amountCents', /bedrag/],
    ['amount 1e3 as text', (t) => ['budget.expenses.create', expense(t, { amountCents: '1e3' })], 'amountCents', /bedrag/],
    ['amount NaN', (t) => ['budget.expenses.create', expense(t, { amountCents: Number.NaN })], 'amountCents', /bedrag/],
    ['amount --5', (t) => ['budget.expenses.create', expense(t, { amountCents: '--5' })], 'amountCents', /bedrag/],
    ['10^15 euros', (t) => ['budget.expenses.create', expense(t, { amountCents: 1e17 })], 'amountCents', /te groot/],
    ['fractional cents', (t) => ['budget.expenses.create', expense(t, { amountCents: 12.5 })], 'amountCents', /centen/],
    ['zero amount', (t) => ['budget.expenses.create', expense(t, { amountCents: 0 })], 'amountCents', /groter/],
    ['negative expense', (t) => ['budget.expenses.create', expense(t, { amountCents: -100 })], 'amountCents', /groter/],
    ['date 31-02-2026', (t) => ['budget.expenses.create', expense(t, { date: '31-02-2026' })], 'date', /datum/],
    ['date 2026-02-31', (t) => ['budget.expenses.create', expense(t, { date: '2026-02-31' })], 'date', /datum/],
    ['text for a date', (t) => ['budget.expenses.create', expense(t, { date: 'gisteren' })], 'date', /datum/],
    ['unknown payment method', (t) => ['budget.expenses.create', expense(t, { paymentMethod: 'contant' })], 'paymentMethod', /pinpas/],
    ['empty payee', (t) => ['budget.expenses.create', expense(t, { payee: '  ' })], 'payee', /Vul dit veld in/],
    ['an extra field', (t) => ['budget.expenses.create', expense(t, { voidedAt: null })], '', /.+/],
    ['negative allocation', (t) => ['budget.entries.add', { teamId: t, year: 2026, date: '2026-01-01', kind: 'toekenning', amountCents: -5, reason: '' }], 'amountCents', /correctie/],
    ['addition without reason', (t) => ['budget.entries.add', { teamId: t, year: 2026, date: '2026-01-01', kind: 'aanvulling', amountCents: 5, reason: '' }], 'reason', /reden/],
    ['second allocation', (t) => ['budget.entries.add', { teamId: t, year: 2026, date: '2026-01-01', kind: 'toekenning', amountCents: 5, reason: '' }], 'kind', /al een bedrag/],
    ['correction below zero', (t) => ['budget.entries.add', { teamId: t, year: 2026, date: '2026-01-01', kind: 'correctie', amountCents: -1_000_01, reason: 'x' }], 'amountCents', /negatief/],
    ['void without reason', (t) => ['budget.expenses.void', { teamId: t, expenseId: 1, reason: ' ' }], 'reason', /reden/],
  ];
  it.each(bad)('refuses %s with a clear message and changes nothing', async (_l, make, path, message) => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 1_000_00, reason: '' });
    await call(core, 'budget.expenses.create', expense(teamId));
    const before = snapshot(core);
    const [method, payload] = make(teamId);
    const result = await core.dispatch(method, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.issues?.[0]?.path).toBe(path);
    expect(result.error.message).toMatch(message);
    expect(snapshot(core)).toEqual(before);
  });

  it("answers another team's records and links as not found, changing nothing", async () => {
    const core = testCore();
    const f = await budgetFixture(core);
    const mine = await call<Expense>(core, 'budget.expenses.create', expense(f.teamId));
    const before = snapshot(core);
    const attempts: [string, unknown][] = [
      ['budget.expenses.create', expense(f.teamId, { teamOpgaveId: f.foreign.teamOpgaveId })],
      ['budget.expenses.create', expense(f.teamId, { actionId: f.foreign.actionId })],
      ['budget.expenses.create', expense(f.teamId, { clusterId: f.foreign.clusterId })],
      ['budget.expenses.void', { teamId: f.otherTeamId, expenseId: mine.id, reason: 'x' }],
      ['budget.expenses.reverse', { teamId: f.otherTeamId, expenseId: mine.id, date: '2026-03-12', reason: 'x' }],
      ['audit.history', { teamId: f.otherTeamId, entity: 'expense', entityId: mine.id }],
      ['budget.overview', { teamId: 999, year: 2026 }],
    ];
    for (const [m, p] of attempts) {
      const r = await core.dispatch(m, p);
      expect(r.ok ? 'ok' : r.error.code, m).toBe('NOT_FOUND');
    }
    // Contradicting links are refused.
    const r = await core.dispatch('budget.expenses.create', expense(f.teamId, { actionId: f.actions[0]!.id, teamOpgaveId: f.opgaven[1] }));
    expect(r.ok ? 'ok' : r.error.issues?.[0]?.path).toBe('teamOpgaveId');
    expect(snapshot(core)).toEqual(before);
  });

  it('refuses a second reversal, a reversal of a voided expense and a void of a reversed one', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const a = await call<Expense>(core, 'budget.expenses.create', expense(teamId));
    const b = await call<Expense>(core, 'budget.expenses.create', expense(teamId, { amountCents: 99 }));
    await call(core, 'budget.expenses.reverse', { teamId, expenseId: a.id, date: '2026-03-10', reason: 'fout' });
    await call(core, 'budget.expenses.void', { teamId, expenseId: b.id, reason: 'fout' });
    const before = snapshot(core);
    const codes = [
      await core.dispatch('budget.expenses.reverse', { teamId, expenseId: a.id, date: '2026-03-10', reason: 'nog eens' }),
      await core.dispatch('budget.expenses.reverse', { teamId, expenseId: b.id, date: '2026-03-10', reason: 'x' }),
      await core.dispatch('budget.expenses.void', { teamId, expenseId: a.id, reason: 'x' }),
      await core.dispatch('budget.expenses.void', { teamId, expenseId: b.id, reason: 'x' }),
      await core.dispatch('budget.expenses.reverse', { teamId, expenseId: a.id + 10, date: '2026-03-10', reason: 'x' }),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'NOT_FOUND']);
    expect(snapshot(core)).toEqual(before);
  });

  it('the store itself refuses edits and deletes that would erase history', () => {
    const core = testCore();
    core.db.prepare("INSERT INTO team (name, eenheid, formation_fte, inhabitants, area_km2, wijkagenten, created_at, updated_at) VALUES ('T', 'limburg', 80, 1, 1, 0, 'x', 'x')").run();
    core.db.prepare("INSERT INTO expense (team_id, year, expense_date, amount_cents, payee, payment_method, created_at) VALUES (1, 2026, '2026-01-02', 100, 'X', 'anders', 'x')").run();
    expect(() => core.db.prepare('UPDATE expense SET amount_cents = 1').run()).toThrow(/only be voided/);
    expect(() => core.db.prepare('DELETE FROM expense').run()).toThrow(/never deleted/);
    core.db.prepare("INSERT INTO budget_entry (team_id, year, entry_date, kind, amount_cents, created_at) VALUES (1, 2026, '2026-01-01', 'toekenning', 5, 'x')").run();
    expect(() => core.db.prepare('UPDATE budget_entry SET amount_cents = 6').run()).toThrow(/append-only/);
  });
});
