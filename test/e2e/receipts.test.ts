import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Expense } from '../../electron/api/budget';
import type { Envelope } from '../../electron/api/errors';
import type { Core } from '../../electron/core';
import { budgetFixture } from '../unit/budget-fixtures';
import { snapshot } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';
import { pdfToPngs, renderReportPdf } from './harness/pdf';

const FIXTURES = join(import.meta.dirname, '../fixtures/receipts');
const PNG = readFileSync(join(FIXTURES, 'bon.png'));
const PDF = readFileSync(join(FIXTURES, 'bon.pdf'));
const Y = new Date().getFullYear();
/** The machine is shared: give the page time to catch up. */
const POLL = { timeout: 10_000 };
const SHOTS = join(import.meta.dirname, '../../test-results/receipts');

const ok = <T,>(e: Envelope<T>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.data;
};
const count = (core: Core, table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('receipts in the browser', () => {
  let app: AppHarness;
  let bakker: Expense;
  let bouwmarkt: Expense;
  const cspViolations: string[] = [];
  beforeAll(async () => {
    app = await startApp({
      seed: async (core) => {
        const { teamId } = await budgetFixture(core);
        ok(await core.dispatch('budget.entries.add', { teamId, year: Y, date: `${Y}-01-02`, kind: 'toekenning', amountCents: 1_000_000, reason: '' }));
        const add = async (payee: string, amountCents: number, paymentMethod = 'debitcard') =>
          ok((await core.dispatch('budget.expenses.create', { teamId, date: `${Y}-03-10`, amountCents, payee, description: 'Koffie en broodjes', paymentMethod, receiptRef: '' })) as Envelope<Expense>);
        bakker = await add('Bakkerij De Korenschoof', 650);
        bouwmarkt = await add('Bouwmarkt Noord', 12_345);
        await add('Drukkerij', 99_000, 'factuur');
      },
    });
    app.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** On a laptop a row's actions, "Bon toevoegen" among them, are in its Acties menu. */
  const attachVia = async (row: string) => {
    await app.page.getByRole('button', { name: `Acties: ${row}` }).click();
    await app.page.getByRole('menuitem', { name: 'Bon toevoegen' }).click();
  };

  const missingOnDashboard = async () => {
    await app.open('/');
    const line = app.page.getByTestId('dashboard-missing-receipts');
    await line.waitFor();
    return { count: Number(await line.getAttribute('data-count')), text: (await line.textContent())!.trim() };
  };

  it('counts the pinpas payments without a receipt on the dashboard and marks them in the list', async () => {
    expect(await missingOnDashboard()).toEqual({ count: 2, text: '2 pinpasbetalingen zonder bon, €\u00a0129,95' });
    const { page } = app;
    await app.open('/funds/expenses');
    await page.getByTestId(`missing-${bakker.id}`).waitFor();
    await page.getByTestId(`missing-${bouwmarkt.id}`).waitFor();
    // The invoice is not a pinpas payment: no mark.
    expect(await page.locator('[data-testid^="missing-"]').count()).toBe(2);
    await page.getByRole('combobox', { name: 'Bon' }).click();
    await page.getByRole('option', { name: 'Bon ontbreekt' }).click();
    await expect.poll(() => page.getByTestId('expense-count').textContent(), POLL).toMatch(/^2 van 3 uitgaven/);
    await page.getByRole('combobox', { name: 'Bon' }).click();
    await page.getByRole('option', { name: 'Alles' }).click();
  });

  it('attaches a PNG by choosing it and a PDF by dropping it on the row; thumbnails show in the row', async () => {
    const { page } = app;
    await attachVia('Bakkerij De Korenschoof € 6,50');
    const panel = page.getByRole('dialog', { name: /Bonnen bij Bakkerij De Korenschoof/ });
    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Bestanden kiezen…' }).click();
    await (await chooser).setFiles({ name: 'IMG_2041.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('1 bestand toegevoegd.').waitFor();
    await panel.getByText('IMG_2041.png').waitFor();
    await panel.getByRole('button', { name: 'Close' }).or(panel.locator('.mantine-Modal-close')).first().click();

    // A PDF dropped on the row, as from the file manager.
    await page.evaluate(
      async ({ id, bytes }) => {
        const row = document.querySelector(`[data-testid="expense-${id}"]`)!;
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], 'bon-bakker.pdf', { type: 'application/pdf' }));
        row.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
        row.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      { id: bakker.id, bytes: [...PDF] },
    );
    const cell = page.getByTestId(`receipts-${bakker.id}`);
    await expect.poll(() => cell.getAttribute('data-count'), POLL).toBe('2');
    expect(await page.getByTestId(`missing-${bakker.id}`).count()).toBe(0);
    // The photo's thumbnail is a real, decoded picture; the PDF shows its icon.
    const img = cell.locator('img');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), POLL).toBe(true);
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalHeight)).toBeLessThanOrEqual(64);
    expect(await cell.locator('[data-mime="application/pdf"] svg').count()).toBe(1);
    expect(count(app.core, 'receipt_blob')).toBe(2);
    expect(count(app.core, 'attachment')).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'expense-row-thumbnails.png') });
  });

  it('shows the photo with zoom and the PDF rendered in the app by pdf.js, under the CSP', async () => {
    const { page } = app;
    const cell = page.getByTestId(`receipts-${bakker.id}`);
    await cell.locator('[data-mime="image/png"]').click();
    let viewer = page.getByTestId('receipt-viewer');
    const image = viewer.getByTestId('receipt-image');
    await expect.poll(() => image.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), POLL).toBe(true);
    const before = (await image.boundingBox())!.width;
    await viewer.getByRole('button', { name: 'Inzoomen' }).click();
    expect(await viewer.getByTestId('zoom').textContent()).toBe('125%');
    await expect.poll(async () => Math.round((await image.boundingBox())!.width / before * 100), POLL).toBe(125);
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    await cell.locator('[data-mime="application/pdf"]').click();
    viewer = page.getByTestId('receipt-viewer');
    const pages = viewer.getByTestId('pdf-pages');
    await expect.poll(() => pages.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('1');
    await viewer.getByText('Pagina 1 van 1').waitFor();
    // Rendered, not blank: the receipt's text put dark pixels on the canvas.
    const dark = await pages.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 3]! > 0) n++;
      return n;
    });
    expect(dark).toBeGreaterThan(500);
    await page.screenshot({ path: join(SHOTS, 'pdf-viewer.png') });
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    expect(cspViolations).toEqual([]);
  });

  it('stores the same file once, and refuses a wrong type or an oversized file with nothing changed', async () => {
    const { page } = app;
    await attachVia('Bakkerij De Korenschoof € 6,50');
    let panel = page.getByRole('dialog', { name: /Bonnen bij Bakkerij/ });
    const before = snapshot(app.core);
    const choose = async (files: { name: string; mimeType: string; buffer: Buffer }[]) => {
      const chooser = page.waitForEvent('filechooser');
      await panel.getByRole('button', { name: 'Bestanden kiezen…' }).click();
      await (await chooser).setFiles(files, { timeout: 60_000 });
    };
    await choose([{ name: 'IMG_2041 (1).png', mimeType: 'image/png', buffer: PNG }]);
    await page.getByText('IMG_2041 (1).png: Dit bestand hangt al aan deze uitgave.').waitFor();
    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2000)]);
    const huge = Buffer.concat([PNG.subarray(0, 64), Buffer.alloc(21 * 1024 * 1024)]);
    await choose([
      { name: 'bon.png', mimeType: 'image/png', buffer: program },
      { name: 'scan-groot.png', mimeType: 'image/png', buffer: huge },
    ]);
    await page.getByText('bon.png: Dit bestand is geen PDF, JPG, PNG of WebP. Voeg de bon toe als PDF of foto (JPG, PNG of WebP).').waitFor();
    await page.getByText('scan-groot.png: Het bestand is te groot (maximaal 20 MB per bestand).').waitFor();
    expect(snapshot(app.core)).toEqual(before);
    await page.screenshot({ path: join(SHOTS, 'refused.png') });
    await page.keyboard.press('Escape');

    // The same photo on the other pinpas payment: attached, but its bytes are not stored again.
    await attachVia('Bouwmarkt Noord € 123,45');
    panel = page.getByRole('dialog', { name: /Bonnen bij Bouwmarkt/ });
    await choose([{ name: 'kopie.png', mimeType: 'image/png', buffer: PNG }]);
    await page.getByText('kopie.png stond al in Teamchef en is niet nog eens opgeslagen.').waitFor();
    expect(count(app.core, 'receipt_blob')).toBe(2);
    expect(count(app.core, 'attachment')).toBe(3);
    await page.keyboard.press('Escape');
  });

  it('keeps everything after a restart, and the dashboard count follows', async () => {
    await app.restartCore();
    const { page } = app;
    await app.open('/funds/expenses');
    const cell = page.getByTestId(`receipts-${bakker.id}`);
    await expect.poll(() => cell.getAttribute('data-count'), POLL).toBe('2');
    await expect.poll(() => cell.locator('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), POLL).toBe(true);
    expect(await page.getByTestId(`receipts-${bouwmarkt.id}`).getAttribute('data-count')).toBe('1');
    expect(await missingOnDashboard()).toEqual({ count: 0, text: 'Bij elke pinpasbetaling zit een bon.' });

    // Detaching the Bouwmarkt's receipt brings its "bon ontbreekt" back, on the dashboard too.
    await app.open('/funds/expenses');
    await attachVia('Bouwmarkt Noord € 123,45');
    const panel = page.getByRole('dialog', { name: /Bonnen bij Bouwmarkt/ });
    await panel.getByRole('button', { name: 'Loskoppelen: kopie.png' }).click();
    const reason = page.getByRole('dialog', { name: 'Bijlage loskoppelen' });
    await reason.getByRole('textbox', { name: 'Reden' }).fill('Verkeerde bon');
    await reason.getByRole('button', { name: 'Loskoppelen' }).click();
    await page.getByText('De bijlage is losgekoppeld.').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId(`missing-${bouwmarkt.id}`).waitFor();
    expect(await missingOnDashboard()).toEqual({ count: 1, text: '1 pinpasbetaling zonder bon, €\u00a0123,45' });
    await page.screenshot({ path: join(SHOTS, 'dashboard.png') });
    expect(count(app.core, 'receipt_blob')).toBe(2);
    expect(cspViolations).toEqual([]);
  });

  it('lists the pinpas payments without a receipt in the printed overview', async () => {
    const teamId = (app.core.db.prepare('SELECT team_id FROM expense LIMIT 1').get() as { team_id: number }).team_id;
    await app.page.goto('about:blank'); // a fresh page, as the print window is: no notifications on the paper
    const pdf = await renderReportPdf(app, { teamId, kind: 'full', from: `${Y}-01-01`, to: `${Y}-12-31`, sections: ['budget', 'receipts'], opgaven: [] }, SHOTS);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Pinpasbetalingen zonder bon');
    expect(text).toContain('1 pinpasbetaling zonder bon, € 123,45');
    expect(text).toMatch(/10-03-\d{4} Bouwmarkt Noord Koffie en broodjes € 123,45/);
    expect(text).not.toMatch(/Bakkerij De Korenschoof/);
    pdfToPngs(pdf.file, join(SHOTS, 'printed'));
  });
});
