import { describe, expect, it } from 'vitest';
import type { BudgetOverview, Decision } from '../../electron/api/budget';
import type { ClusterOverview } from '../../electron/api/clusters';
import type { ProgressHistory } from '../../electron/api/progress';
import type { ReportData, ReportOptions } from '../../electron/api/report';
import { fixedClock } from '../../electron/core/clock';
import { createAuditLog } from '../../electron/core/audit/chain';
import { createBudgetService, type NewExpense } from '../../electron/core/budget/service';
import { firstSentence, PRINTED_MISSING, printedMissing } from '../../electron/core/report/service';
import type { MissingReceipts } from '../../electron/api/receipts';
import { REPORT_TEAM, seedRealistic } from '../fixtures/report-data';
import { call, testCore } from './helpers';

const clock = fixedClock('2026-12-15T10:30:00');
const options = (teamId: number, o: Partial<ReportOptions> = {}): ReportOptions => ({
  teamId,
  kind: 'full',
  from: '2026-01-01',
  to: '2026-12-31',
  sections: ['profile', 'opgaven', 'budget', 'clusters'],
  opgaven: [],
  ...o,
});

describe('report composition', () => {
  it('composes opgaven, money, clusters and the audit head from the domains, numbers unchanged', async () => {
    const core = testCore(clock);
    const seeded = await seedRealistic(core);
    const data = await call<ReportData>(core, 'report.get', options(seeded.teamId));

    expect(data.team.name).toBe(REPORT_TEAM.name);
    expect(data.asOf).toBe('2026-12-15');
    expect(data.generatedAt).toBe(clock.now().toISOString());

    // Budget: exactly budget.overview and budget.decisions of the year.
    const overview = await call<BudgetOverview>(core, 'budget.overview', { teamId: seeded.teamId, year: 2026 });
    const decisions = await call<Decision[]>(core, 'budget.decisions.list', { teamId: seeded.teamId, year: 2026 });
    expect(data.budget.map((b) => b.year)).toEqual([2026]);
    expect(data.budget[0]!.overview).toEqual(overview);
    expect(data.budget[0]!.decisions).toEqual(decisions);
    expect(overview.totals.availableCents).toBe(16_250_000);
    expect(overview.totals.committedCents).toBeGreaterThan(0);
    expect(decisions).toHaveLength(13);

    // Opgaven: four, in the progress domain's order, with their series and latest check-in.
    expect(data.opgaven.map((o) => o.teamOpgaveId).sort()).toEqual([...seeded.opgaven].sort());
    const history = await call<ProgressHistory>(core, 'progress.history', { teamId: seeded.teamId, period: { kind: 'year', year: 2026 } });
    for (const o of data.opgaven) {
      const series = history.opgaven.find((s) => s.teamOpgaveId === o.teamOpgaveId)!;
      expect(o.series.map((p) => [p.date, p.progress])).toEqual(series.points.map((p) => [p.date, p.progress]));
      expect(o.series).toHaveLength(12);
      expect(o.latest?.date).toBe('2026-12-10');
      expect(o.actions).toMatchObject({ done: 1, open: 2, overdue: 1 });
      expect(o.actions.openList.map((a) => a.dueDate)).toEqual(['2026-11-01', '2027-02-01']);
      expect(o.actions.openList[0]!.overdue).toBe(true);
      expect(o.ambition.length).toBeGreaterThan(10);
    }
    const behind = data.opgaven.find((o) => o.teamOpgaveId === seeded.opgaven[1])!;
    expect(behind).toMatchObject({ status: 'achter', kind: 'extern', owner: 'Brigadier Yilmaz', agendaStatus: 'actief' });
    expect(data.overall).toBe('aandacht-nodig');

    // Clusters: the clusters domain's overview on the as-of day, with the norm per cluster.
    const clusters = await call<ClusterOverview>(core, 'clusters.overview', { teamId: seeded.teamId, date: '2026-12-15' });
    expect(data.clusters).toEqual(clusters);
    expect(data.clusters.clusters.map((c) => [c.name, c.norm.status])).toEqual([
      ['Centrum', 'ok'],
      ['Noord', 'short'],
      ['Oost', 'ok'],
    ]);

    // Audit head: the first 12 hex of the chain's newest hash.
    const head = core.db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!.hash;
    expect(data.auditHead).toBe(head.slice(0, 12));
    expect(data.auditHead).toMatch(/^[0-9a-f]{12}$/);
    expect(data.driehoek).toBeNull();
  });

  it('the opgaven filter keeps only the chosen ids; ids of another team show nothing of it', async () => {
    const core = testCore(clock);
    const seeded = await seedRealistic(core);
    const other = await call<{ id: number }>(core, 'team.create', { ...REPORT_TEAM, name: 'Basisteam Zeist' });
    const foreign = await call<{ id: number }>(core, 'agenda.choose', {
      teamId: other.id,
      opgaveId: 2,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      startDate: '2026-01-01',
    });
    const picked = [seeded.opgaven[3]!, seeded.opgaven[1]!];
    const data = await call<ReportData>(core, 'report.get', options(seeded.teamId, { opgaven: [...picked, foreign.id] }));
    expect(data.opgaven.map((o) => o.teamOpgaveId).sort()).toEqual([...picked].sort());
    // The money stays the whole year's: the totals on paper always equal the funds screen.
    expect(data.budget[0]!.overview.totals.spentCents).toBeGreaterThan(0);

    const foreignOnly = await call<ReportData>(core, 'report.get', options(seeded.teamId, { opgaven: [foreign.id] }));
    expect(foreignOnly.opgaven).toEqual([]);
    expect(await core.dispatch('report.get', options(other.id + 50))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('an empty store gives empty sections, zero money and no audit head', async () => {
    const core = testCore(clock);
    const team = await call<{ id: number }>(core, 'team.create', REPORT_TEAM);
    const data = await call<ReportData>(core, 'report.get', options(team.id, { kind: 'driehoek', from: '2025-07-01', to: '2026-06-30' }));
    expect(data.opgaven).toEqual([]);
    expect(data.overall).toBe('geen-gegevens');
    expect(data.auditHead).toBeNull();
    expect(data.budget.map((b) => [b.year, b.overview.totals.availableCents, b.decisions.length])).toEqual([
      [2025, 0, 0],
      [2026, 0, 0],
    ]);
    expect(data.clusters.clusters).toEqual([]);
    expect(data.driehoek).toEqual({
      opgaven: [],
      money: { years: [2025, 2026], availableCents: 0, committedCents: 0, spentCents: 0, leftCents: 0 },
      blockers: [],
    });
  });

  it('the driehoek summary: one sentence per opgave, money of the year, blockers behind-first', async () => {
    const core = testCore(clock);
    const seeded = await seedRealistic(core);
    const data = await call<ReportData>(core, 'report.get', options(seeded.teamId, { kind: 'driehoek' }));
    const overview = await call<BudgetOverview>(core, 'budget.overview', { teamId: seeded.teamId, year: 2026 });
    const d = data.driehoek!;
    expect(d.money).toEqual({
      years: [2026],
      availableCents: overview.totals.availableCents,
      committedCents: overview.totals.committedCents,
      spentCents: overview.totals.spentCents,
      leftCents: overview.totals.leftCents,
    });
    expect(d.opgaven).toHaveLength(4);
    expect(d.opgaven[0]!.sentence).toBe('Volgende stap voor maand 13: afspraken vastleggen.');
    expect(d.blockers.map((b) => b.teamOpgaveId)).toEqual([seeded.opgaven[1], seeded.opgaven[2]]);
    expect(d.blockers[0]!.text).toMatch(/rechercheurs/);
  });

  it('prints at most PRINTED_MISSING payments without a receipt: the largest, by date, with the whole year\'s count and sum', async () => {
    const core = testCore(clock);
    const team = await call<{ id: number }>(core, 'team.create', { ...REPORT_TEAM });
    const budget = createBudgetService(core.db, createAuditLog(core.db));
    // 620 pinpas payments in 2026, amounts in no order, some equal, and 5 invoices (never missing a receipt).
    const rows: NewExpense[] = Array.from({ length: 625 }, (_, k) => ({
      date: new Date(Date.UTC(2026, 0, 1 + (k % 300))).toISOString().slice(0, 10),
      amountCents: 100 + ((k * 7919) % 997) * 10,
      payee: `Winkel ${k}`,
      description: '',
      paymentMethod: k < 5 ? 'factuur' : 'debitcard',
      receiptRef: '',
      links: { decisionId: null, teamOpgaveId: null, actionId: null, clusterId: null },
    }));
    core.db.transaction(() => budget.addExpensesInTransaction(team.id, rows, clock))();
    const all = await call<MissingReceipts>(core, 'receipts.missing', { teamId: team.id, year: 2026 });
    expect(all.count).toBe(620);
    const printed = (await call<ReportData>(core, 'report.get', options(team.id, { sections: ['budget'] }))).budget[0]!.missingReceipts;
    expect({ count: printed.count, totalCents: printed.totalCents, lines: printed.expenses.length }).toEqual({ count: 620, totalCents: all.totalCents, lines: PRINTED_MISSING });
    // The largest: no line left out is larger than the smallest printed one.
    const smallest = Math.min(...printed.expenses.map((e) => e.amountCents));
    const kept = new Set(printed.expenses.map((e) => e.expenseId));
    expect(all.expenses.filter((e) => !kept.has(e.expenseId) && e.amountCents > smallest)).toEqual([]);
    // By date (then number), as the full list.
    expect(printed.expenses).toEqual(all.expenses.filter((e) => kept.has(e.expenseId)));
    // A year under the limit is printed whole.
    const short = { ...all, expenses: all.expenses.slice(0, PRINTED_MISSING), count: PRINTED_MISSING };
    expect(printedMissing(short)).toBe(short);
  });

  it('takes the first sentence of a text', () => {
    expect(firstSentence('  Eén.  Twee. ')).toBe('Eén.');
    expect(firstSentence('Geen punt')).toBe('Geen punt');
    expect(firstSentence('Versie 1.2 is klaar! Daarna')).toBe('Versie 1.2 is klaar!');
    expect(firstSentence('')).toBe('');
  });
});
