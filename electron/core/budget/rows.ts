import type { BudgetEntry, Decision, DecisionStatus, Expense, ExpenseState } from '../../api/budget';
import { committedOf, levelOf, type LedgerDecision, type LedgerExpense } from './overview';

/**
 * The budget tables' rows as SQLite returns them, and their shape in the contract's answers: the
 * service reads with these, the import, refunds and overview share them.
 */

export interface EntryRow {
  id: number;
  team_id: number;
  year: number;
  entry_date: string;
  kind: BudgetEntry['kind'];
  amount_cents: number;
  reason: string;
  created_at: string;
}

export interface LabelCols {
  opgave_label: string | null;
  action_title: string | null;
  cluster_name: string | null;
}

export interface DecisionRow extends LedgerDecision, LabelCols {
  team_id: number;
  year: number;
  rationale: string;
  action_id: number | null;
  decided_by: string;
  status: DecisionStatus;
  over_budget_reason: string;
  withdrawn_reason: string;
  created_at: string;
}

export interface ExpenseRow extends LedgerExpense, LabelCols {
  id: number;
  team_id: number;
  year: number;
  payee: string;
  description: string;
  payment_method: Expense['paymentMethod'];
  receipt_ref: string;
  action_id: number | null;
  reverses_id: number | null;
  reason: string;
  import_batch_id: number | null;
  import_row: number | null;
  void_reason: string;
  created_at: string;
  decision_title: string | null;
  reversed_by_id: number | null;
  refunded_cents: number;
}

export const LABEL_JOINS = `
  LEFT JOIN team_opgave t ON t.id = x.team_opgave_id
  LEFT JOIN opgave o ON o.id = t.opgave_id
  LEFT JOIN action a ON a.id = x.action_id
  LEFT JOIN cluster c ON c.id = x.cluster_id`;
export const LABEL_COLS = `COALESCE(o.title_nl, CASE WHEN x.team_opgave_id IS NOT NULL THEN 'Opgave ' || x.team_opgave_id END) AS opgave_label,
  a.title AS action_title, c.name AS cluster_name`;

const links = (r: { team_opgave_id: number | null; action_id: number | null; cluster_id: number | null } & LabelCols) => ({
  teamOpgaveId: r.team_opgave_id,
  opgaveLabel: r.opgave_label,
  actionId: r.action_id,
  actionTitle: r.action_title,
  clusterId: r.cluster_id,
  clusterName: r.cluster_name,
});

export const toEntry = (r: EntryRow): BudgetEntry => ({
  id: r.id,
  year: r.year,
  date: r.entry_date,
  kind: r.kind,
  amountCents: r.amount_cents,
  reason: r.reason,
  createdAt: r.created_at,
});

export function toDecision(r: DecisionRow, spent: number): Decision {
  return {
    id: r.id,
    year: r.year,
    date: r.decision_date,
    title: r.title,
    amountCents: r.amount_cents,
    rationale: r.rationale,
    decidedBy: r.decided_by,
    status: r.status,
    overBudgetReason: r.over_budget_reason,
    withdrawnReason: r.withdrawn_reason,
    spentCents: spent,
    committedCents: committedOf(r, spent),
    level: r.status === 'genomen' ? levelOf(spent, r.amount_cents) : 'ok',
    createdAt: r.created_at,
    ...links(r),
  };
}

function stateOf(r: ExpenseRow): ExpenseState {
  if (r.voided_at !== null) return 'vervallen';
  if (r.reverses_id !== null) return 'tegenboeking';
  if (r.reversed_by_id !== null) return 'teruggedraaid';
  return 'actief';
}

export const toExpense = (r: ExpenseRow): Expense => ({
  id: r.id,
  year: r.year,
  date: r.expense_date,
  amountCents: r.amount_cents,
  payee: r.payee,
  description: r.description,
  paymentMethod: r.payment_method,
  receiptRef: r.receipt_ref,
  decisionId: r.decision_id,
  decisionTitle: r.decision_title,
  reversesId: r.reverses_id,
  reversedById: r.reversed_by_id,
  reason: r.reason,
  voidedAt: r.voided_at,
  voidReason: r.void_reason,
  importBatchId: r.import_batch_id,
  importRow: r.import_row,
  state: stateOf(r),
  refundedCents: r.refunded_cents,
  createdAt: r.created_at,
  ...links(r),
});
