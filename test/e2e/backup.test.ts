import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreExport } from '../../electron/api/backup';
import type { Envelope } from '../../electron/api/errors';
import { createCore } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { startApp, type AppHarness } from './harness/app';
import { PROFILE } from '../unit/helpers';


const teamNames = (app: AppHarness) => app.core.db.prepare('SELECT name FROM team ORDER BY id').all();

describe('Settings → Backups', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({
      clock: fixedClock('2026-11-28T10:15:00'),
      seed: async (core) => {
        const r = (await core.dispatch('team.create', PROFILE));
        if (!r.ok) throw new Error(r.error.message);
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('makes a backup, and after the data changed, restores it: the data is back and the restore can be undone', async () => {
    const { page } = app;
    await app.open('/settings');
    await page.getByRole('heading', { name: 'Back-ups en gegevens' }).waitFor();
    await page.getByText('Er zijn nog geen back-ups.').waitFor();
    expect(await page.getByTestId('store-file').textContent()).toContain(app.core.file);

    await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
    await page.getByText('De back-up is gemaakt.').waitFor();
    const rows = page.getByTestId('backup-list').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/28-11-2026 om 10:15.*Zelf gemaakt.*\d+ kB/);

    // Change the data through the profile form.
    await page.getByRole('textbox', { name: 'Naam van het basisteam', exact: true }).fill('Gewijzigde naam');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het teamprofiel is opgeslagen.').waitFor();
    expect(teamNames(app)).toEqual([{ name: 'Gewijzigde naam' }]);

    // Restore asks first, says the current data is kept aside.
    await page.getByRole('button', { name: 'Back-up van 28-11-2026 om 10:15 terugzetten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('De gegevens van nu worden vervangen');
    expect(await dialog.textContent()).toContain('blijven bewaard');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(teamNames(app)).toEqual([{ name: 'Gewijzigde naam' }]);

    await page.getByRole('button', { name: 'Back-up van 28-11-2026 om 10:15 terugzetten' }).click();
    await page.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await page.getByText('De back-up van 28-11-2026 om 10:15 is teruggezet.').waitFor();
    expect(teamNames(app)).toEqual([{ name: PROFILE.name }]);
    expect(await page.getByRole('textbox', { name: 'Naam van het basisteam', exact: true }).inputValue()).toBe(PROFILE.name);

    // The data from before the restore is in the list, and restoring it undoes the restore.
    await expect.poll(() => rows.count()).toBe(2);
    const aside = rows.filter({ hasText: 'Vóór terugzetten' });
    await aside.getByRole('button', { name: /terugzetten/ }).click();
    await page.getByRole('button', { name: 'Ja, terugzetten' }).click();
    // The first restore's notice reads the same (the clock stands still) and may still show: wait
    // for the data itself, in the store and on the screen.
    await expect.poll(() => teamNames(app)).toEqual([{ name: 'Gewijzigde naam' }]);
    await expect.poll(() => page.getByRole('textbox', { name: 'Naam van het basisteam', exact: true }).inputValue()).toBe('Gewijzigde naam');
  });

  it('exports the whole store as one file, and imports a store file after asking; a wrong file changes nothing', async () => {
    const { page } = app;
    await app.open('/settings');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Alles exporteren' }).click()]);
    expect(download.suggestedFilename()).toBe('teamchef-export-2026-11-28.sqlite');
    const exported = join(app.dataDir, 'exported-by-test.sqlite');
    await download.saveAs(exported);
    const copy = new Database(exported, { readonly: true });
    expect(copy.prepare('SELECT name FROM team').all()).toEqual([{ name: 'Gewijzigde naam' }]);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    // A store from a predecessor's laptop.
    const otherDir = join(app.dataDir, 'other-laptop');
    const other = createCore({ dataDir: otherDir, clock: fixedClock('2026-11-28') });
    await other.dispatch('team.create', { ...PROFILE, name: 'Team van de voorganger' });
    const handOver = (await other.dispatch('store.export', undefined)) as Envelope<StoreExport>;
    other.close();
    if (!handOver.ok) throw new Error(handOver.error.message);
    const handOverFile = join(app.dataDir, 'overdracht.sqlite');
    writeFileSync(handOverFile, Buffer.from(handOver.data.data, 'base64'));

    // Not a store: refused with a plain message, nothing replaced.
    const junk = join(app.dataDir, 'notities.sqlite');
    writeFileSync(junk, 'dit is geen database '.repeat(100));
    await page.locator('input[type=file]').setInputFiles(junk);
    await page.getByRole('button', { name: 'Ja, inlezen' }).click();
    await page.getByText('Dit bestand is geen Teamchef-gegevensbestand. Er is niets gewijzigd.').waitFor();
    expect(teamNames(app)).toEqual([{ name: 'Gewijzigde naam' }]);

    await page.locator('input[type=file]').setInputFiles(handOverFile);
    const dialog = page.getByRole('dialog', { name: 'Gegevens inlezen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('overdracht.sqlite');
    await dialog.getByRole('button', { name: 'Ja, inlezen' }).click();
    await page.getByText('De gegevens uit overdracht.sqlite zijn ingelezen.').waitFor();
    expect(teamNames(app)).toEqual([{ name: 'Team van de voorganger' }]);
    expect(readFileSync(handOverFile).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
