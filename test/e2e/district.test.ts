import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetOverview } from '../../electron/api/budget';
import type { BundleExport, BundleKeyInfo } from '../../electron/api/district';
import type { Envelope } from '../../electron/api/errors';
import { formatMoney } from '../../electron/api/money';
// On screen the sign and amount are held together by a no-break space.
import { formatMoney as screenMoney } from '../../renderer/src/ui/format';
import type { Team } from '../../electron/api/team';
import { createCore, type Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { REPORT_TEAM, seedRealistic, type SeededReport } from '../fixtures/report-data';
import { PROFILE, tempDir } from '../unit/helpers';
import { startApp, type AppHarness } from './harness/app';
import { pdfToPngs, renderQueryPdf } from './harness/pdf';

/**
 * Two teams on their own laptops send their verantwoording; the district chief, who has no team of
 * their own, reads both in, sees the sums and prints the district overview. Team A exports through
 * its print screen (the file comes out as a download), team B through the API.
 *
 * Screenshots and the PDF pages: test-results/district/.
 */
const OUT = join(import.meta.dirname, '../../test-results/district');
const clock = fixedClock('2026-12-15T10:30:00');
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

async function data<T>(core: Core, method: string, payload?: unknown): Promise<T> {
  const res = (await core.dispatch(method, payload)) as Envelope<T>;
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.data;
}

/** A second, smaller team with long name and large amounts. */
async function seedZeist(core: Core): Promise<Team> {
  const team = await data<Team>(core, 'team.create', {
    ...PROFILE,
    name: 'Basisteam Zeist-Bunnik-Utrechtse Heuvelrug en Wijk bij Duurstede',
    inhabitants: 65_000,
    wijkagenten: 14,
    formationFte: 88,
  });
  await data(core, 'budget.entries.add', { teamId: team.id, year: 2026, date: '2026-01-05', kind: 'toekenning', amountCents: 123_456_789, reason: '' });
  const decision = await data<{ id: number }>(core, 'budget.decisions.create', {
    teamId: team.id,
    date: '2026-03-01',
    title: 'Mobiel politiebureau op de markt',
    amountCents: 45_000_000,
    rationale: '',
    decidedBy: 'Teamchef',
    status: 'genomen',
  });
  for (const [i, amountCents] of [12_345_67, 9_876_54].entries())
    await data(core, 'budget.expenses.create', {
      teamId: team.id,
      date: `2026-0${4 + i}-10`,
      amountCents,
      payee: 'Drukkerij De Wijk',
      description: '',
      paymentMethod: 'factuur',
      receiptRef: '',
      decisionId: decision.id,
    });
  await data(core, 'agenda.choose', {
    teamId: team.id,
    opgaveId: 4,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    ambition: 'Koffie met een cop in elke kern.',
    owner: 'Wijkagent Bos',
    priority: 1,
    pace: 'gemiddeld',
    startDate: '2026-01-01',
  });
  return team;
}

describe('from team to district', () => {
  let teamA: AppHarness;
  let district: AppHarness;
  let seeded: SeededReport;
  let coreB: Core;
  let teamB: Team;
  const files: { a: string; b: string } = { a: '', b: '' };
  const keys: { a?: BundleKeyInfo; b?: BundleKeyInfo } = {};

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    teamA = await startApp({
      clock,
      seed: async (core) => {
        seeded = await seedRealistic(core);
      },
    });
    coreB = createCore({ dataDir: tempDir('teamchef-e2e-b-'), clock });
    teamB = await seedZeist(coreB);
  });
  afterAll(async () => {
    await teamA?.close();
    await district?.close();
    coreB?.close();
  });

  it('team A sends its verantwoording from the print screen, with the fingerprint shown', async () => {
    const { page } = teamA;
    await teamA.open('/print');
    await page.getByRole('textbox', { name: 'Van', exact: true }).fill(PERIOD.from);
    await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill(PERIOD.to);
    await page.getByRole('button', { name: 'Verantwoording versturen…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verantwoording versturen' });
    keys.a = await data<BundleKeyInfo>(teamA.core, 'district.key');
    await expect.poll(() => dialog.getByTestId('export-fingerprint').textContent(), { timeout: 15_000 }).toBe(keys.a.short);
    await page.screenshot({ path: join(OUT, 'export-dialog.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Bestand maken' }).click()]);
    expect(download.suggestedFilename()).toBe('Basisteam Utrecht-Oost verantwoording 2026-01-01 tot 2026-12-31.teamchef-bundel');
    files.a = join(OUT, download.suggestedFilename());
    await download.saveAs(files.a);
    await page.getByText(/Verantwoording opgeslagen als/).waitFor();
    expect(JSON.parse(readFileSync(files.a, 'utf8')).manifest.team.name).toBe(REPORT_TEAM.name);

    // About shows the same fingerprint, to read out over the phone.
    await teamA.open('/about');
    await expect.poll(() => page.getByTestId('about-fingerprint').textContent(), { timeout: 15_000 }).toBe(keys.a.short);

    // A chief with a team turns the district view on in settings; it comes into the menu.
    await teamA.open('/settings');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Districtsoverzicht' }).count()).toBe(0);
    await page.getByRole('switch', { name: 'Districtsoverzicht in het menu tonen' }).check();
    await nav.getByRole('link', { name: 'Districtsoverzicht' }).click();
    await page.getByTestId('district-empty').waitFor();

    const b = await data<BundleExport>(coreB, 'district.export', { teamId: teamB.id, ...PERIOD });
    keys.b = b.key;
    files.b = join(OUT, b.fileName);
    writeFileSync(files.b, b.text);
  });

  it('a district chief without a team reads both in, trusts each key once, and sees the right sums', async () => {
    district = await startApp({ clock, viewport: { width: 1366, height: 768 } });
    const { page } = district;
    await district.open();
    await page.getByRole('button', { name: 'Beginnen als district' }).click();
    await page.getByRole('heading', { name: 'Districtsoverzicht', level: 1 }).waitFor();
    await page.getByTestId('district-empty').waitFor();

    await page.locator('input[type=file]').setInputFiles([files.a, files.b]);
    const trust = page.getByRole('dialog', { name: 'Nieuwe sleutel vertrouwen?' });
    await trust.waitFor();
    expect((await trust.getByTestId('trust-fingerprint').allTextContents()).sort()).toEqual([keys.a!.short, keys.b!.short].sort());
    await page.screenshot({ path: join(OUT, 'trust-dialog.png') });
    await trust.getByRole('button', { name: 'Vertrouwen en inlezen' }).click();
    await page.getByTestId('import-results').getByText(`Ingelezen: ${REPORT_TEAM.name}`).waitFor();
    await expect.poll(() => page.getByTestId('district-row').count(), { timeout: 15_000 }).toBe(2);

    const moneyA = (await data<BudgetOverview>(teamA.core, 'budget.overview', { teamId: seeded.teamId, year: 2026 })).totals;
    const moneyB = (await data<BudgetOverview>(coreB, 'budget.overview', { teamId: teamB.id, year: 2026 })).totals;
    const rowA = page.locator(`[data-testid=district-row][data-team="${REPORT_TEAM.name}"]`);
    expect(await rowA.getByTestId('row-spent').textContent()).toBe(screenMoney(moneyA.spentCents));
    const sum = page.getByTestId('district-sum');
    for (const key of ['availableCents', 'committedCents', 'spentCents', 'leftCents'] as const)
      expect(await sum.textContent()).toContain(screenMoney(moneyA[key] + moneyB[key]));
    expect(await sum.textContent()).toContain('185.000');
    // Opgave 4 is chosen by both teams.
    expect(await page.getByTestId('opgaven-matrix').locator('tfoot th').nth(4).textContent()).toBe('2');
    await page.screenshot({ path: join(OUT, 'overview-1366.png'), fullPage: true });

    // The same files again: recognised, nothing new stored, no question about the keys.
    await page.locator('input[type=file]').setInputFiles([files.b]);
    await page.getByTestId('import-results').getByText(/Al eerder ingelezen/).waitFor();
    expect(district.core.db.prepare('SELECT count(*) AS n FROM district_bundle').get()).toEqual({ n: 2 });

    // Drill-down: team B's bundle with its ledger lines.
    await page.getByRole('link', { name: `Details van ${teamB.name}` }).click();
    await page.getByRole('heading', { name: `Verantwoording van ${teamB.name}` }).waitFor();
    expect(await page.getByTestId('team-expenses').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('team-expenses').textContent()).toContain(screenMoney(12_345_67));
    await page.screenshot({ path: join(OUT, 'team-detail.png'), fullPage: true });
    await page.getByRole('link', { name: 'Terug naar het districtsoverzicht' }).click();

    // Printing goes through the shell with the district query.
    await page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
    await page.getByText(/opgeslagen als/).waitFor();
    expect(Object.fromEntries(new URLSearchParams((district.printRequests.at(-1) as { query: string }).query))).toEqual({ kind: 'district', ...PERIOD });
  });

  it('a changed bundle is refused with a clear message and nothing is stored', async () => {
    const { page } = district;
    await district.open('/district');
    const changed = JSON.parse(readFileSync(files.b, 'utf8'));
    changed.parts.ledger.expenses[0].amountCents += 100;
    const file = join(OUT, 'gewijzigd.teamchef-bundel');
    writeFileSync(file, JSON.stringify(changed));
    await page.locator('input[type=file]').setInputFiles([file]);
    await page.getByTestId('import-results').getByText('Geweigerd: gewijzigd.teamchef-bundel').waitFor();
    expect(await page.getByTestId('import-results').textContent()).toContain('is na het ondertekenen gewijzigd');
    expect(district.core.db.prepare('SELECT count(*) AS n FROM district_bundle').get()).toEqual({ n: 2 });
  });

  it('prints the district overview: every team with its totals, and the district sum', async () => {
    // A fresh page, as the shell's print window is.
    await district.page.goto('about:blank');
    const pdf = await renderQueryPdf(district, new URLSearchParams({ kind: 'district', ...PERIOD }).toString(), 'district', OUT);
    const moneyA = (await data<BudgetOverview>(teamA.core, 'budget.overview', { teamId: seeded.teamId, year: 2026 })).totals;
    const moneyB = (await data<BudgetOverview>(coreB, 'budget.overview', { teamId: teamB.id, year: 2026 })).totals;
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Districtsoverzicht');
    expect(text).toContain(REPORT_TEAM.name);
    expect(text).toContain('Basisteam Zeist-Bunnik');
    for (const m of [moneyA, moneyB])
      for (const key of ['availableCents', 'committedCents', 'spentCents', 'leftCents'] as const) expect(pdf.text).toContain(formatMoney(m[key]));
    for (const key of ['availableCents', 'committedCents', 'spentCents', 'leftCents'] as const) expect(pdf.text).toContain(formatMoney(moneyA[key] + moneyB[key]));
    expect(text).toContain('District');
    expect(text).toContain('Pagina 1 van');
    const pngs = pdfToPngs(pdf.file, join(OUT, 'district-page'), 80);
    expect(pngs.length).toBe(pdf.pages);
  });
});
