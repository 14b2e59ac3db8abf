import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetOverview, Expense } from '../../electron/api/budget';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { budgetFixture } from './budget-fixtures';
import { apply, LedgerModel, opArb } from './budget-model';
import { call, testCore } from './helpers';

const groupSum = <T>(items: T[], key: (t: T) => number | null, value: (t: T) => number) => {
  const out = new Map<number | null, number>();
  for (const it of items) out.set(key(it), (out.get(key(it)) ?? 0) + value(it));
  return out;
};
const nonZero = (m: Map<number | null, number>) => new Map([...m].filter(([, v]) => v !== 0));

describe('versterkingsgelden: every total equals the sum of the ledger, to the cent', () => {
  it('holds for random sequences of entries, decisions, expenses, refunds (full and partial), reversals and voids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
        const core = testCore();
        const f = await budgetFixture(core);
        const m = new LedgerModel(f);
        for (const op of ops) await apply(core, m, op);

        for (const year of [2026, 2027]) {
          const o = await call<BudgetOverview>(core, 'budget.overview', { teamId: f.teamId, year });
          // Spending is expenses minus refunds, attributed like the expense, in the refund's month.
          const live = m.flows(year);
          const taken = m.decisions.filter((d) => d.year === year && d.status === 'genomen');
          expect(o.totals).toMatchObject({
            availableCents: m.available(year),
            spentCents: m.spent(year),
            committedCents: m.committed(year),
            decidedCents: taken.reduce((s, d) => s + d.amount, 0),
            proposedCents: m.decisions.filter((d) => d.year === year && d.status === 'voorgesteld').reduce((s, d) => s + d.amount, 0),
            leftCents: m.left(year),
          });
          // Per opgave, per cluster, per month: the same sums, grouped.
          const spentBy = (key: (e: (typeof live)[number]) => number | null) => nonZero(groupSum(live, key, (e) => e.amount));
          const committedBy = (key: (d: (typeof taken)[number]) => number | null) => nonZero(groupSum(taken, key, (d) => m.committedOf(d)));
          expect(nonZero(new Map(o.byOpgave.map((g) => [g.teamOpgaveId, g.spentCents])))).toEqual(spentBy((e) => e.opgave));
          expect(nonZero(new Map(o.byCluster.map((g) => [g.clusterId, g.spentCents])))).toEqual(spentBy((e) => e.cluster));
          expect(nonZero(new Map(o.byMonth.map((g) => [g.month, g.spentCents])))).toEqual(spentBy((e) => e.month));
          expect(nonZero(new Map(o.byOpgave.map((g) => [g.teamOpgaveId, g.committedCents])))).toEqual(committedBy((d) => d.opgave));
          expect(nonZero(new Map(o.byCluster.map((g) => [g.clusterId, g.committedCents])))).toEqual(committedBy((d) => d.cluster));
          expect(nonZero(new Map(o.byMonth.map((g) => [g.month, g.committedCents])))).toEqual(committedBy((d) => d.month));
          expect(o.byMonth[11]!.cumulativeSpentCents).toBe(m.spent(year));
          // A refund never exceeds what is left of its expense.
          const listed = await call<Expense[]>(core, 'budget.expenses.list', { teamId: f.teamId, year });
          for (const e of listed) {
            expect(e.refundedCents).toBeGreaterThanOrEqual(0);
            expect(e.refundedCents).toBeLessThanOrEqual(Math.max(0, e.amountCents));
            expect(e.refundedCents).toBe(m.refunds.filter((r) => r.expenseId === e.id).reduce((s, r) => s + r.amount, 0));
          }
        }
        expect(checkBudgetInvariants(core.db)).toEqual([]);
        core.close();
      }),
      { numRuns: 60 },
    );
  });
});
