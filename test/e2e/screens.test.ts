import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/api/define';
import type { Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { apply } from '../bench/generate';
import { PROFILE } from '../unit/helpers';
import { addCluster } from '../unit/progress-fixtures';
import { startApp, type AppHarness } from './harness/app';
import { screenIdOf, showPreview, waitReady } from './harness/screens';

/**
 * Every screen says when it is settled (`data-ready`: data in, charts drawn, no loader), which the
 * benchmark times from the click; and what keeps the screens quick at district size stays: the
 * check-in history a page at a time, charts below the window drawn when scrolled to, the paper
 * preview drawn when asked for.
 */
const TODAY = '2026-11-28';
const on = (date: string): Ctx => ({ today: () => date, now: () => new Date(`${date}T10:00:00`) });
const OPGAVEN = [1, 2, 3, 4, 5, 6];
const PER_OPGAVE = 30;

function seed(core: Core): void {
  const team = apply(core, 'team.create', PROFILE, on('2026-01-02'));
  addCluster(core, team.id, { name: 'Oost', fte: 40, wijkagenten: 6, startDate: '2025-01-01' });
  for (const opgaveId of OPGAVEN) {
    const teamOpgaveId = apply(core, 'agenda.choose', { teamId: team.id, opgaveId, periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01' }, on('2026-01-02')).id;
    for (let i = 0; i < PER_OPGAVE; i++) {
      // Every 10 days from 5 January; the last on 22 October.
      const date = new Date(Date.UTC(2026, 0, 5 + i * 10)).toISOString().slice(0, 10);
      apply(core, 'progress.checkins.create', { teamId: team.id, checkin: { teamOpgaveId, date, status: 'op-koers', progress: Math.min(100, i * 3), confidence: 6 } }, on(date));
    }
  }
}

describe('screens settle and stay small', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({ clock: fixedClock(TODAY), seed, viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the window marks the end of its start-up work, and from then on no first visit waits for code', async () => {
    const { page } = app;
    // A fresh window: every screen's first visit is still to come.
    await app.open('/about');
    await page.reload();
    await page.waitForSelector('html[data-started]', { state: 'attached', timeout: 20_000 });
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => r.name.split('/').pop()!));
    const before = await scripts();
    // The screens' own chunks and their charts' are in.
    for (const part of ['FundsPage', 'FundsCharts', 'ProgressPage', 'ProgressCharts', 'AgendaPage']) expect(before.some((name) => name.startsWith(`${part}-`)), part).toBe(true);
    const nav = await page.evaluate(() => [...document.querySelectorAll('nav a[href]')].map((a) => a.getAttribute('href')!).filter((h) => h !== '#/about'));
    for (const href of nav) {
      await page.locator(`nav a[href="${href}"]`).click();
      await waitReady(page, screenIdOf(href), 20_000);
    }
    expect(await scripts()).toEqual(before);
  });

  it('every screen in the navigation marks itself ready once drawn, and the mark goes with the screen', async () => {
    const { page } = app;
    await app.open('/about');
    const nav = await page.evaluate(() => [...document.querySelectorAll('nav a[href]')].map((a) => a.getAttribute('href')!).filter((h) => h !== '#/about'));
    expect(nav.length).toBeGreaterThanOrEqual(7);
    for (const href of nav) {
      const id = screenIdOf(href);
      await page.locator(`nav a[href="${href}"]`).click();
      await waitReady(page, id, 20_000);
      const state = await page.evaluate(() => ({
        marked: [...document.querySelectorAll('[data-screen][data-ready]')].map((e) => e.getAttribute('data-screen')),
        screens: [...document.querySelectorAll('[data-screen]')].map((e) => e.getAttribute('data-screen')),
        loaders: document.querySelectorAll('main .mantine-Loader-root').length,
        undrawn: document.querySelectorAll('main .recharts-responsive-container:not(:has(.recharts-surface))').length,
        heading: document.querySelector('main h1')?.textContent ?? '',
      }));
      // Only this screen is there and marked (the previous one left with its mark); nothing still loading.
      expect(state, href).toEqual({ marked: [id], screens: [id], loaders: 0, undrawn: 0, heading: expect.stringMatching(/\S/) as string });
    }
    // A reload starts without the mark; the screen sets it again once drawn.
    await page.reload({ waitUntil: 'commit' });
    await waitReady(page, 'settings');
  });

  it('Voortgang shows the check-in history a page at a time, newest first, usable by keyboard', async () => {
    const { page } = app;
    await app.open('/progress');
    await waitReady(page, 'progress');
    const total = OPGAVEN.length * PER_OPGAVE;
    const rows = page.getByTestId('checkin-row');
    // Below the cards: drawn a moment after the screen showed, without scrolling to it.
    await expect.poll(() => rows.count()).toBe(20);
    expect(await page.getByTestId('checkin-table').getAttribute('data-total')).toBe(String(total));
    expect(await page.getByTestId('checkin-range').textContent()).toBe(`Check-in 1–20 van ${total}, nieuwste eerst`);
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('22-10-2026');

    const pages = page.getByRole('navigation', { name: 'Pagina’s van de check-ins' });
    await pages.getByRole('button', { name: 'Volgende pagina' }).click();
    await expect.poll(() => page.getByTestId('checkin-range').textContent()).toBe(`Check-in 21–40 van ${total}, nieuwste eerst`);
    expect(await rows.count()).toBe(20);
    // By keyboard: Tab to the last page's button and press Enter.
    await pages.getByRole('button', { name: 'Pagina 9', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('checkin-range').textContent()).toBe(`Check-in 161–${total} van ${total}, nieuwste eerst`);
    expect(await pages.getByRole('button', { name: 'Pagina 9', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('04-02-2026');
    expect(await rows.last().locator('td').nth(1).textContent()).toBe('05-01-2026');
  });

  it('Voortgang draws the charts in view at once and the others when scrolled to', async () => {
    const { page } = app;
    await app.open('/progress');
    await waitReady(page, 'progress');
    const cards = await page.locator('[data-testid^="chart-"][data-points]').count();
    expect(cards).toBe(OPGAVEN.length + 2);
    const drawn = () => page.locator('main svg.recharts-surface').count();
    expect(await drawn()).toBeLessThan(cards);
    expect(await page.locator('main [data-testid="chart-table"]').count()).toBeLessThan(cards);
    // Scrolled to, a card draws its chart and the table of its points.
    await page.getByTestId('chart-clusters').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('chart-clusters').locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    await page.getByTestId('chart-team').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('chart-team').getByTestId('chart-row').count()).toBeGreaterThan(20);
  });

  it('a screen reads its data once per visit: the read started on the click is the one the screen shows', async () => {
    const { page, core } = app;
    await app.open('/about');
    const calls: string[] = [];
    const dispatch = core.dispatch.bind(core);
    core.dispatch = (method, payload) => {
      calls.push(String(method));
      return dispatch(method, payload);
    };
    try {
      for (const [href, id, reads] of [
        ['#/progress', 'progress', ['progress.overview', 'progress.history', 'progress.checkins.page']],
        ['#/funds', 'funds', ['budget.overview', 'receipts.missing']],
        ['#/', 'dashboard', ['dashboard.get']],
      ] as const) {
        calls.length = 0;
        await page.locator(`nav a[href="${href}"]`).click();
        await waitReady(page, id);
        for (const method of reads) expect(calls.filter((m) => m === method), `${id}: ${method}`).toHaveLength(1);
      }
      // Versterkingsgelden's tabs share the screen and its data: moving between them reads nothing again.
      await page.locator('nav a[href="#/funds"]').click();
      await waitReady(page, 'funds');
      calls.length = 0;
      for (const tab of ['Besluiten', 'Overzicht']) {
        await page.getByRole('tab', { name: tab }).click();
        await expect.poll(() => page.evaluate(() => location.hash)).toBe(tab === 'Overzicht' ? '#/funds' : '#/funds/decisions');
      }
      await waitReady(page, 'funds');
      expect(calls.filter((m) => m === 'budget.overview')).toEqual([]);
    } finally {
      core.dispatch = dispatch;
    }
  });

  it('Instellingen is ready with what is in view, and draws the sections under it a moment later without scrolling', async () => {
    const { page } = app;
    await app.open('/about');
    // What the page holds at the moment the mark appears, seen from inside the page.
    const atMark = await page.evaluate(
      () =>
        new Promise<{ deferred: number; backup: boolean }>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector('[data-screen="settings"][data-ready]')) return;
            observer.disconnect();
            resolve({ deferred: document.querySelectorAll('main [data-deferred]').length, backup: !!document.getElementById('backup-title') });
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
          document.querySelector<HTMLAnchorElement>('nav a[href="#/settings"]')!.click();
        }),
    );
    expect(atMark).toEqual({ deferred: 1, backup: false });
    await expect.poll(() => page.locator('main [data-deferred]').count()).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.locator('#backup-title').waitFor({ state: 'attached' });
  });

  it('a key that moves on or searches (Tab, Ctrl+F) draws the sections below the fold at once', async () => {
    const { page } = app;
    for (const key of [{ key: 'Tab' }, { key: 'f', ctrlKey: true }]) {
      await app.open('/about');
      const seen = await page.evaluate(
        (init) =>
          new Promise<{ atMark: number; afterKey: number; ms: number }>((resolve) => {
            const deferred = () => document.querySelectorAll('main [data-deferred]').length;
            const observer = new MutationObserver(() => {
              if (!document.querySelector('[data-screen="settings"][data-ready]')) return;
              observer.disconnect();
              const atMark = deferred();
              const start = performance.now();
              document.body.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true }));
              requestAnimationFrame(() => requestAnimationFrame(() => resolve({ atMark, afterKey: deferred(), ms: performance.now() - start })));
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
            document.querySelector<HTMLAnchorElement>('nav a[href="#/settings"]')!.click();
          }),
        key,
      );
      // Drawn by the key, well before the idle moment (0.4 s after the screen showed) would have.
      expect({ ...seen, ms: seen.ms < 300 }, JSON.stringify(key)).toEqual({ atMark: 1, afterKey: 0, ms: true });
      expect(await page.locator('#backup-title').count()).toBe(1);
    }
  });

  it('another screen opens at its top, not at the height the chief had scrolled to', async () => {
    const { page } = app;
    await app.open('/progress');
    await waitReady(page, 'progress');
    await page.getByTestId('checkin-table').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    for (const [href, id] of [['#/', 'dashboard'], ['#/progress', 'progress']] as const) {
      await page.locator(`nav a[href="${href}"]`).click();
      await waitReady(page, id);
      expect(await page.evaluate(() => window.scrollY), id).toBe(0);
      await page.mouse.wheel(0, 2000);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    }
  });

  it('Afdrukken draws the paper only when asked, and is ready before', async () => {
    const { page } = app;
    await app.open('/print');
    await waitReady(page, 'print');
    expect(await page.getByTestId('report-preview').count()).toBe(0);
    expect(await page.getByTestId('preview-toggle').getAttribute('aria-expanded')).toBe('false');
    await showPreview(page);
    expect(await page.getByTestId('report-preview').getByTestId('report-title').textContent()).toBe(`Voortgangsoverzicht — ${PROFILE.name}`);
    expect(await page.getByTestId('preview-toggle').getAttribute('aria-expanded')).toBe('true');
  });
});
