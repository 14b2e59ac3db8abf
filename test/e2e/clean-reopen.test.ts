import { expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { call, PROFILE } from '../unit/helpers';
import { startApp } from './harness/app';

it('after a clean close the store reopens at once: the dashboard shows while the page check runs, and a save made meanwhile goes through after it', async () => {
  let teamId = 0;
  const app = await startApp({
    clock: fixedClock('2026-11-28'),
    seed: async (core) => {
      teamId = (await call<{ id: number }>(core, 'team.create', PROFILE)).id;
      await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-10', kind: 'toekenning', amountCents: 10_000_00, reason: '' });
      // Some weight, so the page check takes a moment.
      core.db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000) INSERT INTO filler SELECT i, randomblob(3000) FROM n;');
    },
  });
  try {
    await app.open();
    await app.page.getByText('€ 10.000,00').first().waitFor();
    // The app closes in order and starts again on the same folder: the fast path, check in the background.
    await app.restartCore();
    expect(app.core.storePending()).not.toBeNull();
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
    await app.page.getByText('€ 10.000,00').first().waitFor();
    await app.page.getByText('Basisteam Utrecht-Oost').first().waitFor();
    await app.page.screenshot({ path: '/tmp/pf-shots/clean-reopen.png' });
    // A save during or after the check goes through and lands in the store.
    const saved = await app.rawCall('budget.entries.add', { teamId, year: 2026, date: '2026-02-01', kind: 'aanvulling', amountCents: 500_00, reason: 'Extra van de eenheid' });
    expect(saved.ok).toBe(true);
    expect(app.core.storePending()).toBeNull();
    await app.page.reload();
    await app.page.getByText('€ 10.500,00').first().waitFor();
  } finally {
    await app.close();
  }
}, 120_000);
