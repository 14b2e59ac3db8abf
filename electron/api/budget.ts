import { z } from 'zod';
import { ImportCommitInput, ImportPreviewInput, MAX_AMOUNT_CENTS, PAYMENT_METHODS, type ImportPreview, type ImportResult, type PaymentMethod } from './budget-import';
import { refundsApi } from './budget-refunds';
import { method } from './define';
import { Id, LongText, MoneyDate, Name, ShortText, text, Year } from './schemas';

/** Versterkingsgelden: the year budget, budget decisions, expenses, import and export. Money is integer cents. */

export { MAX_AMOUNT_CENTS };

const amountBase = z
  .number({ message: 'Vul een bedrag in.' })
  .max(MAX_AMOUNT_CENTS, { message: 'Het bedrag is te groot (maximaal € 100.000.000,00).' })
  .min(-MAX_AMOUNT_CENTS, { message: 'Het bedrag is te groot (maximaal € 100.000.000,00).' })
  .int({ message: 'Een bedrag is een heel aantal centen.' });

/** A positive amount of cents. */
export const PositiveAmount = amountBase.refine((v) => v > 0, { message: 'Het bedrag moet groter zijn dan € 0,00.' });
/** A correction: positive or negative, never zero. */
export const NonZeroAmount = amountBase.refine((v) => v !== 0, { message: 'Een bedrag van € 0,00 verandert niets.' });

const Reason = text(2000, 'Maximaal 2.000 tekens.').min(1, { message: 'Geef een reden op.' });
const OptionalLink = Id.nullable().optional();

export const ENTRY_KINDS = ['toekenning', 'aanvulling', 'correctie'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const DECISION_STATUSES = ['voorgesteld', 'genomen', 'ingetrokken'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export { RefundInput } from './budget-refunds';
export type { Refund } from './budget-refunds';
export { PAYMENT_METHODS, ENCODINGS, LAYOUTS, ImportMappingSchema, ImportPreviewInput, ImportCommitInput } from './budget-import';
export type {
  PaymentMethod,
  Encoding,
  LayoutId,
  ImportMapping,
  ImportPreview,
  ImportResult,
  ImportRow,
  IncomingChoice,
  IncomingProposal,
  RefundCandidate,
} from './budget-import';

export const BudgetEntryInput = z
  .strictObject({
    teamId: Id,
    year: Year,
    date: MoneyDate,
    kind: z.enum(ENTRY_KINDS, { message: 'Kies toekenning, aanvulling of correctie.' }),
    amountCents: NonZeroAmount,
    reason: text(2000, 'Maximaal 2.000 tekens.'),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'correctie' && v.amountCents < 0)
      ctx.addIssue({ code: 'custom', path: ['amountCents'], message: 'Alleen een correctie kan negatief zijn.' });
    if (v.kind !== 'toekenning' && v.reason.length === 0)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Geef een reden op.' });
  });

export const DecisionInput = z.strictObject({
  teamId: Id,
  date: MoneyDate,
  title: Name,
  amountCents: PositiveAmount,
  rationale: LongText,
  teamOpgaveId: OptionalLink,
  actionId: OptionalLink,
  clusterId: OptionalLink,
  decidedBy: ShortText,
  status: z.enum(['voorgesteld', 'genomen'], { message: 'Een nieuw besluit is voorgesteld of genomen.' }),
  /** Required when the decision goes beyond what is left: the chief confirms, with a reason. */
  overBudgetReason: text(2000, 'Maximaal 2.000 tekens.').optional(),
});

export const ExpenseInput = z.strictObject({
  teamId: Id,
  date: MoneyDate,
  amountCents: PositiveAmount,
  payee: Name,
  description: LongText,
  paymentMethod: z.enum(PAYMENT_METHODS, { message: 'Kies pinpas, factuur, declaratie of anders.' }),
  receiptRef: ShortText,
  decisionId: OptionalLink,
  teamOpgaveId: OptionalLink,
  actionId: OptionalLink,
  clusterId: OptionalLink,
});

export const ExportInput = z.strictObject({
  teamId: Id,
  year: Year,
  what: z.enum(['expenses', 'decisions', 'overview']),
  format: z.enum(['csv', 'xlsx']),
});

// ---- results ----

export interface BudgetEntry {
  id: number;
  year: number;
  date: string;
  kind: EntryKind;
  amountCents: number;
  reason: string;
  createdAt: string;
}

export interface LinkLabels {
  teamOpgaveId: number | null;
  opgaveLabel: string | null;
  actionId: number | null;
  actionTitle: string | null;
  clusterId: number | null;
  clusterName: string | null;
}

export interface Decision extends LinkLabels {
  id: number;
  year: number;
  date: string;
  title: string;
  amountCents: number;
  rationale: string;
  decidedBy: string;
  status: DecisionStatus;
  overBudgetReason: string;
  withdrawnReason: string;
  /** Spent on this decision (non-voided expenses and reversals linked to it). */
  spentCents: number;
  /** Still committed: for a taken decision, amount minus spent (never below zero); otherwise 0. */
  committedCents: number;
  level: WarningLevel;
  createdAt: string;
}

export type ExpenseState = 'actief' | 'teruggedraaid' | 'tegenboeking' | 'vervallen';

export interface Expense extends LinkLabels {
  id: number;
  year: number;
  date: string;
  amountCents: number;
  payee: string;
  description: string;
  paymentMethod: PaymentMethod;
  receiptRef: string;
  decisionId: number | null;
  decisionTitle: string | null;
  reversesId: number | null;
  reversedById: number | null;
  reason: string;
  voidedAt: string | null;
  voidReason: string;
  importBatchId: number | null;
  importRow: number | null;
  state: ExpenseState;
  /** Sum of the refunds on this expense; what counts as spent is amountCents − refundedCents. */
  refundedCents: number;
  createdAt: string;
}

/** ok below 80% used, warning from 80%, over from 100%. */
export type WarningLevel = 'ok' | 'warning' | 'over';

export interface Totals {
  availableCents: number;
  /** Taken decisions (status genomen), full amount. */
  decidedCents: number;
  /** Taken decisions not yet spent. */
  committedCents: number;
  spentCents: number;
  /** available - committed - spent. */
  leftCents: number;
}

export interface GroupTotals {
  decidedCents: number;
  committedCents: number;
  spentCents: number;
  level: WarningLevel;
}

export interface BudgetOverview {
  teamId: number;
  year: number;
  totals: Totals & { proposedCents: number; usedPercent: number | null; level: WarningLevel };
  byOpgave: (GroupTotals & { teamOpgaveId: number | null; label: string | null })[];
  byCluster: (GroupTotals & { clusterId: number | null; label: string | null })[];
  byMonth: { month: number; committedCents: number; spentCents: number; cumulativeSpentCents: number }[];
  warnings: { scope: 'year' | 'decision' | 'opgave' | 'cluster'; id: number | null; label: string | null; level: WarningLevel; percent: number }[];
}

export interface BudgetLinks {
  opgaven: { id: number; label: string }[];
  actions: { id: number; title: string; teamOpgaveId: number; clusterId: number | null }[];
  clusters: { id: number; name: string }[];
  decisions: { id: number; title: string; year: number; status: DecisionStatus }[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

const TeamYear = z.strictObject({ teamId: Id, year: Year });

export const budgetApi = {
  'budget.years': method<number[]>()(z.strictObject({ teamId: Id })),
  'budget.overview': method<BudgetOverview>()(TeamYear),
  'budget.links': method<BudgetLinks>()(z.strictObject({ teamId: Id })),
  'budget.entries.list': method<BudgetEntry[]>()(TeamYear),
  'budget.entries.add': method<BudgetEntry>()(BudgetEntryInput),
  'budget.decisions.list': method<Decision[]>()(TeamYear),
  'budget.decisions.create': method<Decision>()(DecisionInput),
  'budget.decisions.take': method<Decision>()(
    z.strictObject({ teamId: Id, decisionId: Id, overBudgetReason: text(2000, 'Maximaal 2.000 tekens.').optional() }),
  ),
  'budget.decisions.withdraw': method<Decision>()(z.strictObject({ teamId: Id, decisionId: Id, reason: Reason })),
  'budget.expenses.list': method<Expense[]>()(TeamYear),
  'budget.expenses.create': method<Expense>()(ExpenseInput),
  'budget.expenses.reverse': method<Expense>()(z.strictObject({ teamId: Id, expenseId: Id, date: MoneyDate, reason: Reason })),
  'budget.expenses.void': method<Expense>()(z.strictObject({ teamId: Id, expenseId: Id, reason: Reason })),
  'budget.import.preview': method<ImportPreview>()(ImportPreviewInput),
  'budget.import.commit': method<ImportResult>()(ImportCommitInput),
  'budget.export': method<ExportFile>()(ExportInput),
  ...refundsApi,
};
