import { describe, expect, it } from 'vitest';
import type { ChosenOpgave } from '../../electron/api/agenda';
import type { AuditVerifyResult } from '../../electron/api/audit';
import type { BudgetOverview, Decision, Expense, ImportPreview, ImportResult } from '../../electron/api/budget';
import type { Cluster } from '../../electron/api/clusters';
import type { Checkin } from '../../electron/api/progress';
import type { Team } from '../../electron/api/team';
import type { HistoryEntry, UndoResult, UndoState } from '../../electron/api/undo';
import { createCore } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { call, PROFILE, snapshot, tempDir, testCore } from './helpers';

const CLUSTER = { name: 'Dorpen', areas: ['Buren', 'Maurik'], gemeenten: [], inhabitants: 30_000, lead: 'Brigadier Jansen', fte: 20, wijkagenten: 5, startDate: '2026-01-01' };
const PART = (name: string) => ({ name, areas: [name], gemeenten: [], inhabitants: 15_000, lead: '', fte: 10, wijkagenten: 2 });
const CHOICE = { opgaveId: 6, periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01' };

/** The data tables as the screens read them (the journal itself left out). */
const dataOf = (core: ReturnType<typeof testCore>) => {
  const all = snapshot(core);
  for (const t of ['change_action', 'change_row', 'change_alias', 'audit_log']) delete all[t];
  return all;
};

async function setup() {
  const core = testCore(fixedClock('2026-06-15'));
  const team = await call<Team>(core, 'team.create', { ...PROFILE, gemeenten: ['Buren', 'West Betuwe'] });
  const other = await call<Team>(core, 'team.create', { ...PROFILE, name: 'Basisteam Texel' });
  return { core, teamId: team.id, otherId: other.id };
}

describe('undo and redo of plain records', () => {
  it('describes a split in words, undoes it back to exactly the rows before, and redoes it', async () => {
    const { core, teamId } = await setup();
    const c = await call<Cluster>(core, 'clusters.create', { teamId, ...CLUSTER });
    const before = dataOf(core);
    await call(core, 'clusters.split', { teamId, clusterId: c.id, date: '2026-06-01', parts: [PART('Buren'), PART('West Betuwe')] });
    const after = dataOf(core);
    const list = await call<UndoState>(core, 'undo.list', { teamId });
    expect(list.nextUndo).toMatchObject({ descriptionNl: 'Cluster Dorpen gesplitst in Buren en West Betuwe', descriptionEn: 'Cluster Dorpen split into Buren and West Betuwe' });
    expect(list.actions.map((a) => a.descriptionNl)).toEqual(['Cluster Dorpen gesplitst in Buren en West Betuwe', 'Cluster Dorpen aangemaakt', 'Team Basisteam Utrecht-Oost aangemaakt']);

    const undone = await call<UndoResult>(core, 'undo.undo', { teamId });
    expect(undone.handled.map((a) => a.descriptionNl)).toEqual(['Cluster Dorpen gesplitst in Buren en West Betuwe']);
    expect(dataOf(core)).toEqual(before);
    expect(undone.state.nextRedo?.descriptionNl).toBe('Cluster Dorpen gesplitst in Buren en West Betuwe');

    await call(core, 'undo.redo', { teamId });
    expect(dataOf(core)).toEqual(after);
  });

  it('keeps each team to its own actions: Ctrl+Z in one team never touches the other', async () => {
    const { core, teamId, otherId } = await setup();
    await call(core, 'clusters.create', { teamId, ...CLUSTER });
    await call(core, 'clusters.create', { teamId: otherId, ...CLUSTER, name: 'Den Burg' });
    await call(core, 'undo.undo', { teamId });
    expect((await call<Cluster[]>(core, 'clusters.list', { teamId })).map((c) => c.name)).toEqual([]);
    expect((await call<Cluster[]>(core, 'clusters.list', { teamId: otherId })).map((c) => c.name)).toEqual(['Den Burg']);
  });

  it('a new action after an undo ends the redo; undo through an older action takes the newer ones back first', async () => {
    const { core, teamId } = await setup();
    const a = await call<Cluster>(core, 'clusters.create', { teamId, ...CLUSTER });
    await call(core, 'clusters.update', { teamId, clusterId: a.id, fields: { ...CLUSTER, lead: 'Brigadier de Vries' } });
    await call(core, 'clusters.archive', { teamId, clusterId: a.id, archived: true });
    const list = await call<UndoState>(core, 'undo.list', { teamId });
    const updateAction = list.actions[1]!;
    const r = await call<UndoResult>(core, 'undo.undo', { teamId, throughId: updateAction.id });
    expect(r.handled.map((x) => x.descriptionNl)).toEqual(['Cluster Dorpen gearchiveerd', 'Cluster Dorpen bijgewerkt']);
    expect((await call<Cluster[]>(core, 'clusters.list', { teamId }))[0]).toMatchObject({ lead: 'Brigadier Jansen', archived: false });
    await call(core, 'clusters.create', { teamId, ...CLUSTER, name: 'Stad' });
    expect((await call<UndoState>(core, 'undo.list', { teamId })).nextRedo).toBeNull();
    expect(await core.dispatch('undo.redo', { teamId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses an undo that would leave a money record pointing at nothing, and names it', async () => {
    const { core, teamId } = await setup();
    const c = await call<Cluster>(core, 'clusters.create', { teamId, ...CLUSTER });
    await call(core, 'budget.decisions.create', { teamId, date: '2026-03-01', title: 'Buurtavond Maurik', amountCents: 500_00, rationale: '', clusterId: c.id, decidedBy: '', status: 'voorgesteld' });
    await call(core, 'undo.undo', { teamId }); // withdraws the decision (money is never erased)
    const before = snapshot(core);
    const refused = await core.dispatch('undo.undo', { teamId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!refused.ok && refused.error.message).toBe(
      '“Cluster Dorpen aangemaakt” kan niet ongedaan worden gemaakt: besluit Buurtavond Maurik (ingetrokken) verwijst nog naar cluster Dorpen.',
    );
    expect(snapshot(core)).toEqual(before);
  });

  it('gives agenda, cluster and progress records a history, including the undo', async () => {
    const { core, teamId } = await setup();
    const choice = await call<ChosenOpgave>(core, 'agenda.choose', { teamId, ...CHOICE, ambition: 'Twee clusters' });
    await call(core, 'agenda.update', { teamId, teamOpgaveId: choice.id, fields: { periodStart: CHOICE.periodStart, periodEnd: CHOICE.periodEnd, startDate: CHOICE.startDate, ambition: 'Drie clusters' } });
    await call(core, 'undo.undo', { teamId });
    const h = await call<HistoryEntry[]>(core, 'undo.history', { teamId, record: 'team_opgave', id: choice.id });
    expect(h.map((e) => [e.event, e.change, e.descriptionNl])).toEqual([
      ['done', 'created', "Opgave ‘Klein’ binnen ‘groot’ organiseren gekozen"],
      ['done', 'changed', "Opgave ‘Klein’ binnen ‘groot’ organiseren bijgewerkt"],
      ['undone', 'changed', "Opgave ‘Klein’ binnen ‘groot’ organiseren bijgewerkt"],
    ]);
    expect(h[1]!.changes).toContainEqual({ field: 'ambition', before: 'Twee clusters', after: 'Drie clusters' });
    expect(h[2]!.changes).toContainEqual({ field: 'ambition', before: 'Drie clusters', after: 'Twee clusters' });
    const checkin = await call<Checkin>(core, 'progress.checkins.create', { teamId, checkin: { teamOpgaveId: choice.id, date: '2026-06-01', status: 'op-koers', progress: 40, confidence: 7 } });
    expect((await call<HistoryEntry[]>(core, 'undo.history', { teamId, record: 'checkin', id: checkin.id }))[0]!.descriptionNl).toBe(
      "Check-in van 2026-06-01 bij ‘Klein’ binnen ‘groot’ organiseren vastgelegd",
    );
    expect(await core.dispatch('undo.history', { teamId: teamId + 1, record: 'checkin', id: checkin.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a record that gets the id of an undone one has only its own history', async () => {
    const { core, teamId } = await setup();
    const first = await call<Cluster>(core, 'clusters.create', { teamId, ...CLUSTER, name: 'Eerste' });
    await call(core, 'undo.undo', { teamId });
    const second = await call<Cluster>(core, 'clusters.create', { teamId, ...CLUSTER, name: 'Tweede' });
    expect(second.id).toBe(first.id); // SQLite reuses the highest free rowid
    const h = await call<HistoryEntry[]>(core, 'undo.history', { teamId, record: 'cluster', id: second.id });
    expect(h.map((e) => e.descriptionNl)).toEqual(['Cluster Tweede aangemaakt']);
  });

  it('survives a restart: the journal is in the store', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-06-15');
    let core = createCore({ dataDir: dir, clock });
    const team = await call<Team>(core, 'team.create', PROFILE);
    await call(core, 'clusters.create', { teamId: team.id, ...CLUSTER });
    core.close();
    core = createCore({ dataDir: dir, clock });
    try {
      expect((await call<UndoState>(core, 'undo.list', { teamId: team.id })).nextUndo?.descriptionNl).toBe('Cluster Dorpen aangemaakt');
      await call(core, 'undo.undo', { teamId: team.id });
      expect(await call<Cluster[]>(core, 'clusters.list', { teamId: team.id })).toEqual([]);
    } finally {
      core.close();
    }
  });
});

describe('undo of money: never erased, always audited', () => {
  async function money() {
    const { core, teamId } = await setup();
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 10_000_00, reason: '' });
    const d = await call<Decision>(core, 'budget.decisions.create', { teamId, date: '2026-03-01', title: 'Buurtavond', amountCents: 1_000_00, rationale: '', decidedBy: '', status: 'genomen' });
    const e = await call<Expense>(core, 'budget.expenses.create', { teamId, date: '2026-03-02', amountCents: 250_00, payee: 'Drukkerij De Wijk', description: 'Flyers', paymentMethod: 'factuur', receiptRef: '', decisionId: d.id });
    return { core, teamId, d, e };
  }
  const totals = async (core: ReturnType<typeof testCore>, teamId: number) => (await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 })).totals;
  const audit = async (core: ReturnType<typeof testCore>, teamId: number) => call<AuditVerifyResult>(core, 'audit.verify', { teamId });

  it('undoing an expense voids it with the reason, undoing a decision withdraws it, an entry gets a correction; redo books again', async () => {
    const { core, teamId, e, d } = await money();
    const start = await totals(core, teamId);
    const chain = (await audit(core, teamId)).records;
    await call(core, 'undo.undo', { teamId });
    const voided = (await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).find((x) => x.id === e.id)!;
    expect(voided).toMatchObject({ state: 'vervallen', voidReason: 'ongedaan gemaakt' });
    await call(core, 'undo.undo', { teamId });
    expect((await call<Decision[]>(core, 'budget.decisions.list', { teamId, year: 2026 })).find((x) => x.id === d.id)).toMatchObject({ status: 'ingetrokken', withdrawnReason: 'ongedaan gemaakt' });
    await call(core, 'undo.undo', { teamId });
    expect(await totals(core, teamId)).toMatchObject({ availableCents: 0, committedCents: 0, spentCents: 0 });
    expect((await call<{ kind: string; amountCents: number; reason: string }[]>(core, 'budget.entries.list', { teamId, year: 2026 })).at(-1)).toMatchObject({ kind: 'correctie', amountCents: -10_000_00, reason: 'ongedaan gemaakt' });
    const afterUndo = await audit(core, teamId);
    expect(afterUndo).toMatchObject({ ok: true });
    expect(afterUndo.records).toBe(chain + 3);

    for (let i = 0; i < 3; i++) await call(core, 'undo.redo', { teamId });
    expect(await totals(core, teamId)).toEqual(start);
    const live = (await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).filter((x) => x.state === 'actief');
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ payee: 'Drukkerij De Wijk', amountCents: 250_00, decisionTitle: 'Buurtavond' });
    expect(live[0]!.id).not.toBe(e.id);
    expect(await audit(core, teamId)).toMatchObject({ ok: true, records: chain + 6 });
  });

  it('undoes a reversal and a void by booking the expense again; redo reverses and voids the new booking', async () => {
    const { core, teamId, e } = await money();
    const start = await totals(core, teamId);
    await call(core, 'budget.expenses.reverse', { teamId, expenseId: e.id, date: '2026-03-05', reason: 'Dubbel betaald' });
    const reversed = await totals(core, teamId);
    await call(core, 'undo.undo', { teamId });
    expect(await totals(core, teamId)).toEqual(start);
    await call(core, 'undo.redo', { teamId });
    expect(await totals(core, teamId)).toEqual(reversed);
    await call(core, 'undo.undo', { teamId });
    const live = (await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).filter((x) => x.state === 'actief');
    expect(live).toHaveLength(1);
    await call(core, 'budget.expenses.void', { teamId, expenseId: live[0]!.id, reason: 'Verkeerd team' });
    await call(core, 'undo.undo', { teamId });
    expect(await totals(core, teamId)).toEqual(start);
    // Taking back the expense itself now voids the booking that took its place.
    await call(core, 'undo.undo', { teamId });
    expect((await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).filter((x) => x.state === 'actief')).toEqual([]);
    expect(await audit(core, teamId)).toMatchObject({ ok: true });
  });

  it('undoes an import as a whole: every expense of the batch voided; the description names the file', async () => {
    const { core, teamId } = await money();
    const start = await totals(core, teamId);
    const csv = ['Datum;Naam;Bedrag', '02-03-2026;Albert Heijn;-12,50', '03-03-2026;Bakkerij Bart;-45,00'].join('\r\n');
    const contentBase64 = Buffer.from(csv).toString('base64');
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'ING-2026-03.csv', contentBase64 });
    await call<ImportResult>(core, 'budget.import.commit', { teamId, fileName: 'ING-2026-03.csv', contentBase64, mapping: p.mapping!, paymentMethod: 'debitcard', skipRows: [] });
    expect((await call<UndoState>(core, 'undo.list', { teamId })).nextUndo?.descriptionNl).toBe('2 uitgaven ingelezen uit ING-2026-03.csv');
    await call(core, 'undo.undo', { teamId });
    expect(await totals(core, teamId)).toEqual(start);
    const batch = (await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).filter((x) => x.importBatchId !== null);
    expect(batch.map((x) => [x.state, x.voidReason])).toEqual([
      ['vervallen', 'ongedaan gemaakt'],
      ['vervallen', 'ongedaan gemaakt'],
    ]);
    // Redo books the same two bank rows again, in the same batch; a second undo voids those.
    await call(core, 'undo.redo', { teamId });
    const again = (await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).filter((x) => x.importBatchId !== null && x.state === 'actief');
    expect(again.map((x) => [x.payee, x.amountCents, x.importRow])).toEqual([
      ['Albert Heijn', 12_50, 2],
      ['Bakkerij Bart', 45_00, 3],
    ]);
    await call(core, 'undo.undo', { teamId });
    expect(await totals(core, teamId)).toEqual(start);
    expect(await audit(core, teamId)).toMatchObject({ ok: true });
  });

  it('refuses to undo an expense that a later reversal still refers to when the reversal is not in the journal', async () => {
    const { core, teamId, e } = await money();
    // A reversal written outside any action (as by an older version): not in the journal.
    core.db.prepare(`INSERT INTO expense (team_id, year, expense_date, amount_cents, payee, payment_method, reverses_id, reason, created_at)
      VALUES (?, 2026, '2026-03-04', -25000, 'Drukkerij De Wijk', 'factuur', ?, 'Dubbel', '2026-03-04T00:00:00Z')`).run(teamId, e.id);
    const r = await core.dispatch('undo.undo', { teamId });
    expect(!r.ok && r.error.message).toMatch(/tegenboeking Drukkerij De Wijk \(€ -250,00, 2026-03-04\) verwijst nog naar uitgave Drukkerij De Wijk/);
  });
});

describe('restore and whole-store import are not undone', () => {
  it('puts a barrier: nothing before a restore can be undone', async () => {
    const { core, teamId } = await setup();
    await call(core, 'clusters.create', { teamId, ...CLUSTER });
    const backup = await call<{ name: string }>(core, 'backup.create');
    await call(core, 'clusters.create', { teamId, ...CLUSTER, name: 'Stad' });
    await call(core, 'backup.restore', { name: backup.name });
    const list = await call<UndoState>(core, 'undo.list', { teamId });
    expect(list.nextUndo).toBeNull();
    expect(list.actions[0]).toMatchObject({ state: 'barrier', descriptionNl: 'Back-up teruggezet' });
    const r = await core.dispatch('undo.undo', { teamId });
    expect(!r.ok && r.error.message).toMatch(/Back-up teruggezet/);
    await call(core, 'clusters.create', { teamId, ...CLUSTER, name: 'Na terugzetten' });
    await call(core, 'undo.undo', { teamId });
    expect((await call<Cluster[]>(core, 'clusters.list', { teamId })).map((c) => c.name)).toEqual(['Dorpen']);
  });
});
