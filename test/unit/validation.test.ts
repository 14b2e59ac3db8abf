import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/api/errors';
import type { Team } from '../../electron/api/team';
import { fromStoreError } from '../../electron/core/store/errors';
import { call, PROFILE, snapshot, testCore } from './helpers';

const expense = (teamId: number, over: Record<string, unknown> = {}) => ({
  teamId,
  date: '2026-03-10',
  amountCents: 12_50,
  payee: 'Albert Heijn',
  description: 'Koffie',
  paymentMethod: 'debitcard',
  receiptRef: 'BON-1',
  ...over,
});
const decision = (teamId: number, over: Record<string, unknown> = {}) => ({
  teamId,
  date: '2026-02-01',
  title: 'Pop-up politiebureau',
  amountCents: 5_000_00,
  rationale: 'Nabijheid in de wijk',
  decidedBy: 'Teamchef',
  status: 'genomen',
  ...over,
});

async function refused(core: ReturnType<typeof testCore>, method: string, payload: unknown): Promise<ApiError> {
  const envelope = await core.dispatch(method, payload);
  if (envelope.ok) throw new Error(`${method} was accepted`);
  return envelope.error;
}

describe('errors in words, on the field', () => {
  it('refuses money dated 1950 or 2150 with a field error that names the range, and stores nothing', async () => {
    const core = testCore();
    const team = await call<Team>(core, 'team.create', PROFILE);
    await call(core, 'budget.entries.add', { teamId: team.id, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 25_000_00, reason: '' });
    const before = snapshot(core);
    for (const [method, payload] of [
      ['budget.expenses.create', expense(team.id, { date: '1950-03-10' })],
      ['budget.expenses.create', expense(team.id, { date: '2150-03-10' })],
      ['budget.decisions.create', decision(team.id, { date: '1950-02-01' })],
      ['budget.decisions.create', decision(team.id, { date: '2150-02-01' })],
    ] as const) {
      const error = await refused(core, method, payload);
      expect(error, `${method} ${JSON.stringify(payload.date)}`).toEqual({
        code: 'VALIDATION',
        message: 'Kies een datum tussen 1-1-2000 en 31-12-2100.',
        issues: [{ path: 'date', message: 'Kies een datum tussen 1-1-2000 en 31-12-2100.' }],
      });
    }
    expect(snapshot(core)).toEqual(before);
  });

  it('refuses text with a NUL character or a lone surrogate with a field error, and stores nothing', async () => {
    const core = testCore();
    const team = await call<Team>(core, 'team.create', PROFILE);
    await call(core, 'budget.entries.add', { teamId: team.id, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 25_000_00, reason: '' });
    const before = snapshot(core);
    const nul = await refused(core, 'team.create', { ...PROFILE, name: '\u0000Basisteam' });
    expect(nul.code).toBe('VALIDATION');
    expect(nul.issues?.[0]).toEqual({ path: 'name', message: expect.stringMatching(/nul-teken/) });
    for (const payee of ['Albert \uD83D Heijn', 'x\uDE80', '\uD800']) {
      const lone = await refused(core, 'budget.expenses.create', expense(team.id, { payee }));
      expect(lone.code).toBe('VALIDATION');
      expect(lone.issues?.[0]).toEqual({ path: 'payee', message: expect.stringMatching(/half teken/) });
    }
    // A whole emoji is fine.
    await call(core, 'budget.expenses.create', expense(team.id, { payee: 'Politie 🚓' }));
    const after = snapshot(core);
    expect((after.expense ?? []).length).toBe((before.expense ?? []).length + 1);
  });

  it('maps a CHECK or UNIQUE violation that gets past validation to the field, with a specific Dutch message', async () => {
    const core = testCore();
    await call<Team>(core, 'team.create', PROFILE);
    const db = core.db;
    const violation = (sql: string): unknown => {
      try {
        db.exec(sql);
      } catch (err) {
        return err;
      }
      throw new Error(`accepted: ${sql}`);
    };
    db.exec("INSERT INTO partner (team_id, name) VALUES (1, 'Gemeente')");
    expect(fromStoreError(violation("INSERT INTO partner (team_id, name) VALUES (1, 'gemeente')"))?.toJSON()).toEqual({
      code: 'CONFLICT',
      message: 'Er bestaat al een partner met deze naam.',
      issues: [{ path: 'name', message: 'Er bestaat al een partner met deze naam.' }],
    });
    expect(fromStoreError(violation('UPDATE team SET formation_fte = 0 WHERE id = 1'))?.toJSON()).toEqual({
      code: 'VALIDATION',
      message: 'Formatie (fte): deze waarde is hier niet toegestaan.',
      issues: [{ path: 'formationFte', message: 'Formatie (fte): deze waarde is hier niet toegestaan.' }],
    });
    expect(fromStoreError(violation("UPDATE team SET name = '' WHERE id = 1"))?.toJSON()).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'name', message: 'Vul dit veld in (maximaal 200 tekens).' }],
    });
  });
});
