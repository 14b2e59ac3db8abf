import { describe, expect, it } from 'vitest';
import type { BudgetOverview, Decision } from '../../electron/api/budget';
import type { Dashboard } from '../../electron/api/dashboard';
import { fixedClock } from '../../electron/core/clock';
import { budgetFixture } from './budget-fixtures';
import { call, testCore } from './helpers';

describe('the dashboard shows the versterkingsgelden of the period', () => {
  it('equals budget.overview of the year the period ends in, and follows the period', async () => {
    const core = testCore(fixedClock('2026-11-28'));
    const { teamId } = await budgetFixture(core);
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 25_000_00, reason: '' });
    await call(core, 'budget.entries.add', { teamId, year: 2025, date: '2025-01-15', kind: 'toekenning', amountCents: 7_000_00, reason: '' });
    const d = await call<Decision>(core, 'budget.decisions.create', {
      teamId,
      date: '2026-02-01',
      title: 'Pop-up politiebureau',
      amountCents: 5_000_00,
      rationale: 'Nabijheid in de wijk',
      decidedBy: 'Teamchef',
      status: 'genomen',
    });
    await call(core, 'budget.expenses.create', {
      teamId,
      date: '2026-03-10',
      amountCents: 1_234_56,
      payee: 'Albert Heijn',
      description: 'Koffie met een cop',
      paymentMethod: 'debitcard',
      receiptRef: 'BON-1',
      decisionId: d.id,
    });

    const year = await call<Dashboard>(core, 'dashboard.get', { teamId, period: { kind: 'year', year: 2026 } });
    const overview = await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 });
    // The pinpas payment has no receipt yet: counted as "bon ontbreekt".
    expect(year.money).toEqual({ year: 2026, totals: overview.totals, missingReceipts: { count: 1, totalCents: 1_234_56 } });
    expect(year.money.totals).toMatchObject({ availableCents: 25_000_00, committedCents: 5_000_00 - 1_234_56, spentCents: 1_234_56 });

    const lastYear = await call<Dashboard>(core, 'dashboard.get', { teamId, period: { kind: 'quarter', year: 2025, quarter: 4 } });
    expect(lastYear.money.year).toBe(2025);
    expect(lastYear.money.totals.availableCents).toBe(7_000_00);
    expect(lastYear.money.totals.spentCents).toBe(0);
  });
});
