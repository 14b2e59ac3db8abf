import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../electron/api/team';
import { fixedClock } from '../../electron/core/clock';
import { startApp, type AppHarness } from './harness/app';
import { renderReportPdf } from './harness/pdf';
import { PROFILE as TEAM } from '../unit/helpers';
import { showPreview } from './harness/screens';

const PROFILE = { ...TEAM, gemeenten: ['Utrecht', 'Bunnik'] };

describe('printing the progress overview', () => {
  let app: AppHarness;
  let team: Team;
  beforeAll(async () => {
    app = await startApp({
      clock: fixedClock('2026-11-28T10:15:00'),
      seed: async (core) => {
        const created = await core.dispatch('team.create', PROFILE);
        if (!created.ok) throw new Error(created.error.message);
        team = created.data as Team;
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('renders the overview to an A4 PDF with the team, the period, the norm signal, the footer and page numbers', async () => {
    const pdf = await renderReportPdf(app, {
      teamId: team.id,
      kind: 'full',
      from: '2026-01-01',
      to: '2026-12-31',
      sections: ['profile', 'opgaven', 'budget', 'clusters'],
      opgaven: [],
    });
    expect(pdf.text).toContain('Voortgangsoverzicht — Basisteam Utrecht-Oost');
    expect(pdf.text).toContain('1 jan. 2026 – 31 dec. 2026');
    expect(pdf.text).toContain('4 wijkagenten te weinig');
    expect(pdf.text).toContain('Utrecht, Bunnik');
    for (const [i, page] of pdf.pageTexts.entries()) {
      expect(page).toContain(`Pagina ${i + 1} van ${pdf.pages}`);
      expect(page).toContain('Basisteam Utrecht-Oost · afgedrukt 28-11-2026');
    }
  });

  it('the print screen previews the paper and asks the shell for a PDF of exactly the chosen options', async () => {
    await app.open('/print');
    // The paper is drawn on demand, not on every visit.
    expect(await app.page.getByTestId('report-preview').count()).toBe(0);
    await showPreview(app.page);
    const preview = app.page.getByTestId('report-preview');
    await preview.getByTestId('report-title').waitFor();
    expect(await preview.getByTestId('report-title').textContent()).toBe('Voortgangsoverzicht — Basisteam Utrecht-Oost');

    await app.page.getByText('Samenvatting voor de driehoek (één pagina)').click();
    await expect.poll(() => preview.getByTestId('report-title').textContent()).toBe('Samenvatting voor de lokale driehoek — Basisteam Utrecht-Oost');

    // An impossible period is refused on the screen, before anything is sent.
    await app.page.getByLabel('Tot en met').fill('2025-01-01');
    await app.page.getByText('De einddatum ligt voor de startdatum.').waitFor();
    expect(await app.page.getByRole('button', { name: 'Opslaan als PDF…' }).isDisabled()).toBe(true);
    await app.page.getByLabel('Tot en met').fill('2026-12-31');

    // The presets follow the period rule of the dashboard: last year, then this year's quarter
    // (the date fields show them as dd-mm-jjjj).
    const y = new Date().getFullYear();
    await app.page.getByRole('button', { name: 'Vorig jaar' }).click();
    expect([await app.page.getByLabel('Van').inputValue(), await app.page.getByLabel('Tot en met').inputValue()]).toEqual([`01-01-${y - 1}`, `31-12-${y - 1}`]);
    await app.page.getByRole('button', { name: 'Dit kwartaal' }).click();
    const q = Math.floor(new Date().getMonth() / 3);
    expect(await app.page.getByLabel('Van').inputValue()).toBe(`01-${String(q * 3 + 1).padStart(2, '0')}-${y}`);
    await app.page.getByLabel('Van').fill('2026-01-01');
    await app.page.getByLabel('Tot en met').fill('2026-12-31');

    await app.page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
    await app.page.getByText(/opgeslagen als/).waitFor();
    expect(app.printRequests).toHaveLength(1);
    const request = app.printRequests[0] as { action: string; query: string; fileName: string };
    expect(request.action).toBe('savePdf');
    expect(request.fileName).toBe('Basisteam Utrecht-Oost driehoek 2026-01-01 tot 2026-12-31.pdf');
    expect(Object.fromEntries(new URLSearchParams(request.query))).toMatchObject({
      team: String(team.id),
      kind: 'driehoek',
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });

  it('shows a plain error for a report address that is not valid', async () => {
    await app.page.goto(`${app.url}#/report?team=${team.id}&kind=full&from=2026-13-01&to=2026-12-31&sections=profile`);
    await app.page.getByText('Dit overzicht kan niet worden gemaakt: de gekozen periode of onderdelen kloppen niet.').waitFor();
    // The flag is set two frames after the message, as the print window waits for it.
    await expect.poll(() => app.page.evaluate(() => document.documentElement.dataset.reportReady)).toBe('error');
  });
});
