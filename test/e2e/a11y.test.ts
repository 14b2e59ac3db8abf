import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../../renderer/src/app/routes';
import { en, nl } from '../../renderer/src/app/catalog';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../electron/core/clock';
import { generateInto, TODAY } from '../bench/generate';
import { PROFILE } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';
import { LONG_TODAY, seedLongData } from './harness/long-data';
import { showEverything } from './harness/screens';

/**
 * Accessibility of every screen: axe-core finds no serious or critical violation, and the app
 * works by keyboard alone with a visible focus. The screens come from SCREENS, so a screen
 * added later is checked without touching this file.
 */
const EXTRA_ROUTES = ['/about'];
const ROUTES = [...SCREENS.map((s) => s.path), ...EXTRA_ROUTES];

const text = (tree: object, key: string): string =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;

async function seriousViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself (no extra blank page per run): the app has no iframes.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/**
 * The focused element, and whether a keyboard user can see where the focus is: an outline or
 * ring on the element itself or where the component library draws it (its label, the next
 * sibling, or a wrapper a few levels up, as for checkboxes, segmented controls and tag inputs).
 */
function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const shows = (node: Element | null | undefined) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
      return outline || (style.boxShadow !== 'none' && style.boxShadow !== '');
    };
    const input = el as HTMLInputElement;
    const candidates = [el, ...Array.from(input.labels ?? []), el.nextElementSibling, el.parentElement, el.parentElement?.parentElement, el.parentElement?.parentElement?.parentElement];
    const box = el.getBoundingClientRect();
    const labelled = el.getAttribute('aria-label') ?? input.labels?.[0]?.textContent ?? el.textContent ?? '';
    return {
      tag: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}`,
      name: labelled.trim().slice(0, 60),
      href: el.getAttribute('href'),
      visible: candidates.some(shows),
      // Visually hidden inputs (radio, checkbox) show their focus on the label: judge that box.
      onScreen: [el, ...Array.from(input.labels ?? [])].some((n) => {
        const b = n.getBoundingClientRect();
        return b.width > 1 && b.height > 1 && b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight;
      }) || (box.width > 0 && box.height > 0),
    };
  });
}

/** Opens a route; `fresh` reloads the page so the language and the store are read anew. */
async function visit(app: AppHarness, route: string, fresh = false): Promise<void> {
  await app.open(route);
  if (fresh) await app.page.reload();
  await app.page.locator('main h1').first().waitFor();
}

describe('accessibility', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the welcome has no serious or critical axe violation', async () => {
    await app.open();
    await app.page.getByRole('heading', { name: text(nl, 'team.welcomeTitle') }).waitFor();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('no screen has a serious or critical axe violation, in Dutch and in English', async () => {
    expect(SCREENS.length).toBeGreaterThanOrEqual(7);
    await app.core.dispatch('team.create', PROFILE);
    const found: string[] = [];
    // Every screen in Dutch; English (longer words, other layout) on the screens with forms.
    for (const [language, routes] of [
      ['nl', ROUTES],
      ['en', ['/', '/settings']],
    ] as const) {
      await app.page.evaluate((lng) => localStorage.setItem('teamchef.language', lng), language);
      for (const [i, route] of routes.entries()) {
        await visit(app, route, i === 0);
        if (route !== '/about') await showEverything(app.page, route);
        expect(await app.page.evaluate(() => document.documentElement.lang)).toBe(language);
        found.push(...(await seriousViolations(app.page)).map((v) => `${language} ${route}: ${v}`));
      }
    }
    await app.page.evaluate(() => localStorage.removeItem('teamchef.language'));
    expect(found).toEqual([]);
  }, 120_000);

  it('Tab reaches the skip link and every navigation item in order, each with a visible focus; Enter navigates', async () => {
    const { page } = app;
    // The district overview is in the menu once turned on (Settings); on here, so every screen is in it.
    await page.evaluate(() => localStorage.setItem('teamchef.districtView', '1'));
    await visit(app, '/', true);

    await page.keyboard.press('Tab');
    const skip = await focusState(page);
    expect(skip).toMatchObject({ name: nl.app.skipToContent, visible: true, onScreen: true });

    // Tab on through the navigation: every screen in order, then About.
    const navOrder: string[] = [];
    for (let i = 0; i < 40 && navOrder.length < ROUTES.length; i++) {
      await page.keyboard.press('Tab');
      const state = await focusState(page);
      expect(state, `Tab ${i + 1}`).not.toBeNull();
      expect(state!.visible, `focus not visible on ${state!.tag} "${state!.name}"`).toBe(true);
      expect(state!.onScreen, `focus off screen on ${state!.tag} "${state!.name}"`).toBe(true);
      if (state!.href?.startsWith('#/')) navOrder.push(state!.name);
    }
    expect(navOrder).toEqual([...SCREENS.map((s) => text(nl, s.labelKey)), text(nl, 'about.title')]);

    // Back to the Settings link (Shift+Tab) and open it with Enter.
    const settings = SCREENS.findIndex((s) => s.path === '/settings');
    for (let i = 0; i < ROUTES.length - 1 - settings; i++) await page.keyboard.press('Shift+Tab');
    expect((await focusState(page))!.name).toBe(nl.nav.settings);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: nl.settings.title }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/settings');
    await page.evaluate(() => localStorage.removeItem('teamchef.districtView'));
  });

  it('the skip link moves the focus to the content without leaving the screen', async () => {
    const { page } = app;
    await visit(app, '/settings', true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#/settings');
    await page.getByRole('heading', { level: 1, name: nl.settings.title }).waitFor();
    // The next Tab lands inside the content, not in the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });

  it('every control on every screen can be reached by Tab with a visible focus', async () => {
    const { page } = app;
    const problems: string[] = [];
    for (const route of ROUTES) {
      await visit(app, route);
      await page.locator('main').first().focus();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const state = await focusState(page);
        const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
        if (!state || !inMain) break;
        if (!state.visible) problems.push(`${route}: ${state.tag} "${state.name}" has no visible focus`);
      }
    }
    expect(problems).toEqual([]);
    expect(text(en, 'about.title')).toBeTruthy();
  });
});

/**
 * The same check on full screens: a year of one basisteam as `npm run demo-data` writes it, and the
 * longest realistic data. Sparse screens hide what only shows with data: status badges of every
 * colour, warnings, long tables in scroll boxes, charts.
 */
describe('accessibility with real data', () => {
  const dataRoutes = (app: AppHarness) => {
    const chosen = app.core.db.prepare('SELECT id FROM team_opgave ORDER BY id LIMIT 1').get() as { id: number };
    return [...ROUTES, `/agenda/${chosen.id}`, '/funds/decisions', '/funds/expenses', '/funds/import'];
  };

  async function everyScreen(app: AppHarness): Promise<string[]> {
    const found: string[] = [];
    for (const language of ['nl', 'en'] as const) {
      await app.open();
      await app.page.evaluate((lng) => localStorage.setItem('teamchef.language', lng), language);
      for (const [i, route] of dataRoutes(app).entries()) {
        await visit(app, route, i === 0);
        await app.page.waitForFunction(() => !document.querySelector('main .mantine-Loader-root'));
        // The paper preview and the charts further down are drawn on demand: check them too.
        if (route !== '/about') await showEverything(app.page, route);
        found.push(...(await seriousViolations(app.page)).map((v) => `${language} ${route}: ${v}`));
      }
    }
    return found;
  }

  it('a year of demo data: no serious or critical violation on any screen, in Dutch and English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teamchef-a11y-demo-'));
    generateInto(dir, 'team', 2018, { today: TODAY });
    const app = await startApp({ dataDir: dir, clock: fixedClock(TODAY) });
    try {
      expect(await everyScreen(app)).toEqual([]);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('the long-data store: no serious or critical violation on any screen, in Dutch and English', async () => {
    const app = await startApp({ clock: fixedClock(LONG_TODAY), seed: seedLongData });
    try {
      expect(await everyScreen(app)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
