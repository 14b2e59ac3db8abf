import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { CATALOGUE } from '../../electron/core/store/migrations/002_agenda';
import { seedRealistic, type SeededReport } from '../fixtures/report-data';
import { startApp, type AppHarness } from './harness/app';
import { showEverything } from './harness/screens';

/**
 * The interface in English with a realistic year (four chosen opgaven, a year of check-ins,
 * decisions and expenses linked to them, clusters): every screen is read as a chief would read it
 * and must not fall back to the Dutch catalogue, Dutch month names or a second word for one thing.
 */

/** The catalogue's Dutch texts that have an English counterpart on screen. */
const DUTCH_CATALOGUE = CATALOGUE.flatMap((o) => [o.titleNl, o.descriptionNl, ...o.focusPointsNl, ...o.questionsNl, ...(o.exampleNl ? [o.exampleNl] : [])]);

/** Dutch month names and abbreviations that English never uses (jan, feb, apr … are shared). */
const DUTCH_MONTH = /\b(januari|februari|maart|mrt|mei|juni|juli|augustus|oktober|okt)\b/i;

/** Terms the word list (UX.md) rules out in English: an opgave is a challenge, a pinpas a debit card. */
const MIXED_TERMS: [RegExp, string][] = [
  [/\bopgave(n)?\b/i, 'Dutch "opgave" in English'],
  [/\bassignments?\b/i, '"assignment" for a challenge'],
  [/\bdebitcard\b/i, '"Debitcard" for debit card'],
  [/\bpinpas\b/i, 'Dutch "pinpas" in English'],
];

/** The interface's own words: headings, labels, buttons, column heads, tabs, badges, legends, chart text. */
const CHROME = 'h1, h2, h3, h4, h5, h6, label, button, th, [role=tab], legend, .mantine-Badge-root, nav a, svg text, figcaption, caption';

interface ScreenText {
  /** Everything visible in the page's content (user data included). */
  all: string;
  /** The interface's own words, one entry per element. */
  chrome: string[];
  /** Chart axis and legend text. */
  charts: string[];
}

async function readScreen(app: AppHarness): Promise<ScreenText> {
  return app.page.evaluate((selector) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const text = (el: Element) => (el instanceof HTMLElement ? el.innerText : (el.textContent ?? '')).replace(/\s+/g, ' ').trim();
    const chrome = [...document.querySelectorAll(selector)].filter(visible).map(text).filter(Boolean);
    const charts = [...document.querySelectorAll('svg text, .recharts-legend-item-text, [data-legend-entry]')].map(text).filter(Boolean);
    return { all: document.body.innerText, chrome, charts };
  }, CHROME);
}

/** Waits until the screen has its heading, no loader and its charts drawn. */
async function settle(app: AppHarness): Promise<void> {
  await app.page.locator('main h1').first().waitFor();
  await app.page.waitForFunction(
    () =>
      !document.querySelector('main [aria-busy="true"], main .mantine-Loader-root') &&
      [...document.querySelectorAll('.recharts-responsive-container')].every((c) => c.querySelector('svg.recharts-surface')),
    undefined,
    { timeout: 15_000 },
  );
}

describe('the interface in English', () => {
  let app: AppHarness;
  let seeded: SeededReport;
  beforeAll(async () => {
    app = await startApp({
      clock: fixedClock('2026-12-15T10:30:00'),
      viewport: { width: 1366, height: 900 },
      seed: async (core) => {
        seeded = await seedRealistic(core);
      },
    });
    await app.open();
    await app.page.evaluate(() => localStorage.setItem('teamchef.language', 'en'));
  });
  afterAll(async () => {
    await app?.page.evaluate(() => localStorage.removeItem('teamchef.language'));
    await app?.close();
  });

  it('shows no Dutch catalogue text, Dutch month or mixed term on any screen', async () => {
    const routes = [
      '/',
      '/agenda',
      `/agenda/${seeded.opgaven[0]}`,
      `/agenda/${seeded.opgaven[4 - 1]}`,
      '/clusters',
      '/funds',
      '/funds/decisions',
      '/funds/expenses',
      '/funds/import',
      '/progress',
      '/print',
      '/settings',
      '/about',
    ];
    const found: string[] = [];
    for (const route of routes) {
      await app.open(route);
      await app.page.reload();
      await settle(app);
      // The paper preview and the charts further down are drawn on demand: read them too.
      if (route !== '/about') await showEverything(app.page, route);
      if (route === '/funds' || route === '/progress') await app.page.locator('main svg.recharts-surface').first().waitFor();
      expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
      const screen = await readScreen(app);
      // Open what the screen folds away (the opgave's background and history), one panel at a time.
      const folded = app.page.locator('main .mantine-Accordion-control');
      for (let i = 0; i < (await folded.count()); i++) {
        if ((await folded.nth(i).getAttribute('aria-expanded')) === 'false') await folded.nth(i).click();
        const more = await readScreen(app);
        screen.all += `\n${more.all}`;
        screen.chrome.push(...more.chrome);
      }
      for (const dutch of DUTCH_CATALOGUE) if (screen.all.includes(dutch)) found.push(`${route}: Dutch catalogue text "${dutch.slice(0, 60)}"`);
      for (const line of [...screen.chrome, ...screen.charts]) {
        if (DUTCH_MONTH.test(line)) found.push(`${route}: Dutch month in "${line.slice(0, 80)}"`);
        for (const [re, what] of MIXED_TERMS) if (re.test(line)) found.push(`${route}: ${what} in "${line.slice(0, 80)}"`);
      }
      for (const line of screen.all.split('\n')) if (/\(%\)[^\n]*\d\s?%/.test(line)) found.push(`${route}: a doubled percent sign in "${line.slice(0, 80)}"`);
      // Dates written out in running text (titles, "since …") follow the language too.
      for (const m of screen.all.match(/\b\d{1,2} (mrt|mei|okt)\.? \d{4}\b/gi) ?? []) found.push(`${route}: Dutch date "${m}"`);
      if (route === '/progress' || route === '/funds') expect(screen.charts.length, `${route} draws its charts`).toBeGreaterThan(0);
    }
    expect([...new Set(found)]).toEqual([]);
  }, 180_000);
});
