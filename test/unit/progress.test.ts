import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../electron/api/dashboard';
import { addMonths, resolvePeriod } from '../../electron/api/period';
import type { Checkin, CheckinPage, ProgressHistory, ProgressOverview } from '../../electron/api/progress';
import type { Team } from '../../electron/api/team';
import { fixedClock } from '../../electron/core/clock';
import { clusterSeries, daysOverdue, nextDueDate, overallStatus, teamSeries, trendOf } from '../../electron/core/progress/rules';
import { call, PROFILE, snapshot, testCore } from './helpers';
import { addAction, addCluster, chooseOpgave } from './progress-fixtures';

const point = (date: string, progress: number, confidence = 5) => ({ date, progress, confidence });

describe('period and due-date arithmetic', () => {
  it('resolves year, quarter and custom periods, defaulting to the current one', () => {
    expect(resolvePeriod(undefined, '2026-05-14')).toMatchObject({ kind: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31' });
    expect(resolvePeriod({ kind: 'quarter' }, '2026-05-14')).toMatchObject({ quarter: 2, from: '2026-04-01', to: '2026-06-30' });
    expect(resolvePeriod({ kind: 'quarter', year: 2024, quarter: 1 }, '2026-05-14')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(resolvePeriod({ kind: 'quarter', year: 2025 }, '2026-05-14')).toMatchObject({ quarter: 1 });
    expect(resolvePeriod({ kind: 'custom', from: '2026-02-10', to: '2026-03-09' }, '2026-05-14')).toMatchObject({ from: '2026-02-10', to: '2026-03-09' });
  });

  it('adds months clamped to the month end, across leap years and year ends', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it.each([
    ['weekly', '2026-03-27', '2026-04-03'],
    ['biweekly', '2026-12-25', '2027-01-08'],
    ['monthly', '2026-03-31', '2026-04-30'],
    ['quarterly', '2026-12-31', '2027-03-31'],
  ] as const)('%s after %s is due on %s', (rhythm, last, due) => {
    expect(nextDueDate(last, rhythm)).toBe(due);
  });

  it('is overdue only from the day after the due day', () => {
    expect(daysOverdue('2026-03-31', '2026-03-30')).toBe(0);
    expect(daysOverdue('2026-03-31', '2026-03-31')).toBe(0);
    expect(daysOverdue('2026-03-31', '2026-04-01')).toBe(1);
    expect(daysOverdue('2026-12-31', '2027-01-10')).toBe(10);
  });
});

describe('trends and the team roll-up', () => {
  it('gives a trend only with two points, from progress alone', () => {
    expect(trendOf(null, null)).toBe('none');
    expect(trendOf(point('2026-02-01', 40), null)).toBe('none');
    expect(trendOf(point('2026-02-01', 40, 3), point('2026-01-01', 30, 8))).toBe('up');
    expect(trendOf(point('2026-02-01', 20), point('2026-01-01', 30))).toBe('down');
    expect(trendOf(point('2026-02-01', 30, 9), point('2026-01-01', 30, 2))).toBe('flat');
  });

  const o = (status: Parameters<typeof overallStatus>[0][number]['status'], overdue = false) => ({ status, overdue });
  it.each([
    ['no opgaven', [], 'geen-gegevens'],
    ['no check-ins at all', [o(null), o(null)], 'geen-gegevens'],
    ['no check-ins, but one is overdue', [o(null), o(null, true)], 'aandacht-nodig'],
    ['all done', [o('afgerond'), o('afgerond')], 'afgerond'],
    ['all on track', [o('op-koers'), o('op-koers'), o('afgerond')], 'op-koers'],
    ['one of four behind: attention, not behind', [o('achter'), o('op-koers'), o('op-koers'), o('op-koers')], 'aandacht-nodig'],
    ['half of the open ones behind', [o('achter'), o('op-koers'), o('afgerond')], 'achter'],
    ['the single open one behind', [o('achter'), o('afgerond'), o('afgerond')], 'achter'],
    ['one needs attention', [o('aandacht-nodig'), o('op-koers')], 'aandacht-nodig'],
    ['one without a check-in', [o(null), o('op-koers')], 'aandacht-nodig'],
    ['on track but a check-in overdue', [o('op-koers', true), o('op-koers')], 'aandacht-nodig'],
    ['a done one that is "overdue" does not count', [o('afgerond', true), o('op-koers')], 'op-koers'],
  ] as const)('%s -> %s', (_label, input, expected) => {
    expect(overallStatus(input)).toBe(expected);
  });

  it('averages each opgave’s latest value at every check-in date, carrying earlier check-ins in', () => {
    const a = [point('2025-12-15', 10, 4), point('2026-01-15', 30, 6), point('2026-03-15', 50, 8)];
    const b = [point('2026-02-10', 20, 2)];
    expect(teamSeries([a, b], '2026-01-01', '2026-12-31')).toEqual([
      { date: '2026-01-15', progress: 30, confidence: 6, opgaven: 1 },
      { date: '2026-02-10', progress: 25, confidence: 4, opgaven: 2 },
      { date: '2026-03-15', progress: 35, confidence: 5, opgaven: 2 },
    ]);
    expect(teamSeries([], '2026-01-01', '2026-12-31')).toEqual([]);
    expect(teamSeries([[point('2026-06-01', 40, 7)]], '2026-01-01', '2026-12-31')).toEqual([
      { date: '2026-06-01', progress: 40, confidence: 7, opgaven: 1 },
    ]);
  });

  it('sums clusters as a step series over the period, stopping at today', () => {
    const clusters = [
      { startDate: '2025-06-01', endDate: '2026-03-31', fte: 40, wijkagenten: 6 },
      { startDate: '2026-04-01', endDate: null, fte: 22.5, wijkagenten: 3 },
      { startDate: '2026-04-01', endDate: null, fte: 20, wijkagenten: 4 },
    ];
    expect(clusterSeries(clusters, '2026-01-01', '2026-12-31', '2026-06-15')).toEqual([
      { date: '2026-01-01', fte: 40, wijkagenten: 6, clusters: 1 },
      { date: '2026-04-01', fte: 42.5, wijkagenten: 7, clusters: 2 },
      { date: '2026-06-15', fte: 42.5, wijkagenten: 7, clusters: 2 },
    ]);
    expect(clusterSeries(clusters, '2027-01-01', '2027-12-31', '2026-06-15')).toEqual([]);
    expect(clusterSeries([], '2026-01-01', '2026-03-31', '2026-06-15')).toEqual([
      { date: '2026-01-01', fte: 0, wijkagenten: 0, clusters: 0 },
      { date: '2026-03-31', fte: 0, wijkagenten: 0, clusters: 0 },
    ]);
  });
});

const CHECKIN = { status: 'op-koers', progress: 20, confidence: 7 } as const;

async function setup(today = '2026-06-15') {
  const core = testCore(fixedClock(today));
  const team = await call<Team>(core, 'team.create', PROFILE);
  const web = chooseOpgave(core, team.id, 1, { periodStart: '2026-01-01', periodEnd: '2026-12-31' });
  const nabij = chooseOpgave(core, team.id, 4, { periodStart: '2026-01-01', periodEnd: '2026-12-31' });
  const checkin = (teamOpgaveId: number, date: string, extra: Record<string, unknown> = {}) =>
    call<Checkin>(core, 'progress.checkins.create', { teamId: team.id, checkin: { ...CHECKIN, teamOpgaveId, date, ...extra } });
  return { core, team, web, nabij, checkin };
}

describe('check-ins through the API', () => {
  it('lists only the check-ins dated in a period when asked for one, corrections still marked', async () => {
    const { core, team, web, nabij, checkin } = await setup();
    await checkin(web, '2026-01-31');
    const april = await checkin(web, '2026-04-10');
    const fixed = await checkin(web, '2026-04-10', { progress: 25, correctsId: april.id, correctionReason: 'Typfout' });
    const may = await checkin(nabij, '2026-05-20');
    // Today is 15 June: this quarter is April to June.
    const quarter = await call<Checkin[]>(core, 'progress.checkins.list', { teamId: team.id, period: { kind: 'quarter' } });
    expect(quarter.map((c) => [c.id, c.correctedById])).toEqual([
      [april.id, fixed.id],
      [fixed.id, null],
      [may.id, null],
    ]);
    expect(await call<Checkin[]>(core, 'progress.checkins.list', { teamId: team.id })).toHaveLength(4);
  });

  it('pages the period\'s check-ins newest first, with the total, from the store and not from all of them', async () => {
    const { core, team, web, nabij, checkin } = await setup();
    await checkin(web, '2026-01-31');
    const april = await checkin(web, '2026-04-10');
    const fixed = await checkin(web, '2026-04-10', { progress: 25, correctsId: april.id, correctionReason: 'Typfout' });
    const may = await checkin(nabij, '2026-05-20');
    const june = await checkin(web, '2026-06-01');
    const page = (p: number, pageSize = 2) => call<CheckinPage>(core, 'progress.checkins.page', { teamId: team.id, period: { kind: 'quarter' }, page: p, pageSize });
    const first = await page(1);
    expect([first.total, first.page, first.checkins.map((c) => c.id)]).toEqual([4, 1, [june.id, may.id]]);
    const second = await page(2);
    expect(second.checkins.map((c) => [c.id, c.correctedById])).toEqual([
      [fixed.id, null],
      [april.id, fixed.id],
    ]);
    // Past the end: the last page, not an empty one.
    expect((await page(9)).page).toBe(2);
    const bad = await core.dispatch('progress.checkins.page', { teamId: team.id, period: { kind: 'quarter' }, page: 0, pageSize: 20 });
    expect(bad.ok).toBe(false);
  });

  it('keeps every check-in; a correction is a new one and the old one stays, marked', async () => {
    const { core, team, web, checkin } = await setup();
    const first = await checkin(web, '2026-01-31', { progress: 10, wentWell: '  Webcare gestart ' });
    expect(first).toMatchObject({ progress: 10, wentWell: 'Webcare gestart', correctsId: null, correctedById: null });
    const fixed = await checkin(web, '2026-01-31', { progress: 15, correctsId: first.id, correctionReason: 'Typfout' });
    const list = await call<Checkin[]>(core, 'progress.checkins.list', { teamId: team.id, teamOpgaveId: web });
    expect(list.map((c) => [c.id, c.progress, c.correctedById, c.correctsId])).toEqual([
      [first.id, 10, fixed.id, null],
      [fixed.id, 15, null, first.id],
    ]);
    const history = await call<ProgressHistory>(core, 'progress.history', { teamId: team.id, teamOpgaveId: web });
    expect(history.opgaven[0]!.points.map((p) => p.progress)).toEqual([15]);

    // A corrected check-in cannot be corrected again; the newest version can.
    const again = await core.dispatch('progress.checkins.create', {
      teamId: team.id,
      checkin: { ...CHECKIN, teamOpgaveId: web, date: '2026-01-31', correctsId: first.id, correctionReason: 'Nog eens' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/al gecorrigeerd/) } });
  });

  it('gives the empty and single-point histories', async () => {
    const { core, team, web, checkin } = await setup();
    const empty = await call<ProgressHistory>(core, 'progress.history', { teamId: team.id });
    expect(empty.opgaven.map((o) => o.points)).toEqual([[], []]);
    expect(empty.team).toEqual([]);
    const overview0 = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id });
    // No check-ins yet, but the first ones were due a month after the start in January.
    expect(overview0.overall).toBe('aandacht-nodig');
    expect(overview0.opgaven.map((o) => o.nextDue)).toEqual(['2026-02-01', '2026-02-01']);
    const fresh = await call<Team>(core, 'team.create', { ...PROFILE, name: 'Basisteam Zonder Opgaven' });
    const bare = await call<Dashboard>(core, 'dashboard.get', { teamId: fresh.id });
    expect(bare).toMatchObject({ overall: 'geen-gegevens', opgaven: [], overdueCheckins: [], overdueActions: [] });
    expect(overview0.opgaven[0]).toMatchObject({ latest: null, trend: 'none', progressDelta: null });

    await checkin(web, '2026-05-20', { progress: 35, confidence: 6 });
    const one = await call<ProgressHistory>(core, 'progress.history', { teamId: team.id });
    expect(one.opgaven[0]!.points).toMatchObject([{ date: '2026-05-20', progress: 35, confidence: 6 }]);
    expect(one.team).toEqual([{ date: '2026-05-20', progress: 35, confidence: 6, opgaven: 1 }]);
    const overview1 = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id });
    expect(overview1.opgaven[0]).toMatchObject({ trend: 'none', latest: { progress: 35 } });
  });

  it('follows the period: latest, trend and points change with quarter or year', async () => {
    const { core, team, web, nabij, checkin } = await setup();
    await checkin(web, '2026-01-31', { progress: 10 });
    await checkin(web, '2026-02-28', { progress: 25 });
    await checkin(web, '2026-04-30', { progress: 20, status: 'aandacht-nodig' });
    await checkin(web, '2026-05-31', { progress: 40 });
    await checkin(nabij, '2026-03-15', { progress: 50, status: 'achter', confidence: 3 });

    const year = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id, period: { kind: 'year' } });
    expect(year.opgaven.map((o) => [o.latest?.progress, o.trend, o.progressDelta])).toEqual([
      [40, 'up', 20],
      [50, 'none', null],
    ]);
    const q1 = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id, period: { kind: 'quarter', quarter: 1 } });
    expect(q1.asOf).toBe('2026-03-31');
    expect(q1.opgaven.map((o) => [o.latest?.progress, o.trend])).toEqual([
      [25, 'up'],
      [50, 'none'],
    ]);
    expect(q1.overall).toBe('achter'); // one of two open opgaven behind
    const q2 = await call<ProgressHistory>(core, 'progress.history', { teamId: team.id, period: { kind: 'quarter', quarter: 2 } });
    expect(q2.opgaven[0]!.points.map((p) => p.progress)).toEqual([20, 40]);
    expect(q2.opgaven[1]!.points).toEqual([]);
    // The team line carries nabij's 50 from March into the quarter.
    expect(q2.team.map((p) => [p.date, p.progress])).toEqual([
      ['2026-04-30', 35],
      ['2026-05-31', 45],
    ]);
    const custom = await call<ProgressHistory>(core, 'progress.history', {
      teamId: team.id,
      period: { kind: 'custom', from: '2026-02-01', to: '2026-04-30' },
    });
    expect(custom.opgaven[0]!.points.map((p) => p.date)).toEqual(['2026-02-28', '2026-04-30']);
  });

  it('feeds in action progress: share done and overdue at the as-of day', async () => {
    const { core, team, web } = await setup('2026-06-15');
    addAction(core, team.id, web, { status: 'afgerond', doneDate: '2026-03-01', dueDate: '2026-03-31' });
    addAction(core, team.id, web, { status: 'lopend', dueDate: '2026-06-14', title: 'Spreekuur via WhatsApp' });
    addAction(core, team.id, web, { status: 'gepland', dueDate: '2026-06-15' });
    addAction(core, team.id, web, { status: 'gestopt', dueDate: '2026-01-01' });
    const overview = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id });
    expect(overview.opgaven[0]!.actions).toEqual({ total: 3, done: 1, overdue: 1, shareDone: 1 / 3 });
    const dashboard = await call<Dashboard>(core, 'dashboard.get', { teamId: team.id });
    expect(dashboard.overdueActions.map((a) => [a.title, a.daysOverdue])).toEqual([['Spreekuur via WhatsApp', 1]]);
    // Judged at the end of Q1, the done action was done and nothing was overdue yet.
    const q1 = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id, period: { kind: 'quarter', quarter: 1 } });
    expect(q1.opgaven[0]!.actions).toEqual({ total: 3, done: 1, overdue: 0, shareDone: 1 / 3 });
  });

  it('reports cluster size over time in the history', async () => {
    const { core, team } = await setup('2026-06-15');
    addCluster(core, team.id, { fte: 40, wijkagenten: 6, startDate: '2025-01-01', endDate: '2026-03-31' });
    addCluster(core, team.id, { fte: 25, wijkagenten: 4, startDate: '2026-04-01' });
    const h = await call<ProgressHistory>(core, 'progress.history', { teamId: team.id });
    expect(h.clusters.map((p) => [p.date, p.fte, p.wijkagenten])).toEqual([
      ['2026-01-01', 40, 6],
      ['2026-04-01', 25, 4],
      ['2026-06-15', 25, 4],
    ]);
  });
});

describe('overdue check-ins at the edges', () => {
  async function dueState(today: string, rhythm?: string, lastCheckin?: string) {
    const core = testCore(fixedClock(today));
    const team = await call<Team>(core, 'team.create', PROFILE);
    const id = chooseOpgave(core, team.id, 3, { periodStart: '2026-01-01', periodEnd: '2027-12-31', startDate: '2026-01-31' });
    if (rhythm) await call(core, 'progress.rhythm.set', { teamId: team.id, teamOpgaveId: id, rhythm });
    if (lastCheckin) {
      core.db
        .prepare("INSERT INTO checkin (team_id, team_opgave_id, date, status, progress, confidence, created_at) VALUES (?, ?, ?, 'op-koers', 10, 5, ?)")
        .run(team.id, id, lastCheckin, `${lastCheckin}T10:00:00.000Z`);
    }
    const d = await call<Dashboard>(core, 'dashboard.get', { teamId: team.id, period: { kind: 'quarter' } });
    return { ...d.opgaven[0]!, overdueCount: d.overdueCheckins.length, overall: d.overall };
  }

  it('without a check-in, the first is due one month after the start (31 jan -> 28 feb)', async () => {
    expect(await dueState('2026-02-28')).toMatchObject({ rhythm: 'monthly', nextDue: '2026-02-28', checkinOverdue: false, overdueCount: 0 });
    expect(await dueState('2026-03-01')).toMatchObject({ nextDue: '2026-02-28', checkinOverdue: true, daysOverdue: 1, overdueCount: 1 });
  });

  it('monthly after a check-in on the last day of a quarter: due 30 April, overdue on 1 May', async () => {
    expect(await dueState('2026-04-30', undefined, '2026-03-31')).toMatchObject({ nextDue: '2026-04-30', checkinOverdue: false });
    expect(await dueState('2026-05-01', undefined, '2026-03-31')).toMatchObject({ checkinOverdue: true, daysOverdue: 1 });
  });

  it('quarterly across the year end, and a rhythm change moves the due date', async () => {
    expect(await dueState('2027-03-31', 'quarterly', '2026-12-31')).toMatchObject({ nextDue: '2027-03-31', checkinOverdue: false });
    expect(await dueState('2027-04-01', 'quarterly', '2026-12-31')).toMatchObject({ checkinOverdue: true, overall: 'aandacht-nodig' });
    expect(await dueState('2027-01-08', 'weekly', '2026-12-31')).toMatchObject({ nextDue: '2027-01-07', daysOverdue: 1 });
  });

  it('a past period is judged at its own end, not today', async () => {
    const core = testCore(fixedClock('2026-11-28'));
    const team = await call<Team>(core, 'team.create', PROFILE);
    const id = chooseOpgave(core, team.id, 3, { periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    await call(core, 'progress.checkins.create', { teamId: team.id, checkin: { ...CHECKIN, teamOpgaveId: id, date: '2026-03-10' } });
    const q1 = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id, period: { kind: 'quarter', quarter: 1 } });
    expect(q1).toMatchObject({ asOf: '2026-03-31', overall: 'op-koers', opgaven: [{ checkinOverdue: false, nextDue: '2026-04-10' }] });
    const now = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id });
    expect(now.opgaven[0]).toMatchObject({ checkinOverdue: true, daysOverdue: 232 });
  });

  it('no check-in is due for a paused opgave or after a check-in that says done', async () => {
    const core = testCore(fixedClock('2026-11-28'));
    const team = await call<Team>(core, 'team.create', PROFILE);
    const paused = chooseOpgave(core, team.id, 1, { status: 'gepauzeerd' });
    const done = chooseOpgave(core, team.id, 2);
    await call(core, 'progress.checkins.create', { teamId: team.id, checkin: { teamOpgaveId: done, date: '2026-02-01', status: 'afgerond', progress: 100, confidence: 9 } });
    const o = await call<ProgressOverview>(core, 'progress.overview', { teamId: team.id });
    expect(o.opgaven.map((x) => [x.teamOpgaveId, x.nextDue, x.checkinOverdue])).toEqual([
      [paused, null, false],
      [done, null, false],
    ]);
    expect(o.overall).toBe('afgerond'); // the paused one does not count
  });
});

describe('bad input is refused in Dutch and changes nothing', () => {
  it.each([
    ['progress 101', { progress: 101 }, 'VALIDATION', 'checkin.progress', /tussen 0 en 100%/],
    ['progress -1', { progress: -1 }, 'VALIDATION', 'checkin.progress', /tussen 0 en 100%/],
    ['progress 12.5', { progress: 12.5 }, 'VALIDATION', 'checkin.progress', /heel percentage/],
    ['confidence 0', { confidence: 0 }, 'VALIDATION', 'checkin.confidence', /1 tot en met 10/],
    ['confidence 11', { confidence: 11 }, 'VALIDATION', 'checkin.confidence', /1 tot en met 10/],
    ['a date that is not a date', { date: '2026-02-30' }, 'VALIDATION', 'checkin.date', /Geen geldige datum/],
    ['a Dutch-format date', { date: '15-03-2026' }, 'VALIDATION', 'checkin.date', /Geen geldige datum/],
    ['a date in the future', { date: '2026-06-16' }, 'VALIDATION', 'checkin.date', /toekomst/],
    ['a date before the opgave started', { date: '2025-12-31' }, 'VALIDATION', 'checkin.date', /voor de start/],
    ['an unknown status', { status: 'prima' }, 'VALIDATION', 'checkin.status', /Kies een status/],
    ['an unknown team_opgave id', { teamOpgaveId: 9999 }, 'NOT_FOUND', undefined, /De gekozen opgave bestaat niet/],
    ['a 3,000-character note', { blockers: 'x'.repeat(3000) }, 'VALIDATION', 'checkin.blockers', /2\.000 tekens/],
    ['a correction without reason', { correctsId: 'FIRST' }, 'VALIDATION', 'checkin.correctionReason', /waarom/],
    ['a second check-in on the same day', { date: '2026-03-01' }, 'VALIDATION', 'checkin.date', /al een check-in/],
  ] as const)('%s', async (_label, patch, code, path, message) => {
    const { core, team, web, checkin } = await setup();
    const first = await checkin(web, '2026-03-01');
    const before = snapshot(core);
    const payload = { ...CHECKIN, teamOpgaveId: web, date: '2026-04-01', ...patch } as Record<string, unknown>;
    if (payload.correctsId === 'FIRST') payload.correctsId = first.id;
    const result = await core.dispatch('progress.checkins.create', { teamId: team.id, checkin: payload });
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    if (!result.ok && path) expect(result.error.issues?.[0]?.path).toBe(path);
    expect(snapshot(core)).toEqual(before);
  });

  it("refuses another team's opgave and check-in as not found", async () => {
    const { core, web, checkin } = await setup();
    const theirs = await checkin(web, '2026-03-01');
    const other = await call<Team>(core, 'team.create', { ...PROFILE, name: 'Basisteam Texel' });
    const mine = chooseOpgave(core, other.id, 2);
    const before = snapshot(core);
    const attempts = [
      core.dispatch('progress.checkins.create', { teamId: other.id, checkin: { ...CHECKIN, teamOpgaveId: web, date: '2026-04-01' } }),
      core.dispatch('progress.checkins.create', {
        teamId: other.id,
        checkin: { ...CHECKIN, teamOpgaveId: mine, date: '2026-04-01', correctsId: theirs.id, correctionReason: 'x' },
      }),
      core.dispatch('progress.rhythm.set', { teamId: other.id, teamOpgaveId: web, rhythm: 'weekly' }),
      core.dispatch('progress.checkins.list', { teamId: other.id, teamOpgaveId: web }),
      core.dispatch('progress.history', { teamId: other.id, teamOpgaveId: web }),
      core.dispatch('dashboard.get', { teamId: 999 }),
    ];
    for (const r of await Promise.all(attempts)) expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot(core)).toEqual(before);
  });

  it.each([
    ['an unknown rhythm', 'progress.rhythm.set', { rhythm: 'daily' }, /Kies een ritme/],
    ['a custom period ending before it starts', 'progress.history', { period: { kind: 'custom', from: '2026-05-01', to: '2026-04-01' } }, /einddatum ligt voor/],
    ['quarter 5', 'dashboard.get', { period: { kind: 'quarter', quarter: 5 } }, /kwartaal 1 tot en met 4/],
    ['an unknown period kind', 'dashboard.get', { period: { kind: 'week' } }, /Kies een periode/],
  ] as const)('refuses %s', async (_label, methodName, patch, message) => {
    const { core, team, web } = await setup();
    const before = snapshot(core);
    const base = methodName === 'progress.rhythm.set' ? { teamId: team.id, teamOpgaveId: web } : { teamId: team.id };
    const r = await core.dispatch(methodName, { ...base, ...patch });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
    expect(snapshot(core)).toEqual(before);
  });
});

describe('the checkin table guards itself too (migration 4)', () => {
  it('refuses out-of-range values, a second correction of one row, and a correction without reason', async () => {
    const { core, team, web, checkin } = await setup();
    const first = await checkin(web, '2026-03-01');
    const insert = (values: Record<string, unknown>) =>
      core.db
        .prepare(
          `INSERT INTO checkin (team_id, team_opgave_id, date, status, progress, confidence, corrects_id, correction_reason, created_at)
           VALUES (@teamId, @teamOpgaveId, @date, @status, @progress, @confidence, @correctsId, @reason, 'x')`,
        )
        .run({ teamId: team.id, teamOpgaveId: web, date: '2026-03-02', status: 'op-koers', progress: 10, confidence: 5, correctsId: null, reason: '', ...values });
    expect(() => insert({ progress: 101 })).toThrow(/CHECK/);
    expect(() => insert({ confidence: 0 })).toThrow(/CHECK/);
    expect(() => insert({ status: 'prima' })).toThrow(/CHECK/);
    expect(() => insert({ date: '02-03-2026' })).toThrow(/CHECK/);
    expect(() => insert({ teamOpgaveId: 999 })).toThrow(/FOREIGN KEY/);
    expect(() => insert({ correctsId: first.id })).toThrow(/CHECK/);
    insert({ correctsId: first.id, reason: 'Herzien' });
    expect(() => insert({ correctsId: first.id, reason: 'Nog eens' })).toThrow(/UNIQUE/);
  });
});
