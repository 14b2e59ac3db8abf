import { describe, expect, it } from 'vitest';
import type { AuditRecentStatus, AuditVerifyResult } from '../../electron/api/audit';
import { createCore, type Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { budgetFixture } from './budget-fixtures';
import { call, tempDir } from './helpers';

const clock = fixedClock('2026-11-28');
const turn = () => new Promise<void>((r) => setImmediate(r));
const newestSeq = (core: Core) => (core.db.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
const entry = (teamId: number, cents: number) => ({ teamId, year: 2026, date: '2026-01-15', kind: 'aanvulling' as const, amountCents: cents, reason: 'Extra van de eenheid' });
const addEntry = (core: Core, teamId: number, cents: number) => call(core, 'budget.entries.add', entry(teamId, cents));
async function fixture(core: Core) {
  const { teamId } = await budgetFixture(core);
  await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-10', kind: 'toekenning', amountCents: 10_000_00, reason: '' });
  return { teamId };
}
/** Changes a value behind the app's back, with the table's triggers dropped and put back. */
const sneak = (core: Core, table: string, sql: string) => {
  const triggers = core.db.prepare<[string], { sql: string; name: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table);
  for (const t of triggers) core.db.exec(`DROP TRIGGER "${t.name}"`);
  core.db.exec(sql);
  for (const t of triggers) core.db.exec(t.sql);
};

describe('the audit check after every change', () => {
  it('runs by itself after the change has been answered, not inside its call', async () => {
    const core = createCore({ dataDir: tempDir(), clock });
    try {
      const { teamId } = await fixture(core);
      await addEntry(core, teamId, 1_000_00);
      // Answered, and the check not yet run (it waits for the next turn of the event loop): what the
      // change added is still unchecked.
      const before = core.handlers['audit.verifyRecent']({ teamId }, clock) as { records: number };
      expect(before.records).toBeGreaterThan(0);
      await addEntry(core, teamId, 2_000_00);
      await turn();
      const status = await call<AuditRecentStatus>(core, 'audit.recentStatus', { teamId });
      expect(status).toMatchObject({ checking: false, ok: true, problems: [] });
      expect(status.records).toBeGreaterThan(0);
      expect(status.checkedAt).not.toBeNull();
      // The check ran by itself: nothing is left for an explicit one.
      expect(await call(core, 'audit.verifyRecent', { teamId })).toMatchObject({ ok: true, records: 0, fromSeq: newestSeq(core) });
    } finally {
      core.close();
    }
  });

  it('reports a record of the last change altered behind the app’s back, and keeps reporting it', async () => {
    const core = createCore({ dataDir: tempDir(), clock });
    try {
      const { teamId } = await fixture(core);
      await addEntry(core, teamId, 1_000_00);
      await turn();
      await addEntry(core, teamId, 2_000_00);
      const seq = newestSeq(core);
      sneak(core, 'audit_log', `UPDATE audit_log SET after = replace(after, '200000', '900000') WHERE seq = ${seq}`);
      await turn();
      const status = await call<AuditRecentStatus>(core, 'audit.recentStatus', { teamId });
      expect(status.ok).toBe(false);
      expect(status.problems.map((p) => p.seq)).toContain(seq);
      // The head did not move past it: the next change's check finds it again.
      await addEntry(core, teamId, 3_000_00);
      await turn();
      expect((await call<AuditRecentStatus>(core, 'audit.recentStatus', { teamId })).problems.map((p) => p.seq)).toContain(seq);
      expect((await call<AuditVerifyResult>(core, 'audit.verify', { teamId })).ok).toBe(false);
    } finally {
      core.close();
    }
  });

  it('checks a long backlog in parts, and the verified head carries over a close', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, clock, verifyAfterChanges: false });
    const { teamId } = await fixture(core);
    // 2,500 audit records without a check: more than one part.
    core.db.transaction(() => {
      for (let i = 0; i < 2500; i++) void core.handlers['budget.entries.add'](entry(teamId, 100 + i), clock);
    })();
    expect(await call<AuditRecentStatus>(core, 'audit.recentStatus', { teamId })).toMatchObject({ checkedAt: null, ok: true });
    core.close();

    const again = createCore({ dataDir, clock });
    try {
      await addEntry(again, teamId, 5_000_00);
      const first = again.handlers['audit.recentStatus']({ teamId }, clock) as AuditRecentStatus;
      expect(first).toMatchObject({ ok: true, checking: true });
      for (let i = 0; i < 5; i++) await turn();
      const done = await call<AuditRecentStatus>(again, 'audit.recentStatus', { teamId });
      expect(done).toMatchObject({ ok: true, checking: false });
      expect(done.records).toBe(newestSeq(again));
    } finally {
      again.close();
    }
    const third = createCore({ dataDir, clock });
    try {
      expect(await call(third, 'audit.verifyRecent', { teamId })).toMatchObject({ ok: true, records: 0, fromSeq: newestSeq(third) });
    } finally {
      third.close();
    }
  });
});
