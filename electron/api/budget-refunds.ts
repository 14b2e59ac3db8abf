import { z } from 'zod';
import { method } from './define';
import { Id, LongText, MoneyDate, Year } from './schemas';

/** Refunds: money that came back on one expense. Never more than what is left of the expense. */

export interface Refund {
  id: number;
  expenseId: number;
  year: number;
  date: string;
  amountCents: number;
  payee: string;
  description: string;
  reason: string;
  importBatchId: number | null;
  importRow: number | null;
  createdAt: string;
}

export const RefundInput = z.strictObject({
  teamId: Id,
  expenseId: Id,
  date: MoneyDate,
  amountCents: z
    .number({ message: 'Vul een bedrag in.' })
    .int({ message: 'Een bedrag is een heel aantal centen.' })
    .positive({ message: 'Het bedrag moet groter zijn dan € 0,00.' })
    .max(10_000_000_000, { message: 'Het bedrag is te groot (maximaal € 100.000.000,00).' }),
  reason: LongText,
});

export const refundsApi = {
  'budget.refunds.create': method<Refund>()(RefundInput),
  'budget.refunds.list': method<Refund[]>()(z.strictObject({ teamId: Id, year: Year })),
  'budget.refunds.forExpense': method<Refund[]>()(z.strictObject({ teamId: Id, expenseId: Id })),
};
