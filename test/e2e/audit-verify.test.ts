import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyStatus } from '../../electron/api/audit';
import type { Core } from '../../electron/core';
import { budgetFixture } from '../unit/budget-fixtures';
import { call } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';

const Y = new Date().getFullYear();

/** A year with forty expenses: enough batches (of four rows) for the bar to move in steps. */
async function seed(core: Core) {
  const { teamId } = await budgetFixture(core);
  await call(core, 'budget.entries.add', { teamId, year: Y, date: `${Y}-01-02`, kind: 'toekenning', amountCents: 1_000_000, reason: '' });
  for (let i = 0; i < 40; i++)
    await call(core, 'budget.expenses.create', { teamId, date: `${Y}-03-10`, amountCents: 1_00 + i, payee: `Leverancier ${i}`, description: '', paymentMethod: 'debitcard', receiptRef: '' });
}

describe('the full audit verification in the overview', () => {
  let app: AppHarness;
  // The core's verification workers wait here for a permit before each batch of four rows: the test
  // lets them go step by step, so progress is seen and cancelled halfway without any timing.
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const permit = (n: number) => {
    Atomics.add(gate, 0, n);
    Atomics.notify(gate, 0);
  };
  const lastRecorded = () => app.core.db.prepare("SELECT value FROM app_setting WHERE key = 'audit.lastFullVerify'").get() as { value: string } | undefined;

  beforeAll(async () => {
    app = await startApp({ seed, auditVerify: { every: 4, gate } });
  });
  afterAll(async () => {
    permit(1_000_000);
    await app?.close();
  });

  it('shows progress, can be cancelled without recording anything, and shows a completed run beside the button', async () => {
    const { page } = app;
    await app.open('/funds');
    const button = page.getByRole('button', { name: 'Audittrail controleren' });
    const last = page.getByTestId('verify-last');
    await expect.poll(() => last.textContent(), { timeout: 10_000 }).toBe('Nog niet volledig gecontroleerd.');

    await button.click();
    const bar = page.getByRole('progressbar', { name: 'Voortgang van de controle van de audittrail' });
    // At 0% the bar's filled part has no width yet: the row with the bar and the cancel button is what shows.
    await page.getByTestId('verify-progress').waitFor();
    await bar.waitFor({ state: 'attached' });
    expect(await button.isDisabled()).toBe(true);
    permit(4);
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
    const halfway = Number(await bar.getAttribute('aria-valuenow'));
    expect(halfway).toBeLessThan(100);
    expect(await page.getByTestId('verify-progress').textContent()).toContain(`${halfway}% gecontroleerd`);
    await page.screenshot({ path: 'test-results/audit-verify-progress.png' });

    await page.getByTestId('verify-progress').getByRole('button', { name: 'Annuleren' }).click();
    await page.getByTestId('verify-cancelled').waitFor();
    expect(await page.getByTestId('verify-cancelled').textContent()).toBe('Controle geannuleerd. Er is geen uitkomst vastgelegd; de vorige controle blijft staan.');
    expect(await bar.count()).toBe(0);
    expect(await last.textContent()).toBe('Nog niet volledig gecontroleerd.');
    expect(await button.isDisabled()).toBe(false);
    // Whatever the workers still hold, a cancelled run is no result: not now, not once they are let go.
    permit(1_000);
    const teamId = (await call<{ id: number }[]>(app.core, 'team.list'))[0]!.id;
    const status = await call<AuditVerifyStatus>(app.core, 'audit.verifyStatus', { teamId });
    expect(status).toMatchObject({ job: { state: 'cancelled' }, last: null });
    expect(lastRecorded()).toBeUndefined();

    // Again, to the end this time.
    Atomics.store(gate, 0, 0);
    await button.click();
    await page.getByTestId('verify-progress').waitFor();
    permit(1_000_000);
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-result').textContent()).toBe('De audittrail klopt: 41 wijzigingen, geen enkele achteraf veranderd.');
    expect(await bar.count()).toBe(0);
    const shown = /^Laatste volledige controle: \d{2}-\d{2}-\d{4} \d{2}:\d{2}, in orde \(41 wijzigingen, \d+(,\d)? s\)\.$/;
    await expect.poll(() => last.textContent(), { timeout: 10_000 }).toMatch(shown);
    expect(JSON.parse(lastRecorded()!.value)).toMatchObject({ ok: true, records: 41, problemCount: 0 });
    await page.screenshot({ path: 'test-results/audit-verify-done.png' });

    // Kept in the store: after a restart of the app it is still beside the button.
    await app.restartCore();
    await page.reload();
    await app.open('/funds');
    await expect.poll(() => last.textContent(), { timeout: 10_000 }).toMatch(shown);
    expect(await page.getByTestId('verify-result').count()).toBe(0);
  });
});
