import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action, ChosenOpgave, ChosenOpgaveDetail, Opgave, Partner } from '../../electron/api/agenda';
import type { Core } from '../../electron/core';
import type { Team } from '../../electron/api/team';
import { fixedClock } from '../../electron/core/clock';
import { call, PROFILE, snapshot, testCore } from './helpers';

const seed = readFileSync(join(import.meta.dirname, '../fixtures/podium-voor-goed-politiewerk.txt'), 'utf8');
/** Scanning errors in the folder's text that the catalogue repairs (and nothing else). */
const SCAN_REPAIRS: [RegExp, string][] = [
  [/\bvit\b/g, 'uit'],
  [/\[Jmuiden/g, 'IJmuiden'],
  [/IIJmuiden/g, 'IJmuiden'],
  [/missstanden/g, 'misstanden'],
  [/locatieonafthankelijk/g, 'locatieonafhankelijk'],
  [/in Jsselstein/g, 'in IJsselstein'],
];
/** Text without line breaks, hyphens, spaces, quote styles and diaeresis, for "is this sentence in the folder" checks. */
const flat = (s: string) =>
  s
    .replace(/[-\s]+/g, '')
    .replace(/[‘’'´]/g, "'")
    .replace(/[éë]/g, 'e')
    .toLowerCase();
/** The Twente example box interrupts a sentence in the folder's running text; read it after the text. */
const twente = /In Twente zijn[\s\S]*?meldingen doen\./.exec(seed)![0];
const folder = flat(SCAN_REPAIRS.reduce((t, [re, to]) => t.replace(re, to), `${seed.replace(twente, '')}\n${twente}`));

async function setup(core: Core = testCore()) {
  const team = await call<Team>(core, 'team.create', PROFILE);
  const other = await call<Team>(core, 'team.create', { ...PROFILE, name: 'Basisteam Texel' });
  return { core, team, other };
}

const choice2026 = { periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01' };

describe('the catalogue of the eight opgaven', () => {
  it('holds four extern and four intern opgaven with questions, focus points and the folder’s own words', async () => {
    const core = testCore();
    const cat = await call<Opgave[]>(core, 'agenda.catalogue');
    expect(cat.map((o) => o.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(cat.filter((o) => o.kind === 'extern').map((o) => o.titleNl)).toEqual([
      'Werken in wijk en web',
      'Omgaan met de wereld in de wijk',
      'Samenspannen tegen ondermijning',
      'Versterken van wendbare nabijheid',
    ]);
    expect(cat.filter((o) => o.kind === 'intern')).toHaveLength(4);
    for (const o of cat) {
      expect(o.titleEn.length).toBeGreaterThan(5);
      expect(o.questionsNl).toHaveLength(o.kind === 'extern' ? 4 : 3);
      // Every sentence of description, focus points, questions and example is the folder's own.
      for (const part of [o.descriptionNl, ...o.focusPointsNl, ...o.questionsNl, o.exampleNl].filter(Boolean)) {
        for (const sentence of part.split(/(?<=[.?!:])\s+/)) {
          expect(folder.includes(flat(sentence)), `${o.code}: ${sentence}`).toBe(true);
        }
      }
    }
    expect(cat[0]!.focusPointsNl).toHaveLength(7);
    expect(cat[3]!.exampleNl).toMatch(/WhatsApp-spreekuur/);
  });
});

describe('choosing opgaven', () => {
  it('chooses an opgave for a year with ambition, answers, owner, priority and pace, and lists it with counts', async () => {
    const { core, team } = await setup();
    const chosen = await call<ChosenOpgave>(core, 'agenda.choose', {
      teamId: team.id,
      opgaveId: 1,
      ...choice2026,
      ambition: 'Elke wijkagent online bereikbaar',
      answers: ['Veel online oplichting', 'Oplichting', 'Webcare in de avond', 'Met de hogeschool'],
      owner: 'Inspecteur De Vries',
      priority: 1,
      pace: 'snel',
      targetDate: '2026-09-30',
    });
    expect(chosen).toMatchObject({ opgaveId: 1, code: 'wijk-en-web', status: 'actief', statusDate: '2026-11-28', priority: 1, pace: 'snel', current: true, previousId: null });
    expect(chosen.answers[3]).toBe('Met de hogeschool');
    const list = await call<ChosenOpgave[]>(core, 'agenda.list', { teamId: team.id });
    expect(list).toHaveLength(1);
    expect(list[0]!.counts).toMatchObject({ total: 0, open: 0, overdue: 0 });
  });

  it('chooses the same opgave again in a later period, links it to the earlier one and keeps the history', async () => {
    const { core, team } = await setup();
    const first = await call<ChosenOpgave>(core, 'agenda.choose', { teamId: team.id, opgaveId: 6, ...choice2026, ambition: 'Twee clusters' });
    await call(core, 'agenda.setStatus', { teamId: team.id, teamOpgaveId: first.id, status: 'afgerond' });
    const before = snapshot(core);
    const overlap = await core.dispatch('agenda.choose', { teamId: team.id, opgaveId: 6, periodStart: '2026-07-01', periodEnd: '2027-06-30', startDate: '2026-07-01' });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/al gekozen voor de periode 01-01-2026 t\/m 31-12-2026/) } });
    expect(snapshot(core)).toEqual(before);

    const second = await call<ChosenOpgave>(core, 'agenda.choose', {
      teamId: team.id,
      opgaveId: 6,
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      startDate: '2027-01-01',
      ambition: 'Drie clusters',
    });
    expect(second.previousId).toBe(first.id);
    expect(second.current).toBe(false);
    const detail = await call<ChosenOpgaveDetail>(core, 'agenda.get', { teamId: team.id, teamOpgaveId: second.id });
    expect(detail.history.map((h) => [h.periodStart, h.status, h.ambition])).toEqual([
      ['2026-01-01', 'afgerond', 'Twee clusters'],
      ['2027-01-01', 'actief', 'Drie clusters'],
    ]);
    expect(detail.opgave.titleNl).toBe('‘Klein’ binnen ‘groot’ organiseren');
  });

  it('changes status and records the day; edits the choice; archives and restores', async () => {
    const clock = fixedClock('2026-03-15');
    const core = testCore(clock);
    const { team } = await setup(core);
    const c = await call<ChosenOpgave>(core, 'agenda.choose', { teamId: team.id, opgaveId: 4, ...choice2026 });
    for (const status of ['gepauzeerd', 'actief', 'gestopt', 'actief', 'afgerond'] as const) {
      const next = await call<ChosenOpgave>(core, 'agenda.setStatus', { teamId: team.id, teamOpgaveId: c.id, status });
      expect(next.status).toBe(status);
      expect(next.statusDate).toBe('2026-03-15');
    }
    const edited = await call<ChosenOpgave>(core, 'agenda.update', {
      teamId: team.id,
      teamOpgaveId: c.id,
      fields: { ...choice2026, ambition: 'Nabij in elke wijk', answers: ['a', 'b'], owner: 'X', priority: 3, pace: 'rustig', targetDate: null },
    });
    expect(edited).toMatchObject({ ambition: 'Nabij in elke wijk', answers: ['a', 'b'], priority: 3, pace: 'rustig', status: 'afgerond' });
    await call(core, 'agenda.archive', { teamId: team.id, teamOpgaveId: c.id, archived: true });
    expect(await call<ChosenOpgave[]>(core, 'agenda.list', { teamId: team.id })).toEqual([]);
    expect(await call<ChosenOpgave[]>(core, 'agenda.list', { teamId: team.id, includeArchived: true })).toHaveLength(1);
    await call(core, 'agenda.archive', { teamId: team.id, teamOpgaveId: c.id, archived: false });
    expect(await call<ChosenOpgave[]>(core, 'agenda.list', { teamId: team.id })).toHaveLength(1);
  });
});

describe('actions', () => {
  it('runs an action through its lifecycle: idee, gepland, lopend, afgerond (with date), back to lopend, gestopt', async () => {
    const core = testCore(fixedClock('2026-05-10'));
    const { team } = await setup(core);
    const c = await call<ChosenOpgave>(core, 'agenda.choose', { teamId: team.id, opgaveId: 1, ...choice2026 });
    const a = await call<Action>(core, 'action.create', {
      teamId: team.id,
      teamOpgaveId: c.id,
      title: 'Webcare met de hogeschool',
      templateCode: 'webcare',
      newPartners: ['Saxion', 'Gemeente Enschede'],
      startDate: '2026-02-01',
      dueDate: '2026-04-30',
    });
    expect(a).toMatchObject({ status: 'idee', doneDate: null, overdue: true, templateCode: 'webcare' });
    expect(a.partners.map((p) => p.name)).toEqual(['Gemeente Enschede', 'Saxion']);
    const steps: [string, string | null][] = [
      ['gepland', null],
      ['lopend', null],
      ['afgerond', '2026-05-10'],
      ['lopend', null],
      ['gestopt', null],
    ];
    for (const [status, done] of steps) {
      const next = await call<Action>(core, 'action.setStatus', { teamId: team.id, actionId: a.id, status });
      expect([next.status, next.doneDate]).toEqual([status, done]);
    }
    const done = await call<Action>(core, 'action.setStatus', { teamId: team.id, actionId: a.id, status: 'afgerond', doneDate: '2026-04-20' });
    expect(done).toMatchObject({ doneDate: '2026-04-20', overdue: false });
    const detail = await call<ChosenOpgaveDetail>(core, 'agenda.get', { teamId: team.id, teamOpgaveId: c.id });
    expect(detail.counts).toMatchObject({ total: 1, open: 0, byStatus: { afgerond: 1 } });

    // The partners are reusable: a second action picks one by id, a new name that exists is reused.
    const partners = await call<Partner[]>(core, 'partner.list', { teamId: team.id });
    const saxion = partners.find((p) => p.name === 'Saxion')!;
    const b = await call<Action>(core, 'action.create', { teamId: team.id, teamOpgaveId: c.id, title: 'Tweede', partnerIds: [saxion.id], newPartners: ['saxion'] });
    expect(b.partners).toEqual([{ id: saxion.id, name: 'Saxion' }]);
    expect(await call<Partner[]>(core, 'partner.list', { teamId: team.id })).toHaveLength(2);

    // Archived, the action leaves the counts; deleting refuses nothing here (no dependents) and removes it.
    await call(core, 'action.archive', { teamId: team.id, actionId: b.id, archived: true });
    const after = await call<ChosenOpgave[]>(core, 'agenda.list', { teamId: team.id });
    expect(after[0]!.counts.total).toBe(1);
    await call(core, 'action.remove', { teamId: team.id, actionId: b.id });
    expect(core.db.prepare('SELECT count(*) AS n FROM action_partner WHERE action_id = ?').get(b.id)).toEqual({ n: 0 });
  });

  it('asks before deleting a chosen opgave others point to, and says what depends on it', async () => {
    const { core, team } = await setup();
    const c = await call<ChosenOpgave>(core, 'agenda.choose', { teamId: team.id, opgaveId: 2, ...choice2026 });
    await call(core, 'action.create', { teamId: team.id, teamOpgaveId: c.id, title: 'Bondgenoten' });
    await call(core, 'action.create', { teamId: team.id, teamOpgaveId: c.id, title: 'Buurtgesprek' });
    expect(await call(core, 'agenda.dependents', { teamId: team.id, record: 'teamOpgave', id: c.id })).toEqual([{ table: 'action', count: 2 }]);
    const before = snapshot(core);
    expect(await core.dispatch('agenda.remove', { teamId: team.id, teamOpgaveId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/2 actie\(s\).*Archiveer/) },
    });
    expect(snapshot(core)).toEqual(before);
    const empty = await call<ChosenOpgave>(core, 'agenda.choose', { teamId: team.id, opgaveId: 3, ...choice2026 });
    await call(core, 'agenda.remove', { teamId: team.id, teamOpgaveId: empty.id });
    expect(await call<ChosenOpgave[]>(core, 'agenda.list', { teamId: team.id })).toHaveLength(1);
  });

  it('offers templates after the folder’s examples', async () => {
    const core = testCore();
    const templates = await call<{ code: string; opgaveCode: string }[]>(core, 'agenda.templates');
    expect(templates.map((t) => t.code)).toEqual(
      expect.arrayContaining(['webcare', 'bondgenoten', 'integraal-project', 'popup-bureau', 'chromebook-werkplek', 'mobiel-politiebureau', 'whatsapp-spreekuur', 'koffie-met-een-cop']),
    );
    const codes = (await call<Opgave[]>(core, 'agenda.catalogue')).map((o) => o.code);
    for (const t of templates) expect(codes).toContain(t.opgaveCode);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, (ids: Ids) => [string, unknown], string, RegExp][] = [
    ['an unknown opgave', (i) => ['agenda.choose', { teamId: i.team, opgaveId: 9, ...choice2026 }], 'VALIDATION', /Onbekende opgave/],
    ['opgave 0', (i) => ['agenda.choose', { teamId: i.team, opgaveId: 0, ...choice2026 }], 'VALIDATION', /Onbekende opgave/],
    ['a period ending before it starts', (i) => ['agenda.choose', { teamId: i.team, opgaveId: 2, periodStart: '2026-12-31', periodEnd: '2026-01-01', startDate: '2026-01-01' }], 'VALIDATION', /einde van de periode/],
    ['a target date before the start', (i) => ['agenda.choose', { teamId: i.team, opgaveId: 2, ...choice2026, targetDate: '2025-12-31' }], 'VALIDATION', /streefdatum ligt voor de startdatum/],
    ['five answers to an intern opgave', (i) => ['agenda.choose', { teamId: i.team, opgaveId: 5, ...choice2026, answers: ['a', 'b', 'c', 'd'] }], 'VALIDATION', /3 vragen/],
    ['an unknown team', () => ['agenda.choose', { teamId: 999, opgaveId: 2, ...choice2026 }], 'NOT_FOUND', /team/i],
    ['a due date before the start date', (i) => ['action.create', { teamId: i.team, teamOpgaveId: i.choice, title: 'X', startDate: '2026-05-01', dueDate: '2026-04-01' }], 'VALIDATION', /einddatum ligt voor de startdatum/],
    ['an action under a foreign opgave', (i) => ['action.create', { teamId: i.team, teamOpgaveId: i.foreignChoice, title: 'X' }], 'NOT_FOUND', /gekozen opgave/],
    ['an action with a foreign cluster', (i) => ['action.create', { teamId: i.team, teamOpgaveId: i.choice, title: 'X', clusterId: i.foreignCluster }], 'NOT_FOUND', /cluster/],
    ['an action with a foreign partner', (i) => ['action.create', { teamId: i.team, teamOpgaveId: i.choice, title: 'X', partnerIds: [i.foreignPartner], newPartners: ['Nieuw'] }], 'NOT_FOUND', /partner/],
    ['an action with an unknown template', (i) => ['action.create', { teamId: i.team, teamOpgaveId: i.choice, title: 'X', templateCode: 'nope' }], 'VALIDATION', /Onbekend voorbeeld/],
    ['an empty action title', (i) => ['action.create', { teamId: i.team, teamOpgaveId: i.choice, title: '  ' }], 'VALIDATION', /Vul dit veld in/],
    ['a foreign action status change', (i) => ['action.setStatus', { teamId: i.team, actionId: i.foreignAction, status: 'afgerond' }], 'NOT_FOUND', /actie/],
    ['a foreign action read through the other team', (i) => ['agenda.get', { teamId: i.team, teamOpgaveId: i.foreignChoice }], 'NOT_FOUND', /hoort niet bij dit team/],
    ['an unknown action status', (i) => ['action.setStatus', { teamId: i.team, actionId: i.action, status: 'klaar' }], 'VALIDATION', /idee, gepland/],
    ['a done date on a running action', (i) => ['action.setStatus', { teamId: i.team, actionId: i.action, status: 'lopend', doneDate: '2026-05-01' }], 'VALIDATION', /afronden/],
    ['an unknown opgave status', (i) => ['agenda.setStatus', { teamId: i.team, teamOpgaveId: i.choice, status: 'klaar' }], 'VALIDATION', /actief, gepauzeerd/],
    ['a status change of a foreign choice', (i) => ['agenda.setStatus', { teamId: i.team, teamOpgaveId: i.foreignChoice, status: 'gestopt' }], 'NOT_FOUND', /.+/],
    ['a string id', (i) => ['agenda.get', { teamId: i.team, teamOpgaveId: String(i.choice) }], 'VALIDATION', /.+/],
    ['an extra field', (i) => ['action.update', { teamId: i.team, actionId: i.action, fields: { title: 'X', team_id: 2 } }], 'VALIDATION', /.+/],
    ['a duplicate partner', (i) => ['partner.create', { teamId: i.team, name: 'gemeente utrecht' }], 'CONFLICT', /staat al in de lijst/],
    ['dependents of a foreign record', (i) => ['agenda.dependents', { teamId: i.team, record: 'action', id: i.foreignAction }], 'NOT_FOUND', /.+/],
  ];

  interface Ids {
    team: number;
    choice: number;
    action: number;
    foreignChoice: number;
    foreignAction: number;
    foreignCluster: number;
    foreignPartner: number;
  }

  it.each(cases)('refuses %s with a clear Dutch error', async (_label, build, code, message) => {
    const { core, team, other } = await setup();
    const choice = await call<ChosenOpgave>(core, 'agenda.choose', { teamId: team.id, opgaveId: 1, ...choice2026 });
    const action = await call<Action>(core, 'action.create', { teamId: team.id, teamOpgaveId: choice.id, title: 'Eigen', newPartners: ['Gemeente Utrecht'] });
    const foreignChoice = await call<ChosenOpgave>(core, 'agenda.choose', { teamId: other.id, opgaveId: 1, ...choice2026 });
    const foreignAction = await call<Action>(core, 'action.create', { teamId: other.id, teamOpgaveId: foreignChoice.id, title: 'Vreemd', newPartners: ['Gemeente Texel'] });
    const foreignCluster = await call<{ id: number }>(core, 'clusters.create', { teamId: other.id, name: 'Den Burg', inhabitants: 7000, fte: 10, wijkagenten: 2, startDate: '2026-01-01' });
    const ids: Ids = {
      team: team.id,
      choice: choice.id,
      action: action.id,
      foreignChoice: foreignChoice.id,
      foreignAction: foreignAction.id,
      foreignCluster: foreignCluster.id,
      foreignPartner: foreignAction.partners[0]!.id,
    };
    const [method, payload] = build(ids);
    const before = snapshot(core);
    const result = await core.dispatch(method, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
    expect(result.error.message).not.toMatch(/SQLITE|constraint|undefined/i);
    expect(snapshot(core)).toEqual(before);
  });
});
