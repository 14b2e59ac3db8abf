import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BudgetOverview, ImportPreview, ImportResult } from '../../electron/api/budget';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { budgetFixture } from './budget-fixtures';
import { call, snapshot, testCore } from './helpers';

/** The finance department's spending overview as .xlsx: a title, an empty line, a header, a total line, a second sheet. */
const XLSX = readFileSync(join(import.meta.dirname, '../fixtures/bank/financien-overzicht.xlsx'));
const file = { fileName: 'Overzicht 2026.xlsx', contentBase64: XLSX.toString('base64') };

describe('Excel import', () => {
  it('reads the chosen worksheet through the same mapping, preview, refunds and duplicate flags', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const first = await call<ImportPreview>(core, 'budget.import.preview', { teamId, ...file });
    expect(first).toMatchObject({ sheets: ['Toelichting', 'Uitgaven 2026'], sheet: 'Toelichting', rows: [] });

    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, ...file, sheet: 'Uitgaven 2026' });
    expect(p).toMatchObject({ sheet: 'Uitgaven 2026', headerRow: 1, layout: { id: 'excel' }, mappingSource: 'geraden', errors: [] });
    expect(p.headers).toEqual(['Boekdatum', 'Crediteur', 'Omschrijving', 'Kostenplaats', 'Bedrag']);
    expect(p.mapping).toMatchObject({ dateColumn: 0, dateFormat: 'jjjj-mm-dd', amountColumn: 4, signMode: 'positief-af', payeeColumn: 1, descriptionColumn: 2 });
    expect(p.rows.map((r) => [r.row, r.date, r.amountCents, r.direction, r.payee, r.description])).toEqual([
      [4, '2026-10-05', 1_250_00, 'af', 'Drukkerij De Wijk BV', 'Flyers wijkavond'],
      [5, '2026-10-12', 1_089_00, 'af', 'Verhuur Zalen Oost', 'Zaalhuur voorlichting'],
      [6, '2026-10-20', 45_90, 'af', 'Bakkerij Noordhoek', 'Lunch overleg gemeente'],
      [7, '2026-10-28', 89_00, 'bij', 'Verhuur Zalen Oost', 'Creditnota borg'],
    ]);
    expect(p.notes).toEqual([{ row: 8, message: 'Regel 8: een totaalregel, geen transactie; wordt niet ingelezen.' }]);
    expect(p.rows[3]!.proposal).toMatchObject({ action: 'terugbetaling', expenseRow: 5 });

    const r = await call<ImportResult>(core, 'budget.import.commit', {
      teamId, ...file, sheet: 'Uitgaven 2026', mapping: p.mapping, paymentMethod: 'factuur', skipRows: [],
      incoming: [{ row: 7, action: 'terugbetaling', expenseRow: 5 }],
    });
    expect(r).toMatchObject({ imported: 3, refunds: 1 });
    expect((await call<BudgetOverview>(core, 'budget.overview', { teamId, year: 2026 })).totals.spentCents).toBe(1_250_00 + 1_089_00 + 45_90 - 89_00);

    const again = await call<ImportPreview>(core, 'budget.import.preview', { teamId, ...file, sheet: 'Uitgaven 2026' });
    expect(again.mappingSource).toBe('onthouden');
    expect(again.rows.every((x) => x.duplicateOf !== null)).toBe(true);
    expect(checkBudgetInvariants(core.db)).toEqual([]);
  });

  it('lets the chief choose the header row', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, ...file, sheet: 'Uitgaven 2026', headerRow: 0 });
    expect(p.headerRow).toBe(0);
    expect(p.headers[0]).toBe('Overzicht uitgaven Basisteam Utrecht-Oost 2026');
  });

  it('refuses a damaged, old-format or missing worksheet whole, changing nothing', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const before = snapshot(core);
    const results = [
      await core.dispatch('budget.import.preview', { teamId, fileName: 'x.xlsx', contentBase64: XLSX.subarray(0, 2000).toString('base64') }),
      await core.dispatch('budget.import.preview', { teamId, fileName: 'x.xls', contentBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).toString('base64') }),
      await core.dispatch('budget.import.preview', { teamId, ...file, sheet: 'Bestaat niet' }),
    ];
    expect(results.map((x) => (x.ok ? 'ok' : x.error.message))).toEqual([
      'Dit Excel-bestand is beschadigd of geen .xlsx-bestand. Sla het in Excel opnieuw op als .xlsx of als CSV.',
      'Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of als CSV en lees het dan in.',
      'Dit werkblad bestaat niet in het bestand.',
    ]);
    expect(snapshot(core)).toEqual(before);
  });
});
