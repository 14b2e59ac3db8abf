import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportMapping, ImportPreview, ImportResult, Expense } from '../../electron/api/budget';
import { parseDutchDate } from '../../electron/api/budget-parse';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { budgetFixture } from './budget-fixtures';
import { call, snapshot, testCore } from './helpers';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const b64 = (b: Buffer) => b.toString('base64');
const utf8 = (s: string, bom = false) => b64(Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(s, 'utf8')]));

/** Shaped like an ING export: BOM, `;`, quoted fields, yyyymmdd dates, a separate Af/Bij column. */
export const ING = [
  '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"',
  '"20261102";"Albert Heijn 1234";"NL01INGB0001234567";"";"BA";"Af";"12,50";"Betaalautomaat";"Koffie; thee en koek"',
  '"20261105";"Drukkerij De Wijk";"NL01INGB0001234567";"NL02RABO0123456789";"OV";"Af";"1.234,56";"Overschrijving";"Factuur 2026-118 ""flyers"""',
  '"20261107";"Gemeente Utrecht";"NL01INGB0001234567";"NL03BNGH0285123456";"GT";"Bij";"500,00";"Overschrijving";"Bijdrage buurtavond"',
].join('\r\n');

/** Shaped like a Rabobank export: `,`, no BOM, the sign in the amount, ISO dates. */
const RABO = [
  '"IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag","Saldo na trn","Tegenrekening IBAN/BBAN","Naam tegenpartij","Omschrijving-1"',
  '"NL02RABO0123456789","EUR","RABONL2U","000000000000007001","2026-11-03","2026-11-03","-45,00","+1.000,00","NL91ABNA0417164300","Bakkerij Bart","Taart, koffie"',
  '"NL02RABO0123456789","EUR","RABONL2U","000000000000007002","2026-11-04","2026-11-04","+20,00","+1.020,00","","Collega","Terugbetaling"',
].join('\n');

/** A debit-card portal in Windows-1252, `;`, dd-mm-jjjj, sign in the amount. */
const CARD_1252 = ['Transactiedatum;Omschrijving;Bedrag', '28-11-2026;Café De Zwaan;-1.234,56', '29-11-2026;Brasserie Ñandú;-7,10'].join('\r\n');

const mappingFor = (p: ImportPreview): ImportMapping => {
  expect(p.mapping).not.toBeNull();
  return p.mapping!;
};

describe('CSV import of bank and debit-card statements', () => {
  it('reads an ING-like export (BOM, `;`, quotes, Af/Bij), imports the debits in one go, and remembers the mapping', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const content = utf8(ING, true);
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'ing.csv', contentBase64: content });
    expect(p).toMatchObject({ encoding: 'utf-8', delimiter: ';', mappingSource: 'herkend', errors: [], dataRows: 3 });
    expect(p.mapping).toMatchObject({ dateColumn: 0, dateFormat: 'jjjjmmdd', amountColumn: 6, signMode: 'kolom', directionColumn: 5, payeeColumn: 1, descriptionColumn: 8 });
    expect(p.rows.map((r) => [r.row, r.date, r.amountCents, r.payee, r.direction])).toEqual([
      [2, '2026-11-02', 12_50, 'Albert Heijn 1234', 'af'],
      [3, '2026-11-05', 1_234_56, 'Drukkerij De Wijk', 'af'],
      [4, '2026-11-07', 500_00, 'Gemeente Utrecht', 'bij'],
    ]);
    expect(p.rows[0]!.description).toBe('Koffie; thee en koek');
    expect(p.rows[1]!.description).toBe('Factuur 2026-118 "flyers"');

    const r = await call<ImportResult>(core, 'budget.import.commit', {
      teamId, fileName: 'ing.csv', contentBase64: content, mapping: mappingFor(p), paymentMethod: 'debitcard', skipRows: [],
      incoming: [{ row: 4, action: 'overslaan', reason: 'Bijdrage loopt via de gemeente' }],
    });
    expect(r).toMatchObject({ imported: 2, skipped: 1, refunds: 0, income: 0 });
    const list = await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 });
    expect(list.map((e) => [e.amountCents, e.payee, e.importRow, e.paymentMethod])).toEqual([
      [12_50, 'Albert Heijn 1234', 2, 'debitcard'],
      [1_234_56, 'Drukkerij De Wijk', 3, 'debitcard'],
    ]);

    // Same layout again: the mapping is remembered, and both debits are flagged as likely duplicates.
    const again = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'ing-2.csv', contentBase64: content });
    expect(again.mappingSource).toBe('onthouden');
    expect(again.rows.filter((x) => x.direction === 'af').map((x) => x.duplicateOfExpenseId)).toEqual(list.map((e) => e.id));
    // The same file twice: every line is flagged, the skipped incoming line too.
    expect(again.rows.map((x) => x.duplicateOf?.kind)).toEqual(['uitgave', 'uitgave', 'overgeslagen']);
    expect(again.counts.duplicates).toBe(3);
    expect(again.rows[2]!.proposal).toMatchObject({ action: 'overslaan', reason: 'Dubbel: eerder ingelezen en toen overgeslagen.' });
    const skipped = await call<ImportResult>(core, 'budget.import.commit', {
      teamId, fileName: 'ing-2.csv', contentBase64: content, mapping: again.mapping, paymentMethod: 'debitcard', skipRows: [2],
      incoming: [{ row: 4, action: 'overslaan', reason: 'Dubbel' }],
    });
    expect(skipped.imported).toBe(1);
    expect(checkBudgetInvariants(core.db)).toEqual([]);
  });

  it('reads a Rabobank-like export (`,`, sign in the amount, ISO dates, no BOM)', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'rabo.csv', contentBase64: utf8(RABO) });
    expect(p).toMatchObject({ delimiter: ',', encoding: 'utf-8', errors: [] });
    expect(p.mapping).toMatchObject({ dateColumn: 4, dateFormat: 'jjjj-mm-dd', amountColumn: 6, signMode: 'teken', payeeColumn: 9, descriptionColumn: 10 });
    expect(p.rows.map((r) => [r.date, r.amountCents, r.payee, r.description, r.direction])).toEqual([
      ['2026-11-03', 45_00, 'Bakkerij Bart', 'Taart, koffie', 'af'],
      ['2026-11-04', 20_00, 'Collega', 'Terugbetaling', 'bij'],
    ]);
  });

  it('reads Windows-1252 (detected, or chosen) and dd-mm-jjjj with thousands', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const content = b64(iconv.encode(CARD_1252, 'win1252'));
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'pas.csv', contentBase64: content });
    expect(p.encoding).toBe('windows-1252');
    expect(p.mapping).toMatchObject({ dateFormat: 'dd-mm-jjjj', signMode: 'teken', payeeColumn: null, descriptionColumn: 1 });
    expect(p.rows.map((r) => [r.date, r.amountCents, r.payee])).toEqual([
      ['2026-11-28', 1_234_56, 'Café De Zwaan'],
      ['2026-11-29', 7_10, 'Brasserie Ñandú'],
    ]);
    // The same text in UTF-8 without a BOM reads the same.
    const p2 = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'pas.csv', contentBase64: utf8(CARD_1252) });
    expect(p2.rows.map((r) => r.payee)).toEqual(['Café De Zwaan', 'Brasserie Ñandú']);
    // Forcing UTF-8 on Windows-1252 bytes is refused with a way out.
    const forced = await core.dispatch('budget.import.preview', { teamId, fileName: 'pas.csv', contentBase64: content, encoding: 'utf-8' });
    expect(forced.ok ? '' : forced.error.message).toMatch(/Windows-1252/);
  });

  const BAD: [string, string, RegExp][] = [
    ['an impossible date', '31-02-2026;Winkel;-5,00', /Regel 3: "31-02-2026" is geen geldige datum/],
    ['12,345', '27-11-2026;Winkel;12,345', /Regel 3: "12,345" is geen geldig bedrag/],
    ['1e3', '27-11-2026;Winkel;1e3', /Regel 3: "1e3" is geen geldig bedrag/],
    ['NaN', '27-11-2026;Winkel;NaN', /Regel 3: "NaN" is geen geldig bedrag/],
    ['--5', '27-11-2026;Winkel;--5', /Regel 3: "--5" is geen geldig bedrag/],
    ['10^15 euros', '27-11-2026;Winkel;-1000000000000000,00', /Regel 3: .* geen geldig bedrag|te groot/],
    ['text', '27-11-2026;Winkel;tien euro', /Regel 3: "tien euro" is geen geldig bedrag/],
    ['a missing column', '27-11-2026;Winkel', /Regel 3: er ontbreken kolommen/],
    ['an unclosed quote', '27-11-2026;"Winkel;-5,00', /Regel 3: een aanhalingsteken wordt niet gesloten/],
  ];
  it.each(BAD)('refuses a whole file with %s, naming the row, and imports nothing', async (_l, badLine, message) => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const csv = ['Datum;Naam;Bedrag', '26-11-2026;Goede winkel;-3,00', badLine, '28-11-2026;Nog een;-4,00'].join('\n');
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'x.csv', contentBase64: utf8(csv) });
    expect(p.errors[0]!.row).toBe(3);
    expect(p.errors[0]!.message).toMatch(message);
    const before = snapshot(core);
    const r = await core.dispatch('budget.import.commit', {
      teamId, fileName: 'x.csv', contentBase64: utf8(csv), mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(message);
      expect(r.error.message).toContain('Er is niets ingelezen');
    }
    expect(snapshot(core)).toEqual(before);
  });

  it('flags likely duplicates of existing expenses and within the file', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const existing = await call<Expense>(core, 'budget.expenses.create', {
      teamId, date: '2026-11-26', amountCents: 3_00, payee: 'goede winkel ', description: '', paymentMethod: 'debitcard', receiptRef: '',
    });
    const csv = ['Datum;Naam;Bedrag', '26-11-2026;Goede winkel;-3,00', '27-11-2026;Bakker;-2,00', '27-11-2026;Bakker;-2,00', '27-11-2026;Bakker;-2,01'].join('\n');
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'x.csv', contentBase64: utf8(csv) });
    expect(p.rows.map((r) => [r.duplicateOfExpenseId, r.duplicateInFile])).toEqual([
      [existing.id, false],
      [null, false],
      [null, true],
      [null, false],
    ]);
  });

  it('refuses bad mappings and empty or non-CSV files, changing nothing', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const before = snapshot(core);
    const csv = utf8('Datum;Naam;Bedrag\n26-11-2026;W;-3,00');
    const mapping = { dateColumn: 0, dateFormat: 'dd-mm-jjjj', amountColumn: 9, signMode: 'teken', directionColumn: null, debitValues: [], payeeColumn: 1, descriptionColumn: null };
    const results = [
      await core.dispatch('budget.import.commit', { teamId, fileName: 'x.csv', contentBase64: csv, mapping, paymentMethod: 'debitcard', skipRows: [] }),
      await core.dispatch('budget.import.preview', { teamId, fileName: 'x.csv', contentBase64: '' }),
      await core.dispatch('budget.import.preview', { teamId, fileName: 'x.csv', contentBase64: 'not base64!' }),
      await core.dispatch('budget.import.preview', { teamId, fileName: 'x.csv', contentBase64: utf8('alleen tekst') }),
      await core.dispatch('budget.import.commit', { teamId, fileName: 'x.csv', contentBase64: csv, mapping: { ...mapping, amountColumn: 2 }, paymentMethod: 'debitcard', skipRows: [2] }),
    ];
    expect(results.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual([
      'Deze kolom bestaat niet in het bestand.',
      'Het bestand is leeg.',
      'De bestandsinhoud is niet leesbaar.',
      'Dit lijkt geen CSV-bestand met kolommen: de eerste regel heeft geen kopjes.',
      'Er is niets om in te lezen: alle regels worden overgeslagen.',
    ]);
    expect(snapshot(core)).toEqual(before);
  });

  it('parses Dutch dates strictly', () => {
    expect(parseDutchDate('28-11-2026')).toBe('2026-11-28');
    expect(parseDutchDate('20261128')).toBe('2026-11-28');
    expect(parseDutchDate('2026-11-28')).toBe('2026-11-28');
    expect(parseDutchDate('1-2-2026')).toBe('2026-02-01');
    expect(parseDutchDate('31-02-2026')).toBeNull();
    expect(parseDutchDate('20260231')).toBeNull();
    expect(parseDutchDate('28-11-26')).toBeNull();
    expect(parseDutchDate('28-11-2026', 'jjjjmmdd')).toBeNull();
  });
});
