import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { budgetFixture } from '../unit/budget-fixtures';
import { call, snapshot } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';

const Y = new Date().getFullYear();
const count = (app: AppHarness, sql: string) => (app.core.db.prepare(sql).get() as { n: number }).n;
const pad = (...blocks: string[]) => blocks.map((b) => b.padEnd(32)).join('');

/** ABN AMRO's TXT/TAB: no header, tabs, a card payment and the card refund of last week's bakery purchase. */
const TAB = Buffer.from(
  [
    ['123456789', 'EUR', `${Y}0105`, '1500,00', '1487,75', `${Y}0105`, '-12,25', pad('BEA, Betaalpas', 'Kiosk Centraal,PAS017', `NR:4KX1Z9, 05.01.${String(Y).slice(2)}/08:02`, 'UTRECHT')],
    ['123456789', 'EUR', `${Y}0109`, '1487,75', '1494,00', `${Y}0109`, '6,25', pad('BEA, Betaalpas', 'Bakkerij Noordhoek,PAS017', `NR:4KX1Z9, 09.01.${String(Y).slice(2)}/09:02`, 'UTRECHT', 'TERUGBOEKING BEA-TRANSACTIE')],
  ]
    .map((r) => r.join('\t'))
    .join('\r\n') + '\r\n',
  'latin1',
);
const XLSX = readFileSync(join(import.meta.dirname, '../fixtures/bank/financien-overzicht.xlsx'));

describe('bank statements and refunds in the browser', () => {
  let app: AppHarness;
  let bakery = 0;
  beforeAll(async () => {
    app = await startApp({
      seed: async (core) => {
        const { teamId } = await budgetFixture(core);
        await call(core, 'budget.entries.add', { teamId, year: Y, date: `${Y}-01-01`, kind: 'toekenning', amountCents: 1_000_00, reason: '' });
        bakery = (await call<{ id: number }>(core, 'budget.expenses.create', {
          teamId, date: `${Y}-01-02`, amountCents: 18_75, payee: 'Bakkerij Noordhoek', description: 'Broodjes overleg', paymentMethod: 'debitcard', receiptRef: '',
        })).id;
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports a statement with a card refund: the proposed match is accepted and Besteed goes down on the overview and the dashboard', async () => {
    const { page } = app;
    await app.open('/funds');
    await expect.poll(() => page.getByTestId('total-spent').textContent()).toBe('€\u00a018,75');
    await page.getByRole('tab', { name: 'Inlezen' }).click();
    // The app's own button in Dutch opens the system's file chooser (not the browser's "Choose File").
    const fileName = page.locator('#import-file-name');
    expect(await fileName.textContent()).toBe('Geen bestand gekozen');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Bestand kiezen…' }).click()]);
    await chooser.setFiles({ name: `TXT${Y}0110.TAB`, mimeType: '', buffer: TAB });
    await page.getByTestId('import-incoming').waitFor();
    expect(await fileName.textContent()).toBe(`TXT${Y}0110.TAB`);
    expect(await page.getByTestId('import-layout').textContent()).toBe('Herkend: ABN AMRO — ABN AMRO TXT/TAB (tabs, zonder kopregel)');
    expect(await page.getByTestId('import-counts').textContent()).toContain('Uitgaven: 1 · bijschrijvingen: 1 · mogelijk dubbel: 0.');
    // The first line of a file without a header is a transaction, not a title.
    expect(await page.getByTestId('import-row-1').textContent()).toContain('Kiosk Centraal');
    const incoming = page.getByTestId('incoming-2');
    expect(await incoming.textContent()).toContain('Bakkerij Noordhoek');
    expect(await incoming.getByRole('combobox', { name: 'Wat is het? Regel 2' }).inputValue()).toBe('Terugbetaling van een uitgave');
    expect(await incoming.getByRole('combobox', { name: 'Terugbetaling van Regel 2' }).inputValue()).toBe(`02-01-${Y} · Bakkerij Noordhoek · €\u00a018,75 (nog €\u00a018,75)`);
    await page.screenshot({ path: 'test-results/statements-preview.png', fullPage: true });
    await page.getByRole('button', { name: 'Inlezen (uitgaven: 1, terugbetalingen: 1, inkomsten: 0)' }).click();
    await page.getByText('Ingelezen. Uitgaven: 1, terugbetalingen: 1, inkomsten: 0, overgeslagen: 0.').waitFor();
    expect(count(app, `SELECT count(*) AS n FROM refund WHERE expense_id = ${bakery} AND amount_cents = 625`)).toBe(1);

    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await expect.poll(() => page.getByTestId('total-spent').textContent()).toBe('€\u00a024,75');
    await app.open('/');
    await expect.poll(() => page.getByTestId('tile-money').getByTestId('money-spent').textContent()).toBe('€\u00a024,75');

    // The refund is in the expense's history.
    await app.open(`/funds/history/expense/${bakery}`);
    await page.getByTestId('expense-refunds').waitFor();
    expect(await page.getByTestId('expense-refunds').textContent()).toContain(`09-01-${Y}€\u00a06,25Terugbetaling uit bankafschrift`);
    expect(checkBudgetInvariants(app.core.db)).toEqual([]);
  });

  it('flags every line of the same file dropped on the screen a second time as a duplicate', async () => {
    const { page } = app;
    await app.open('/funds');
    await page.getByRole('tab', { name: 'Inlezen' }).click();
    const drop = page.getByTestId('import-drop');
    await drop.waitFor();
    const transfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'TXT-opnieuw.TAB'));
      return dt;
    }, [...TAB]);
    await drop.dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByTestId('import-incoming').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toContain('Uitgaven: 1 · bijschrijvingen: 1 · mogelijk dubbel: 2.');
    expect(await page.getByTestId('import-row-1').textContent()).toMatch(/Al ingelezen als uitgave \d+/);
    expect(await page.getByTestId('incoming-2').textContent()).toMatch(/Al ingelezen als terugbetaling \d+/);
    expect(await page.getByRole('combobox', { name: 'Wat is het? Regel 2' }).inputValue()).toBe('Overslaan');
    expect(await page.getByRole('checkbox', { name: 'Inlezen Regel 1' }).isChecked()).toBe(false);
  });

  it('imports the finance department’s .xlsx overview from a chosen worksheet', async () => {
    const { page } = app;
    await app.open('/funds');
    await page.getByRole('tab', { name: 'Inlezen' }).click();
    await page.locator('#import-file').setInputFiles({ name: 'Overzicht 2026.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: XLSX });
    await page.getByRole('combobox', { name: 'Werkblad' }).click();
    await page.getByRole('option', { name: 'Uitgaven 2026' }).click();
    await page.getByTestId('import-incoming').waitFor();
    expect(await page.getByTestId('import-layout').textContent()).toBe('Indeling: Excel-overzicht (.xlsx)');
    expect(await page.getByTestId('import-notes').textContent()).toContain('Regel 8: een totaalregel');
    await page.getByRole('combobox', { name: 'Betaalwijze voor alle regels' }).click();
    await page.getByRole('option', { name: 'Factuur' }).click();
    await page.getByRole('button', { name: 'Inlezen (uitgaven: 3, terugbetalingen: 1, inkomsten: 0)' }).click();
    await page.getByText('Ingelezen. Uitgaven: 3, terugbetalingen: 1, inkomsten: 0, overgeslagen: 0.').waitFor();
    expect(count(app, "SELECT count(*) AS n FROM expense WHERE payment_method = 'factuur' AND year = 2026")).toBe(3);
    expect(count(app, "SELECT count(*) AS n FROM refund WHERE amount_cents = 8900")).toBe(1);
  });

  it('previews a 10,000-line statement with only the lines in view drawn, with the window responsive', async () => {
    const { page } = app;
    await app.open('/funds');
    await page.getByRole('tab', { name: 'Inlezen' }).click();
    const lines = ['"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`"${Y}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}";"Winkel ${i}";"NL01INGB0001234567";"";"BA";"Af";"${(i % 500) + 1},${String(i % 100).padStart(2, '0')}";"Betaalautomaat";"Pasvolgnr 001 regel ${i}"`);
    await page.locator('#import-file').setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-counts').textContent()).toContain('Uitgaven: 10000');
    const drawn = () => page.getByTestId('import-preview').locator('[role="row"][aria-rowindex]').count();
    expect(await drawn()).toBeGreaterThan(5);
    expect(await drawn()).toBeLessThan(60);
    expect(await page.getByTestId('import-preview').getAttribute('aria-rowcount')).toBe('10001');
    // The list answers at once: the last line is drawn as soon as the list is scrolled to the end.
    const t0 = Date.now();
    await page.getByTestId('import-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.getByTestId('import-row-10001').waitFor();
    expect(await page.getByTestId('import-row-10001').textContent()).toContain('Winkel 9999');
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(await drawn()).toBeLessThan(60);
  });

  it('refuses a broken file whole, naming the line, and changes nothing', async () => {
    const { page } = app;
    const before = snapshot(app.core);
    await app.open('/funds');
    await page.getByRole('tab', { name: 'Inlezen' }).click();
    const bad = Buffer.from(`Datum;Naam;Bedrag\r\n02-01-${Y};Bakker;-3,00\r\n03-01-${Y};Slager;tien euro\r\n`, 'utf8');
    await page.locator('#import-file').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: bad });
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain('Regel 3: "tien euro" is geen geldig bedrag.');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    const teamId = 1;
    const mapping = { dateColumn: 0, dateFormat: 'dd-mm-jjjj', amountColumn: 2, signMode: 'teken', directionColumn: null, debitValues: [], payeeColumn: 1, descriptionColumn: null };
    const commit = (text: string) =>
      app.rawCall('budget.import.commit', { teamId, fileName: 'x.csv', contentBase64: Buffer.from(text).toString('base64'), mapping, paymentMethod: 'debitcard', skipRows: [] });
    const results = [
      await commit(`Datum;Naam;Bedrag\n02-01-${Y};Bakker;-3,00\n03-01-${Y};Slager;tien euro`),
      await commit(`Datum;Naam;Bedrag\n02-01-${Y};Bakker;-3,00\n31-02-${Y};Slager;-4,00`),
      await commit(`Datum;Naam;Bedrag\n02-01-${Y};Bakker;-3,00\n03-01-${Y};"Slager;-4,00\n04-01-${Y};Kapper;-5,00`),
      await commit(''),
    ];
    expect(results.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual([
      'Regel 3: "tien euro" is geen geldig bedrag. Er is niets ingelezen.',
      `Regel 3: "31-02-${Y}" is geen geldige datum (verwacht dd-mm-jjjj). Er is niets ingelezen.`,
      expect.stringMatching(/^Regel 3: een aanhalingsteken wordt niet gesloten\. Er is niets ingelezen/),
      'Het bestand is leeg.',
    ]);
    expect(snapshot(app.core)).toEqual(before);
  });
});
