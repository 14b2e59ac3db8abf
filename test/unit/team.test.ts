import { describe, expect, it } from 'vitest';
import { wijkagentNorm, formationSignal } from '../../electron/api/norms';
import type { Team } from '../../electron/api/team';
import { createCore } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { createDispatch } from '../../electron/core/dispatch';
import { call, PROFILE, snapshot, tempDir, testCore } from './helpers';

describe('wijkagent norm (1 per 5,000 inhabitants)', () => {
  it.each([
    [120_000, 20, 24, -4, 'short'],
    [120_000, 24, 24, 0, 'ok'],
    [120_001, 24, 25, -1, 'short'],
    [0, 0, 0, 0, 'ok'],
    [4_999, 0, 1, -1, 'short'],
    [18_500, 5, 4, 1, 'ok'],
  ] as const)('%i inhabitants, %i wijkagenten: %i needed, difference %i', (inhabitants, present, needed, difference, status) => {
    expect(wijkagentNorm(inhabitants, present)).toEqual({ needed, present, difference, status });
  });

  it('flags a formation outside 60–200 fte as a signal', () => {
    expect(formationSignal(59.9).status).toBe('below');
    expect(formationSignal(60).status).toBe('ok');
    expect(formationSignal(200).status).toBe('ok');
    expect(formationSignal(200.5).status).toBe('above');
  });
});

describe('team profile through the API', () => {
  it('creates, reads back, updates, and keeps gemeenten in order', async () => {
    const core = testCore();
    const created = await call<Team>(core, 'team.create', { ...PROFILE, gemeenten: ['Zeist', 'Utrecht', 'De Bilt'] });
    expect(created).toMatchObject({ ...PROFILE, gemeenten: ['Zeist', 'Utrecht', 'De Bilt'] });
    expect(created.norm).toEqual({ needed: 24, present: 20, difference: -4, status: 'short' });

    const updated = await call<Team>(core, 'team.update', {
      teamId: created.id,
      profile: { ...PROFILE, wijkagenten: 25, gemeenten: ['Utrecht'] },
    });
    expect(updated.norm.status).toBe('ok');
    expect(updated.gemeenten).toEqual(['Utrecht']);
    expect(await call<Team[]>(core, 'team.list')).toHaveLength(1);
  });

  it('survives a restart: what was written is read back from the file', async () => {
    const dataDir = tempDir();
    const first = createCore({ dataDir });
    await first.dispatch('team.create', PROFILE);
    first.close();
    const second = createCore({ dataDir });
    const teams = (await second.dispatch('team.list', undefined)) as { ok: true; data: Team[] };
    second.close();
    expect(teams.data.map((t) => t.name)).toEqual([PROFILE.name]);
  });

  it('trims names and accepts a formation outside 60–200 as a signal', async () => {
    const core = testCore();
    const team = await call<Team>(core, 'team.create', { ...PROFILE, name: '  Basisteam Texel ', formationFte: 35 });
    expect(team.name).toBe('Basisteam Texel');
    expect(team.formation.status).toBe('below');
  });

  const bad: [string, unknown, string, RegExp][] = [
    ['empty name', { ...PROFILE, name: '   ' }, 'name', /Vul dit veld in/],
    ['negative inhabitants', { ...PROFILE, inhabitants: -1 }, 'inhabitants', /negatief/],
    ['fte 0', { ...PROFILE, formationFte: 0 }, 'formationFte', /groter dan 0/],
    ['a 10 MB name', { ...PROFILE, name: 'x'.repeat(10 * 1024 * 1024) }, 'name', /200 tekens/],
    ['inhabitants as text', { ...PROFILE, inhabitants: '120000' }, 'inhabitants', /getal/],
    ['fractional wijkagenten', { ...PROFILE, wijkagenten: 2.5 }, 'wijkagenten', /heel getal/],
    ['an unknown eenheid', { ...PROFILE, eenheid: 'atlantis' }, 'eenheid', /tien eenheden/],
    ['an extra field', { ...PROFILE, admin: true }, '', /.+/],
    ['a __proto__ key', JSON.parse(`{"__proto__": {"polluted": 1}, ${JSON.stringify(PROFILE).slice(1)}`), '', /.+/],
    ['NaN fte', { ...PROFILE, formationFte: Number.NaN }, 'formationFte', /getal/],
    ['no payload', undefined, '', /.+/],
  ];
  it.each(bad)('refuses %s with a specific error and changes nothing', async (_label, payload, path, message) => {
    const core = testCore();
    await call(core, 'team.create', PROFILE);
    const before = snapshot(core);
    const result = await core.dispatch('team.create', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.issues?.[0]?.path).toBe(path);
    expect(result.error.message).toMatch(message);
    expect(snapshot(core)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers unknown methods and unknown teams with structured errors', async () => {
    const core = testCore();
    expect(await core.dispatch('team.dropAll', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await core.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await core.dispatch('team.get', { teamId: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('team.update', { teamId: 99, profile: PROFILE })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('hides internal exceptions behind a plain message and reports them to the log hook', async () => {
    const core = testCore();
    const logged: unknown[] = [];
    const handlers = {
      ...core.handlers,
      'team.list': () => {
        throw new TypeError('secret stack detail');
      },
    };
    const dispatch = createDispatch(handlers, { ctx: fixedClock('2026-11-28'), onInternalError: (_m, err) => logged.push(err) });
    const result = await dispatch('team.list', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/onverwachts/) },
    });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('maps SQLite errors to store errors the chief can act on', async () => {
    const core = testCore();
    const handlers = {
      ...core.handlers,
      'team.list': () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    };
    const dispatch = createDispatch(handlers, { ctx: fixedClock('2026-11-28') });
    expect(await dispatch('team.list', undefined)).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/schijf is vol/) } });
  });
});
