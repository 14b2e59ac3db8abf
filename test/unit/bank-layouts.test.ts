import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult, Expense } from '../../electron/api/budget';
import { payeeFromDescription } from '../../electron/core/budget/statement/payee';
import { budgetFixture } from './budget-fixtures';
import { call, testCore } from './helpers';

/**
 * One statement per layout, written from each bank's published export format with fictional data:
 * the bytes (encoding, line endings, quoting, column order) as the bank writes them. Each is
 * previewed through the real core and compared field by field.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/bank');
const b64 = (name: string) => readFileSync(join(FIXTURES, name)).toString('base64');

type Expect = [row: number, date: string, cents: number, direction: 'af' | 'bij', payee: string, description: string];

const CASES: { file: string; layout: string; bank: string; encoding: string; delimiter: string; headerRow: number | null; rows: Expect[] }[] = [
  {
    file: 'ing-puntkomma.csv',
    layout: 'ing-puntkomma',
    bank: 'ING',
    encoding: 'utf-8',
    delimiter: ';',
    headerRow: 0,
    rows: [
      [2, '2026-11-02', 18_75, 'af', 'Bakkerij Noordhoek', 'Pasvolgnr: 001 02-11-2026 10:14 Transactie: A1B2C3 Term: KR0123 Apple Pay'],
      [3, '2026-11-04', 1_250_00, 'af', 'Drukkerij De Wijk BV', 'Naam: Drukkerij De Wijk BV Omschrijving: Factuur 2026-118 flyers; posters IBAN: NL44RABO0123456789'],
      [4, '2026-11-09', 6_25, 'bij', 'Bakkerij Noordhoek', 'Pasvolgnr: 001 09-11-2026 09:02 Transactie: D4E5F6 Term: KR0123 Terugboeking'],
    ],
  },
  {
    file: 'ing-komma.csv',
    layout: 'ing-komma',
    bank: 'ING',
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 0,
    rows: [
      [2, '2026-11-03', 42_00, 'af', 'Sporthal De Meent', 'Pasvolgnr:002 03-11-2026 19:30 Transactie:0G7H8 Term:TT4567'],
      [3, '2026-11-06', 500_00, 'bij', 'Gemeente Utrecht', 'Bijdrage buurtavond, kenmerk 2026/44'],
    ],
  },
  {
    file: 'rabobank.csv',
    layout: 'rabobank',
    bank: 'Rabobank',
    encoding: 'windows-1252',
    delimiter: ',',
    headerRow: 0,
    rows: [
      [2, '2026-11-03', 45_90, 'af', 'Café ’t Hoekje', 'Lunch wijkteam 3 november Pas 012'],
      [3, '2026-11-05', 1_089_00, 'af', 'Verhuur Zalen Oost', 'Zaalhuur 12 november voorlichtingsavond, incl. koffie'],
      [4, '2026-11-07', 89_00, 'bij', 'Verhuur Zalen Oost', 'Creditnota borg zaal'],
    ],
  },
  {
    file: 'abnamro.TAB',
    layout: 'abnamro-tab',
    bank: 'ABN AMRO',
    encoding: 'utf-8',
    delimiter: '\t',
    headerRow: null,
    rows: [
      [1, '2026-11-02', 18_75, 'af', 'Bakkerij Noordhoek', 'BEA, Betaalpas Bakkerij Noordhoek,PAS017 NR:4KX1Z9, 02.11.26/10:14 UTRECHT'],
      [2, '2026-11-04', 250_00, 'af', 'Drukkerij De Wijk BV', 'SEPA Overboeking IBAN: NL44RABO0123456789 BIC: RABONL2U Naam: Drukkerij De Wijk BV Omschrijving: Factuur 2026-118'],
      [3, '2026-11-05', 12_25, 'af', 'Kiosk Centraal', 'BEA NR:4KX1Z9 05.11.26/08.02 Kiosk Centraal,PAS017 UTRECHT'],
      [4, '2026-11-09', 6_25, 'bij', 'Bakkerij Noordhoek', 'BEA, Betaalpas Bakkerij Noordhoek,PAS017 NR:4KX1Z9, 09.11.26/09:02 UTRECHT TERUGBOEKING BEA-TRANSACTIE'],
      [5, '2026-11-10', 80_00, 'af', 'Stichting Buurtbelang', '/TRTP/SEPA OVERBOEKING/IBAN/NL66ABNA0412345678/BIC/ABNANL2A/NAME/Stichting Buurtbelang/REMI/Bijdrage kerstmarkt 2026/EREF/NOTPROVIDED'],
    ],
  },
  {
    file: 'asn.csv',
    layout: 'volksbank',
    bank: 'ASN Bank',
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: null,
    rows: [
      [1, '2026-11-02', 18_75, 'af', 'Bakkerij Noordhoek', '[PIN BETALING]Bakkerij Noordhoek >UTRECHT 02.11.2026 10U14 KV017 4KX1Z9 ING'],
      [2, '2026-11-04', 1_250_00, 'af', 'Drukkerij De Wijk, Oost', 'Factuur 2026-118, flyers'],
      [3, '2026-11-09', 6_25, 'bij', 'Bakkerij Noordhoek', '[PIN BETALING]Bakkerij Noordhoek >UTRECHT 09.11.2026 09U02 terugboeking'],
    ],
  },
  {
    file: 'sns.csv',
    layout: 'volksbank',
    bank: 'SNS',
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: null,
    rows: [
      [1, '2026-11-12', 9_95, 'af', 'Snackbar De Hoek', 'Snackbar De Hoek >AMERSFOORT 12.11.2026 21U40'],
      [2, '2026-11-13', 35_00, 'af', 'Stichting Buurtbelang', 'Bijdrage kerstmarkt'],
    ],
  },
  {
    file: 'triodos.csv',
    layout: 'triodos',
    bank: 'Triodos Bank',
    encoding: 'iso-8859-15',
    delimiter: ',',
    headerRow: null,
    rows: [
      [1, '2026-11-03', 18_75, 'af', 'Bakkerij Noordhoek', 'Bakkerij Noordhoek \\UTRECHT \\ BEA 02.11.2026 10:14'],
      [2, '2026-11-05', 1_250_00, 'af', 'Šaško Œuvre & Žagar', 'Factuur 118 € 1.250,00 incl. btw'],
      [3, '2026-11-10', 6_25, 'bij', 'Bakkerij Noordhoek', 'Bakkerij Noordhoek \\UTRECHT \\ terugboeking'],
    ],
  },
  {
    file: 'bunq.csv',
    layout: 'bunq',
    bank: 'bunq',
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 0,
    rows: [
      [2, '2026-11-02', 18_75, 'af', 'Bakkerij Noordhoek', 'Bakkerij Noordhoek UTRECHT, NL'],
      [3, '2026-11-04', 1_250_00, 'af', 'Drukkerij De Wijk BV', 'Factuur 2026-118'],
      [4, '2026-11-09', 6_25, 'bij', 'Bakkerij Noordhoek', 'Refund Bakkerij Noordhoek'],
    ],
  },
  {
    file: 'knab.csv',
    layout: 'knab',
    bank: 'Knab',
    encoding: 'utf-8',
    delimiter: ';',
    headerRow: 1,
    rows: [
      [3, '2026-11-02', 18_75, 'af', 'Bakkerij Noordhoek', 'Betaalpas 02-11-2026 10:14'],
      [4, '2026-11-04', 1_250_00, 'af', 'Drukkerij De Wijk BV', 'Factuur 2026-118'],
      [5, '2026-11-09', 6_25, 'bij', 'Bakkerij Noordhoek', 'Terugboeking betaalpas'],
    ],
  },
  {
    file: 'pas-zonder-kop.csv',
    layout: 'generiek-zonder-kop',
    bank: '',
    encoding: 'windows-1252',
    delimiter: ';',
    headerRow: null,
    rows: [
      [1, '2026-11-02', 18_75, 'af', 'Bakkerij Noordhoek', 'Broodjes overleg'],
      [2, '2026-11-05', 7_10, 'af', 'Café De Zwaan', 'Koffie team'],
    ],
  },
];

describe('bank statements: every layout recognised from its content and read field by field', () => {
  it.each(CASES)('$file → $layout', async (c) => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: c.file, contentBase64: b64(c.file) });
    expect(p.errors).toEqual([]);
    expect(p.layout.id).toBe(c.layout);
    expect(p.layout.bank).toBe(c.bank);
    expect(p.encoding).toBe(c.encoding);
    expect(p.delimiter).toBe(c.delimiter);
    expect(p.headerRow).toBe(c.headerRow);
    expect(p.rows).toHaveLength(c.rows.length);
    expect(p.dataRows).toBe(c.rows.length);
    expect(p.rows.map((r) => [r.row, r.date, r.amountCents, r.direction, r.payee, r.description])).toEqual(c.rows);
    expect(p.counts).toEqual({ af: c.rows.filter((r) => r[3] === 'af').length, bij: c.rows.filter((r) => r[3] === 'bij').length, duplicates: 0 });
  });

  it('keeps the first line of a file without a header, imports it, and remembers the mapping by the layout', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const contentBase64 = b64('pas-zonder-kop.csv');
    const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'pas.csv', contentBase64 });
    expect(p.mappingSource).toBe('geraden');
    expect(p.mapping).toMatchObject({ dateColumn: 0, dateFormat: 'dd-mm-jjjj', amountColumn: 3, signMode: 'teken', payeeColumn: 1, descriptionColumn: 2 });
    // The chief leaves the description out; next month's file (other lines, same layout) maps itself that way.
    const mapping = { ...p.mapping!, descriptionColumn: null };
    const r = await call<ImportResult>(core, 'budget.import.commit', { teamId, fileName: 'pas.csv', contentBase64, mapping, paymentMethod: 'debitcard', skipRows: [] });
    expect(r.imported).toBe(2);
    const list = await call<Expense[]>(core, 'budget.expenses.list', { teamId, year: 2026 });
    expect(list.map((e) => [e.importRow, e.payee, e.amountCents])).toEqual([
      [1, 'Bakkerij Noordhoek', 18_75],
      [2, 'Café De Zwaan', 7_10],
    ]);
    const next = Buffer.from('03/12/2026;Slagerij Vos;Worst voor de buurtavond;-31,40\r\n', 'latin1').toString('base64');
    const again = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 'pas-dec.csv', contentBase64: next });
    expect(again.mappingSource).toBe('onthouden');
    expect(again.signature).toBe(p.signature);
    expect(again.mapping).toEqual(mapping);
    expect(again.rows.map((x) => [x.row, x.payee, x.amountCents])).toEqual([[1, 'Slagerij Vos', 31_40]]);
  });

  it('lets the chief override encoding, layout and header row', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    const contentBase64 = b64('triodos.csv');
    const w1252 = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 't.csv', contentBase64, encoding: 'windows-1252' });
    expect(w1252.rows[1]!.payee).toBe('¦a¨ko ¼uvre & ´agar');
    const withHeader = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 't.csv', contentBase64, headerRow: 0 });
    expect(withHeader.headerRow).toBe(0);
    expect(withHeader.layout.id).toBe('generiek-kop');
    expect(withHeader.dataRows).toBe(2);
    const generic = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName: 't.csv', contentBase64, layout: 'generiek-zonder-kop' });
    expect(generic.layout.id).toBe('generiek-zonder-kop');
    expect(generic.rows).toHaveLength(3);
  });

  it('reads the payee from descriptions as each bank writes them', () => {
    expect(payeeFromDescription('BEA, Google Pay                  SumUp  *Koffiebar Oost,PAS456   NR:01234567, 20.12.23/11:59')).toBe('SumUp *Koffiebar Oost');
    expect(payeeFromDescription('SEPA Incasso algemeen doorlopend Incassant: NL01ZZZ0123  Naam: STREAMDIENST B.V.Machtiging: DD-1 Omschrijving: x')).toBe('STREAMDIENST B.V.');
    expect(payeeFromDescription('/TRTP/iDEAL/IBAN/NL01ABNA0123456789/BIC/ABNANL2A/NAME/Tikkie Zakelijk/REMI/B2023/EREF/31-12-2023')).toBe('Tikkie Zakelijk');
    expect(payeeFromDescription('/TRTP/SEPA OVERBOEKING/NAME/Laatste Veld BV')).toBe('Laatste Veld BV');
    expect(payeeFromDescription('[PIN BETALING]Fietsenmaker Jansen >ZEIST 01.11.2026')).toBe('Fietsenmaker Jansen');
    expect(payeeFromDescription('Fietsenmaker Jansen >ZEIST', { volksbank: true })).toBe('Fietsenmaker Jansen');
    expect(payeeFromDescription('Fietsenmaker Jansen >ZEIST')).toBe('');
    expect(payeeFromDescription('DROGISTERIJ MOL \\DEN HAAG \\ BEA')).toBe('DROGISTERIJ MOL');
    expect(payeeFromDescription('Bijdrage buurtavond')).toBe('');
  });
});
