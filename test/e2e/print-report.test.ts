import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChosenOpgave } from '../../electron/api/agenda';
import type { BudgetOverview } from '../../electron/api/budget';
import type { Envelope } from '../../electron/api/errors';
import { formatMoney } from '../../electron/api/money';
import type { ReportOptions } from '../../electron/api/report';
import { fixedClock } from '../../electron/core/clock';
import { REPORT_TEAM, seedRealistic, type SeededReport } from '../fixtures/report-data';
import { startApp, type AppHarness } from './harness/app';
import { pdfToPngs, renderReportPdf } from './harness/pdf';
import { chartsPerPage, clippedCharts } from './harness/report-checks';
import { showPreview } from './harness/screens';

/**
 * The printed overview with a realistic year: four opgaven with monthly check-ins, 60 expenses on
 * 12 decisions, three clusters, all written through the API.
 *
 * PNG pages: this file writes them to test-results/print/realistic/overview-*.png (and driehoek-1.png).
 * To look at the paper again, run `npm run test:e2e -- test/e2e/print-report.test.ts` and open
 * that folder; `pdftoppm -png -r 100 <pdf> <prefix>` gives a sharper copy of any PDF.
 */
const PNG_DIR = join(import.meta.dirname, '../../test-results/print/realistic');
/** Fixed data, fixed layout: title, profile and opgave 1; opgaven 2-3; opgave 4 and the money; the chart, decisions and clusters. */
const EXPECTED_PAGES = 4;

const data = async <T>(app: AppHarness, method: string, payload: unknown): Promise<T> => {
  const res = (await app.core.dispatch(method, payload)) as Envelope<T>;
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
};

describe('the printed overview with a realistic year', () => {
  let app: AppHarness;
  let seeded: SeededReport;
  let full: ReportOptions;
  beforeAll(async () => {
    rmSync(PNG_DIR, { recursive: true, force: true });
    mkdirSync(PNG_DIR, { recursive: true });
    app = await startApp({
      clock: fixedClock('2026-12-15T10:30:00'),
      seed: async (core) => {
        seeded = await seedRealistic(core);
      },
    });
    full = { teamId: seeded.teamId, kind: 'full', from: '2026-01-01', to: '2026-12-31', sections: ['profile', 'opgaven', 'budget', 'clusters'], opgaven: [] };
  });
  afterAll(async () => {
    await app?.close();
  });

  it('renders to PDF with the team, every opgave, the exact budget totals, page numbers and whole charts', async () => {
    const pdf = await renderReportPdf(app, full, PNG_DIR);
    console.log(`realistic overview: ${pdf.pages} pages in ${Math.round(pdf.ms)} ms (first render, app start included)`);

    expect(pdf.text).toContain('Voortgangsoverzicht — Basisteam Utrecht-Oost');
    const chosen = await data<ChosenOpgave[]>(app, 'agenda.list', { teamId: seeded.teamId });
    expect(chosen).toHaveLength(4);
    for (const c of chosen) expect(pdf.text).toContain(c.titleNl);

    // The money exactly as the budget domain computes it, in Dutch format.
    const overview = await data<BudgetOverview>(app, 'budget.overview', { teamId: seeded.teamId, year: 2026 });
    const { availableCents, committedCents, spentCents, leftCents } = overview.totals;
    expect(committedCents).toBeGreaterThan(0);
    for (const cents of [availableCents, committedCents, spentCents, leftCents]) expect(pdf.text).toContain(formatMoney(cents));
    for (const g of overview.byOpgave) expect(pdf.text).toContain(formatMoney(g.spentCents));

    // Clusters with the norm signal, the audit head, the latest check-in's blockers.
    expect(pdf.text).toContain('2 wijkagenten te weinig');
    const head = app.core.db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!.hash;
    expect(pdf.text).toContain(head.slice(0, 12));
    expect(pdf.text).toContain('Te weinig rechercheurs beschikbaar');

    expect(pdf.pages).toBe(EXPECTED_PAGES);
    for (const [i, page] of pdf.pageTexts.entries()) {
      expect(page).toContain(`Pagina ${i + 1} van ${pdf.pages}`);
      expect(page).toContain(`${REPORT_TEAM.name} · afgedrukt 15-12-2026`);
    }

    // No chart cut by a page break: on every page as many chart captions as chart notes; and
    // all five charts (four opgaven, one money chart) are there.
    const charts = chartsPerPage(pdf);
    expect(charts.captions).toEqual(charts.foots);
    expect(charts.captions.reduce((a, b) => a + b, 0)).toBe(5);
    // Across the width, laid out with print styles at A4 content width: every chart whole.
    expect(await clippedCharts(app.page)).toEqual({ checked: 5, problems: [] });

    const pngs = pdfToPngs(pdf.file, join(PNG_DIR, 'overview'));
    expect(pngs).toHaveLength(EXPECTED_PAGES);
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(5_000);
  });

  it('the driehoek summary is exactly one page with every opgave, the money and the blockers', async () => {
    const pdf = await renderReportPdf(app, { ...full, kind: 'driehoek' }, PNG_DIR);
    console.log(`realistic driehoek: ${pdf.pages} page in ${Math.round(pdf.ms)} ms`);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('Samenvatting voor de lokale driehoek');
    expect(pdf.text).toContain(REPORT_TEAM.name);
    expect(pdf.text).toContain('4 wijkagenten te weinig');
    for (const c of await data<ChosenOpgave[]>(app, 'agenda.list', { teamId: seeded.teamId })) expect(pdf.text).toContain(c.titleNl);
    const { totals } = await data<BudgetOverview>(app, 'budget.overview', { teamId: seeded.teamId, year: 2026 });
    for (const cents of [totals.availableCents, totals.committedCents, totals.spentCents, totals.leftCents]) expect(pdf.text).toContain(formatMoney(cents));
    expect(pdf.text).toContain('Te weinig rechercheurs beschikbaar');
    expect(pdf.text).toContain('Pagina 1 van 1');
    expect(pdfToPngs(pdf.file, join(PNG_DIR, 'driehoek'))).toHaveLength(1);
  });

  it('the print screen offers the chosen opgaven and prints only the ones picked', async () => {
    const { page } = app;
    await app.open('/print');
    await page.getByRole('textbox', { name: 'Van', exact: true }).fill('2026-01-01');
    await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill('2026-12-31');
    await showPreview(page);
    const preview = page.getByTestId('report-preview');
    await expect.poll(() => preview.locator('[data-opgave]').count(), { timeout: 10_000 }).toBe(4);

    await page.getByRole('combobox', { name: 'Opgaven' }).click();
    await page.getByRole('option', { name: /Samenspannen tegen ondermijning/ }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => preview.locator('[data-opgave]').count(), { timeout: 10_000 }).toBe(1);
    expect(await preview.locator('[data-opgave] h3').textContent()).toBe('Samenspannen tegen ondermijning');

    await page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
    await page.getByText(/opgeslagen als/).waitFor();
    const request = app.printRequests.at(-1) as { query: string };
    expect(new URLSearchParams(request.query).get('opgaven')).toBe(String(seeded.opgaven[1]));
  });
});
