import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/api/define';
import type { Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { apply } from '../bench/generate';
import { PROFILE } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';
import { layoutProblems } from './harness/layout';
import { showPreview } from './harness/screens';

/**
 * A chief's working day on a 1280×720 laptop: the home screen's first view, the money tile before
 * the district's allocation is recorded, check-in notes on screen, and receipts entered one after
 * another without the notifications piling up over the controls.
 */
const TODAY = '2026-11-28';
const on = (date: string): Ctx => ({ today: () => date, now: () => new Date(`${date}T10:00:00`) });
const WENT_WELL = 'Buurtavond in De Hoge Weide: veertig bewoners kwamen.';
const BLOCKERS = 'Twee wijkagenten langdurig ziek.';
const OLD_NOTE = 'Eerste gesprek met de woningcorporatie gevoerd.';

function seed(core: Core): void {
  const team = apply(core, 'team.create', PROFILE, on('2026-01-02'));
  const chosen = [1, 2, 3, 4, 5, 6].map(
    (opgaveId) =>
      apply(core, 'agenda.choose', { teamId: team.id, opgaveId, periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01' }, on('2026-01-02')).id,
  );
  chosen.forEach((teamOpgaveId, i) => {
    apply(core, 'action.create', { teamId: team.id, teamOpgaveId, title: `Actie ${i + 1} in de wijk`, dueDate: '2026-10-01', status: 'lopend' }, on('2026-02-01'));
    const checkin = (date: string, wentWell: string, blockers = '') =>
      apply(core, 'progress.checkins.create', { teamId: team.id, checkin: { teamOpgaveId, date, status: 'op-koers', progress: 20, confidence: 7, wentWell, blockers } }, on(date));
    checkin('2026-03-10', OLD_NOTE);
    if (i < 3) checkin('2026-11-20', WENT_WELL, BLOCKERS);
  });
}

const inView = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), right: Math.round(r.right), height: innerHeight, width: innerWidth };
  });

describe('on a 1280×720 laptop', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp({ clock: fixedClock(TODAY), seed, viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the first view of the home screen shows the team status, the chosen opgaven, the money and what is overdue', async () => {
    const { page } = app;
    await app.open('/');
    await page.getByTestId('tile-opgaven').waitFor();
    expect(await page.getByTestId('dashboard-opgave').count()).toBe(6);
    await page.screenshot({ path: 'test-results/layout/home-first-view-1280x720.png' });
    for (const tile of ['tile-overall', 'tile-opgaven', 'tile-money', 'tile-overdue']) {
      const box = await inView(page, tile);
      expect(box.top, tile).toBeGreaterThanOrEqual(0);
      expect(box.bottom, `${tile} ends below the fold`).toBeLessThanOrEqual(box.height);
      expect(box.right, tile).toBeLessThanOrEqual(box.width);
    }
    // Three overdue check-ins named with how late they are; the six overdue actions one click away.
    expect(await page.getByTestId('overdue-checkins').locator('li').count()).toBe(3);
    expect(await page.getByTestId('tile-overdue').textContent()).toContain('232 dagen te laat');
    expect(await page.getByTestId('overdue-more').textContent()).toBe('Nog 6 te laat: bekijk alles');
  });

  it('before any budget the money tile says so and leads to recording it, instead of "within budget"', async () => {
    const { page } = app;
    await app.open('/');
    const money = page.getByTestId('tile-money');
    await money.getByText('Nog geen budget voor 2026').waitFor();
    expect(await money.textContent()).not.toMatch(/binnen budget/i);
    await money.getByRole('link', { name: 'Budget vastleggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Versterkingsgelden' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/funds');
  });

  it('shows the latest check-in notes on each card and every check-in’s notes in the history', async () => {
    const { page } = app;
    await app.open('/progress');
    const cards = page.getByTestId('progress-opgave');
    await cards.first().waitFor();
    const first = cards.first().getByTestId('latest-notes');
    expect(await first.textContent()).toContain(WENT_WELL);
    expect(await first.textContent()).toContain(BLOCKERS);
    expect(await first.textContent()).toContain('Wat ging goed');
    // An opgave whose latest check-in is the March one shows that one's note.
    expect(await cards.nth(4).getByTestId('latest-notes').textContent()).toContain(OLD_NOTE);

    // History: rows open to show their notes, and close again.
    const rows = page.getByTestId('checkin-row');
    expect(await page.getByTestId('checkin-notes-row').count()).toBe(0);
    const toggle = page.getByRole('button', { name: /^Notities van .* 10-03-2026 tonen$/ }).first();
    await toggle.click();
    const notes = page.getByTestId('checkin-notes-row');
    expect(await notes.textContent()).toContain(OLD_NOTE);
    expect(await page.getByRole('button', { name: /^Notities van .* 10-03-2026 verbergen$/ }).first().getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: /^Notities van .* 10-03-2026 verbergen$/ }).first().click();
    expect(await notes.count()).toBe(0);
    expect(await rows.count()).toBe(9);
  });

  it('five expenses entered in a row: never more than two notifications, none over a control, each save confirmed at the form and in the list', async () => {
    const { page } = app;
    await app.open('/funds/expenses');
    const save = page.getByRole('button', { name: 'Uitgave opslaan' });
    await save.waitFor();
    // Shown: on screen and not fading out (a closing one is gone within a quarter second).
    const notificationCount = () =>
      page.locator('.mantine-Notification-root').evaluateAll((all) => all.filter((n) => Number(getComputedStyle(n.parentElement ?? n).opacity) >= 0.5 && Number(getComputedStyle(n).opacity) >= 0.5).length);
    let most = 0;
    const covered: string[] = [];
    const confirmed: string[] = [];
    for (let i = 1; i <= 5; i++) {
      await page.getByRole('textbox', { name: 'Datum', exact: true }).fill('20-11-2026');
      await page.getByRole('textbox', { name: 'Bedrag', exact: true }).fill(`${i}0,00`);
      await page.getByRole('textbox', { name: 'Tegenpartij', exact: true }).fill(`Bakkerij ${i}`);
      await save.click();
      await expect.poll(() => (app.core.db.prepare('SELECT count(*) AS n FROM expense').get() as { n: number }).n).toBe(i);
      for (let k = 0; k < 4; k++) {
        most = Math.max(most, await notificationCount());
        covered.push(...(await layoutProblems(page)).filter((p) => p.startsWith('covered')));
        await page.waitForTimeout(60);
      }
      // Confirmed where the eye is: the line beside the button, the cleared amount field with the
      // focus for the next receipt, the new row lit in the list.
      const line = await page.getByTestId('expense-last-saved').textContent().catch(() => null);
      const amount = await page.getByRole('textbox', { name: 'Bedrag', exact: true }).inputValue();
      const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');
      const fresh = await page.locator('[data-fresh="true"]').textContent({ timeout: 2000 }).catch(() => null);
      confirmed.push(`${line?.includes(`Bakkerij ${i} €\u00a0${i}0,00`) ? 'line' : 'no line'}, ${amount === '' ? 'cleared' : 'not cleared'}, ${focused.startsWith('Bedrag') ? 'focus on amount' : 'focus elsewhere'}, ${fresh?.includes(`Bakkerij ${i}`) ? 'row lit' : 'row not lit'}`);
    }
    await page.screenshot({ path: 'test-results/layout/expenses-after-five-1280x720.png' });
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    expect([...new Set(covered)]).toEqual([]);
    expect(confirmed).toEqual(Array(5).fill('line, cleared, focus on amount, row lit'));
    expect((app.core.db.prepare('SELECT count(*) AS n FROM expense').get() as { n: number }).n).toBe(5);
  });

  it('Versterkingsgelden names every opgave in its bar chart and shows every column of the tables per opgave and cluster', async () => {
    const { page, core } = app;
    const teamId = (core.db.prepare('SELECT id FROM team').get() as { id: number }).id;
    // All eight opgaven, so the chart has nine bars (with the unlinked expenses of the test before).
    for (const opgaveId of [7, 8]) apply(core, 'agenda.choose', { teamId, opgaveId, periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01' }, on('2026-01-02'));
    const chosen = (core.db.prepare('SELECT id FROM team_opgave WHERE team_id = ? ORDER BY id').all(teamId) as { id: number }[]).map((r) => r.id);
    apply(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-05', kind: 'toekenning', amountCents: 250_000_00, reason: '' }, on('2026-01-05'));
    chosen.forEach((teamOpgaveId, i) =>
      apply(
        core,
        'budget.expenses.create',
        { teamId, date: '2026-06-01', amountCents: 1_234_567_89 + i, payee: `Leverancier ${i + 1}`, description: '', paymentMethod: 'factuur', receiptRef: '', decisionId: null, teamOpgaveId, actionId: null, clusterId: null },
        on('2026-06-01'),
      ),
    );
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1366, height: 768 }]) {
      await page.setViewportSize(viewport);
      await app.open('/about');
      await app.open('/funds');
      const chart = page.getByTestId('chart-opgave');
      await chart.scrollIntoViewIfNeeded();
      await chart.locator('.recharts-bar-rectangle').first().waitFor();
      // The axis names as many opgaven as the table beside it has rows (recharts drops labels that would overlap).
      const named = await chart.locator('.recharts-yAxis .recharts-cartesian-axis-tick').count();
      const rows = await page.getByTestId('table-opgave').locator('tbody tr').count();
      // Every chosen opgave, and the unlinked expenses of the test before as one more row.
      expect({ named, rows }, `${viewport.width}`).toEqual({ named: chosen.length + 1, rows: chosen.length + 1 });
      // Three amounts beside a name: no table per opgave or cluster hides a column behind its scroll bar.
      for (const name of ['Per opgave', 'Per cluster']) {
        const region = page.getByRole('region', { name, exact: true });
        await region.scrollIntoViewIfNeeded();
        expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth), `${name} at ${viewport.width}`).toBe(true);
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('on paper every chart legend entry has its marker', async () => {
    const { page } = app;
    await app.open('/print');
    await showPreview(page);
    const preview = page.getByTestId('report-preview');
    await preview.locator('figure[data-chart="money"]').waitFor();
    const entries = await preview.evaluate((root) =>
      [...root.querySelectorAll('.recharts-legend-item, [data-legend-entry]')].map((entry) => {
        const painted = [...entry.querySelectorAll('svg *')].some((shape) => {
          const style = getComputedStyle(shape);
          const ink = (c: string) => c !== 'none' && c !== 'rgb(255, 255, 255)' && c !== 'rgba(0, 0, 0, 0)';
          return ink(style.fill) || (ink(style.stroke) && style.strokeWidth !== '0px');
        });
        return `${entry.textContent?.trim()}: ${painted ? 'marker' : 'no marker'}`;
      }),
    );
    expect(entries).toContain('Vastgelegd: marker');
    expect(entries.filter((e) => e.endsWith('no marker'))).toEqual([]);
  });
});
