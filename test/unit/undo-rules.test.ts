import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS, type Method } from '../../electron/api/contract';
import type { Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { METHOD_KINDS } from '../../electron/api/method-kinds';
import { ruleOf, UNDO_RULES } from '../../electron/core/undo/rules';
import { journaledTables } from '../../electron/core/undo/capture';
import { call, PROFILE, snapshot, testCore } from './helpers';
import { CHOICE, CLUSTER, importPayload, undoFixture, type UndoFixture } from './undo-fixture';

/**
 * A valid call of every method of the contract. The compiler holds this table against the
 * contract, so a new method cannot be added without a sample here; the tests below then prove
 * that its undo rule is right: a `read` changes nothing, a `write` records one action that
 * undo takes back.
 */
const SAMPLES: Record<Method, (f: UndoFixture, core: Core) => unknown> = {
  'team.list': () => undefined,
  'team.get': (f) => ({ teamId: f.teamId }),
  'team.create': () => ({ ...PROFILE, name: 'Basisteam Zeist' }),
  'team.update': (f) => ({ teamId: f.teamId, profile: { ...PROFILE, name: 'Basisteam Buren' } }),
  'report.get': (f) => ({ teamId: f.teamId, kind: 'full', from: '2026-01-01', to: '2026-12-31', sections: ['opgaven'], opgaven: [] }),
  'agenda.catalogue': () => undefined,
  'agenda.templates': () => undefined,
  'agenda.list': (f) => ({ teamId: f.teamId }),
  'agenda.get': (f) => ({ teamId: f.teamId, teamOpgaveId: f.choiceId }),
  'agenda.dependents': (f) => ({ teamId: f.teamId, record: 'cluster', id: f.clusterId }),
  'agenda.choose': (f) => ({ teamId: f.teamId, ...CHOICE, opgaveId: 1 }),
  'agenda.update': (f) => ({ teamId: f.teamId, teamOpgaveId: f.choiceId, fields: { periodStart: CHOICE.periodStart, periodEnd: CHOICE.periodEnd, startDate: CHOICE.startDate, ambition: 'Drie clusters' } }),
  'agenda.setStatus': (f) => ({ teamId: f.teamId, teamOpgaveId: f.choiceId, status: 'gepauzeerd' }),
  'agenda.archive': (f) => ({ teamId: f.teamId, teamOpgaveId: f.choiceId, archived: true }),
  'agenda.remove': async (f, core) => ({ teamId: f.teamId, teamOpgaveId: (await call<{ id: number }>(core, 'agenda.choose', { teamId: f.teamId, ...CHOICE, opgaveId: 2 })).id }),
  'action.create': (f) => ({ teamId: f.teamId, teamOpgaveId: f.choiceId, title: 'Spreekuur', newPartners: ['Woonstichting'] }),
  'action.update': (f) => ({ teamId: f.teamId, actionId: f.actionId, fields: { title: 'Teamdag Buren', partnerIds: [] } }),
  'action.setStatus': (f) => ({ teamId: f.teamId, actionId: f.actionId, status: 'afgerond', doneDate: '2026-06-01' }),
  'action.archive': (f) => ({ teamId: f.teamId, actionId: f.actionId, archived: true }),
  'action.remove': async (f, core) => ({ teamId: f.teamId, actionId: (await call<{ id: number }>(core, 'action.create', { teamId: f.teamId, teamOpgaveId: f.choiceId, title: 'Weg' })).id }),
  'partner.list': (f) => ({ teamId: f.teamId }),
  'partner.create': (f) => ({ teamId: f.teamId, name: 'Scholengroep' }),
  'partner.archive': (f) => ({ teamId: f.teamId, partnerId: f.partnerId, archived: true }),
  'clusters.list': (f) => ({ teamId: f.teamId }),
  'clusters.overview': (f) => ({ teamId: f.teamId }),
  'clusters.create': (f) => ({ teamId: f.teamId, ...CLUSTER, name: 'Stad' }),
  'clusters.update': (f) => ({ teamId: f.teamId, clusterId: f.clusterId, fields: { ...CLUSTER, lead: 'Brigadier Smit' } }),
  'clusters.end': (f) => ({ teamId: f.teamId, clusterId: f.clusterId, endDate: '2026-06-30', reason: 'Opgeheven' }),
  'clusters.split': (f) => ({
    teamId: f.teamId,
    clusterId: f.clusterId,
    date: '2026-06-01',
    parts: ['Buren', 'West Betuwe'].map((name) => ({ name, areas: [name], gemeenten: [], inhabitants: 15_000, lead: '', fte: 10, wijkagenten: 2 })),
  }),
  'clusters.archive': (f) => ({ teamId: f.teamId, clusterId: f.clusterId, archived: true }),
  'clusters.remove': async (f, core) => ({ teamId: f.teamId, clusterId: (await call<{ id: number }>(core, 'clusters.create', { teamId: f.teamId, ...CLUSTER, name: 'Weg' })).id }),
  'app.info': () => undefined,
  'backup.list': () => undefined,
  'backup.create': () => undefined,
  'backup.restore': async (_f, core) => ({ name: (await call<{ name: string }>(core, 'backup.create')).name }),
  'store.info': () => undefined,
  'store.export': () => undefined,
  'store.import': async (_f, core) => ({ fileName: 'export.sqlite', data: (await call<{ data: string }>(core, 'store.export')).data }),
  'progress.checkins.list': (f) => ({ teamId: f.teamId }),
  'progress.checkins.page': (f) => ({ teamId: f.teamId, period: { kind: 'year', year: 2026 }, page: 1, pageSize: 20 }),
  'progress.history': (f) => ({ teamId: f.teamId, period: { kind: 'year', year: 2026 } }),
  'progress.overview': (f) => ({ teamId: f.teamId, period: { kind: 'year', year: 2026 } }),
  'progress.checkins.create': (f) => ({ teamId: f.teamId, checkin: { teamOpgaveId: f.choiceId, date: '2026-06-01', status: 'achter', progress: 35, confidence: 5 } }),
  'progress.rhythm.set': (f) => ({ teamId: f.teamId, teamOpgaveId: f.choiceId, rhythm: 'weekly' }),
  'dashboard.get': (f) => ({ teamId: f.teamId, period: { kind: 'year', year: 2026 } }),
  'budget.years': (f) => ({ teamId: f.teamId }),
  'budget.overview': (f) => ({ teamId: f.teamId, year: 2026 }),
  'budget.links': (f) => ({ teamId: f.teamId }),
  'budget.entries.list': (f) => ({ teamId: f.teamId, year: 2026 }),
  'budget.decisions.list': (f) => ({ teamId: f.teamId, year: 2026 }),
  'budget.expenses.list': (f) => ({ teamId: f.teamId, year: 2026 }),
  'budget.import.preview': async (f, core) => {
    const { mapping: _m, paymentMethod: _p, skipRows: _s, ...rest } = await importPayload(core, f.teamId, 'ING-2026-03.csv', [['02-03-2026', 'Albert Heijn', '-12,50']]);
    return rest;
  },
  'budget.export': (f) => ({ teamId: f.teamId, year: 2026, what: 'expenses', format: 'csv' }),
  'budget.entries.add': (f) => ({ teamId: f.teamId, year: 2026, date: '2026-06-01', kind: 'aanvulling', amountCents: 500_00, reason: 'Extra van de eenheid' }),
  'budget.decisions.create': (f) => ({ teamId: f.teamId, date: '2026-06-01', title: 'Fietsen', amountCents: 800_00, rationale: '', decidedBy: '', status: 'genomen' }),
  'budget.decisions.take': (f) => ({ teamId: f.teamId, decisionId: f.proposedId }),
  'budget.decisions.withdraw': async (f, core) => ({
    teamId: f.teamId,
    decisionId: (await call<{ id: number }>(core, 'budget.decisions.create', { teamId: f.teamId, date: '2026-06-01', title: 'Te veel', amountCents: 100_00, rationale: '', decidedBy: '', status: 'voorgesteld' })).id,
    reason: 'Niet meer nodig',
  }),
  'budget.expenses.create': (f) => ({ teamId: f.teamId, date: '2026-06-02', amountCents: 12_34, payee: 'Bakkerij Bart', description: '', paymentMethod: 'debitcard', receiptRef: '', clusterId: f.clusterId }),
  'budget.expenses.reverse': (f) => ({ teamId: f.teamId, expenseId: f.expenseId, date: '2026-03-05', reason: 'Dubbel betaald' }),
  'budget.expenses.void': (f) => ({ teamId: f.teamId, expenseId: f.expenseId, reason: 'Verkeerd team' }),
  'budget.import.commit': (f, core) =>
    importPayload(core, f.teamId, 'ING-2026-03.csv', [
      ['02-03-2026', 'Albert Heijn', '-12,50'],
      ['03-03-2026', 'Bakkerij Bart', '-45,00'],
    ]),
  'budget.refunds.create': (f) => ({ teamId: f.teamId, expenseId: f.expenseId, date: '2026-03-10', amountCents: 50_00, reason: 'Creditnota' }),
  'budget.refunds.list': (f) => ({ teamId: f.teamId, year: 2026 }),
  'budget.refunds.forExpense': (f) => ({ teamId: f.teamId, expenseId: f.expenseId }),
  'audit.history': (f) => ({ teamId: f.teamId, entity: 'expense', entityId: f.expenseId }),
  'audit.verify': (f) => ({ teamId: f.teamId }),
  'audit.verifyStart': (f) => ({ teamId: f.teamId }),
  'audit.verifyStatus': (f) => ({ teamId: f.teamId }),
  'audit.verifyCancel': (f) => ({ teamId: f.teamId }),
  'audit.verifyRecent': (f) => ({ teamId: f.teamId }),
  'audit.recentStatus': (f) => ({ teamId: f.teamId }),
  'undo.list': (f) => ({ teamId: f.teamId }),
  'undo.history': (f) => ({ teamId: f.teamId, record: 'cluster', id: f.clusterId }),
  'undo.undo': (f) => ({ teamId: f.teamId }),
  'undo.redo': (f) => ({ teamId: f.teamId }),
  'district.key': () => undefined,
  'district.export': (f) => ({ teamId: f.teamId, ...PERIOD }),
  'district.inspect': async (f, core) => ({ files: [await ownBundle(f, core)] }),
  'district.import': async (f, core) => {
    const files = [await ownBundle(f, core)];
    const [inspected] = await call<{ key: { fingerprint: string } }[]>(core, 'district.inspect', { files });
    return { files, trust: [inspected!.key.fingerprint] };
  },
  'district.overview': () => undefined,
  'district.team': async (f, core) => {
    const files = [await ownBundle(f, core)];
    const [inspected] = await call<{ key: { fingerprint: string } }[]>(core, 'district.inspect', { files });
    const [imported] = await call<{ bundleId: number }[]>(core, 'district.import', { files, trust: [inspected!.key.fingerprint] });
    return { bundleId: imported!.bundleId };
  },
  'district.verifyAnchor': (f) => ({ teamId: f.teamId, length: 1, hash: 'abcdef012345' }),
  'receipts.list': (f) => ({ teamId: f.teamId, kind: 'expense', recordId: f.expenseId }),
  'receipts.forYear': (f) => ({ teamId: f.teamId, year: 2026 }),
  'receipts.attach': (f) => ({ teamId: f.teamId, kind: 'expense', recordId: f.expenseId, fileName: 'bon.pdf', bytes: RECEIPT }),
  'receipts.detach': async (f, core) => ({ teamId: f.teamId, attachmentId: await attached(f, core), reason: 'Verkeerde bon' }),
  'receipts.content': async (f, core) => ({ teamId: f.teamId, attachmentId: await attached(f, core) }),
  'receipts.missing': (f) => ({ teamId: f.teamId, year: 2026 }),
  'receipts.storeInfo': (f) => ({ teamId: f.teamId }),
  'receipts.exportYear': async (f, core) => {
    await attached(f, core);
    return { teamId: f.teamId, year: 2026 };
  },
};

const RECEIPT = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/receipts/bon.pdf')));
/** A receipt on the fixture's expense; its attachment id. */
const attached = async (f: UndoFixture, core: Core) =>
  (await call<{ attachment: { id: number } }>(core, 'receipts.attach', { teamId: f.teamId, kind: 'expense', recordId: f.expenseId, fileName: 'bon.pdf', bytes: RECEIPT })).attachment.id;
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
/** The team's own signed bundle, as the district would receive it. */
async function ownBundle(f: UndoFixture, core: Core) {
  const b = await call<{ fileName: string; text: string }>(core, 'district.export', { teamId: f.teamId, ...PERIOD });
  return { name: b.fileName, text: b.text };
}

/** What the screens show: every table except the journal and the audit trail (which only grow). */
const data = (core: Core) => {
  const all = snapshot(core);
  for (const t of ['change_action', 'change_row', 'change_alias', 'audit_log']) delete all[t];
  return all;
};
const journalSize = (core: Core) => (core.db.prepare('SELECT count(*) AS n FROM change_action').get() as { n: number }).n;

/**
 * Writes whose undo is refused in words (see apply.ts): refunds cannot be cancelled in the ledger
 * yet; a bundle read in by the district is signed evidence and stays.
 */
const REFUSED = new Map<Method, RegExp>([
  ['budget.refunds.create', /kan niet ongedaan worden gemaakt: de terugbetaling van/],
  ['district.import', /kan niet ongedaan worden gemaakt: een ingelezen verantwoording blijft bewaard/],
]);

async function prepared(method: Method) {
  const core = testCore(fixedClock('2026-06-15'));
  const f = await undoFixture(core);
  const payload = await SAMPLES[method](f, core);
  return { core, f, payload };
}

describe('every method of the contract has an undo rule that holds', () => {
  it('the rule table and the samples cover exactly the contract', () => {
    expect(Object.keys(METHOD_KINDS).sort()).toEqual([...METHODS].sort());
    expect(Object.keys(UNDO_RULES).sort()).toEqual(METHODS.filter((m) => METHOD_KINDS[m] === 'write').sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...METHODS].sort());
  });

  const reads = METHODS.filter((m) => ruleOf(m).kind === 'read');
  const writes = METHODS.filter((m) => ruleOf(m).kind === 'write');

  // The audit checks remember how far the trail was found sound (a note for the next check, no data).
  const withoutVerifiedHead = (snap: Record<string, unknown[]>) => ({
    ...snap,
    app_setting: (snap.app_setting ?? []).filter((r) => (r as { key: string }).key !== 'audit.verifiedHead'),
  });
  it.each(reads)('%s (read) changes nothing, not even the journal', async (method) => {
    const { core, payload } = await prepared(method);
    const before = withoutVerifiedHead(snapshot(core));
    await call(core, method, payload);
    expect(withoutVerifiedHead(snapshot(core))).toEqual(before);
  });

  it.each(writes)('%s (write) records one described action, and undo takes it back', async (method) => {
    const { core, f, payload } = await prepared(method);
    const before = data(core);
    const actions = journalSize(core);
    await call(core, method, payload);
    expect(data(core)).not.toEqual(before);
    expect(journalSize(core)).toBe(actions + 1);
    const head = core.db.prepare('SELECT * FROM change_action ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(head).toMatchObject({ method, state: 'done' });
    expect(String(head.description_nl).length).toBeGreaterThan(5);
    expect(String(head.description_en).length).toBeGreaterThan(5);
    expect(head.description_nl).not.toMatch(/undefined|NaN|\[object/);
    expect(head.description_en).not.toMatch(/undefined|NaN|\[object/);
    const teamId = method === 'team.create' ? Number(head.team_id) : f.teamId;
    const refused = REFUSED.get(method);
    if (refused) {
      // No way to cancel this record in the ledger yet: refused in words, nothing changed.
      const snap = snapshot(core);
      const r = await core.dispatch('undo.undo', { teamId });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(!r.ok && r.error.message).toMatch(refused);
      expect(snapshot(core)).toEqual(snap);
      return;
    }
    await call(core, 'undo.undo', { teamId });
    // Booked or detached, never changed back; a stored receipt file stays (content-addressed).
    const money = new Set(['budget_entry', 'budget_decision', 'expense', 'import_batch', 'refund', 'attachment', 'receipt_blob']);
    const after = data(core);
    for (const [table, rows] of Object.entries(before)) if (!money.has(table)) expect(after[table], table).toEqual(rows);
  });

  it('every table a write can touch is journaled, and tables that refuse changing their history are undone by booking', () => {
    const core = testCore();
    const tables = journaledTables(core.db);
    const appendOnly = core.db
      .prepare<[], { tbl_name: string }>("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'")
      .all()
      .map((r) => r.tbl_name)
      .filter((t) => tables.includes(t));
    // Money is undone by booking; the district's evidence (bundles, trusted keys, export notes) refuses in words.
    const money = ['budget_decision', 'budget_entry', 'expense', 'import_batch', 'refund', 'district_bundle', 'district_key', 'bundle_export', 'attachment'];
    expect(appendOnly.filter((t) => !money.includes(t))).toEqual([]);
  });
});

describe('receipts: undo detaches or attaches again, never deletes', () => {
  const attachmentRows = (core: Core) => core.db.prepare('SELECT id, detached_at, detach_reason FROM attachment ORDER BY id').all() as { id: number; detached_at: string | null; detach_reason: string }[];
  const auditActions = (core: Core) =>
    (core.db.prepare("SELECT action FROM audit_log WHERE entity = 'attachment' ORDER BY seq").all() as { action: string }[]).map((r) => r.action);

  it('attach: undo detaches it with the reason "ongedaan gemaakt" (audited), redo attaches the same file again', async () => {
    const core = testCore(fixedClock('2026-06-15'));
    const f = await undoFixture(core);
    const id = await attached(f, core);
    await call(core, 'undo.undo', { teamId: f.teamId });
    expect(attachmentRows(core)).toEqual([{ id, detached_at: expect.any(String), detach_reason: 'ongedaan gemaakt' }]);
    await call(core, 'undo.redo', { teamId: f.teamId });
    const rows = attachmentRows(core);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ detached_at: null });
    expect(auditActions(core)).toEqual(['toegevoegd', 'losgekoppeld', 'toegevoegd']);
    // Undo again finds the live attachment (the one redo made).
    await call(core, 'undo.undo', { teamId: f.teamId });
    expect(attachmentRows(core).every((r) => r.detached_at !== null)).toBe(true);
    expect(await call(core, 'audit.verify', { teamId: f.teamId })).toMatchObject({ ok: true });
  });

  it('detach: undo attaches the file again, redo detaches it again with the chief\u2019s reason', async () => {
    const core = testCore(fixedClock('2026-06-15'));
    const f = await undoFixture(core);
    const id = await attached(f, core);
    await call(core, 'receipts.detach', { teamId: f.teamId, attachmentId: id, reason: 'Verkeerde bon' });
    await call(core, 'undo.undo', { teamId: f.teamId });
    let rows = attachmentRows(core);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id, detach_reason: 'Verkeerde bon' });
    expect(rows[1]).toMatchObject({ detached_at: null });
    await call(core, 'undo.redo', { teamId: f.teamId });
    rows = attachmentRows(core);
    expect(rows[1]).toMatchObject({ detach_reason: 'Verkeerde bon', detached_at: expect.any(String) });
    expect(auditActions(core)).toEqual(['toegevoegd', 'losgekoppeld', 'toegevoegd', 'losgekoppeld']);
    expect(await call(core, 'audit.verify', { teamId: f.teamId })).toMatchObject({ ok: true });
  });
});
