import { expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { call, PROFILE } from '../unit/helpers';
import { startApp } from './harness/app';

const clock = fixedClock('2026-11-28');

it('a record altered behind the app’s back is reported above every screen after the next change, in Dutch and English', async () => {
  let teamId = 0;
  const app = await startApp({
    clock,
    seed: async (core) => {
      teamId = (await call<{ id: number }>(core, 'team.create', PROFILE)).id;
      await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-10', kind: 'toekenning', amountCents: 10_000_00, reason: '' });
    },
  });
  try {
    await app.open();
    await app.page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
    expect(await app.page.getByTestId('recent-audit-problem').count()).toBe(0);

    // Another program changes the amount of the allocation in its audit record, triggers dropped and put back.
    const db = app.core.db;
    const triggers = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all();
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    db.exec("UPDATE audit_log SET after = replace(after, '1000000', '9000000') WHERE seq = (SELECT max(seq) FROM audit_log)");
    for (const t of triggers) db.exec(t.sql);

    // A change is recorded (through the page's bridge); the check after it finds the altered record.
    await app.rawCall('budget.entries.add', { teamId, year: 2026, date: '2026-02-01', kind: 'aanvulling', amountCents: 500_00, reason: 'Extra van de eenheid' });
    await app.page.reload();
    const alert = app.page.getByTestId('recent-audit-problem');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('De audittrail klopt niet meer');
    expect(await alert.innerText()).toMatch(/Auditregel \d+ is (na het vastleggen )?gewijzigd/);
    await app.page.screenshot({ path: '/tmp/pf-shots/recent-audit-nl.png' });

    await app.page.evaluate(() => localStorage.setItem('teamchef.language', 'en'));
    await app.page.reload();
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The audit trail is no longer intact');
    await app.page.screenshot({ path: '/tmp/pf-shots/recent-audit-en.png' });
  } finally {
    await app.close();
  }
}, 120_000);
