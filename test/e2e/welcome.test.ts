import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness/app';

describe('first start: the welcome creates the team', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the welcome on an empty store, refuses bad input keeping it, creates the team, and reads it back after reload', async () => {
    const { page } = app;
    await app.open();
    await page.getByRole('heading', { name: 'Welkom bij Teamchef' }).waitFor();

    // Empty name and negative inhabitants: specific errors, typed input kept, nothing stored.
    await page.getByRole('textbox', { name: 'Inwoners', exact: true }).fill('-5');
    await page.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill('20');
    await page.getByRole('button', { name: 'Team aanmaken' }).click();
    await expect.poll(() => page.getByText('Vul dit veld in.').count()).toBeGreaterThan(0);
    await page.getByText('Het aantal inwoners kan niet negatief zijn.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Wijkagenten', exact: true }).inputValue()).toBe('20');
    expect(app.core.db.prepare('SELECT count(*) AS n FROM team').get()).toEqual({ n: 0 });

    await page.getByRole('textbox', { name: 'Naam van het basisteam', exact: true }).fill('Basisteam Utrecht-Oost');
    await page.getByRole('combobox', { name: 'Eenheid' }).click();
    await page.getByRole('option', { name: 'Midden-Nederland' }).click();
    await page.getByRole('textbox', { name: 'District', exact: true }).fill('Utrecht-Stad');
    const gemeenten = page.getByRole('combobox', { name: 'Gemeenten' });
    await gemeenten.fill('Utrecht');
    await gemeenten.press('Enter');
    await gemeenten.fill('Bunnik');
    await gemeenten.press('Enter');
    await page.getByRole('textbox', { name: 'Formatie (fte)', exact: true }).fill('142,5');
    await page.getByRole('textbox', { name: 'Inwoners', exact: true }).fill('120000');
    await page.getByRole('textbox', { name: 'Oppervlakte (km²)', exact: true }).fill('31,4');

    // The norm signal follows the typed numbers: 120,000 inhabitants and 20 wijkagenten.
    await expect.poll(() => page.getByTestId('norm-needed').first().textContent()).toBe('24');
    expect(await page.getByTestId('norm-verdict').first().textContent()).toBe('4 wijkagenten te weinig');

    await page.getByRole('button', { name: 'Team aanmaken' }).click();
    await page.getByRole('heading', { name: 'Overzicht' }).waitFor();

    await page.reload();
    await page.getByTestId('team-name').waitFor();
    expect(await page.getByTestId('team-name').textContent()).toBe('Basisteam Utrecht-Oost');
    expect(await page.getByTestId('norm-difference').textContent()).toBe('-4');
    expect(await page.getByTestId('team-profile').textContent()).toContain('Utrecht, Bunnik');

    // Straight from the SQLite file, through a separate connection.
    const db = new Database(app.core.file, { readonly: true });
    const row = db.prepare('SELECT name, eenheid, formation_fte, inhabitants, area_km2, wijkagenten FROM team').all();
    const gemeenteRows = db.prepare('SELECT name FROM team_gemeente ORDER BY position').all();
    db.close();
    expect(row).toEqual([
      { name: 'Basisteam Utrecht-Oost', eenheid: 'midden-nederland', formation_fte: 142.5, inhabitants: 120000, area_km2: 31.4, wijkagenten: 20 },
    ]);
    expect(gemeenteRows).toEqual([{ name: 'Utrecht' }, { name: 'Bunnik' }]);
  });

  it('edits the profile in settings; a bad value is refused with the field marked and nothing changes', async () => {
    const { page } = app;
    await app.open('/settings');
    const fte = page.getByRole('textbox', { name: 'Formatie (fte)', exact: true });
    await fte.fill('0');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De formatie moet groter dan 0 fte zijn.').waitFor();
    expect(app.core.db.prepare('SELECT formation_fte AS f FROM team').get()).toEqual({ f: 142.5 });

    await fte.fill('45');
    await page.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill('24');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het teamprofiel is opgeslagen.').waitFor();
    await app.open('/');
    expect(await page.getByTestId('norm-verdict').textContent()).toBe('Voldoet aan de norm');
    expect(await page.getByTestId('formation-signal').getAttribute('data-status')).toBe('below');
  });

  it('refuses hostile calls straight to the bridge with structured errors and an unchanged store', async () => {
    const before = app.core.db.prepare('SELECT * FROM team').all();
    const results = [
      await app.rawCall('team.create', { name: '' }),
      await app.rawCall('team.create', { name: 'x'.repeat(10 * 1024 * 1024) }),
      await app.rawCall('team.update', { teamId: '1', profile: {} }),
      await app.rawCall('team.update', { teamId: 999, profile: { name: 'X', eenheid: 'limburg', district: '', gemeenten: [], formationFte: 80, inhabitants: 1, areaKm2: 1, wijkagenten: 0 } }),
      await app.rawCall('system.exec', { cmd: 'rm -rf /' }),
      await app.rawCall('constructor', {}),
    ];
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'VALIDATION',
      'VALIDATION',
      'VALIDATION',
      'NOT_FOUND',
      'UNKNOWN_METHOD',
      'UNKNOWN_METHOD',
    ]);
    for (const r of results) if (!r.ok) expect(r.error.message).not.toMatch(/\n\s+at |node_modules|\.tsx?:\d/);
    expect(app.core.db.prepare('SELECT * FROM team').all()).toEqual(before);
  });

  it('switches to English and back', async () => {
    const { page } = app;
    await app.open('/settings');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();
    await page.getByText('Nederlands', { exact: true }).click();
    await page.getByRole('link', { name: 'Overzicht' }).waitFor();
  });
});
