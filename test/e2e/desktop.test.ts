import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShellBridge, SHELL_COMMANDS, SHELL_GLOBAL } from '../../electron/api/shell';
import { PROFILE } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';

/**
 * The menu's commands as the page receives them: `window.teamchefShell` is installed from the
 * preload's own factory, fed by a test hook instead of Electron's IPC.
 */
const INSTALL_SHELL = `
  window.__shellListeners = [];
  window.__shellLanguages = [];
  window.__emitShellCommand = (c) => window.__shellListeners.forEach((l) => l(c));
  window[${JSON.stringify(SHELL_GLOBAL)}] = (${createShellBridge.toString()})(
    ${JSON.stringify(SHELL_COMMANDS)},
    (l) => { window.__shellListeners.push(l); return () => { window.__shellListeners = window.__shellListeners.filter((x) => x !== l); }; },
    (lng) => window.__shellLanguages.push(lng),
  );`;

describe('desktop shell in the page', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({ seed: (core) => void core.dispatch('team.create', PROFILE) });
    await app.page.context().addInitScript(INSTALL_SHELL);
  });
  afterAll(async () => {
    await app?.close();
  });

  const emit = (command: unknown) => app.page.evaluate((c) => (window as unknown as { __emitShellCommand(c: unknown): void }).__emitShellCommand(c), command);
  const hash = () => new URL(app.page.url()).hash;

  it('menu commands navigate with an intent; unknown commands do nothing', async () => {
    await app.open('/');
    await app.page.getByTestId('team-name').waitFor();
    await emit('print');
    await expect.poll(hash).toBe('#/print');
    await emit('new-expense');
    await expect.poll(hash).toBe('#/funds?intent=new-expense');
    await emit('backup');
    await expect.poll(hash).toBe('#/settings?intent=backup');
    await emit('export');
    await expect.poll(hash).toBe('#/settings?intent=export');
    await emit('evil');
    await emit({ navigate: 'https://example.org' });
    await app.page.waitForTimeout(100);
    expect(hash()).toBe('#/settings?intent=export');
    // Only one listener, however often the shell re-renders.
    expect(await app.page.evaluate(() => (window as unknown as { __shellListeners: unknown[] }).__shellListeners.length)).toBe(1);
  });

  it('search focuses the screen’s search field when it has one', async () => {
    await app.open('/');
    await app.page.getByTestId('team-name').waitFor();
    // A screen with a search field (as list screens will have): the command focuses it.
    await app.page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'search';
      input.setAttribute('aria-label', 'Zoeken');
      input.value = 'oud';
      document.querySelector('main')!.append(input);
    });
    await emit('search');
    expect(await app.page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');
    expect(await app.page.evaluate(() => window.getSelection()?.toString() || (document.activeElement as HTMLInputElement).selectionEnd)).toBeTruthy();
  });

  it('About shows version, data folder, store file and log file from app.info', async () => {
    await emit('about');
    await app.page.getByRole('heading', { level: 1, name: 'Over Teamchef' }).waitFor();
    const pkgVersion = (await import('../../package.json', { with: { type: 'json' } })).default.version;
    await expect.poll(() => app.page.getByTestId('about-version').textContent()).toBe(pkgVersion);
    expect(await app.page.getByTestId('about-data-dir').textContent()).toBe(app.dataDir);
    expect(await app.page.getByTestId('about-store-file').textContent()).toBe(app.core.file);
    expect(await app.page.getByTestId('about-log-file').textContent()).toBe('Geen logbestand in deze omgeving');
  });

  it('tells the main process the language, so the menu follows it', async () => {
    await app.open('/settings');
    await app.page.getByText('English', { exact: true }).click();
    await app.page.getByRole('link', { name: 'Dashboard' }).waitFor();
    await app.page.getByText('Nederlands', { exact: true }).click();
    await app.page.getByRole('link', { name: 'Overzicht' }).waitFor();
    const sent = await app.page.evaluate(() => (window as unknown as { __shellLanguages: string[] }).__shellLanguages);
    expect(sent.slice(-2)).toEqual(['en', 'nl']);
    expect(sent[0]).toBe('nl');
  });
});
