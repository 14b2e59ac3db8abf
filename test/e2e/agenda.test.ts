import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from './harness/app';
import { PROFILE as TEAM, snapshot } from '../unit/helpers';

const PROFILE = { ...TEAM, gemeenten: ['Utrecht', 'Bunnik'] };

const POLL = { timeout: 10_000 };
const year = new Date().getFullYear();
const pad = (n: number) => String(n).padStart(2, '0');
const d = new Date();
const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

describe('the agenda: choosing opgaven, actions and clusters', () => {
  let app: AppHarness;
  let teamId = 0;
  beforeAll(async () => {
    app = await startApp({
      seed: async (core) => {
        const r = (await core.dispatch('team.create', PROFILE)) as { ok: true; data: { id: number } };
        teamId = r.data.id;
        await core.dispatch('team.create', { ...PROFILE, name: 'Basisteam Zaanstad', gemeenten: ['Zaanstad'] });
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  // Many form steps in one flow; on a loaded 2-core machine this has taken 40–50 s.
  it('chooses three opgaven with answers, adds actions from a template and from scratch', { timeout: 120_000 }, async () => {
    const { page } = app;
    await app.open('/agenda');
    await page.getByTestId('agenda-empty').waitFor();
    expect(await page.locator('article').count()).toBe(8);

    // 1. Werken in wijk en web, with the team's answers to the four questions.
    await page.getByRole('button', { name: `Kiezen voor ${year}: Werken in wijk en web` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ambitie van het team').fill('Elke wijkagent is online bereikbaar.');
    await dialog.getByLabel('Welke ontwikkelingen in de maatschappij zie je in jouw gebied?').fill('Veel online oplichting van ouderen.');
    await dialog.getByLabel('Welke is wat jou betreft de meest urgente om aan te werken?').fill('Oplichting via WhatsApp.');
    await dialog.getByLabel('Op welke manier werk je hier al aan?').fill('Voorlichting in buurthuizen.');
    await dialog.getByLabel(/Hoe kun je in jouw team/).fill('Samen met de hogeschool.');
    await dialog.getByRole('textbox', { name: 'Eigenaar', exact: true }).fill('Inspecteur De Vries');
    await dialog.getByRole('combobox', { name: 'Prioriteit' }).click();
    await page.getByRole('option', { name: 'Hoog' }).click();
    // A target date before the start date is refused in the form, the input stays.
    await dialog.getByLabel('Streefdatum').fill(`${year - 1}-06-30`);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('De streefdatum ligt voor de startdatum.').waitFor();
    expect(await dialog.getByLabel('Ambitie van het team').inputValue()).toBe('Elke wijkagent is online bereikbaar.');
    expect(app.core.db.prepare('SELECT count(*) AS n FROM team_opgave').get()).toEqual({ n: 0 });
    await dialog.getByLabel('Streefdatum').fill(`${year}-09-30`);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: `Werken in wijk en web · ${year}` }).waitFor();
    await page.getByTestId('actions-empty').waitFor();

    // An action from a template: the webcare example, with a due date fixed after a refusal.
    await page.getByRole('combobox', { name: 'Voorbeeld uit de praktijk' }).click();
    await page.getByRole('option', { name: 'Webcare met de lokale hogeschool' }).click();
    const actionDialog = page.getByRole('dialog');
    expect(await actionDialog.getByRole('textbox', { name: 'Titel', exact: true }).inputValue()).toBe('Webcare met de lokale hogeschool');
    await actionDialog.getByLabel('Startdatum').fill(`${year}-05-01`);
    await actionDialog.getByLabel('Einddatum').fill(`${year}-04-01`);
    await actionDialog.getByRole('button', { name: 'Opslaan' }).click();
    await actionDialog.getByText('De einddatum ligt voor de startdatum.').waitFor();
    expect(app.core.db.prepare('SELECT count(*) AS n FROM action').get()).toEqual({ n: 0 });
    await actionDialog.getByLabel('Einddatum').fill(`${year}-12-01`);
    await actionDialog.getByRole('textbox', { name: 'Eigenaar', exact: true }).fill('Wijkagent Bakker');
    await actionDialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('action-row').first().waitFor();

    // An action from scratch with a new partner, typed by keyboard.
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    const scratch = page.getByRole('dialog');
    await scratch.getByRole('textbox', { name: 'Titel', exact: true }).fill('Spreekuur via WhatsApp');
    const partners = scratch.getByRole('combobox', { name: 'Partners' });
    await partners.fill('Woningcorporatie Mitros');
    await partners.press('Enter');
    await scratch.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(async () => page.getByTestId('action-row').count(), POLL).toBe(2);

    // Tick the webcare action to lopend from the table.
    await page.getByRole('combobox', { name: 'Status van Webcare met de lokale hogeschool' }).click();
    await page.getByRole('option', { name: 'Lopend' }).click();
    await expect.poll(async () => app.core.db.prepare("SELECT status FROM action WHERE title LIKE 'Webcare%'").get(), POLL).toEqual({ status: 'lopend' });

    // 2 and 3: ‘Klein’ binnen ‘groot’ and ondermijning, from the overview cards.
    for (const title of ['‘Klein’ binnen ‘groot’ organiseren', 'Samenspannen tegen ondermijning']) {
      await app.open('/agenda');
      await page.getByRole('button', { name: `Kiezen voor ${year}: ${title}` }).click();
      await page.getByRole('dialog').getByLabel('Ambitie van het team').fill(`Ambitie voor ${title}`);
      await page.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('heading', { name: `${title} · ${year}` }).waitFor();
    }
    await app.open('/agenda');
    await expect.poll(async () => page.getByTestId('chosen-summary').count(), POLL).toBe(3);
  });

  it('creates two clusters, refuses more wijkagenten than fte, splits one and ends the other', { timeout: 120_000 }, async () => {
    const { page } = app;
    await app.open('/clusters');
    await page.getByTestId('clusters-empty').waitFor();
    await page.getByRole('button', { name: 'Eerste cluster toevoegen' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Naam van het cluster', exact: true }).fill('Oost');
    const areas = dialog.getByRole('combobox', { name: 'Wijken en buurten' });
    await areas.fill('Wittevrouwen');
    await areas.press('Enter');
    await areas.fill('Oudwijk');
    await areas.press('Enter');
    await dialog.getByRole('textbox', { name: 'Inwoners', exact: true }).fill('60000');
    await dialog.getByRole('textbox', { name: 'fte', exact: true }).fill('70');
    await dialog.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill('80');
    await dialog.getByLabel('Startdatum').fill(`${year - 1}-01-01`);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText(/Er zijn meer wijkagenten dan fte in dit cluster/).waitFor();
    expect(app.core.db.prepare('SELECT count(*) AS n FROM cluster').get()).toEqual({ n: 0 });
    await dialog.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill('10');
    expect(await dialog.getByTestId('cluster-norm').textContent()).toBe('12 nodig · 2 te weinig');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(async () => page.getByTestId('cluster-row').count(), POLL).toBe(1);

    await page.getByRole('button', { name: 'Cluster toevoegen' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Naam van het cluster', exact: true }).fill('Bunnik');
    await dialog.getByRole('textbox', { name: 'Inwoners', exact: true }).fill('15000');
    await dialog.getByRole('textbox', { name: 'fte', exact: true }).fill('20');
    await dialog.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill('4');
    await dialog.getByLabel('Startdatum').fill(`${year - 1}-01-01`);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(async () => page.getByTestId('cluster-row').count(), POLL).toBe(2);
    expect(await page.getByTestId('overview-inhabitants').textContent()).toContain('45.000');

    // Split Oost in two, starting today.
    await page.getByRole('button', { name: 'Oost splitsen' }).click();
    dialog = page.getByRole('dialog');
    const parts: [string, string, string, string][] = [
      ['Oost-Noord', '35000', '40', '7'],
      ['Oost-Zuid', '25000', '30', '5'],
    ];
    for (const [i, [name, inh, fte, wa]] of parts.entries()) {
      const part = dialog.getByRole('group', { name: `Deel ${i + 1}` });
      await part.getByRole('textbox', { name: 'Naam van het cluster', exact: true }).fill(name);
      await part.getByRole('textbox', { name: 'Inwoners', exact: true }).fill(inh);
      await part.getByRole('textbox', { name: 'fte', exact: true }).fill(fte);
      await part.getByRole('textbox', { name: 'Wijkagenten', exact: true }).fill(wa);
    }
    expect(await dialog.getByTestId('split-total').textContent()).toContain('Samen: 60.000 inwoners, 70 fte, 12 wijkagenten');
    await dialog.getByRole('button', { name: 'Splitsen' }).click();
    await expect.poll(async () => page.getByTestId('cluster-row').count(), POLL).toBe(3);

    // End Bunnik (today is its last day).
    await page.getByRole('button', { name: 'Bunnik beëindigen' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Reden', exact: true }).fill('Opgegaan in Oost-Zuid');
    await dialog.getByRole('button', { name: 'Beëindigen' }).click();
    await page.getByText('Het cluster Bunnik is beëindigd.').waitFor();
  });

  it('reads everything back after a reload and a restart of the core', async () => {
    const { page } = app;
    await app.restartCore();
    await app.open('/clusters');
    await page.getByTestId('clusters-table').waitFor();
    await page.getByText('Alle', { exact: true }).click();
    await expect.poll(async () => page.getByTestId('cluster-row').count(), POLL).toBe(4);
    expect(await page.locator('[data-name="Oost"]').getByTestId('split-into').textContent()).toBe('Gesplitst in Oost-Noord, Oost-Zuid');
    expect(await page.locator('[data-name="Oost-Zuid"]').getByTestId('split-from').textContent()).toBe('Voortgekomen uit Oost');
    expect(await page.locator('[data-name="Bunnik"]').textContent()).toContain(formatToday());

    const clusters = app.core.db.prepare('SELECT name, start_date, end_date, split_from_id IS NOT NULL AS split FROM cluster ORDER BY id').all();
    const yesterday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1);
    expect(clusters).toEqual([
      { name: 'Oost', start_date: `${year - 1}-01-01`, end_date: `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`, split: 0 },
      { name: 'Bunnik', start_date: `${year - 1}-01-01`, end_date: today, split: 0 },
      { name: 'Oost-Noord', start_date: today, end_date: null, split: 1 },
      { name: 'Oost-Zuid', start_date: today, end_date: null, split: 1 },
    ]);

    await app.open('/agenda');
    await expect.poll(async () => page.getByTestId('chosen-summary').count(), POLL).toBe(3);
    await page.getByRole('link', { name: 'Openen: Werken in wijk en web' }).click();
    await page.getByTestId('answers').waitFor();
    expect(await page.getByTestId('ambition').textContent()).toBe('Elke wijkagent is online bereikbaar.');
    expect(await page.getByTestId('answers').textContent()).toContain('Samen met de hogeschool.');
    const rows = page.getByTestId('action-row');
    expect(await rows.count()).toBe(2);
    expect(await page.getByTestId('actions-table').textContent()).toContain('Woningcorporatie Mitros');
    expect(await page.getByTestId('actions-table').textContent()).toContain('Hogeschool');
    const stored = app.core.db
      .prepare('SELECT o.opgave_id, o.priority, o.owner, o.answers, o.target_date FROM team_opgave o ORDER BY o.id')
      .all() as { opgave_id: number; priority: number; answers: string }[];
    expect(stored.map((s) => s.opgave_id)).toEqual([1, 6, 3]);
    expect(app.core.db.prepare('SELECT DISTINCT team_id FROM team_opgave UNION SELECT DISTINCT team_id FROM cluster').all()).toEqual([{ team_id: teamId }]);
    expect(stored[0]).toMatchObject({ priority: 1, owner: 'Inspecteur De Vries', target_date: `${year}-09-30` });
    expect(JSON.parse(stored[0]!.answers)).toHaveLength(4);
    expect(app.core.db.prepare('SELECT title, template_code, status, due_date FROM action ORDER BY id').all()).toEqual([
      { title: 'Webcare met de lokale hogeschool', template_code: 'webcare', status: 'lopend', due_date: `${year}-12-01` },
      { title: 'Spreekuur via WhatsApp', template_code: null, status: 'idee', due_date: null },
    ]);

    // Sorting by title puts the WhatsApp action first, by keyboard.
    await page.getByRole('button', { name: 'Sorteer op Titel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => rows.first().textContent(), POLL).toContain('Spreekuur via WhatsApp');
  });

  it('refuses bad and foreign input straight to the bridge with a Dutch error, changing nothing', async () => {
    const other = (app.core.db.prepare("SELECT id FROM team WHERE name = 'Basisteam Zaanstad'").get() as { id: number }).id;
    const foreign = (await app.rawCall('agenda.choose', { teamId: other, opgaveId: 1, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, startDate: `${year}-01-01` })) as {
      ok: true;
      data: { id: number };
    };
    const foreignCluster = (await app.rawCall('clusters.create', { teamId: other, name: 'Den Burg', inhabitants: 7000, fte: 10, wijkagenten: 2, startDate: `${year}-01-01` })) as { ok: true; data: { id: number } };
    const own = app.core.db.prepare('SELECT id FROM team_opgave WHERE team_id = ? ORDER BY id').get(teamId) as { id: number };
    const ownCluster = app.core.db.prepare("SELECT id FROM cluster WHERE name = 'Oost-Noord'").get() as { id: number };
    const before = snapshot(app.core);
    const period = { periodStart: `${year + 1}-01-01`, periodEnd: `${year + 1}-12-31`, startDate: `${year + 1}-01-01` };
    const calls: [string, unknown, string, RegExp][] = [
      ['agenda.choose', { teamId, opgaveId: 9, ...period }, 'VALIDATION', /Onbekende opgave/],
      ['action.create', { teamId, teamOpgaveId: own.id, title: 'X', startDate: `${year}-05-01`, dueDate: `${year}-04-01` }, 'VALIDATION', /einddatum ligt voor de startdatum/],
      ['clusters.create', { teamId, name: 'Min', inhabitants: 10, fte: -1, wijkagenten: 0, startDate: today }, 'VALIDATION', /fte kan niet negatief/],
      ['clusters.update', { teamId, clusterId: ownCluster.id, fields: { name: 'Oost-Noord', inhabitants: 35000, fte: 4, wijkagenten: 7, startDate: today } }, 'VALIDATION', /meer wijkagenten dan fte/],
      ['agenda.get', { teamId, teamOpgaveId: foreign.data.id }, 'NOT_FOUND', /hoort niet bij dit team/],
      ['action.create', { teamId, teamOpgaveId: foreign.data.id, title: 'Inbraak' }, 'NOT_FOUND', /gekozen opgave/],
      ['clusters.split', { teamId, clusterId: foreignCluster.data.id, date: today, parts: [{ name: 'A', inhabitants: 1, fte: 1, wijkagenten: 0 }, { name: 'B', inhabitants: 1, fte: 1, wijkagenten: 0 }] }, 'NOT_FOUND', /cluster/],
      ['action.create', { teamId, teamOpgaveId: own.id, title: 'X', clusterId: foreignCluster.data.id }, 'NOT_FOUND', /cluster/],
      ['agenda.setStatus', { teamId, teamOpgaveId: 99999, status: 'gestopt' }, 'NOT_FOUND', /gekozen opgave/],
      ['clusters.end', { teamId, clusterId: 99999, endDate: today }, 'NOT_FOUND', /cluster/],
    ];
    for (const [method, payload, code, message] of calls) {
      const r = await app.rawCall(method, payload);
      expect(r.ok, method).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, method).toBe(code);
      expect(r.error.message, method).toMatch(message);
    }
    expect(snapshot(app.core)).toEqual(before);
  });
});

function formatToday(): string {
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`;
}
