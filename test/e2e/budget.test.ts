import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { budgetFixture } from '../unit/budget-fixtures';
import { snapshot } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';

const Y = new Date().getFullYear();
const count = (app: AppHarness, sql: string) => (app.core.db.prepare(sql).get() as { n: number }).n;

/** Shaped like an ING export: BOM, `;`, quoted fields, yyyymmdd, a separate Af/Bij column. */
const CSV = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(
    [
      '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"',
      `"${Y}0302";"Koffiebar De Hoek";"NL01INGB0001234567";"";"BA";"Af";"25,00";"Betaalautomaat";"Koffie met een cop; wijk Oost"`,
      `"${Y}0303";"Gemeente Utrecht";"NL01INGB0001234567";"";"GT";"Bij";"500,00";"Overschrijving";"Bijdrage"`,
      `"${Y}0304";"Bouwmarkt";"NL01INGB0001234567";"";"BA";"Af";"100,00";"Betaalautomaat";"Materiaal pop-up"`,
    ].join('\r\n'),
  ),
]);

describe('versterkingsgelden in the browser', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({ seed: (core) => budgetFixture(core).then(() => undefined) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('enters a year budget and two decisions, the second over budget and confirmed with a reason', async () => {
    const { page } = app;
    await app.open('/funds');
    await page.getByText('Begin met de toekenning voor dit jaar.').waitFor();

    // Year budget.
    await page.getByRole('textbox', { name: 'Bedrag', exact: true }).fill('10.000,00');
    await page.getByRole('button', { name: 'Bedrag vastleggen' }).click();
    await expect.poll(() => page.getByTestId('total-available').textContent()).toBe('€\u00a010.000,00');

    // Decisions: the second goes beyond what is left and needs a confirmation with a reason.
    await page.getByRole('tab', { name: 'Besluiten' }).click();
    await page.getByRole('button', { name: 'Besluit opslaan' }).waitFor();
    const decide = async (title: string, amount: string) => {
      await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(title);
      await page.getByRole('textbox', { name: 'Bedrag', exact: true }).fill(amount);
      await page.getByRole('textbox', { name: 'Datum', exact: true }).fill(`01-02-${Y}`);
      await page.getByRole('combobox', { name: 'Opgave' }).click();
      await page.getByRole('option', { name: /Versterken van wendbare nabijheid/ }).click();
      await page.getByRole('button', { name: 'Besluit opslaan' }).click();
    };
    await decide('Pop-up bureau', '6.000,00');
    await page.getByText('Het besluit is opgeslagen.').waitFor();
    await decide('Webcare', '5.000,00');
    const dialog = page.getByRole('dialog', { name: 'Boven het beschikbare bedrag' });
    await dialog.getByText(/gaat boven wat er in \d{4} nog beschikbaar is \(€ 4\.000,00\)/).waitFor();
    expect(count(app, 'SELECT count(*) AS n FROM budget_decision')).toBe(1);
    await dialog.getByRole('textbox', { name: 'Reden om toch te besluiten' }).fill('Akkoord in de driehoek');
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => count(app, "SELECT count(*) AS n FROM budget_decision WHERE over_budget_reason = 'Akkoord in de driehoek'")).toBe(1);

  });

  it('refuses a bad amount and date in the form, records expenses, reverses one and voids one', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Uitgaven' }).click();
    await page.getByRole('button', { name: 'Uitgave opslaan' }).waitFor();
    const amount = page.getByRole('textbox', { name: 'Bedrag', exact: true });
    const add = async (payee: string, value: string, decision?: string) => {
      await page.getByRole('textbox', { name: 'Datum', exact: true }).fill(`10-03-${Y}`);
      await amount.fill(value);
      await page.getByRole('textbox', { name: 'Tegenpartij', exact: true }).fill(payee);
      if (decision) {
        await page.getByRole('combobox', { name: 'Besluit' }).click();
        await page.getByRole('option', { name: decision }).click();
      }
      await page.getByRole('button', { name: 'Uitgave opslaan' }).click();
    };
    await add('Drukkerij', '12,345');
    await page.getByText('Geen geldig bedrag (bijvoorbeeld 1.234,56).').waitFor();
    expect(await amount.inputValue()).toBe('12,345');
    await page.getByRole('textbox', { name: 'Datum', exact: true }).fill(`31-02-${Y}`);
    await amount.fill('1.234,56');
    await page.getByRole('button', { name: 'Uitgave opslaan' }).click();
    await page.getByText('Geen geldige datum (verwacht dd-mm-jjjj).').waitFor();
    expect(count(app, 'SELECT count(*) AS n FROM expense')).toBe(0);

    await add('Drukkerij', '1.234,56', 'Pop-up bureau');
    await expect.poll(() => count(app, 'SELECT count(*) AS n FROM expense')).toBe(1);
    await add('Albert Heijn', '12,50');
    await expect.poll(() => count(app, 'SELECT count(*) AS n FROM expense')).toBe(2);
    await add('Bakker', '45,00');
    await expect.poll(() => count(app, 'SELECT count(*) AS n FROM expense')).toBe(3);

    // On a laptop a row's actions are in its Acties menu.
    await page.getByRole('button', { name: 'Acties: Albert Heijn € 12,50' }).click();
    await page.getByRole('menuitem', { name: 'Terugdraaien' }).click();
    let modal = page.getByRole('dialog', { name: 'Uitgave terugdraaien' });
    await modal.getByRole('textbox', { name: 'Reden' }).fill('Verkeerde pas gebruikt');
    await modal.getByRole('button', { name: 'Terugdraaien' }).click();
    await page.getByText('De uitgave is teruggedraaid met een tegenboeking.').waitFor();

    await page.getByRole('button', { name: 'Acties: Bakker € 45,00' }).click();
    await page.getByRole('menuitem', { name: 'Laten vervallen' }).click();
    modal = page.getByRole('dialog', { name: 'Uitgave laten vervallen' });
    await modal.getByRole('button', { name: 'Laten vervallen' }).click();
    await modal.getByText('Geef een reden op.').waitFor(); // no reason: refused, modal stays
    await modal.getByRole('textbox', { name: 'Reden' }).fill('Dubbel ingevoerd');
    await modal.getByRole('button', { name: 'Laten vervallen' }).click();
    await page.getByText('De uitgave is vervallen.').waitFor();
    await expect.poll(() => page.getByTestId('expense-count').textContent()).toBe('4 van 4 uitgaven · totaal €\u00a01.234,56');

    // Search filters the list.
    await page.getByRole('textbox', { name: 'Zoeken', exact: true }).fill('bakker');
    await expect.poll(() => page.getByTestId('expense-count').textContent()).toBe('1 van 4 uitgaven · totaal €\u00a00,00');

  });

  it('imports a bank CSV: preview with the credit row to decide on, then all debits in one go', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Inlezen' }).click();
    await page.locator('#import-file').setInputFiles({ name: 'ing.csv', mimeType: 'text/csv', buffer: CSV });
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-layout').textContent()).toBe('Herkend: ING — ING, kommagescheiden met puntkomma (;)');
    expect(await page.getByTestId('mapping-source').textContent()).toContain('Kolommen van deze bank');
    expect(await page.getByTestId('import-preview').textContent()).toContain('Koffie met een cop; wijk Oost');
    // The credit line is never dropped: the chief decides, here to skip it with a reason.
    const commit = page.getByTestId('import-commit');
    expect(await commit.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Reden Regel 3' }).fill('Loopt via de gemeente');
    await page.getByRole('combobox', { name: 'Wat is het? Regel 3' }).click();
    await page.getByRole('option', { name: 'Overslaan' }).click();
    await page.getByRole('button', { name: 'Inlezen (uitgaven: 2, terugbetalingen: 0, inkomsten: 0)' }).click();
    await page.getByText('Ingelezen. Uitgaven: 2, terugbetalingen: 0, inkomsten: 0, overgeslagen: 1.').waitFor();
    expect(count(app, 'SELECT count(*) AS n FROM expense WHERE import_batch_id IS NOT NULL')).toBe(2);

  });

  it('reads the overview back after a reload, with charts, tables, a verified audit trail and the history of a record', async () => {
    const { page } = app;
    await page.reload();
    await app.open('/funds');
    await expect.poll(() => page.getByTestId('total-spent').textContent()).toBe('€\u00a01.359,56');
    expect(await page.getByTestId('total-available').textContent()).toBe('€\u00a010.000,00');
    expect(await page.getByTestId('total-committed').textContent()).toBe('€\u00a09.765,44');
    expect(await page.getByTestId('total-left').textContent()).toBe('€\u00a0-1.125,00');
    expect(await page.getByTestId('total-level').getAttribute('data-level')).toBe('over');
    // The charts sit below the totals and are drawn when scrolled to.
    await page.getByTestId('chart-year').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=chart-year] svg.recharts-surface').first().waitFor();
    await page.locator('[data-testid=chart-opgave] .recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('table-opgave').textContent()).toBe('OpgaveBesteedVastgelegdVersterken van wendbare nabijheid€\u00a01.234,56€\u00a09.765,44Niet gekoppeld€\u00a0125,00€\u00a00,00');

    await page.getByRole('button', { name: 'Audittrail controleren' }).click();
    expect(await page.getByTestId('verify-result').textContent()).toMatch(/^De audittrail klopt: \d+ wijzigingen/);
    expect(checkBudgetInvariants(app.core.db)).toEqual([]);

    // The history of the voided expense shows the change field by field.
    const bakker = (app.core.db.prepare("SELECT id FROM expense WHERE payee = 'Bakker'").get() as { id: number }).id;
    await app.open(`/funds/history/expense/${bakker}`);
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
    expect(await page.getByTestId('history-entry').nth(1).textContent()).toContain('void_reason—Dubbel ingevoerd');

    // The home screen shows the same year totals.
    await app.open('/');
    const money = page.getByTestId('tile-money');
    await expect.poll(() => money.getByTestId('money-spent').textContent()).toBe('€\u00a01.359,56');
    expect(await money.getByTestId('money-available').textContent()).toBe('€\u00a010.000,00');
    expect(await money.getByTestId('money-committed').textContent()).toBe('€\u00a09.765,44');
    expect(await money.getByTestId('money-left').textContent()).toBe('€\u00a0-1.125,00');
  });

  it('refuses bad input straight to the API and changes nothing', async () => {
    const before = snapshot(app.core);
    const teamId = 1;
    const base = { teamId, date: `${Y}-03-10`, payee: 'X', description: '', paymentMethod: 'debitcard', receiptRef: '' };
    const results = [
      await app.rawCall('budget.expenses.create', { ...base, amountCents: '12,345' }),
      await app.rawCall('budget.expenses.create', { ...base, amountCents: 1e17 }),
      await app.rawCall('budget.expenses.create', { ...base, amountCents: 12.5 }),
      await app.rawCall('budget.expenses.create', { ...base, amountCents: 100, date: '31-02-2026' }),
      await app.rawCall('budget.expenses.create', { ...base, amountCents: 100, teamId: 2, decisionId: 1 }),
      await app.rawCall('budget.expenses.void', { teamId: 2, expenseId: 1, reason: 'x' }),
      await app.rawCall('budget.entries.add', { teamId, year: Y, date: `${Y}-01-01`, kind: 'toekenning', amountCents: 100, reason: '' }),
      await app.rawCall('budget.decisions.create', { teamId, date: `${Y}-05-01`, title: 'Te veel', amountCents: 1_000_00, rationale: '', decidedBy: '', status: 'genomen' }),
      await app.rawCall('budget.import.commit', { teamId, fileName: 'x.csv', contentBase64: Buffer.from(`Datum;Naam;Bedrag\n31-02-${Y};X;-1,00`).toString('base64'), mapping: { dateColumn: 0, dateFormat: 'dd-mm-jjjj', amountColumn: 2, signMode: 'teken', directionColumn: null, debitValues: [], payeeColumn: 1, descriptionColumn: null }, paymentMethod: 'debitcard', skipRows: [] }),
      await app.rawCall('audit.history', { teamId: 2, entity: 'expense', entityId: 1 }),
    ];
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION', 'NOT_FOUND', 'NOT_FOUND', 'VALIDATION', 'CONFLICT', 'VALIDATION', 'NOT_FOUND',
    ]);
    for (const r of results) if (!r.ok) expect(r.error.message).not.toMatch(/\n\s+at |node_modules|\.tsx?:\d/);
    expect(snapshot(app.core)).toEqual(before);
    expect(checkBudgetInvariants(app.core.db)).toEqual([]);
  });
});
