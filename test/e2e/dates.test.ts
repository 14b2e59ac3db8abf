import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/api/define';
import type { Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { apply } from '../bench/generate';
import { PROFILE } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';

/**
 * One date input on every screen, typed as dd-mm-jjjj in the app's language, whatever the
 * operating system's locale: the browser runs as en-US (where a native date input reads
 * mm/dd/yyyy), and 05-03-2026 must still be the fifth of March everywhere.
 */
const on = (date: string): Ctx => ({ today: () => date, now: () => new Date(`${date}T10:00:00`) });
let teamId = 0;

function seed(core: Core): void {
  teamId = apply(core, 'team.create', PROFILE, on('2026-01-02')).id;
  apply(core, 'agenda.choose', { teamId, opgaveId: 1, periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01' }, on('2026-01-02'));
}

const row = <T,>(app: AppHarness, sql: string) => app.core.db.prepare(sql).get() as T;

/** Types into a date field the way a chief does: select what is there, type over it. */
async function typeDate(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
}

describe('one date input, independent of the OS locale', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({ clock: fixedClock('2026-06-15'), seed, locale: 'en-US' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('no screen or dialog has a native date input', async () => {
    const { page } = app;
    for (const route of ['/agenda', '/clusters', '/funds', '/funds/decisions', '/funds/expenses', '/progress', '/print']) {
      await app.open(route);
      await page.locator('main h1').first().waitFor();
      expect(await page.locator('input[type="date"]').count(), route).toBe(0);
    }
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  });

  it('05-03-2026 typed on Opgaven, Clusters, Versterkingsgelden, Voortgang and Afdrukken is stored as 2026-03-05', async () => {
    const { page } = app;

    // Opgaven: choose a second opgave, starting on the typed date.
    await app.open('/agenda');
    await page.getByRole('button', { name: /^Kiezen voor 2026: Omgaan met de wereld in de wijk/ }).click();
    let dialog = page.getByRole('dialog');
    await typeDate(dialog.getByRole('textbox', { name: 'Startdatum', exact: true }), '05-03-2026');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(row<{ d: string }>(app, 'SELECT start_date AS d FROM team_opgave WHERE opgave_id = 2').d).toBe('2026-03-05');

    // Clusters: a new cluster starting on the typed date.
    await app.open('/clusters');
    await page.getByRole('button', { name: /^(Eerste cluster toevoegen|Cluster toevoegen)$/ }).first().click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Naam van het cluster', exact: true }).fill('Cluster Oost');
    await dialog.getByRole('textbox', { name: 'Inwoners', exact: true }).fill('20000');
    await dialog.getByRole('textbox', { name: 'fte', exact: true }).fill('20');
    await dialog.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill('4');
    await typeDate(dialog.getByRole('textbox', { name: 'Startdatum', exact: true }), '05-03-2026');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' }).catch(async (err: unknown) => {
      throw new Error(`${String(err)}\n${await dialog.innerText()}`);
    });
    expect(row<{ d: string }>(app, 'SELECT start_date AS d FROM cluster').d).toBe('2026-03-05');

    // Versterkingsgelden: an expense on the typed date.
    await app.open('/funds/expenses');
    await typeDate(page.getByRole('textbox', { name: 'Datum', exact: true }), '05-03-2026');
    await page.getByRole('textbox', { name: 'Bedrag', exact: true }).fill('12,50');
    await page.getByRole('textbox', { name: 'Tegenpartij', exact: true }).fill('Bakkerij');
    await page.getByRole('button', { name: 'Uitgave opslaan' }).click();
    await expect.poll(() => row<{ n: number }>(app, 'SELECT count(*) AS n FROM expense').n).toBe(1);
    expect(row<{ d: string }>(app, 'SELECT expense_date AS d FROM expense').d).toBe('2026-03-05');

    // Voortgang: a check-in on the typed date.
    await app.open('/progress');
    await page.getByRole('button', { name: /^Check-in vastleggen: Werken in wijk en web/ }).click();
    dialog = page.getByRole('dialog');
    await typeDate(dialog.getByRole('textbox', { name: 'Datum', exact: true }), '05-03-2026');
    await dialog.getByRole('radio', { name: 'Op koers', exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Voortgang (%)', exact: true }).fill('20');
    await dialog.getByRole('textbox', { name: 'Vertrouwen (1–10)', exact: true }).fill('7');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    expect(row<{ d: string }>(app, 'SELECT date AS d FROM checkin').d).toBe('2026-03-05');

    // Afdrukken: the overview's period starts on the typed date.
    await app.open('/print');
    await typeDate(page.getByRole('textbox', { name: 'Van', exact: true }), '05-03-2026');
    await page.getByRole('button', { name: 'Afdrukken…' }).click();
    await expect.poll(() => app.printRequests.length).toBe(1);
    expect(JSON.stringify(app.printRequests[0])).toContain('from=2026-03-05');
  });

  it('the calendar speaks the app’s language and fills the field as dd-mm-jjjj', async () => {
    const { page } = app;
    await app.open('/funds/expenses');
    const date = page.getByRole('textbox', { name: 'Datum', exact: true });
    await typeDate(date, '05-03-2026');
    await page.getByRole('button', { name: 'Kalender openen' }).first().click();
    await page.getByRole('button', { name: 'maart 2026', exact: true }).waitFor();
    await page.getByRole('button', { name: '17 maart 2026', exact: true }).click();
    expect(await date.inputValue()).toBe('17-03-2026');

    await page.evaluate(() => localStorage.setItem('teamchef.language', 'en'));
    await app.open('/funds/expenses');
    await page.reload();
    await typeDate(page.getByRole('textbox', { name: 'Date', exact: true }), '05-06-2026');
    await page.getByRole('button', { name: 'Open calendar' }).first().click();
    await page.getByRole('button', { name: 'June 2026', exact: true }).waitFor();
    await page.evaluate(() => localStorage.removeItem('teamchef.language'));
  });
});
