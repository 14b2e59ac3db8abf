import fc from 'fast-check';
import type { Core } from '../../electron/core';
import type { BudgetFixture } from './budget-fixtures';

/**
 * Random histories of versterkingsgelden and an independent model of the ledger: what was
 * accepted, and how each amount is attributed. Each step goes through the real API; the model
 * predicts whether it is accepted.
 */
export type Link = { kind: 'none' } | { kind: 'opgave'; i: number } | { kind: 'action'; i: number } | { kind: 'cluster'; i: number } | { kind: 'both'; i: number; j: number };

export type Op =
  | { op: 'entry'; year: number; kind: 'toekenning' | 'aanvulling' | 'correctie'; amount: number; month: number }
  | { op: 'decision'; year: number; amount: number; status: 'voorgesteld' | 'genomen'; confirm: boolean; link: Link; month: number }
  | { op: 'take'; pick: number; confirm: boolean }
  | { op: 'withdraw'; pick: number }
  | { op: 'expense'; year: number; amount: number; month: number; day: number; decision: number | null; link: Link }
  | { op: 'reverse'; pick: number }
  | { op: 'void'; pick: number }
  | { op: 'refund'; pick: number; size: 'full' | 'part' | 'over'; part: number; months: number; day: number };

const year = fc.constantFrom(2026, 2027);
const month = fc.integer({ min: 1, max: 12 });
const link: fc.Arbitrary<Link> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('opgave' as const), i: fc.nat(2) }),
  fc.record({ kind: fc.constant('action' as const), i: fc.nat(1) }),
  fc.record({ kind: fc.constant('cluster' as const), i: fc.nat(1) }),
  fc.record({ kind: fc.constant('both' as const), i: fc.nat(2), j: fc.nat(1) }),
);
const cents = fc.oneof(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 5_000_00 }), fc.integer({ min: 1, max: 50_000_00 }));

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('entry' as const), year, kind: fc.constantFrom('toekenning' as const, 'aanvulling' as const, 'correctie' as const), amount: fc.integer({ min: -20_000_00, max: 60_000_00 }).filter((n) => n !== 0), month }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('decision' as const), year, amount: cents, status: fc.constantFrom('voorgesteld' as const, 'genomen' as const), confirm: fc.boolean(), link, month }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('take' as const), pick: fc.nat(), confirm: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('withdraw' as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('expense' as const), year, amount: cents, month, day: fc.integer({ min: 1, max: 28 }), decision: fc.option(fc.nat(), { nil: null }), link }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      pick: fc.nat(),
      size: fc.constantFrom('full' as const, 'part' as const, 'part' as const, 'over' as const),
      part: fc.integer({ min: 1, max: 50_000_00 }),
      // -1: a month before the expense (refused); up to 2 months after, possibly into the next year (refused).
      months: fc.integer({ min: -1, max: 2 }),
      day: fc.integer({ min: 1, max: 28 }),
    }),
  },
);

interface MDecision { id: number; year: number; month: number; amount: number; status: string; opgave: number | null; cluster: number | null }
interface MExpense { id: number; year: number; month: number; date: string; amount: number; opgave: number | null; cluster: number | null; decision: number | null; voided: boolean; reverses: number | null; reversedBy: number | null; refunded: number }
export interface MRefund { expenseId: number; year: number; month: number; amount: number; opgave: number | null; cluster: number | null; decision: number | null }

export class LedgerModel {
  entries: { year: number; kind: string; amount: number }[] = [];
  decisions: MDecision[] = [];
  expenses: MExpense[] = [];
  refunds: MRefund[] = [];
  constructor(readonly f: BudgetFixture) {}

  available = (y: number) => this.entries.filter((e) => e.year === y).reduce((s, e) => s + e.amount, 0);
  spentOn = (d: number) =>
    this.expenses.filter((e) => e.decision === d && !e.voided).reduce((s, e) => s + e.amount, 0) -
    this.refunds.filter((r) => r.decision === d).reduce((s, r) => s + r.amount, 0);
  committedOf = (d: MDecision) => (d.status === 'genomen' ? Math.max(0, d.amount - this.spentOn(d.id)) : 0);
  /** Spent is expenses minus refunds. */
  spent = (y: number) =>
    this.expenses.filter((e) => e.year === y && !e.voided).reduce((s, e) => s + e.amount, 0) -
    this.refunds.filter((r) => r.year === y).reduce((s, r) => s + r.amount, 0);
  /** Every amount that counts as spending in a year, refunds negative, with its attribution. */
  flows = (y: number) => [
    ...this.expenses.filter((e) => e.year === y && !e.voided).map((e) => ({ amount: e.amount, opgave: e.opgave, cluster: e.cluster, month: e.month })),
    ...this.refunds.filter((r) => r.year === y).map((r) => ({ amount: -r.amount, opgave: r.opgave, cluster: r.cluster, month: r.month })),
  ];
  committed = (y: number) => this.decisions.filter((d) => d.year === y).reduce((s, d) => s + this.committedOf(d), 0);
  left = (y: number) => this.available(y) - this.committed(y) - this.spent(y);

  links(l: Link): { payload: Record<string, number>; opgave: number | null; cluster: number | null } {
    const f = this.f;
    if (l.kind === 'opgave') return { payload: { teamOpgaveId: f.opgaven[l.i]! }, opgave: f.opgaven[l.i]!, cluster: null };
    if (l.kind === 'cluster') return { payload: { clusterId: f.clusters[l.i]! }, opgave: null, cluster: f.clusters[l.i]! };
    if (l.kind === 'both') return { payload: { teamOpgaveId: f.opgaven[l.i]!, clusterId: f.clusters[l.j]! }, opgave: f.opgaven[l.i]!, cluster: f.clusters[l.j]! };
    if (l.kind === 'action') {
      const a = f.actions[l.i]!;
      return { payload: { actionId: a.id }, opgave: a.teamOpgaveId, cluster: a.clusterId };
    }
    return { payload: {}, opgave: null, cluster: null };
  }
}

const iso = (y: number, m: number, d = 15) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Runs one step through the API, checks the model's prediction, and updates the model. */
export async function apply(core: Core, m: LedgerModel, op: Op): Promise<void> {
  const teamId = m.f.teamId;
  const expectOutcome = (accepted: boolean, r: { ok: boolean }, what: string) => {
    if (accepted !== r.ok) throw new Error(`${what}: model says ${accepted ? 'accept' : 'refuse'}, API said ${JSON.stringify(r)}`);
  };
  switch (op.op) {
    case 'entry': {
      const hasAllocation = m.entries.some((e) => e.year === op.year && e.kind === 'toekenning');
      const accepted =
        (op.kind === 'correctie' || op.amount > 0) &&
        (op.kind === 'toekenning' ? !hasAllocation : hasAllocation) &&
        m.available(op.year) + op.amount >= 0;
      const r = await core.dispatch('budget.entries.add', { teamId, year: op.year, date: iso(op.year, op.month), kind: op.kind, amountCents: op.amount, reason: 'r' });
      expectOutcome(accepted, r, 'entry');
      if (r.ok) m.entries.push({ year: op.year, kind: op.kind, amount: op.amount });
      return;
    }
    case 'decision': {
      const l = m.links(op.link);
      const accepted = op.status === 'voorgesteld' || op.confirm || op.amount <= m.left(op.year);
      const r = await core.dispatch('budget.decisions.create', {
        teamId, date: iso(op.year, op.month), title: 'Besluit', amountCents: op.amount, rationale: '', decidedBy: '', status: op.status,
        ...(op.confirm ? { overBudgetReason: 'akkoord driehoek' } : {}), ...l.payload,
      });
      expectOutcome(accepted, r, 'decision');
      if (r.ok) m.decisions.push({ id: (r as { data: { id: number } }).data.id, year: op.year, month: op.month, amount: op.amount, status: op.status, opgave: l.opgave, cluster: l.cluster });
      return;
    }
    case 'take':
    case 'withdraw': {
      if (m.decisions.length === 0) return;
      const d = m.decisions[op.pick % m.decisions.length]!;
      if (op.op === 'take') {
        const accepted = d.status === 'voorgesteld' && (op.confirm || d.amount <= m.left(d.year));
        const r = await core.dispatch('budget.decisions.take', { teamId, decisionId: d.id, ...(op.confirm ? { overBudgetReason: 'akkoord' } : {}) });
        expectOutcome(accepted, r, 'take');
        if (r.ok) d.status = 'genomen';
      } else {
        const r = await core.dispatch('budget.decisions.withdraw', { teamId, decisionId: d.id, reason: 'niet meer nodig' });
        expectOutcome(d.status !== 'ingetrokken', r, 'withdraw');
        if (r.ok) d.status = 'ingetrokken';
      }
      return;
    }
    case 'expense': {
      const date = iso(op.year, op.month, op.day);
      const d = op.decision === null || m.decisions.length === 0 ? null : m.decisions[op.decision % m.decisions.length]!;
      const l = d ? { payload: { decisionId: d.id }, opgave: d.opgave, cluster: d.cluster } : m.links(op.link);
      const accepted = !d || (d.status === 'genomen' && d.year === op.year);
      const r = await core.dispatch('budget.expenses.create', {
        teamId, date, amountCents: op.amount, payee: 'Leverancier', description: '', paymentMethod: 'debitcard', receiptRef: '', ...l.payload,
      });
      expectOutcome(accepted, r, 'expense');
      if (r.ok) {
        const got = (r as { data: { id: number; teamOpgaveId: number | null; clusterId: number | null } }).data;
        if (got.teamOpgaveId !== l.opgave || got.clusterId !== l.cluster) throw new Error(`attribution differs: ${JSON.stringify(got)} vs ${JSON.stringify(l)}`);
        m.expenses.push({ id: got.id, year: op.year, month: op.month, date, amount: op.amount, opgave: l.opgave, cluster: l.cluster, decision: d?.id ?? null, voided: false, reverses: null, reversedBy: null, refunded: 0 });
      }
      return;
    }
    case 'reverse':
    case 'void': {
      if (m.expenses.length === 0) return;
      const e = m.expenses[op.pick % m.expenses.length]!;
      const accepted = !e.voided && e.reverses === null && e.reversedBy === null && e.refunded === 0;
      if (op.op === 'void') {
        const r = await core.dispatch('budget.expenses.void', { teamId, expenseId: e.id, reason: 'dubbel' });
        expectOutcome(accepted, r, 'void');
        if (r.ok) e.voided = true;
      } else {
        const r = await core.dispatch('budget.expenses.reverse', { teamId, expenseId: e.id, date: e.date, reason: 'verkeerd' });
        expectOutcome(accepted, r, 'reverse');
        if (r.ok) {
          const id = (r as { data: { id: number } }).data.id;
          e.reversedBy = id;
          m.expenses.push({ ...e, id, amount: -e.amount, reverses: e.id, reversedBy: null, voided: false });
        }
      }
      return;
    }
    case 'refund': {
      if (m.expenses.length === 0) return;
      const e = m.expenses[op.pick % m.expenses.length]!;
      const left = e.amount - e.refunded;
      const amount = op.size === 'full' ? left : op.size === 'over' ? left + 1 : Math.max(1, Math.min(op.part, left));
      const monthIndex = e.month + op.months;
      const y = e.year + Math.floor((monthIndex - 1) / 12);
      const mo = ((monthIndex - 1 + 12) % 12) + 1;
      const date = op.months === 0 ? iso(e.year, e.month, Math.max(op.day, Number(e.date.slice(8)))) : iso(y, mo, op.day);
      const accepted = !e.voided && e.reverses === null && e.reversedBy === null && amount > 0 && amount <= left && date >= e.date && y === e.year;
      const r = await core.dispatch('budget.refunds.create', { teamId, expenseId: e.id, date, amountCents: amount, reason: 'creditnota' });
      expectOutcome(accepted, r, `refund ${amount} of ${JSON.stringify(e)} on ${date}`);
      if (r.ok) {
        e.refunded += amount;
        m.refunds.push({ expenseId: e.id, year: e.year, month: Number(date.slice(5, 7)), amount, opgave: e.opgave, cluster: e.cluster, decision: e.decision });
      }
      return;
    }
  }
}
