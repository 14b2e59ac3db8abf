import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissingReceipts } from '../../electron/api/receipts';
import { createAuditLog } from '../../electron/core/audit/chain';
import { createBudgetService, type NewExpense } from '../../electron/core/budget/service';
import { fixedClock } from '../../electron/core/clock';
import { PRINTED_MISSING } from '../../electron/core/report/service';
import { apply } from '../bench/generate';
import { PROFILE } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';
import { renderReportPdf } from './harness/pdf';

/**
 * A year with 20,000 pinpas payments and not one receipt (a statement read in, nothing attached):
 * the printed overview lists the largest PRINTED_MISSING, by date, and says where the whole list is.
 * A table of every one of them made Chromium's print engine give up.
 */
const COUNT = 20_000;
const clock = fixedClock('2026-12-15T10:30:00');

describe('the printed overview of a year with 20,000 payments without a receipt', () => {
  let app: AppHarness;
  let teamId = 0;
  beforeAll(async () => {
    app = await startApp({
      clock,
      seed: (core) => {
        teamId = apply(core, 'team.create', PROFILE, clock).id;
        const rows: NewExpense[] = Array.from({ length: COUNT }, (_, k) => ({
          date: new Date(Date.UTC(2026, 0, 1 + (k % 330))).toISOString().slice(0, 10),
          amountCents: 100 + ((k * 7919) % 49_999),
          payee: `Supermarkt ${k % 90}`,
          description: `Pasvolgnr 001 ${k}`,
          paymentMethod: 'debitcard',
          receiptRef: '',
          links: { decisionId: null, teamOpgaveId: null, actionId: null, clusterId: null },
        }));
        const budget = createBudgetService(core.db, createAuditLog(core.db));
        core.db.transaction(() => budget.addExpensesInTransaction(teamId, rows, clock))();
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('prints the largest payments, by date, with the year\'s count and sum and where all of them are', async () => {
    const res = (await app.core.dispatch('receipts.missing', { teamId, year: 2026 })) as { ok: true; data: MissingReceipts };
    expect(res.data.count).toBe(COUNT);
    const pdf = await renderReportPdf(app, { teamId, kind: 'full', from: '2026-01-01', to: '2026-12-31', sections: ['receipts'], opgaven: [] });
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat).toContain(`Hieronder de ${PRINTED_MISSING} grootste, op datum. Alle 20.000 staan in zonder-bon-2026.csv in "Jaar met bonnen (zip)" bij Versterkingsgelden.`);
    // One line per printed payment, none of the rest, on about sixteen pages.
    const printed = [...pdf.text.matchAll(/Pasvolgnr 001 (\d+)/g)].map((m) => Number(m[1]));
    expect(printed).toHaveLength(PRINTED_MISSING);
    const smallestPrinted = Math.min(...printed.map((k) => 100 + ((k * 7919) % 49_999)));
    expect(smallestPrinted).toBeGreaterThan(40_000);
    console.log(`${pdf.pages} pages in ${Math.round(pdf.ms)} ms`);
    expect(pdf.pages).toBeLessThan(20);
  });

  it('says the same in English, amounts and numbers written the Dutch way as everywhere', async () => {
    await app.page.evaluate(() => localStorage.setItem('teamchef.language', 'en'));
    // A fresh load of the route, as the hidden print window does: the language is read at start.
    await app.page.goto('about:blank');
    try {
      const pdf = await renderReportPdf(app, { teamId, kind: 'full', from: '2026-01-01', to: '2026-12-31', sections: ['receipts'], opgaven: [] });
      expect(pdf.text.replace(/\s+/g, ' ')).toContain(`Below the ${PRINTED_MISSING} largest, by date. All 20.000 are in zonder-bon-2026.csv in "Year with receipts (zip)" under Funds.`);
      expect([...pdf.text.matchAll(/Pasvolgnr 001 \d+/g)]).toHaveLength(PRINTED_MISSING);
    } finally {
      await app.page.evaluate(() => localStorage.removeItem('teamchef.language'));
    }
  });
});
