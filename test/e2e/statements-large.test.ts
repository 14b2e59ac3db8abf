import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankStatementCsv } from '../bench/generate';
import { budgetFixture } from '../unit/budget-fixtures';
import { startApp, type AppHarness } from './harness/app';

const LINES = 10_000;
/** The one incoming line nothing explains: other income, waiting for the chief's reason. */
const LONELY = 9_990;

/**
 * The bench's 10,000-line ING statement (5% incoming). Every incoming line is made the card
 * refund of the purchase just before it (same shop, same day, €1), so the app proposes a match for
 * each; one line far down is a transfer from someone the team never paid: other income, no reason yet.
 */
function statement(): Buffer {
  const lines = bankStatementCsv(LINES, 15, { incomingShare: 0.05 }).trimEnd().split('\r\n');
  const fields = (l: string) => l.slice(1, -1).split('";"');
  const join = (f: string[]) => `"${f.join('";"')}"`;
  for (let i = 2; i < lines.length; i++) {
    const f = fields(lines[i]!);
    const before = fields(lines[i - 1]!);
    if (i === LONELY) lines[i] = join([before[0]!, 'Stichting Vrienden van de Wijk', f[2]!, f[3]!, 'GT', 'Bij', '250,00', 'Overschrijving', 'Bijdrage buurtavond']);
    else if (f[5] === 'Bij' && before[5] === 'Af') lines[i] = join([before[0]!, before[1]!, f[2]!, f[3]!, f[4]!, 'Bij', '1,00', 'Betaalautomaat', 'Terugboeking']);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

describe('a 10,000-line bank statement in the browser', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1366, height: 768 }, seed: async (core) => void (await budgetFixture(core)) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the preview with only the lines in view drawn, says why Inlezen waits, and a reason far down releases it', async () => {
    const { page } = app;
    await app.open('/funds');
    await page.getByRole('tab', { name: 'Inlezen' }).click();
    await page.locator('#import-file').setInputFiles({ name: 'ing-10000.csv', mimeType: 'text/csv', buffer: statement() });
    await page.getByTestId('import-incoming').waitFor({ timeout: 20_000 });
    const counts = (await page.getByTestId('import-counts').textContent()) ?? '';
    const bij = Number(/bijschrijvingen: (\d+)/.exec(counts)?.[1]);
    expect(bij).toBeGreaterThan(300);

    // Virtualised: a few dozen lines are in the page, not ten thousand.
    const drawn = await page.evaluate(() => ({
      out: document.querySelectorAll('[data-testid^="import-row-"]').length,
      inc: document.querySelectorAll('[data-testid^="incoming-"][role="row"]').length,
      all: document.getElementsByTagName('*').length,
    }));
    expect(drawn.out).toBeGreaterThan(5);
    expect(drawn.out).toBeLessThan(60);
    expect(drawn.inc).toBeGreaterThan(1);
    expect(drawn.inc).toBeLessThan(30);
    expect(drawn.all).toBeLessThan(5_000);

    // The commit waits, and the screen says why, at the top and beside the button.
    const commit = page.getByTestId('import-commit');
    expect(await commit.isDisabled()).toBe(true);
    const note = page.getByTestId('import-pending');
    expect(await note.textContent()).toContain(`1 bijschrijving wacht nog op een keuze of reden (regel ${LONELY + 1})`);
    expect(await page.getByTestId('import-pending-bottom').isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/statements-large-preview.png' });
    await page.getByTestId('import-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/statements-large-lines.png' });

    // "Toon" scrolls the far-down line into view with the cursor in its reason.
    await note.getByRole('button', { name: `Toon regel ${LONELY + 1}` }).click();
    const reason = page.getByRole('textbox', { name: `Reden Regel ${LONELY + 1}` });
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId(`incoming-${LONELY + 1}`).textContent()).toContain('Stichting Vrienden van de Wijk');
    await page.keyboard.type('Bijdrage voor de buurtavond');
    expect(await reason.inputValue()).toBe('Bijdrage voor de buurtavond');
    await expect.poll(() => commit.isDisabled()).toBe(false);
    expect(await note.count()).toBe(0);
    await page.screenshot({ path: 'test-results/statements-large-reason.png' });

    // A proposed refund can be turned into skipping, which again waits for a reason.
    const first = page.getByTestId('incoming-scroll').locator('[role="row"]').first();
    const row = Number(await first.locator('[role="cell"]').first().textContent());
    // The list measures its rows as they draw; a click that lands while it re-measures can close the
    // dropdown again, so the choice is made again until the option shows (at most three tries).
    for (let attempt = 1; ; attempt++) {
      await page.getByRole('combobox', { name: `Wat is het? Regel ${row}` }).click();
      try {
        await page.getByRole('option', { name: 'Overslaan' }).click({ timeout: 5000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        await page.keyboard.press('Escape');
      }
    }
    await expect.poll(() => commit.isDisabled()).toBe(true);
    expect(await note.textContent()).toContain(`(regel ${row})`);
    await page.getByRole('textbox', { name: `Reden Regel ${row}` }).fill('Dubbel geboekt door de bank');
    await expect.poll(() => commit.isDisabled()).toBe(false);

    // A duplicate's tick is one line's business.
    const tick = page.getByRole('checkbox', { name: 'Inlezen Regel 2', exact: true });
    await tick.uncheck();
    expect(await tick.isChecked()).toBe(false);
    await tick.check();
  });
});
