import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../electron/api/errors';
import type { UndoState } from '../../electron/api/undo';
import type { Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { checkInvariants } from '../../electron/core/invariants';
import { call, PROFILE, testCore } from './helpers';
import { CLUSTER, importPayload, undoFixture, type UndoFixture } from './undo-fixture';

/**
 * Random sequences of at least 30 user actions over every domain (team profile, agenda choices,
 * actions, partners, clusters, check-ins and rhythms, budget entries, decisions, expenses,
 * reversals, voids and imports), then undo of all of them: every list and overview the screens
 * read answers as before; the audit chain verifies and has grown. Redo of all of them answers as
 * after the actions.
 *
 * Money is never erased, so money answers are compared on what is in effect: live decisions and
 * expenses without their ids (undo/redo book new records), the budget totals, no ledger lines, and
 * not the head of the audit chain (it grows).
 * Money links only to records that existed before the sequence: undoing the creation of a record
 * that a money record points at is refused by design (tested on its own in undo.test.ts).
 */
const SEED = Number(process.env.UNDO_SEED ?? 20261201);
const RUNS = Number(process.env.UNDO_RUNS ?? 12);
const YEAR = 2026;

const NAMES = ['Buren', 'West Betuwe', 'Maurik', 'Culemborg', 'Tiel', 'Geldermalsen', 'Zaltbommel', 'Neerijnen'];
const PAYEES = ['Drukkerij De Wijk', 'Albert Heijn', 'Bakkerij Bart', 'NS', 'Bol.com'];
const day = (n: number) => `${YEAR}-${String(1 + (n % 11)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`;

type Step = [kind: number, a: number, b: number];

interface Live {
  clusters: { id: number; ended: boolean; start: string }[];
  choices: number[];
  actions: number[];
  partners: number[];
  checkins: number[];
  decisions: { id: number; status: string }[];
  expenses: { id: number; date: string }[];
}

async function ids<T>(core: Core, method: string, payload: unknown, pick: (x: T) => number[]): Promise<number[]> {
  return pick(await call<T>(core, method, payload));
}

/** The team's records as the next step can use them (read through the API, like a screen). */
async function live(core: Core, teamId: number): Promise<Live> {
  const clusters = await call<{ id: number; endDate: string | null; startDate: string }[]>(core, 'clusters.list', { teamId, includeArchived: true });
  const decisions = await call<{ id: number; status: string }[]>(core, 'budget.decisions.list', { teamId, year: YEAR });
  return {
    clusters: clusters.map((c) => ({ id: c.id, ended: c.endDate !== null, start: c.startDate })),
    choices: await ids<{ id: number }[]>(core, 'agenda.list', { teamId, includeArchived: true }, (x) => x.map((c) => c.id)),
    actions: (await call<{ actions: { id: number }[] }[]>(core, 'agenda.list', { teamId, includeArchived: true })).flatMap((c) => (c.actions ?? []).map((a) => a.id)),
    partners: await ids<{ id: number }[]>(core, 'partner.list', { teamId, includeArchived: true }, (x) => x.map((p) => p.id)),
    checkins: await ids<{ id: number }[]>(core, 'progress.checkins.list', { teamId }, (x) => x.map((c) => c.id)),
    decisions: decisions.map((d) => ({ id: d.id, status: d.status })),
    expenses: (await call<{ id: number; state: string; date: string }[]>(core, 'budget.expenses.list', { teamId, year: YEAR }))
      .filter((e) => e.state === 'actief')
      .map((e) => ({ id: e.id, date: e.date })),
  };
}

const at = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** One step as a call; undefined when there is nothing to apply it to. */
function callFor(step: Step, s: Live, f: UndoFixture, core: Core, n: number): Promise<unknown> | [string, unknown] | undefined | false | 0 | null {
  const [kind, a, b] = step;
  const teamId = f.teamId;
  const cluster = at(s.clusters, a);
  const choice = at(s.choices, a);
  const action = at(s.actions, a);
  switch (kind % 22) {
    case 0:
      return ['clusters.create', { teamId, ...CLUSTER, name: `${at(NAMES, a)} ${n}`, inhabitants: 1000 * (b % 50), startDate: day(b % 5) }];
    case 1:
      return cluster && ['clusters.update', { teamId, clusterId: cluster.id, fields: { ...CLUSTER, name: `${at(NAMES, b)} ${n}`, lead: `Brigadier ${b}`, startDate: cluster.start, endDate: null } }];
    case 2:
      return cluster && !cluster.ended && ['clusters.split', { teamId, clusterId: cluster.id, date: '2026-10-01', parts: [at(NAMES, b)!, at(NAMES, b + 1)!].map((name, i) => ({ name: `${name} ${n}.${i}`, areas: [name], gemeenten: [], inhabitants: 1000, lead: '', fte: 1, wijkagenten: 0 })) }];
    case 3:
      return cluster && ['clusters.archive', { teamId, clusterId: cluster.id, archived: b % 2 === 0 }];
    case 4:
      return cluster && !cluster.ended && ['clusters.end', { teamId, clusterId: cluster.id, endDate: '2026-12-31', reason: 'Opgeheven' }];
    case 5:
      return ['agenda.choose', { teamId, opgaveId: 1 + (a % 8), periodStart: `${2027 + (b % 4)}-01-01`, periodEnd: `${2027 + (b % 4)}-12-31`, startDate: `${2027 + (b % 4)}-01-01`, ambition: `Ambitie ${n}` }];
    case 6:
      return choice && ['agenda.update', { teamId, teamOpgaveId: choice, fields: { periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01', ambition: `Bijgesteld ${n}`, owner: `Eigenaar ${b}` } }];
    case 7:
      return choice && ['agenda.setStatus', { teamId, teamOpgaveId: choice, status: at(['actief', 'gepauzeerd', 'afgerond', 'gestopt'], b) }];
    case 8:
      return choice && ['agenda.archive', { teamId, teamOpgaveId: choice, archived: b % 2 === 0 }];
    case 9:
      return choice && ['action.create', { teamId, teamOpgaveId: choice, title: `Actie ${n}`, clusterId: b % 3 === 0 ? (cluster?.id ?? null) : null, partnerIds: b % 2 ? s.partners.slice(0, 2) : [], newPartners: b % 5 === 0 ? [`Partner ${n}`] : [] }];
    case 10:
      return action && ['action.update', { teamId, actionId: action, fields: { title: `Actie ${n} herzien`, description: `Stap ${b}`, partnerIds: b % 2 ? s.partners.slice(-1) : [] } }];
    case 11:
      return action && ['action.setStatus', b % 2 ? { teamId, actionId: action, status: 'afgerond', doneDate: day(b) } : { teamId, actionId: action, status: at(['idee', 'gepland', 'lopend', 'gestopt'], b) }];
    case 12:
      return b % 2 ? ['partner.create', { teamId, name: `Partner ${n}`, kind: 'gemeente' }] : at(s.partners, a) && ['partner.archive', { teamId, partnerId: at(s.partners, a), archived: b % 4 === 1 }];
    case 13:
      return choice && ['progress.checkins.create', { teamId, checkin: { teamOpgaveId: choice, date: day(b), status: at(['op-koers', 'aandacht-nodig', 'achter', 'afgerond'], b), progress: b % 101, confidence: 1 + (b % 10) } }];
    case 14:
      return choice && ['progress.rhythm.set', { teamId, teamOpgaveId: choice, rhythm: at(['weekly', 'biweekly', 'monthly', 'quarterly'], b) }];
    case 15:
      return ['team.update', { teamId, profile: { ...PROFILE, name: `Basisteam ${at(NAMES, b)}`, wijkagenten: b % 40, gemeenten: NAMES.slice(0, 1 + (b % 4)) } }];
    case 16:
      return ['budget.entries.add', b % 3 === 0 ? { teamId, year: YEAR, date: day(b), kind: 'correctie', amountCents: -(1 + (b % 500)) * 100, reason: 'Tikfout' } : { teamId, year: YEAR, date: day(b), kind: 'aanvulling', amountCents: (1 + b) * 100, reason: 'Extra' }];
    case 17: {
      const links = [{}, { clusterId: f.clusterId }, { actionId: f.actionId }, { teamOpgaveId: f.choiceId }][b % 4];
      return ['budget.decisions.create', { teamId, date: day(b), title: `Besluit ${n}`, amountCents: (1 + (b % 20)) * 50_00, rationale: '', decidedBy: '', status: b % 2 ? 'genomen' : 'voorgesteld', overBudgetReason: 'Afgestemd met de districtschef', ...links }];
    }
    case 18: {
      const d = at(s.decisions.filter((x) => x.status !== 'ingetrokken'), a);
      if (!d) return undefined;
      return d.status === 'voorgesteld' && b % 2 ? ['budget.decisions.take', { teamId, decisionId: d.id, overBudgetReason: 'Afgestemd' }] : ['budget.decisions.withdraw', { teamId, decisionId: d.id, reason: 'Niet meer nodig' }];
    }
    case 19: {
      const d = at(s.decisions.filter((x) => x.status === 'genomen'), b);
      return ['budget.expenses.create', { teamId, date: day(b), amountCents: 1 + ((a * 7919) % 100_000), payee: at(PAYEES, b), description: '', paymentMethod: 'debitcard', receiptRef: '', ...(a % 2 && d ? { decisionId: d.id } : a % 3 === 0 ? { clusterId: f.clusterId } : {}) }];
    }
    case 20: {
      const e = at(s.expenses, a);
      if (!e) return undefined;
      // Dated on the expense's own day: undoing a reversal books the expense again and leaves the
      // cancelled pair, so a reversal in a later month would move spending between months.
      return b % 2 ? ['budget.expenses.reverse', { teamId, expenseId: e.id, date: e.date, reason: 'Dubbel' }] : ['budget.expenses.void', { teamId, expenseId: e.id, reason: 'Verkeerd' }];
    }
    case 21:
      return importPayload(core, teamId, `ING-2026-${n}.csv`, [
        [`0${1 + (b % 9)}-03-2026`, at(PAYEES, a)!, `-${1 + (b % 90)},50`],
        [`1${b % 9}-04-2026`, at(PAYEES, b)!, `-${1 + (a % 900)},00`],
      ]).then((p) => ['budget.import.commit', p]);
  }
  return undefined;
}

/** Everything the screens read, in a form that compares what is in effect. */
async function screens(core: Core, f: UndoFixture) {
  const teamId = f.teamId;
  const period = { kind: 'year', year: YEAR };
  const get = (m: string, p: unknown) => call<unknown>(core, m, p);
  const choices = await call<{ id: number }[]>(core, 'agenda.list', { teamId, includeArchived: true });
  return {
    team: await get('team.get', { teamId }),
    teams: await get('team.list', undefined),
    agenda: choices,
    agendaDetails: await Promise.all(choices.map((c) => get('agenda.get', { teamId, teamOpgaveId: c.id }))),
    partners: await get('partner.list', { teamId, includeArchived: true }),
    clusters: await get('clusters.list', { teamId, includeArchived: true }),
    clusterOverview: await get('clusters.overview', { teamId }),
    checkins: await get('progress.checkins.list', { teamId }),
    progress: await get('progress.overview', { teamId, period }),
    history: await get('progress.history', { teamId, period }),
    // Money records pointing at the cluster only grow (undo books, never erases): compared without them.
    dependents: (await call<{ table: string }[]>(core, 'agenda.dependents', { teamId, record: 'cluster', id: f.clusterId })).filter((d) => !['expense', 'budget_decision'].includes(d.table)),
    years: await get('budget.years', { teamId }),
    overview: money(await get('budget.overview', { teamId, year: YEAR })),
    links: money(await get('budget.links', { teamId })),
    decisions: money(await get('budget.decisions.list', { teamId, year: YEAR })),
    expenses: money(await get('budget.expenses.list', { teamId, year: YEAR })),
    dashboard: money(await get('dashboard.get', { teamId, period })),
    report: money(await get('report.get', { teamId, kind: 'full', from: '2026-01-01', to: '2026-12-31', sections: ['profile', 'opgaven', 'budget', 'clusters'], opgaven: [] })),
  };
}

const DEAD = new Set(['ingetrokken', 'vervallen', 'teruggedraaid', 'tegenboeking']);
const ENTRY_KINDS = new Set(['toekenning', 'aanvulling', 'correctie']);
const MONEY_ID = /^(id|decisionId|expenseId|reversesId|reversedById|importBatchId|importRow|entityId)$/;
const BOOKKEEPING = new Set(['auditHead', 'createdAt', 'updatedAt', 'reason', 'voidReason', 'voidedAt', 'withdrawnReason', 'takenAt']);

/**
 * A group of the overview with nothing in it: a withdrawn decision or a voided expense keeps its
 * cluster or opgave in the groups at zero (as without undo), so such rows are left out.
 */
const isEmptyGroup = (x: unknown) =>
  !!x && typeof x === 'object' && 'decidedCents' in x && ['committedCents', 'decidedCents', 'spentCents'].every((k) => (x as Record<string, unknown>)[k] === 0);

/** Money answers without what undo and redo necessarily change: ids of rebooked records, dead records, ledger lines. */
function money(value: unknown): unknown {
  if (Array.isArray(value))
    return value
      .filter((x) => !isEmptyGroup(x))
      .filter((x) => !(x && typeof x === 'object' && (DEAD.has((x as Record<string, unknown>).status as string) || DEAD.has((x as Record<string, unknown>).state as string) || ENTRY_KINDS.has((x as Record<string, unknown>).kind as string))))
      .map(money);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => !BOOKKEEPING.has(k) && !(MONEY_ID.test(k) && (typeof v === 'number' || v === null)))
        .map(([k, v]) => [k, money(v)]),
    );
  return value;
}

describe('undo and redo of random sequences of actions (property)', () => {
  it('undo of all leaves every screen as before, redo of all as after; the audit chain only grows and verifies', async () => {
    let longest = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(21), fc.nat(10_000), fc.nat(10_000)), { minLength: 45, maxLength: 70 }), async (steps) => {
        const core = testCore(fixedClock('2026-11-28T10:00:00'));
        try {
          const f = await undoFixture(core);
          const before = await screens(core, f);
          const auditBefore = await call<{ ok: boolean; records: number }>(core, 'audit.verify', { teamId: f.teamId });
          const initial = await call<UndoState>(core, 'undo.list', { teamId: f.teamId });
          const firstAction = initial.nextUndo!.id;

          let accepted = 0;
          for (const [n, step] of steps.entries()) {
            const made = callFor(step, await live(core, f.teamId), f, core, n);
            if (!made) continue;
            const [method, payload] = (await made) as [string, unknown];
            const answer: Envelope<unknown> = await core.dispatch(method, payload);
            // Refusals (an overlapping choice, an over-budget decision) are part of real use; they record nothing.
            if (answer.ok) accepted++;
            else expect(answer.error.code, `${method}: ${answer.error.message}`).not.toBe('INTERNAL');
          }
          // A call that changed nothing (archiving what is archived) is no action to undo.
          const done = (core.db.prepare('SELECT count(*) AS n FROM change_action WHERE team_id = ? AND id > ?').get(f.teamId, firstAction) as { n: number }).n;
          expect(done).toBeLessThanOrEqual(accepted);
          expect(done).toBeGreaterThanOrEqual(30);
          longest = Math.max(longest, done);
          const after = await screens(core, f);
          const auditAfter = await call<{ ok: boolean; records: number }>(core, 'audit.verify', { teamId: f.teamId });
          const moneyActions = (core.db.prepare("SELECT count(*) AS n FROM change_action WHERE team_id = ? AND id > ? AND method LIKE 'budget.%'").get(f.teamId, firstAction) as { n: number }).n;
          const state = await call<UndoState>(core, 'undo.list', { teamId: f.teamId });

          // Undo of all of them at once, from the list: through the first action of the sequence.
          expect(state.actions.length).toBe(Math.min(50, done + initial.actions.length));
          const sequenceFirst = core.db.prepare('SELECT min(id) AS id FROM change_action WHERE team_id = ? AND id > ?').get(f.teamId, firstAction) as { id: number };
          const undone = await call<{ handled: unknown[] }>(core, 'undo.undo', { teamId: f.teamId, throughId: sequenceFirst.id });
          expect(undone.handled).toHaveLength(done);
          expect(await screens(core, f)).toEqual(before);
          const auditUndone = await call<{ ok: boolean; records: number }>(core, 'audit.verify', { teamId: f.teamId });
          expect(auditUndone.ok).toBe(true);
          // The chain only grows: undoing money writes new audit records, it never removes any.
          expect(auditAfter.records).toBeGreaterThanOrEqual(auditBefore.records);
          if (moneyActions > 0) expect(auditUndone.records).toBeGreaterThan(auditAfter.records);
          else expect(auditUndone.records).toBe(auditAfter.records);
          expect(checkInvariants(core.db)).toEqual([]);

          // Redo of all of them, one by one, oldest first (as Ctrl+Y does).
          for (let i = 0; i < done; i++) await call(core, 'undo.redo', { teamId: f.teamId });
          expect((await call<UndoState>(core, 'undo.list', { teamId: f.teamId })).nextRedo).toBeNull();
          expect(await screens(core, f)).toEqual(after);
          const auditRedone = await call<{ ok: boolean; records: number }>(core, 'audit.verify', { teamId: f.teamId });
          expect(auditRedone.ok).toBe(true);
          expect(auditRedone.records).toBeGreaterThanOrEqual(auditUndone.records);
          expect(checkInvariants(core.db)).toEqual([]);
        } finally {
          core.close();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(longest).toBeGreaterThanOrEqual(30);
  }, 600_000);
});
