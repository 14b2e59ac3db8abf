import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness/app';
import { PROFILE } from '../unit/helpers';


describe('a district chief keeps several teams in one store', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({
      seed: async (core) => {
        const r = await core.dispatch('team.create', PROFILE);
        if (!r.ok) throw new Error(r.error.message);
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('adds a second team in settings, switches between the teams, and every screen follows', async () => {
    const { page } = app;
    await app.open('/settings');
    // One team: no choice, just its name.
    expect(await page.getByTestId('team-switcher').count()).toBe(0);
    expect(await page.getByTestId('header-team').textContent()).toBe('Basisteam Utrecht-Oost');

    await page.getByRole('button', { name: 'Nog een team toevoegen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Naam van het basisteam', exact: true }).fill('Basisteam Zeist');
    await dialog.getByRole('combobox', { name: 'Eenheid' }).click();
    await page.getByRole('option', { name: 'Midden-Nederland' }).click();
    await dialog.getByRole('textbox', { name: 'Formatie (fte)', exact: true }).fill('70');
    await dialog.getByRole('textbox', { name: 'Inwoners', exact: true }).fill('65000');
    await dialog.getByRole('textbox', { name: 'Oppervlakte (km²)', exact: true }).fill('48');
    await dialog.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill('13');
    await dialog.getByRole('button', { name: 'Team aanmaken' }).click();
    await page.getByText('Het team Basisteam Zeist is aangemaakt.').waitFor();
    expect(app.core.db.prepare('SELECT name FROM team ORDER BY id').all()).toEqual([{ name: 'Basisteam Utrecht-Oost' }, { name: 'Basisteam Zeist' }]);

    // The new team is in view, on the home screen too.
    const switcher = page.getByRole('textbox', { name: 'Team in beeld' }).or(page.getByRole('combobox', { name: 'Team in beeld' }));
    await expect.poll(() => switcher.inputValue()).toBe('Basisteam Zeist');
    await app.open('/');
    await expect.poll(() => page.getByTestId('team-name').textContent()).toBe('Basisteam Zeist');
    expect(await page.getByTestId('norm-verdict').first().textContent()).toBe('Voldoet aan de norm');

    // Switch back by keyboard-reachable choice; the choice survives a reload.
    await switcher.click();
    await page.getByRole('option', { name: 'Basisteam Utrecht-Oost' }).click();
    await expect.poll(() => page.getByTestId('team-name').textContent()).toBe('Basisteam Utrecht-Oost');
    await page.reload();
    await expect.poll(() => page.getByTestId('team-name').textContent()).toBe('Basisteam Utrecht-Oost');
    expect(await page.getByTestId('norm-verdict').first().textContent()).toBe('4 wijkagenten te weinig');
  });
});
