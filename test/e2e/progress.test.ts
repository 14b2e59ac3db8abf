import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../electron/api/team';
import { fixedClock } from '../../electron/core/clock';
import { PROFILE, snapshot } from '../unit/helpers';
import { addAction, addCluster, chooseOpgave } from '../unit/progress-fixtures';
import { startApp, type AppHarness } from './harness/app';
import { drawDeferred } from './harness/screens';

const WEB = 'Werken in wijk en web';
const NABIJ = 'Versterken van wendbare nabijheid';

async function recordCheckin(
  page: Page,
  opgave: string,
  c: { date: string; status: string; progress: string; confidence: string; nextSteps?: string },
): Promise<void> {
  await page.getByRole('button', { name: `Check-in vastleggen: ${opgave}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Datum', exact: true }).fill(c.date);
  await dialog.getByRole('radio', { name: c.status, exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Voortgang (%)', exact: true }).fill(c.progress);
  await dialog.getByRole('textbox', { name: 'Vertrouwen (1–10)', exact: true }).fill(c.confidence);
  if (c.nextSteps) await dialog.getByRole('textbox', { name: 'Volgende stappen', exact: true }).fill(c.nextSteps);
  // Saving re-reads the store and redraws the charts; on a busy machine that takes a while.
  await dialog.getByRole('button', { name: 'Opslaan' }).click({ timeout: 30_000 });
  await dialog.waitFor({ state: 'detached', timeout: 30_000 });
}

/** The chart's table view: one row per point, values read from data attributes; a card below the window is drawn when scrolled to. */
const chartRows = async (page: Page, testId: string) => {
  const card = page.getByTestId(testId);
  await card.scrollIntoViewIfNeeded();
  if ((await card.getAttribute('data-points')) !== '0') await card.getByTestId('chart-table').waitFor();
  return card
    .getByTestId('chart-row')
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-date'), Number(r.getAttribute('data-progress')), Number(r.getAttribute('data-confidence'))]));
};

describe('progress over time: check-ins, charts and the dashboard', () => {
  let app: AppHarness;
  let teamId = 0;
  let web = 0;
  let nabij = 0;
  beforeAll(async () => {
    app = await startApp({
      clock: fixedClock('2026-06-15'),
      seed: async (core) => {
        const created = (await core.dispatch('team.create', PROFILE)) as { ok: true; data: Team };
        teamId = created.data.id;
        web = chooseOpgave(core, teamId, 1, { periodStart: '2026-01-01', periodEnd: '2026-12-31', priority: 1 });
        nabij = chooseOpgave(core, teamId, 4, { periodStart: '2026-01-01', periodEnd: '2026-12-31', priority: 2 });
        addAction(core, teamId, web, { title: 'Webcare met de hogeschool', dueDate: '2026-06-01', status: 'lopend' });
        addAction(core, teamId, web, { title: 'Spreekuur via WhatsApp', dueDate: '2026-03-01', status: 'afgerond', doneDate: '2026-02-20' });
        addCluster(core, teamId, { name: 'Oost', fte: 40, wijkagenten: 6, startDate: '2025-01-01', endDate: '2026-03-31' });
        addCluster(core, teamId, { name: 'Oost-Noord', fte: 22, wijkagenten: 3, startDate: '2026-04-01' });
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('records check-ins over several months for two opgaven through the UI; charts and tables follow', async () => {
    const { page } = app;
    await app.open('/progress');
    await page.getByRole('heading', { name: 'Voortgang', level: 1 }).waitFor();
    // Nothing recorded yet: both check-ins are overdue since February.
    await expect.poll(() => page.getByTestId('next-due').first().getAttribute('data-overdue')).toBe('true');

    // January and May of "wijk en web" come in through the API; the other months through the form.
    for (const [date, progress, confidence] of [['2026-01-31', 10, 6], ['2026-05-31', 40, 8]] as const) {
      await app.rawCall('progress.checkins.create', { teamId, checkin: { teamOpgaveId: web, date, status: 'op-koers', progress, confidence } });
    }
    await recordCheckin(page, WEB, { date: '28-02-2026', status: 'Op koers', progress: '25', confidence: '7' });
    await recordCheckin(page, NABIJ, { date: '15-03-2026', status: 'Achter', progress: '50', confidence: '3', nextSteps: 'Pop-up bureau regelen' });
    await recordCheckin(page, WEB, { date: '30-04-2026', status: 'Aandacht nodig', progress: '20', confidence: '5' });
    await recordCheckin(page, NABIJ, { date: '10-06-2026', status: 'Op koers', progress: '60', confidence: '7' });

    // Correct the February check-in: a new row, the old one kept and marked.
    await page.getByRole('button', { name: `Corrigeren: ${WEB} 28-02-2026` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Voortgang (%)', exact: true }).fill('30');
    await dialog.getByRole('textbox', { name: 'Reden van de correctie', exact: true }).fill('Telling van februari herzien');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.core.db.prepare('SELECT date, progress, corrects_id IS NOT NULL AS fix FROM checkin WHERE date = ? ORDER BY id').all('2026-02-28')).toEqual([
      { date: '2026-02-28', progress: 25, fix: 0 },
      { date: '2026-02-28', progress: 30, fix: 1 },
    ]);
    expect(await page.getByTestId('checkin-row').count()).toBe(7);
    expect(await page.locator('[data-testid="checkin-row"][data-corrected="true"]').count()).toBe(1);

    // The year 2026 (the default): the right number of points at the right values.
    await expect.poll(() => page.getByTestId(`chart-opgave-${web}`).getAttribute('data-points')).toBe('4');
    expect(await chartRows(page, `chart-opgave-${web}`)).toEqual([
      ['2026-01-31', 10, 6],
      ['2026-02-28', 30, 7],
      ['2026-04-30', 20, 5],
      ['2026-05-31', 40, 8],
    ]);
    expect(await chartRows(page, `chart-opgave-${nabij}`)).toEqual([
      ['2026-03-15', 50, 3],
      ['2026-06-10', 60, 7],
    ]);
    expect(await chartRows(page, 'chart-team')).toEqual([
      ['2026-01-31', 10, 6],
      ['2026-02-28', 30, 7],
      ['2026-03-15', 40, 5],
      ['2026-04-30', 35, 4],
      ['2026-05-31', 45, 5.5],
      ['2026-06-10', 50, 7.5],
    ]);
    // The chart itself drew a dot per point (progress and confidence lines), with Dutch axis labels;
    // charts below the window are drawn when scrolled to.
    await drawDeferred(page);
    expect(await page.getByTestId(`chart-opgave-${web}`).locator('.recharts-line-dots').first().locator('circle').count()).toBe(4);
    expect(await page.getByTestId('chart-team').locator('.recharts-label').allTextContents()).toEqual(
      expect.arrayContaining(['Datum', 'Voortgang (%)', 'Vertrouwen (1–10)']),
    );
    // Cluster size over time: Oost until March, Oost-Noord from April, up to today.
    expect(await page.getByTestId('chart-clusters').getAttribute('data-points')).toBe('3');

    // The second quarter: fewer points, other values.
    await page.getByTestId('period-picker').getByText('Kwartaal', { exact: true }).click();
    await expect.poll(() => page.getByTestId('period-picker').getAttribute('data-from')).toBe('2026-04-01');
    await expect.poll(() => page.getByTestId(`chart-opgave-${web}`).getAttribute('data-points')).toBe('2');
    expect(await chartRows(page, 'chart-team')).toEqual([
      ['2026-04-30', 35, 4],
      ['2026-05-31', 45, 5.5],
      ['2026-06-10', 50, 7.5],
    ]);
    expect(await page.getByTestId('period-label').textContent()).toBe('K2 2026');
    await page.getByRole('button', { name: 'Vorige periode' }).click();
    await expect.poll(() => page.getByTestId('period-picker').getAttribute('data-to')).toBe('2026-03-31');
    await expect.poll(() => chartRows(page, `chart-opgave-${nabij}`)).toEqual([['2026-03-15', 50, 3]]);
  }, 120_000);

  it('the dashboard shows the latest status, progress and trend, and follows the period', async () => {
    const { page } = app;
    await app.open('/');
    // The period choice (Q1 2026) carried over from the progress screen.
    await expect.poll(() => page.getByTestId('period-label').textContent()).toBe('K1 2026');
    const row = (id: number) => page.locator(`[data-testid="dashboard-opgave"][data-team-opgave-id="${id}"]`);
    await expect.poll(() => row(nabij).getByTestId('status-badge').getAttribute('data-status')).toBe('achter');
    expect(await row(web).getByTestId('dashboard-progress').textContent()).toBe('30%');
    expect(await row(web).getByTestId('trend').getAttribute('data-trend')).toBe('up');
    // One of two open opgaven behind at the end of Q1: the team is behind.
    expect(await page.getByTestId('overall-status').getByTestId('status-badge').getAttribute('data-status')).toBe('achter');

    await page.getByTestId('period-picker').getByText('Jaar', { exact: true }).click();
    await expect.poll(() => row(nabij).getByTestId('status-badge').getAttribute('data-status')).toBe('op-koers');
    expect(await row(web).getByTestId('dashboard-progress').textContent()).toBe('40%');
    expect(await row(nabij).getByTestId('dashboard-progress').textContent()).toBe('60%');
    expect(await row(web).getByTestId('trend').getAttribute('title')).toContain('+20 procentpunt');
    expect(await page.getByTestId('overall-status').getByTestId('status-badge').getAttribute('data-status')).toBe('op-koers');
    // Overdue: the webcare action (due 1 June), no check-ins overdue; the profile tile with the norm signal stays.
    expect(await page.getByTestId('overdue-actions').textContent()).toContain('Webcare met de hogeschool');
    expect(await page.getByTestId('overdue-checkins').count()).toBe(0);
    expect(await page.getByTestId('norm-verdict').textContent()).toBe('4 wijkagenten te weinig');
    expect(await page.getByTestId('tile-activity').textContent()).toContain('Check-in gecorrigeerd');
    // Each tile leads to its screen.
    await page.getByTestId('tile-opgaven').getByRole('link', { name: 'Gekozen opgaven' }).click();
    await page.getByRole('heading', { name: 'Voortgang', level: 1 }).waitFor();
  });

  it('refuses bad input in the form and at the bridge with clear Dutch errors, changing nothing', async () => {
    const { page } = app;
    await app.open('/progress');
    const before = snapshot(app.core);
    await page.getByRole('button', { name: `Check-in vastleggen: ${WEB}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Datum', exact: true }).fill('31-02-2026');
    await dialog.getByRole('radio', { name: 'Op koers', exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Voortgang (%)', exact: true }).fill('101');
    await dialog.getByRole('textbox', { name: 'Vertrouwen (1–10)', exact: true }).fill('0');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Geen geldige datum (verwacht dd-mm-jjjj).').waitFor();
    await dialog.getByText('De voortgang ligt tussen 0 en 100%.').waitFor();
    await dialog.getByText('Het vertrouwen is een heel getal van 1 tot en met 10.').waitFor();
    // A date in the future passes the form, the core refuses it on the date field; the input stays.
    await dialog.getByRole('textbox', { name: 'Datum', exact: true }).fill('16-06-2026');
    await dialog.getByRole('textbox', { name: 'Voortgang (%)', exact: true }).fill('45');
    await dialog.getByRole('textbox', { name: 'Vertrouwen (1–10)', exact: true }).fill('6');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Een check-in kan niet in de toekomst liggen.').first().waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Voortgang (%)', exact: true }).inputValue()).toBe('45%');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    expect(snapshot(app.core)).toEqual(before);

    const other = (await app.rawCall('team.create', { ...PROFILE, name: 'Basisteam Texel' })) as { ok: true; data: Team };
    const foreign = chooseOpgave(app.core, other.data.id, 2);
    const afterSetup = snapshot(app.core);
    const good = { teamOpgaveId: web, date: '2026-06-12', status: 'op-koers', progress: 50, confidence: 7 };
    const attempts = [
      { checkin: { ...good, progress: 101 } },
      { checkin: { ...good, confidence: 0 } },
      { checkin: { ...good, teamOpgaveId: 424242 } },
      { checkin: { ...good, teamOpgaveId: foreign } },
      { checkin: { ...good, date: 'gisteren' } },
    ];
    const results = [];
    for (const a of attempts) results.push(await app.rawCall('progress.checkins.create', { teamId, ...a }));
    expect(results.map((r) => (r.ok ? 'ok' : [r.error.code, r.error.message]))).toEqual([
      ['VALIDATION', 'De voortgang ligt tussen 0 en 100%.'],
      ['VALIDATION', 'Het vertrouwen is een heel getal van 1 tot en met 10.'],
      ['NOT_FOUND', 'De gekozen opgave bestaat niet (meer) of hoort niet bij dit team.'],
      ['NOT_FOUND', 'De gekozen opgave bestaat niet (meer) of hoort niet bij dit team.'],
      ['VALIDATION', 'Geen geldige datum (verwacht JJJJ-MM-DD).'],
    ]);
    expect(snapshot(app.core)).toEqual(afterSetup);
  });
});
