import type { BudgetOverview, GroupTotals, WarningLevel } from '../../api/budget';

/** The rows the overview is computed from: exactly what the ledger holds for one team and year. */
export interface LedgerEntry {
  amount_cents: number;
}
export interface LedgerDecision {
  id: number;
  title: string;
  decision_date: string;
  amount_cents: number;
  status: string;
  team_opgave_id: number | null;
  cluster_id: number | null;
}
export interface LedgerExpense {
  expense_date: string;
  amount_cents: number;
  decision_id: number | null;
  team_opgave_id: number | null;
  cluster_id: number | null;
  voided_at: string | null;
}

/** Integer percentage, rounded down: 79,99% is 79. Only a ratio, never money. */
export const percentOf = (part: number, whole: number): number => Math.floor((part * 100) / whole);

/** ok below 80%, warning from 80%, over from 100% (of a positive whole). */
export function levelOf(used: number, whole: number): WarningLevel {
  if (whole <= 0) return used > 0 ? 'over' : 'ok';
  if (used >= whole) return 'over';
  if (used * 5 >= whole * 4) return 'warning';
  return 'ok';
}

/** Spent per decision: the sum of its non-voided expenses (reversals count negative). */
export function spentPerDecision(expenses: LedgerExpense[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of expenses) {
    if (e.voided_at !== null || e.decision_id === null) continue;
    out.set(e.decision_id, (out.get(e.decision_id) ?? 0) + e.amount_cents);
  }
  return out;
}

export const committedOf = (d: LedgerDecision, spent: number): number =>
  d.status === 'genomen' ? Math.max(0, d.amount_cents - spent) : 0;

type Group = { decidedCents: number; committedCents: number; spentCents: number };
const empty = (): Group => ({ decidedCents: 0, committedCents: 0, spentCents: 0 });
const monthOf = (iso: string) => Number(iso.slice(5, 7));

export function computeOverview(
  teamId: number,
  year: number,
  entries: LedgerEntry[],
  decisions: LedgerDecision[],
  expenses: LedgerExpense[],
  labels: { opgave: (id: number) => string | null; cluster: (id: number) => string | null },
): BudgetOverview {
  const availableCents = entries.reduce((s, e) => s + e.amount_cents, 0);
  const spentOn = spentPerDecision(expenses);
  const byOpgave = new Map<number | null, Group>();
  const byCluster = new Map<number | null, Group>();
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, committedCents: 0, spentCents: 0, cumulativeSpentCents: 0 }));
  const at = <K>(m: Map<K, Group>, k: K) => m.get(k) ?? (m.set(k, empty()), m.get(k)!);

  let decidedCents = 0;
  let proposedCents = 0;
  let committedCents = 0;
  let spentCents = 0;
  const warnings: BudgetOverview['warnings'] = [];

  for (const d of decisions) {
    const spent = spentOn.get(d.id) ?? 0;
    const committed = committedOf(d, spent);
    if (d.status === 'voorgesteld') proposedCents += d.amount_cents;
    if (d.status !== 'genomen') continue;
    decidedCents += d.amount_cents;
    committedCents += committed;
    for (const g of [at(byOpgave, d.team_opgave_id), at(byCluster, d.cluster_id)]) {
      g.decidedCents += d.amount_cents;
      g.committedCents += committed;
    }
    months[monthOf(d.decision_date) - 1]!.committedCents += committed;
    const level = levelOf(spent, d.amount_cents);
    if (level !== 'ok') warnings.push({ scope: 'decision', id: d.id, label: d.title, level, percent: percentOf(spent, d.amount_cents) });
  }
  for (const e of expenses) {
    if (e.voided_at !== null) continue;
    spentCents += e.amount_cents;
    at(byOpgave, e.team_opgave_id).spentCents += e.amount_cents;
    at(byCluster, e.cluster_id).spentCents += e.amount_cents;
    months[monthOf(e.expense_date) - 1]!.spentCents += e.amount_cents;
  }
  let running = 0;
  for (const m of months) {
    running += m.spentCents;
    m.cumulativeSpentCents = running;
  }

  const used = committedCents + spentCents;
  const level = levelOf(used, availableCents);
  const usedPercent = availableCents > 0 ? percentOf(used, availableCents) : null;
  if (level !== 'ok') warnings.unshift({ scope: 'year', id: null, label: null, level, percent: usedPercent ?? 100 });

  const groupRows = <K extends number | null>(m: Map<K, Group>, label: (id: number) => string | null, scope: 'opgave' | 'cluster') =>
    [...m.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
      .map(([id, g]) => {
        const lvl: WarningLevel = g.decidedCents > 0 ? levelOf(g.spentCents, g.decidedCents) : 'ok';
        const name = id === null ? null : label(id);
        if (lvl !== 'ok' && id !== null) warnings.push({ scope, id, label: name, level: lvl, percent: percentOf(g.spentCents, g.decidedCents) });
        return { id, label: name, ...g, level: lvl } satisfies GroupTotals & { id: K; label: string | null };
      });

  return {
    teamId,
    year,
    totals: {
      availableCents,
      decidedCents,
      committedCents,
      spentCents,
      leftCents: availableCents - committedCents - spentCents,
      proposedCents,
      usedPercent,
      level,
    },
    byOpgave: groupRows(byOpgave, labels.opgave, 'opgave').map(({ id, ...g }) => ({ teamOpgaveId: id, ...g })),
    byCluster: groupRows(byCluster, labels.cluster, 'cluster').map(({ id, ...g }) => ({ clusterId: id, ...g })),
    byMonth: months,
    warnings,
  };
}
