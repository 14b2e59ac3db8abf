import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportFile, Expense } from '../../electron/api/budget';
import { budgetFixture } from './budget-fixtures';
import { call, snapshot, testCore } from './helpers';

async function seeded() {
  const core = testCore();
  const f = await budgetFixture(core);
  const { teamId } = f;
  await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 25_000_00, reason: '' });
  const d = await call<{ id: number }>(core, 'budget.decisions.create', {
    teamId, date: '2026-02-01', title: 'Pop-up bureau; de wijk in', amountCents: 5_000_00, rationale: 'Nabijheid', decidedBy: 'Teamchef', status: 'genomen', teamOpgaveId: f.opgaven[2],
  });
  const e = await call<Expense>(core, 'budget.expenses.create', {
    teamId, date: '2026-03-10', amountCents: 1_234_56, payee: '=HYPERLINK("x")', description: 'Regel met "aanhalingstekens"', paymentMethod: 'factuur', receiptRef: 'F-118', decisionId: d.id,
  });
  await call(core, 'budget.expenses.reverse', { teamId, expenseId: e.id, date: '2026-03-11', reason: 'Verkeerd bedrag' });
  await call(core, 'budget.expenses.create', {
    teamId, date: '2026-04-02', amountCents: 7_05, payee: 'Café De Zwaan', description: '', paymentMethod: 'debitcard', receiptRef: '', decisionId: d.id,
  });
  return { core, teamId };
}

const bytesOf = (f: ExportFile) => Buffer.from(f.contentBase64, 'base64');

describe('export for Dutch Excel', () => {
  it('writes expenses as CSV with a BOM, `;`, comma decimals, dd-mm-jjjj and neutralised formulas', async () => {
    const { core, teamId } = await seeded();
    const before = snapshot(core);
    const file = await call<ExportFile>(core, 'budget.export', { teamId, year: 2026, what: 'expenses', format: 'csv' });
    expect(file.fileName).toBe('versterkingsgelden-uitgaven-2026.csv');
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Nummer;Datum;Bedrag;Tegenpartij;Omschrijving;Betaalwijze;Bonnummer;Besluit;Opgave;Actie;Cluster;Status;Draait terug;Reden;Reden vervallen;Terugbetaald');
    expect(lines[1]).toBe(
      `1;10-03-2026;1234,56;'=HYPERLINK(""x"");Regel met ""aanhalingstekens"";Factuur;F-118;"Pop-up bureau; de wijk in";Versterken van wendbare nabijheid;;;Teruggedraaid;;;;0,00`.replace(
        `'=HYPERLINK(""x"")`,
        `"'=HYPERLINK(""x"")"`,
      ).replace('Regel met ""aanhalingstekens""', '"Regel met ""aanhalingstekens"""'),
    );
    expect(lines[2]).toContain(';-1234,56;');
    expect(lines[2]).toContain(';Tegenboeking;1;Verkeerd bedrag;');
    expect(lines[3]).toContain('02-04-2026;7,05;Café De Zwaan;');
    expect(snapshot(core)).toEqual(before);
  });

  it('writes the overview as CSV with totals per opgave and per month', async () => {
    const { core, teamId } = await seeded();
    const text = bytesOf(await call<ExportFile>(core, 'budget.export', { teamId, year: 2026, what: 'overview', format: 'csv' })).toString('utf8');
    expect(text).toContain('Jaar;Beschikbaar;Besloten;Vastgelegd;Besteed;Resterend;Voorgesteld\r\n2026;25000,00;5000,00;4992,95;7,05;20000,00;0,00');
    expect(text).toContain('Versterken van wendbare nabijheid;5000,00;4992,95;7,05');
    expect(text).toContain('2026-04;0,00;7,05;7,05');
  });

  it('nets a refund in the overview export and shows it with its expense', async () => {
    const { core, teamId } = await seeded();
    const cafe = (await call<{ id: number; payee: string }[]>(core, 'budget.expenses.list', { teamId, year: 2026 })).find((e) => e.payee === 'Café De Zwaan')!;
    await call(core, 'budget.refunds.create', { teamId, expenseId: cafe.id, date: '2026-04-03', amountCents: 2_05, reason: 'te veel afgerekend' });
    const text = bytesOf(await call<ExportFile>(core, 'budget.export', { teamId, year: 2026, what: 'overview', format: 'csv' })).toString('utf8');
    // The café expense is on a decision: the refund lowers spent and frees the same amount of the decision again.
    expect(text).toContain('2026;25000,00;5000,00;4995,00;5,00;20000,00;0,00');
    expect(text).toContain('2026-04;0,00;5,00;5,00');
    const expenses = bytesOf(await call<ExportFile>(core, 'budget.export', { teamId, year: 2026, what: 'expenses', format: 'csv' })).toString('utf8');
    expect(expenses).toMatch(/02-04-2026;7,05;Café De Zwaan;.*;2,05\r\n/);
  });

  it('writes .xlsx that exceljs reads back with the same numbers and dates', async () => {
    const { core, teamId } = await seeded();
    const file = await call<ExportFile>(core, 'budget.export', { teamId, year: 2026, what: 'expenses', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Uitgaven 2026');
    expect(ws.getRow(1).getCell(3).value).toBe('Bedrag');
    expect(ws.getRow(2).getCell(3).value).toBe(1234.56);
    expect(ws.getRow(2).getCell(3).numFmt).toContain('#,##0.00');
    expect(ws.getRow(3).getCell(3).value).toBe(-1234.56);
    expect(ws.getRow(4).getCell(3).value).toBe(7.05);
    expect((ws.getRow(2).getCell(2).value as Date).toISOString().slice(0, 10)).toBe('2026-03-10');
    expect(ws.getRow(2).getCell(4).value).toBe('=HYPERLINK("x")');
    expect(ws.rowCount).toBe(4);

    const dec = await call<ExportFile>(core, 'budget.export', { teamId, year: 2026, what: 'decisions', format: 'xlsx' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(bytesOf(dec) as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.getRow(2).getCell(3).value).toBe('Pop-up bureau; de wijk in');
    expect(wb2.worksheets[0]!.getRow(2).getCell(4).value).toBe(5000);
  });

  it("refuses another team's export as not found", async () => {
    const { core } = await seeded();
    const r = await core.dispatch('budget.export', { teamId: 99, year: 2026, what: 'expenses', format: 'csv' });
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND');
  });
});
