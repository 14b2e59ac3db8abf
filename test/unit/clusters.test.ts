import { describe, expect, it } from 'vitest';
import type { Action, ChosenOpgave } from '../../electron/api/agenda';
import type { Cluster, ClusterOverview } from '../../electron/api/clusters';
import type { Team } from '../../electron/api/team';
import { fixedClock } from '../../electron/core/clock';
import { addDays } from '../../electron/core/clusters/service';
import { call, PROFILE, snapshot, testCore } from './helpers';

const OOST = { name: 'Oost', areas: ['Wittevrouwen', 'Oudwijk'], gemeenten: ['Utrecht'], inhabitants: 60_000, lead: 'Brigadier Jansen', fte: 70, wijkagenten: 10, startDate: '2026-01-01' };
const BUNNIK = { name: 'Bunnik', areas: ['Odijk', 'Oudwijk'], gemeenten: ['Bunnik'], inhabitants: 15_000, lead: 'Brigadier Smit', fte: 20, wijkagenten: 4, startDate: '2026-01-01' };

async function setup(today = '2026-06-15') {
  const core = testCore(fixedClock(today));
  const team = await call<Team>(core, 'team.create', { ...PROFILE, gemeenten: ['Utrecht', 'Bunnik', 'De Bilt'] });
  const other = await call<Team>(core, 'team.create', { ...PROFILE, name: 'Basisteam Texel' });
  return { core, team, other };
}

describe('calendar arithmetic', () => {
  it.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-10-25', 1, '2026-10-26'],
  ] as const)('%s %+i day is %s', (iso, n, out) => expect(addDays(iso, n)).toBe(out));
});

describe('clusters', () => {
  it('creates a cluster with its norm signal: 60,000 inhabitants need 12 wijkagenten', async () => {
    const { core, team } = await setup();
    const oost = await call<Cluster>(core, 'clusters.create', { teamId: team.id, ...OOST });
    expect(oost).toMatchObject({ name: 'Oost', state: 'actief', endDate: null, splitFromId: null, splitIntoIds: [] });
    expect(oost.norm).toEqual({ needed: 12, present: 10, difference: -2, status: 'short' });
    const bunnik = await call<Cluster>(core, 'clusters.create', { teamId: team.id, ...BUNNIK });
    expect(bunnik.norm).toEqual({ needed: 3, present: 4, difference: 1, status: 'ok' });
  });

  it('ends a cluster with a reason; it stays in the list with its history and leaves the overview after its last day', async () => {
    const { core, team } = await setup();
    const c = await call<Cluster>(core, 'clusters.create', { teamId: team.id, ...OOST });
    const ended = await call<Cluster>(core, 'clusters.end', { teamId: team.id, clusterId: c.id, endDate: '2026-06-14', reason: 'Opgegaan in Utrecht-Midden' });
    expect(ended).toMatchObject({ endDate: '2026-06-14', endReason: 'Opgegaan in Utrecht-Midden', state: 'beeindigd' });
    expect(await call<Cluster[]>(core, 'clusters.list', { teamId: team.id })).toHaveLength(1);
    expect((await call<ClusterOverview>(core, 'clusters.overview', { teamId: team.id })).clusters).toEqual([]);
    expect((await call<ClusterOverview>(core, 'clusters.overview', { teamId: team.id, date: '2026-06-14' })).clusters).toHaveLength(1);

    const before = snapshot(core);
    expect(await core.dispatch('clusters.end', { teamId: team.id, clusterId: c.id, endDate: '2026-07-01' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Dit cluster is al beëindigd per 14-06-2026.' },
    });
    expect(snapshot(core)).toEqual(before);
  });

  it('splits a cluster: the old one ends the day before, the parts start on the date and point back; actions keep their link', async () => {
    const { core, team } = await setup();
    const c = await call<Cluster>(core, 'clusters.create', { teamId: team.id, ...OOST });
    const choice = await call<ChosenOpgave>(core, 'agenda.choose', { teamId: team.id, opgaveId: 6, periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01' });
    const action = await call<Action>(core, 'action.create', { teamId: team.id, teamOpgaveId: choice.id, title: 'Teamdag Oost', clusterId: c.id });
    const parts = await call<Cluster[]>(core, 'clusters.split', {
      teamId: team.id,
      clusterId: c.id,
      date: '2026-06-01',
      parts: [
        { name: 'Oost-Noord', areas: ['Wittevrouwen'], gemeenten: ['Utrecht'], inhabitants: 35_000, fte: 40, wijkagenten: 7 },
        { name: 'Oost-Zuid', areas: ['Oudwijk'], gemeenten: ['Utrecht'], inhabitants: 25_000, fte: 30, wijkagenten: 5 },
      ],
    });
    expect(parts.map((p) => [p.name, p.startDate, p.splitFromId, p.state, p.norm.status])).toEqual([
      ['Oost-Noord', '2026-06-01', c.id, 'actief', 'ok'],
      ['Oost-Zuid', '2026-06-01', c.id, 'actief', 'ok'],
    ]);
    const list = await call<Cluster[]>(core, 'clusters.list', { teamId: team.id });
    const old = list.find((x) => x.id === c.id)!;
    expect(old).toMatchObject({ endDate: '2026-05-31', endReason: 'Gesplitst in Oost-Noord, Oost-Zuid', state: 'beeindigd', actionCount: 1 });
    expect(old.splitIntoIds).toEqual(parts.map((p) => p.id));
    expect((await call<Action[]>(core, 'agenda.get', { teamId: team.id, teamOpgaveId: choice.id }) as unknown as { actions: Action[] }).actions[0]).toMatchObject({ id: action.id, clusterName: 'Oost' });

    // An ended (split) cluster cannot be split again, nor have its end date wiped.
    const before = snapshot(core);
    expect((await core.dispatch('clusters.split', { teamId: team.id, clusterId: c.id, date: '2026-07-01', parts: [BUNNIK, BUNNIK].map(({ startDate: _s, ...p }) => p) })).ok).toBe(false);
    expect(await core.dispatch('clusters.update', { teamId: team.id, clusterId: c.id, fields: { ...OOST, endDate: null } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Deleting a cluster others point to is refused with what depends on it.
    expect(await call(core, 'agenda.dependents', { teamId: team.id, record: 'cluster', id: c.id })).toEqual([
      { table: 'action', count: 1 },
      { table: 'cluster', count: 2 },
    ]);
    expect(await core.dispatch('clusters.remove', { teamId: team.id, clusterId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/1 actie\(s\), 2 cluster\(s\)/) },
    });
    expect(snapshot(core)).toEqual(before);
  });

  it('holds the running clusters against the team profile: gaps, overlaps and the norm signals', async () => {
    const { core, team } = await setup();
    await call(core, 'clusters.create', { teamId: team.id, ...OOST });
    await call(core, 'clusters.create', { teamId: team.id, ...BUNNIK, gemeenten: ['Bunnik', 'Zeist'] });
    await call(core, 'clusters.create', { teamId: team.id, ...BUNNIK, name: 'Later', startDate: '2027-01-01' });
    const o = await call<ClusterOverview>(core, 'clusters.overview', { teamId: team.id });
    expect(o.clusters.map((c) => c.name)).toEqual(['Bunnik', 'Oost']);
    expect(o.sum).toEqual({ inhabitants: 75_000, fte: 90, wijkagenten: 14 });
    expect(o.team).toEqual({ inhabitants: 120_000, fte: 142.5, wijkagenten: 20 });
    // Positive: part of the team not covered by any cluster.
    expect(o.difference).toEqual({ inhabitants: 45_000, fte: 52.5, wijkagenten: 6 });
    expect(o.norm).toEqual({ needed: 15, present: 14, difference: -1, status: 'short' });
    expect(o.overlappingAreas).toEqual([{ area: 'Oudwijk', clusters: ['Bunnik', 'Oost'] }]);
    expect(o.uncoveredGemeenten).toEqual(['De Bilt']);
    expect(o.foreignGemeenten).toEqual(['Zeist']);

    // Counting more than the team has shows as a negative difference (an overlap).
    await call(core, 'clusters.create', { teamId: team.id, ...OOST, name: 'Dubbel', areas: [] });
    const over = await call<ClusterOverview>(core, 'clusters.overview', { teamId: team.id });
    expect(over.difference.inhabitants).toBe(-15_000);
  });

  const bad: [string, (ids: { team: number; own: number; foreign: number }) => [string, unknown], string, RegExp][] = [
    ['negative fte', (i) => ['clusters.create', { teamId: i.team, ...OOST, fte: -1, wijkagenten: 0 }], 'VALIDATION', /fte kan niet negatief/],
    ['more wijkagenten than fte', (i) => ['clusters.create', { teamId: i.team, ...OOST, fte: 3, wijkagenten: 4 }], 'VALIDATION', /meer wijkagenten dan fte/],
    ['more wijkagenten than fte in an update', (i) => ['clusters.update', { teamId: i.team, clusterId: i.own, fields: { ...OOST, fte: 3, wijkagenten: 4 } }], 'VALIDATION', /meer wijkagenten dan fte/],
    ['more wijkagenten than fte in a split part', (i) => ['clusters.split', { teamId: i.team, clusterId: i.own, date: '2026-06-01', parts: [{ name: 'A', inhabitants: 1, fte: 1, wijkagenten: 2 }, { name: 'B', inhabitants: 1, fte: 1, wijkagenten: 0 }] }], 'VALIDATION', /meer wijkagenten dan fte/],
    ['negative inhabitants', (i) => ['clusters.create', { teamId: i.team, ...OOST, inhabitants: -5 }], 'VALIDATION', /inwoners kan niet negatief/],
    ['an end date before the start', (i) => ['clusters.create', { teamId: i.team, ...OOST, endDate: '2025-12-31' }], 'VALIDATION', /einddatum ligt voor de startdatum/],
    ['ending before the start', (i) => ['clusters.end', { teamId: i.team, clusterId: i.own, endDate: '2025-06-01' }], 'VALIDATION', /einddatum ligt voor de startdatum/],
    ['a split in one part', (i) => ['clusters.split', { teamId: i.team, clusterId: i.own, date: '2026-06-01', parts: [{ name: 'A', inhabitants: 1, fte: 1, wijkagenten: 0 }] }], 'VALIDATION', /minstens twee/],
    ['a split on the start date', (i) => ['clusters.split', { teamId: i.team, clusterId: i.own, date: '2026-01-01', parts: [{ name: 'A', inhabitants: 1, fte: 1, wijkagenten: 0 }, { name: 'B', inhabitants: 1, fte: 1, wijkagenten: 0 }] }], 'VALIDATION', /splitsdatum/],
    ['ending a foreign cluster', (i) => ['clusters.end', { teamId: i.team, clusterId: i.foreign, endDate: '2026-06-01' }], 'NOT_FOUND', /cluster bestaat niet/],
    ['splitting a foreign cluster', (i) => ['clusters.split', { teamId: i.team, clusterId: i.foreign, date: '2026-06-01', parts: [{ name: 'A', inhabitants: 1, fte: 1, wijkagenten: 0 }, { name: 'B', inhabitants: 1, fte: 1, wijkagenten: 0 }] }], 'NOT_FOUND', /cluster/],
    ['updating an unknown cluster', (i) => ['clusters.update', { teamId: i.team, clusterId: 9999, fields: OOST }], 'NOT_FOUND', /cluster/],
    ['archiving a foreign cluster', (i) => ['clusters.archive', { teamId: i.team, clusterId: i.foreign, archived: true }], 'NOT_FOUND', /cluster/],
    ['removing a foreign cluster', (i) => ['clusters.remove', { teamId: i.team, clusterId: i.foreign }], 'NOT_FOUND', /cluster/],
    ['an overview for an unknown team', () => ['clusters.overview', { teamId: 424242 }], 'NOT_FOUND', /team/],
    ['fte as text', (i) => ['clusters.create', { teamId: i.team, ...OOST, fte: '70' }], 'VALIDATION', /getal/],
  ];
  it.each(bad)('refuses %s with a clear Dutch error and changes nothing', async (_label, build, code, message) => {
    const { core, team, other } = await setup();
    const own = await call<Cluster>(core, 'clusters.create', { teamId: team.id, ...OOST });
    const foreign = await call<Cluster>(core, 'clusters.create', { teamId: other.id, ...OOST, name: 'Den Burg' });
    const [method, payload] = build({ team: team.id, own: own.id, foreign: foreign.id });
    const before = snapshot(core);
    const result = await core.dispatch(method, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
    expect(snapshot(core)).toEqual(before);
  });
});
