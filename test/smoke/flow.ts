/**
 * What the smoke test does in the window, as a chief would, with the selectors of the end-to-end
 * tests (test/e2e/welcome.test.ts, budget.test.ts, print.test.ts). The same functions run against
 * the browser harness in test/e2e/smoke-flow.test.ts, so they are proven where Electron cannot run.
 */
import type { Page } from 'playwright-core';

export const SMOKE_TEAM = 'Basisteam Rooktest-Oost';
export const SMOKE_PAYEE = 'Drukkerij Rookproef';
/** An amount that appears nowhere else in an empty store, so the PDF check cannot match by chance. */
export const SMOKE_AMOUNT = '987,65';
export const SMOKE_AMOUNT_TEXT = '€ 987,65';

export async function waitForWelcome(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Welkom bij Teamchef' }).waitFor({ timeout: 30_000 });
}

export async function createTeam(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Naam van het basisteam', exact: true }).fill(SMOKE_TEAM);
  await page.getByRole('combobox', { name: 'Eenheid' }).click();
  await page.getByRole('option', { name: 'Midden-Nederland' }).click();
  await page.getByRole('textbox', { name: 'District', exact: true }).fill('Utrecht-Stad');
  const gemeenten = page.getByRole('combobox', { name: 'Gemeenten' });
  await gemeenten.fill('Utrecht');
  await gemeenten.press('Enter');
  await page.getByRole('textbox', { name: 'Formatie (fte)', exact: true }).fill('142,5');
  await page.getByRole('textbox', { name: 'Inwoners', exact: true }).fill('120000');
  await page.getByRole('textbox', { name: 'Oppervlakte (km²)', exact: true }).fill('31,4');
  await page.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Team aanmaken' }).click();
  await page.getByRole('heading', { name: 'Overzicht' }).waitFor();
  await expectText(page.getByTestId('team-name').textContent(), SMOKE_TEAM, 'team name on the dashboard');
}

export async function recordExpense(page: Page): Promise<void> {
  await navigate(page, 'Versterkingsgelden');
  await page.getByRole('tab', { name: 'Uitgaven' }).click();
  await page.getByRole('button', { name: 'Uitgave opslaan' }).waitFor();
  // The date field starts at today, which lies in the print screen's default period (this year).
  await page.getByRole('textbox', { name: 'Bedrag', exact: true }).fill(SMOKE_AMOUNT);
  await page.getByRole('textbox', { name: 'Tegenpartij', exact: true }).fill(SMOKE_PAYEE);
  await page.getByRole('button', { name: 'Uitgave opslaan' }).click();
  await page.getByText('De uitgave is opgeslagen.').waitFor();
  await expectExpenseListed(page);
}

/** The expense is in the list (after a restart too). */
export async function expectExpenseListed(page: Page): Promise<void> {
  await navigate(page, 'Versterkingsgelden');
  await page.getByRole('tab', { name: 'Uitgaven' }).click();
  await page.getByText(SMOKE_PAYEE).first().waitFor();
  await expectText(page.getByTestId('expense-count').textContent(), `1 van 1 uitgaven · totaal ${SMOKE_AMOUNT_TEXT}`, 'expense list');
}

/** The full overview (the print screen's default) through "Opslaan als PDF…"; resolves with the confirmation text. */
export async function savePdf(page: Page): Promise<string> {
  await navigate(page, 'Afdrukken');
  // The paper preview is drawn on demand.
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  await page.getByTestId('report-preview').getByTestId('report-title').waitFor({ timeout: 30_000 });
  await expectText(page.getByTestId('report-preview').getByTestId('report-title').textContent(), `Voortgangsoverzicht — ${SMOKE_TEAM}`, 'print preview title');
  await page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
  const done = page.getByText(/opgeslagen als/);
  await done.waitFor({ timeout: 60_000 });
  return (await done.textContent()) ?? '';
}

/** Switches the interface language in Settings (the menu follows it). */
export async function chooseLanguage(page: Page, language: 'nl' | 'en'): Promise<void> {
  await navigate(page, language === 'en' ? 'Instellingen' : 'Settings');
  await page.getByText(language === 'en' ? 'English' : 'Nederlands', { exact: true }).click();
  await page.getByRole('navigation').getByRole('link', { name: language === 'en' ? 'Dashboard' : 'Overzicht', exact: true }).waitFor();
}

/** A screen from the navigation at the side (the dashboard's tiles link to the same screens). */
async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

async function expectText(actual: Promise<string | null>, expected: string, what: string): Promise<void> {
  // Amounts on screen hold the sign and the number together with a no-break space.
  const text = (await actual)?.trim().replace(/\s+/g, ' ');
  if (text !== expected.replace(/\s+/g, ' ')) throw new Error(`${what}: expected "${expected}", found "${text}"`);
}
