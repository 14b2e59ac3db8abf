import type { budgetApi } from '../../api/budget';
import type { HandlersFor } from '../../api/define';
import { exportFile } from './export';
import type { createImportService } from './import';
import type { RefundService } from './refunds';
import type { BudgetService } from './service';

export const budgetHandlers = (
  budget: BudgetService,
  imports: ReturnType<typeof createImportService>,
  refunds: RefundService,
): HandlersFor<typeof budgetApi> => ({
  'budget.years': ({ teamId }, ctx) => budget.years(teamId, ctx),
  'budget.overview': ({ teamId, year }) => budget.overview(teamId, year),
  'budget.links': ({ teamId }) => budget.links(teamId),
  'budget.entries.list': ({ teamId, year }) => budget.entries(teamId, year),
  'budget.entries.add': (input, ctx) => budget.addEntry(input, ctx),
  'budget.decisions.list': ({ teamId, year }) => budget.decisions(teamId, year),
  'budget.decisions.create': (input, ctx) => budget.createDecision(input, ctx),
  'budget.decisions.take': ({ teamId, decisionId, overBudgetReason }, ctx) => budget.takeDecision(teamId, decisionId, overBudgetReason, ctx),
  'budget.decisions.withdraw': ({ teamId, decisionId, reason }, ctx) => budget.withdrawDecision(teamId, decisionId, reason, ctx),
  'budget.expenses.list': ({ teamId, year }) => budget.expenses(teamId, year),
  'budget.expenses.create': (input, ctx) => budget.createExpense(input, ctx),
  'budget.expenses.reverse': ({ teamId, expenseId, date, reason }, ctx) => budget.reverseExpense(teamId, expenseId, date, reason, ctx),
  'budget.expenses.void': ({ teamId, expenseId, reason }, ctx) => budget.voidExpense(teamId, expenseId, reason, ctx),
  'budget.import.preview': (input) => imports.preview(input),
  'budget.import.commit': (input, ctx) => imports.commit(input, ctx),
  'budget.refunds.create': ({ teamId, ...input }, ctx) => {
    budget.assertTeam(teamId);
    return refunds.create(teamId, input, ctx);
  },
  'budget.refunds.list': ({ teamId, year }) => {
    budget.assertTeam(teamId);
    return refunds.list(teamId, year);
  },
  'budget.refunds.forExpense': ({ teamId, expenseId }) => {
    budget.assertTeam(teamId);
    return refunds.forExpense(teamId, expenseId);
  },
  'budget.export': ({ teamId, year, what, format }) => {
    budget.assertTeam(teamId);
    return exportFile(budget, teamId, year, what, format);
  },
});
