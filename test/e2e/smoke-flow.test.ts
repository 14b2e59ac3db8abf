import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, createTeam, expectExpenseListed, recordExpense, savePdf, SMOKE_AMOUNT_TEXT, SMOKE_PAYEE, SMOKE_TEAM, waitForWelcome } from '../smoke/flow';
import { PAGE_GLOBALS_PROBE, pageGlobalsProblems, type PageGlobals } from '../smoke/checks';
import { startApp, type AppHarness } from './harness/app';

/**
 * `npm run smoke` drives the real Electron app with these steps; Electron cannot run here, so the
 * same steps run against the browser harness to prove their selectors and order on the real UI.
 */
describe('the smoke test’s steps on the real interface', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the page-globals probe runs in the real interface and sees exactly the harness’s differences from Electron', async () => {
    await app.open();
    await waitForWelcome(app.page);
    const globals = await app.page.evaluate<PageGlobals>(PAGE_GLOBALS_PROBE);
    expect(globals.types.require).toBe('undefined');
    expect(globals.extras).toEqual(expect.arrayContaining(['teamchef', 'teamchefPrint']));
    // The harness serves over http, installs no menu bridge and adds its own transports: the probe
    // must notice each of these, and nothing of React, Mantine or the router.
    expect(pageGlobalsProblems(globals).sort()).toEqual(
      [
        'page served from http:, not app:',
        'unexpected global window.__teamchefPrintTransport',
        'unexpected global window.__teamchefTransport',
        'unexpected global window.__teamchefWire',
        'window.teamchefShell is missing',
      ].sort(),
    );
  });

  it('welcome → team → expense → PDF request → language and back, and the data is in the store', async () => {
    await app.open();
    await waitForWelcome(app.page);
    await createTeam(app.page);
    await recordExpense(app.page);
    const confirmation = await savePdf(app.page);
    expect(confirmation).toContain('opgeslagen als');
    expect(app.printRequests).toEqual([expect.objectContaining({ action: 'savePdf' })]);
    const query = new URLSearchParams((app.printRequests[0] as { query: string }).query);
    expect(query.get('kind')).toBe('full');
    expect(query.get('from')).toBe(`${new Date().getFullYear()}-01-01`);

    await chooseLanguage(app.page, 'en');
    await chooseLanguage(app.page, 'nl');
    await app.open();
    await expectExpenseListed(app.page);
    expect(app.core.db.prepare('SELECT name FROM team').all()).toEqual([{ name: SMOKE_TEAM }]);
    expect(app.core.db.prepare('SELECT payee, amount_cents AS cents FROM expense').all()).toEqual([{ payee: SMOKE_PAYEE, cents: 98765 }]);
    expect(SMOKE_AMOUNT_TEXT).toBe('€ 987,65');
  });
});
