import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { createShellBridge, SHELL_COMMANDS, SHELL_GLOBAL } from '../../electron/api/shell';
import { startApp, type AppHarness } from './harness/app';
import { PROFILE } from '../unit/helpers';

const POLL = { timeout: 10_000 };
const SHOTS = join(import.meta.dirname, '../../test-results/undo');
const year = new Date().getFullYear();

async function ok<T>(core: Core, method: string, payload: unknown): Promise<T> {
  const r = await core.dispatch(method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}

/** Undo in Chromium against the real core: Ctrl+Z on three screens, the list, redo, restart, a refusal. */
describe('undo and redo in the app', () => {
  let app: AppHarness;
  let teamId = 0;
  let choiceId = 0;
  const archivedChoice = () => (app.core.db.prepare('SELECT archived FROM team_opgave WHERE id = ?').get(choiceId) as { archived: number }).archived;
  const rhythm = () => (app.core.db.prepare('SELECT rhythm FROM checkin_rhythm WHERE team_opgave_id = ?').get(choiceId) as { rhythm: string } | undefined)?.rhythm ?? 'monthly';
  const archivedCluster = () => (app.core.db.prepare("SELECT archived FROM cluster WHERE name = 'Oud-Zuid'").get() as { archived: number }).archived;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp({
      seed: async (core) => {
        teamId = (await ok<{ id: number }>(core, 'team.create', PROFILE)).id;
        choiceId = (await ok<{ id: number }>(core, 'agenda.choose', { teamId, opgaveId: 1, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, startDate: `${year}-01-01` })).id;
        const dorpen = await ok<{ id: number }>(core, 'clusters.create', { teamId, name: 'Dorpen', areas: ['Buren'], gemeenten: [], inhabitants: 20_000, lead: '', fte: 10, wijkagenten: 3, startDate: `${year}-01-01` });
        await ok(core, 'budget.decisions.create', { teamId, date: `${year}-02-01`, title: 'Buurtavond Maurik', amountCents: 500_00, rationale: '', clusterId: dorpen.id, decidedBy: '', status: 'voorgesteld' });
        const oud = await ok<{ id: number }>(core, 'clusters.create', { teamId, name: 'Oud-Zuid', areas: [], gemeenten: [], inhabitants: 0, lead: '', fte: 0, wijkagenten: 0, startDate: `${year - 1}-01-01` });
        await ok(core, 'clusters.end', { teamId, clusterId: oud.id, endDate: `${year - 1}-12-31`, reason: 'Opgegaan in Dorpen' });
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('three changes on three screens: undone with Ctrl+Z and from the list, one redone; the menu is told', { timeout: 120_000 }, async () => {
    const { page } = app;
    // The desktop shell's bridge, from the preload's own factory: menu commands in, undo state out.
    await page.context().addInitScript(
      `window[${JSON.stringify(SHELL_GLOBAL)}] = (${createShellBridge.toString()})(${JSON.stringify(SHELL_COMMANDS)}, (l) => { window.__menu = l; return () => {}; }, () => {}, (s) => { (window.__undoStates ||= []).push(s); });`,
    );
    const menuState = () => page.evaluate(() => (window as unknown as { __undoStates?: unknown[] }).__undoStates?.at(-1));
    const menu = (command: string) => page.evaluate((c) => (window as unknown as { __menu(c: string): void }).__menu(c), command);
    // 1. Progress: the rhythm of the check-ins.
    await app.open('/progress');
    await page.getByLabel('Ritme van de check-ins').first().selectOption({ label: 'Wekelijks' });
    await expect.poll(rhythm, POLL).toBe('weekly');

    // 2. Agenda: archive the chosen opgave.
    await app.open(`/agenda/${choiceId}`);
    await page.getByRole('button', { name: 'Archiveren', exact: true }).click();
    await expect.poll(archivedChoice, POLL).toBe(1);
    // The notification offers to undo exactly that.
    await page.getByText('Opgave Werken in wijk en web gearchiveerd').waitFor();
    // One notice for the action: the screen's confirmation carries the undo button itself.
    const notice = page.locator('.mantine-Notification-root', { hasText: 'Opgave Werken in wijk en web gearchiveerd' });
    expect(await notice.count()).toBe(1);
    expect(await notice.getByRole('button', { name: 'Ongedaan maken' }).isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('De opgave is gearchiveerd');
    await page.screenshot({ path: join(SHOTS, 'notification.png') });

    // 3. Clusters: archive the ended cluster.
    await page.getByRole('link', { name: 'Clusters' }).click();
    await page.getByText('Alle', { exact: true }).click();
    await page.getByRole('button', { name: 'Oud-Zuid archiveren' }).click();
    await expect.poll(archivedCluster, POLL).toBe(1);

    // Ctrl+Z (the focus is on a button, not in a text field): the newest change goes back.
    await page.getByText('Cluster Oud-Zuid gearchiveerd').first().waitFor();
    // The Edit menu is told what it would undo.
    await expect.poll(menuState, POLL).toEqual({ undo: 'Cluster Oud-Zuid gearchiveerd', redo: null });
    await page.keyboard.press('Control+z');
    await expect.poll(archivedCluster, POLL).toBe(0);
    await page.getByText('Ongedaan gemaakt: Cluster Oud-Zuid gearchiveerd').waitFor();
    await expect.poll(menuState, POLL).toEqual({ undo: 'Opgave Werken in wijk en web gearchiveerd', redo: 'Cluster Oud-Zuid gearchiveerd' });
    // Edit > Opnieuw from the menu, then Edit > Ongedaan maken: the cluster is archived and back again.
    await menu('redo');
    await expect.poll(archivedCluster, POLL).toBe(1);
    await page.waitForTimeout(300);
    await menu('undo');
    await expect.poll(archivedCluster, POLL).toBe(0);
    // The screen reads the data again: the cluster is back among the ended ones, with its archive button.
    await page.getByText('Beëindigd', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Oud-Zuid archiveren' }).waitFor();

    // In a text field Ctrl+Z is the field's own: typing is taken back, no action is undone.
    await page.getByRole('link', { name: 'Instellingen' }).click();
    const nameField = page.getByLabel('Naam van het basisteam');
    await nameField.fill('Basisteam Getypt');
    await nameField.press('Control+z');
    expect(rhythm()).toBe('weekly');

    // The list: the last actions, newest first; undo the rhythm, which takes the agenda change back first.
    const list = page.getByTestId('undo-list');
    await list.getByText('Opgave Werken in wijk en web gearchiveerd').waitFor();
    await page.screenshot({ path: join(SHOTS, 'list.png'), fullPage: true });
    await list.getByRole('button', { name: 'Ongedaan maken tot hier: Ritme van Werken in wijk en web op wekelijks gezet' }).click();
    await expect.poll(rhythm, POLL).toBe('monthly');
    expect(archivedChoice()).toBe(0);
    await page.getByText('2 acties ongedaan gemaakt, tot en met: Ritme van Werken in wijk en web op wekelijks gezet').waitFor();

    // Ctrl+Y redoes the oldest undone action: the rhythm.
    await page.getByRole('heading', { name: 'Laatste acties' }).click();
    await page.keyboard.press('Control+y');
    await expect.poll(rhythm, POLL).toBe('weekly');
    expect(archivedChoice()).toBe(0);
    await page.getByText('Opnieuw gedaan: Ritme van Werken in wijk en web op wekelijks gezet').waitFor();
    await page.screenshot({ path: join(SHOTS, 'after-redo.png'), fullPage: true });
  });

  it('undo survives a restart: the core reopens the same file and Ctrl+Z goes on where it was', { timeout: 60_000 }, async () => {
    const { page } = app;
    await app.restartCore();
    await app.open('/clusters');
    await page.getByRole('heading', { name: 'Clusters' }).first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(rhythm, POLL).toBe('monthly');
    await page.getByText('Ongedaan gemaakt: Ritme van Werken in wijk en web op wekelijks gezet').waitFor();
  });

  it('refuses an undo that would break something later, naming the record in the way', { timeout: 60_000 }, async () => {
    const { page } = app;
    await app.open('/settings');
    await page.getByRole('heading', { name: 'Laatste acties' }).click();
    // Next in line (newest first): the two seeded steps of Oud-Zuid, then the decision on Dorpen.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Control+z');
      await expect.poll(() => (app.core.db.prepare("SELECT count(*) AS n FROM change_action WHERE state = 'undone'").get() as { n: number }).n, POLL).toBe(4 + i);
    }
    expect(app.core.db.prepare("SELECT status, withdrawn_reason FROM budget_decision WHERE title = 'Buurtavond Maurik'").get()).toEqual({ status: 'ingetrokken', withdrawn_reason: 'ongedaan gemaakt' });
    await page.keyboard.press('Control+z');
    const refusal = page.getByText('“Cluster Dorpen aangemaakt” kan niet ongedaan worden gemaakt: besluit Buurtavond Maurik (ingetrokken) verwijst nog naar cluster Dorpen.');
    await refusal.waitFor();
    await page.screenshot({ path: join(SHOTS, 'refusal.png') });
    expect(app.core.db.prepare("SELECT count(*) AS n FROM cluster WHERE name = 'Dorpen'").get()).toEqual({ n: 1 });
  });
});
