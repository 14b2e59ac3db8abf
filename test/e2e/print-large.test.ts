import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetOverview, Decision } from '../../electron/api/budget';
import type { Envelope } from '../../electron/api/errors';
import { formatMoney } from '../../electron/api/money';
import type { ReportOptions } from '../../electron/api/report';
import { fixedClock } from '../../electron/core/clock';
import { seedLarge, type SeededReport } from '../fixtures/report-data';
import { startApp, type AppHarness } from './harness/app';
import { pdfToPngs, renderReportPdf } from './harness/pdf';
import { chartsPerPage, clippedCharts, pageOf } from './harness/report-checks';

/**
 * The printed overview under load: all eight opgaven over five years of monthly check-ins with long
 * texts, 80 decisions and 2,000 expenses. PNG pages of the driehoek one-pager go to
 * test-results/print/large/driehoek-1.png; rerun this file to regenerate them.
 */
const PNG_DIR = join(import.meta.dirname, '../../test-results/print/large');
/** Fixed data, fixed layout: title and profile, one page per opgave, then the five budget years and clusters. */
const EXPECTED_PAGES = 17;
/** Generous on a loaded two-core machine; the measured times are printed. */
const MAX_RENDER_MS = 20_000;

const data = async <T>(app: AppHarness, method: string, payload: unknown): Promise<T> => {
  const res = (await app.core.dispatch(method, payload)) as Envelope<T>;
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
};
const pad = (n: number) => String(n).padStart(2, '0');

describe('the printed overview of five years with 2,000 expenses', () => {
  let app: AppHarness;
  let seeded: SeededReport;
  let full: ReportOptions;
  beforeAll(async () => {
    mkdirSync(PNG_DIR, { recursive: true });
    app = await startApp({
      clock: fixedClock('2026-12-15T10:30:00'),
      seed: async (core) => {
        const started = performance.now();
        seeded = await seedLarge(core);
        console.log(`large data set written through the API in ${Math.round(performance.now() - started)} ms`);
      },
    });
    full = { teamId: seeded.teamId, kind: 'full', from: '2022-01-01', to: '2026-12-31', sections: ['profile', 'opgaven', 'budget', 'clusters'], opgaven: [] };
  });
  afterAll(async () => {
    await app?.close();
  });

  it('renders within seconds and paginates without splitting a table row or a chart', async () => {
    expect(seeded.expenses).toBe(2000);
    const cold = await renderReportPdf(app, full);
    // A fresh load of the route, as the hidden print window does (the same URL again would not reload).
    await app.page.goto('about:blank');
    const pdf = await renderReportPdf(app, full);
    console.log(`large overview: ${pdf.pages} pages; ${Math.round(cold.ms)} ms cold (app start included), ${Math.round(pdf.ms)} ms on a second load`);
    expect(cold.ms).toBeLessThan(MAX_RENDER_MS);
    expect(pdf.ms).toBeLessThan(MAX_RENDER_MS);
    expect(pdf.pages).toBe(EXPECTED_PAGES);
    expect(cold.pages).toBe(EXPECTED_PAGES);

    for (const [i, page] of pdf.pageTexts.entries()) {
      expect(page).toContain(`Pagina ${i + 1} van ${pdf.pages}`);
      expect(page).toContain('Basisteam Rotterdam-Zuid · afgedrukt 15-12-2026');
    }

    // Every decision row whole on one page: its first cell's start and its title's last token
    // (`2022/01:` … `[ref-2022-01]`) are found, and on the same page.
    let rows = 0;
    for (let y = 2022; y <= 2026; y++) {
      const decisions = await data<Decision[]>(app, 'budget.decisions.list', { teamId: seeded.teamId, year: y });
      expect(decisions).toHaveLength(16);
      for (let d = 1; d <= 16; d++) {
        const start = pageOf(pdf, `${y}/${pad(d)}:`);
        const end = pageOf(pdf, `[ref-${y}-${pad(d)}]`);
        expect(start, `decision ${y}/${d}`).toBeGreaterThanOrEqual(0);
        expect(end, `decision ${y}/${d}`).toBe(start);
        rows++;
      }
      // The year's totals exactly as the budget domain computes them.
      const { totals } = await data<BudgetOverview>(app, 'budget.overview', { teamId: seeded.teamId, year: y });
      for (const cents of [totals.availableCents, totals.committedCents, totals.spentCents, totals.leftCents]) expect(pdf.text).toContain(formatMoney(cents));
    }
    expect(rows).toBe(80);

    // Charts: eight progress charts and five money charts, none cut by a page break or clipped.
    const charts = chartsPerPage(pdf);
    expect(charts.captions).toEqual(charts.foots);
    expect(charts.captions.reduce((a, b) => a + b, 0)).toBe(13);
    expect(await clippedCharts(app.page)).toEqual({ checked: 13, problems: [] });
  });

  it('the driehoek summary stays one page with eight opgaven and long texts, cut with an ellipsis', async () => {
    for (const period of [
      { from: '2026-01-01', to: '2026-12-31' },
      { from: '2022-01-01', to: '2026-12-31' },
    ]) {
      const pdf = await renderReportPdf(app, { ...full, ...period, kind: 'driehoek' }, PNG_DIR);
      console.log(`large driehoek ${period.from}–${period.to}: ${pdf.pages} page in ${Math.round(pdf.ms)} ms`);
      expect(pdf.pages).toBe(1);
      expect(pdf.text).toContain('Pagina 1 van 1');
      expect(pdf.text).toContain('Basisteam Rotterdam-Zuid');
      const lines = await app.page.locator('[data-testid="driehoek"] tr[data-opgave]').count();
      expect(lines).toBe(8);
      // Each opgave on one line: every row as high as a single line of text.
      const heights = await app.page.locator('[data-testid="driehoek"] tr[data-opgave]').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(1);
      expect(pdf.text).toContain('…');
      expect(pdf.text).toContain('Belangrijkste belemmeringen');
    }
    expect(pdfToPngs(join(PNG_DIR, 'driehoek.pdf'), join(PNG_DIR, 'driehoek'))).toHaveLength(1);
  });
});
