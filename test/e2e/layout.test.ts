import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { SCREENS } from '../../renderer/src/app/routes';
import { startApp, type AppHarness } from './harness/app';
import { layoutProblems, VIEWPORTS, type Viewport } from './harness/layout';
import { LONG_TODAY, seedLongData } from './harness/long-data';
import { showEverything } from './harness/screens';

/**
 * Every screen and the main dialogs on the laptops a chief has (harness/layout.ts), in Dutch and
 * English, with the longest realistic data (harness/long-data.ts). One store, one browser; one page
 * per display scale, resized between viewports. Screenshots go to test-results/layout/.
 */
const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'layout');

/** Opens the screen by its hash (no reload) and waits until its data is on screen. */
async function show(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    location.hash = `#${r}`;
  }, route);
  await settle(page);
  // The paper preview and the charts further down are drawn on demand: check them too.
  if (route !== '/about') {
    await showEverything(page, route);
    await settle(page);
  }
}

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return !!main && !main.querySelector('.mantine-Loader-root, [aria-busy="true"]') && !/^(Laden|Loading)…?$/m.test(main.innerText);
  });
  // Charts measure their box in the next frames; fonts must be in before text is measured.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  await page.waitForTimeout(120);
}

const DIALOGS = [
  { name: 'checkin', route: '/progress', button: /^(Check-in vastleggen|Record check-in): / },
  { name: 'cluster-add', route: '/clusters', button: /^(Cluster toevoegen|Add cluster)$/ },
  { name: 'choice', route: '/agenda', button: /^(Kiezen voor|Choose for) \d{4}: / },
] as const;

describe('layout on a laptop', () => {
  let app: AppHarness;
  let routes: string[];
  beforeAll(async () => {
    app = await startApp({ clock: fixedClock(LONG_TODAY), seed: seedLongData });
    const chosen = app.core.db.prepare('SELECT id FROM team_opgave ORDER BY id LIMIT 1').get() as { id: number };
    const expense = app.core.db.prepare('SELECT id FROM expense ORDER BY id LIMIT 1').get() as { id: number };
    routes = [
      ...SCREENS.map((s) => s.path),
      `/agenda/${chosen.id}`,
      '/funds/decisions',
      '/funds/expenses',
      '/funds/import',
      `/funds/history/expense/${expense.id}`,
      '/about',
    ];
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('every screen and dialog fits at 1280×720, 1366×768, 1920×1080 and 125%, in Dutch and English, with long data', async () => {
    const found = new Map<string, Set<string>>();
    const record = (where: string, problems: string[]) => {
      for (const p of problems) {
        const key = `${where.split(' ')[1]}: ${p}`;
        if (!found.has(key)) found.set(key, new Set());
        found.get(key)!.add(where.split(' ')[0]!);
      }
    };
    const pages = new Map<number, Page>([[1, app.page]]);
    for (const vp of VIEWPORTS as readonly Viewport[]) {
      let page = pages.get(vp.scale);
      if (!page) {
        page = await app.newPage({ viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: vp.scale });
        pages.set(vp.scale, page);
      }
      await page.setViewportSize({ width: vp.width, height: vp.height });
      for (const language of ['nl', 'en'] as const) {
        await page.goto(app.url);
        await page.evaluate((lng) => localStorage.setItem('teamchef.language', lng), language);
        await page.reload();
        for (const route of routes) {
          await show(page, route);
          const where = `${vp.name}/${language} ${route}`;
          record(where, await layoutProblems(page));
          // A full page with the paper preview open is a tall picture; on a busy 2-core machine it takes a while.
          await page.screenshot({ path: join(OUT, `${route.replace(/\//g, '_') || '_'}-${vp.name}-${language}.png`), fullPage: true, timeout: 60_000 });
        }
        for (const dialog of DIALOGS) {
          await show(page, dialog.route);
          await page.getByRole('button', { name: dialog.button }).first().click({ timeout: 30_000 });
          const modal = page.getByRole('dialog');
          await modal.waitFor({ timeout: 30_000 });
          await page.waitForTimeout(250);
          record(`${vp.name}/${language} dialog:${dialog.name}`, await layoutProblems(page));
          await page.screenshot({ path: join(OUT, `dialog-${dialog.name}-${vp.name}-${language}.png`) });
          await page.keyboard.press('Escape');
          await modal.waitFor({ state: 'detached' });
        }
      }
    }
    const report = [...found].map(([problem, where]) => `${problem}  [${[...where].join(', ')}]`);
    expect(report).toEqual([]);
  }, 600_000);
});
