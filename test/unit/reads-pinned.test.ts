import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressHistory } from '../../electron/api/progress';
import type { ReportData, ReportOptions } from '../../electron/api/report';
import { fixedClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core';
import { generateInto, TODAY, type SizeSpec } from '../bench/generate';
import { call } from './helpers';

/**
 * The printed overview and the progress charts, pinned on a realistic store: two basisteams over
 * four years written through the app's own API by the benchmark's generator (clusters split and
 * ended, corrected check-ins, reversed and voided expenses, pinpas payments with and without a
 * receipt). Every answer is reduced to a digest of its full JSON; a faster read path that changes
 * one number, one order or one field anywhere in them fails here.
 */

// The audit chain hashes the records' local timestamps; pin the zone so the digests hold anywhere.
process.env.TZ = 'Europe/Amsterdam';

const SPEC: SizeSpec = {
  teams: 2,
  years: 4,
  actions: 40,
  checkins: 80,
  expenses: 160,
  decisions: 8,
  receipts: { share: 0.3, bytes: 600 },
};
const SEED = 4242;
const clock = fixedClock(`${TODAY}T15:45:00`);

let dir: string;
let core: Core;
let teams: number[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'teamchef-pinned-'));
  generateInto(dir, SPEC, SEED);
  core = createCore({ dataDir: dir, clock });
  teams = (core.db.prepare('SELECT id FROM team ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}, 120_000);
afterAll(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const digest = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);

const report = (teamId: number, o: Partial<ReportOptions> = {}): ReportOptions => ({
  teamId,
  kind: 'full',
  from: '2026-01-01',
  to: TODAY,
  sections: ['profile', 'opgaven', 'budget', 'receipts', 'clusters'],
  opgaven: [],
  ...o,
});

describe('reads pinned on a generated store', () => {
  it('the store is what the digests were taken on', () => {
    const counts = Object.fromEntries(
      ['team', 'team_opgave', 'action', 'checkin', 'expense', 'attachment', 'audit_log'].map((t) => [t, (core.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
    );
    expect(counts).toMatchInlineSnapshot(`
      {
        "action": 320,
        "attachment": 383,
        "audit_log": 1776,
        "checkin": 688,
        "expense": 1296,
        "team": 2,
        "team_opgave": 64,
      }
    `);
    // Corrected check-ins and reversed expenses are there, so the reads' filters are exercised.
    expect((core.db.prepare('SELECT count(*) AS n FROM checkin WHERE corrects_id IS NOT NULL').get() as { n: number }).n).toBeGreaterThan(0);
    expect((core.db.prepare('SELECT count(*) AS n FROM expense WHERE reverses_id IS NOT NULL').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('report.get answers exactly as before: this year, several years, the driehoek paper, a choice of opgaven', async () => {
    const out: Record<string, string> = {};
    for (const teamId of teams) {
      const chosen2025 = (core.db.prepare("SELECT id FROM team_opgave WHERE team_id = ? AND period_start = '2025-01-01' ORDER BY id").all(teamId) as { id: number }[]).map((r) => r.id);
      const cases: Record<string, ReportOptions> = {
        year: report(teamId),
        years: report(teamId, { from: '2024-03-15', to: '2026-06-30' }),
        driehoek: report(teamId, { kind: 'driehoek', from: '2025-01-01', to: '2025-12-31', sections: ['opgaven', 'budget'] }),
        chosen: report(teamId, { from: '2025-01-01', to: '2025-12-31', opgaven: [chosen2025[1]!, chosen2025[4]!] }),
        empty: report(teamId, { from: '2019-01-01', to: '2019-12-31' }),
      };
      for (const [name, options] of Object.entries(cases)) {
        const data = await call<ReportData>(core, 'report.get', options);
        if (name !== 'empty') expect(data.opgaven.length, `${name}: opgaven in the report`).toBeGreaterThan(0);
        out[`team ${teamId} ${name}`] = digest(data);
      }
    }
    expect(out).toMatchInlineSnapshot(`
      {
        "team 1 chosen": "f4530b17df3cf415",
        "team 1 driehoek": "65b85140fc2db4fb",
        "team 1 empty": "afee3c7e1214453b",
        "team 1 year": "12a6bb93a96a1242",
        "team 1 years": "411a9458fffa3d78",
        "team 2 chosen": "2e55f50c0cb465e7",
        "team 2 driehoek": "dac6a534d0fe6ad0",
        "team 2 empty": "1843befeca45de17",
        "team 2 year": "45adb405ec1397b6",
        "team 2 years": "b7355b99ee10ee0c",
      }
    `);
  });

  it('progress.history answers exactly as before: the year, a past year, a quarter, custom dates across years, one opgave', async () => {
    const out: Record<string, string> = {};
    for (const teamId of teams) {
      const one = (core.db.prepare("SELECT id FROM team_opgave WHERE team_id = ? AND period_start = '2026-01-01' ORDER BY id LIMIT 1 OFFSET 3").get(teamId) as { id: number }).id;
      const cases: Record<string, unknown> = {
        year: { teamId, period: { kind: 'year' } },
        'past year': { teamId, period: { kind: 'year', year: 2024 } },
        quarter: { teamId, period: { kind: 'quarter', year: 2026, quarter: 2 } },
        'this quarter': { teamId, period: { kind: 'quarter' } },
        custom: { teamId, period: { kind: 'custom', from: '2024-05-01', to: '2025-08-31' } },
        'one opgave': { teamId, period: { kind: 'year' }, teamOpgaveId: one },
      };
      for (const [name, input] of Object.entries(cases)) {
        const data = await call<ProgressHistory>(core, 'progress.history', input);
        expect(data.opgaven.length, `${name}: series`).toBeGreaterThan(0);
        out[`team ${teamId} ${name}`] = digest(data);
      }
      out[`team ${teamId} overview`] = digest(await call(core, 'progress.overview', { teamId, period: { kind: 'year' } }));
      out[`team ${teamId} dashboard`] = digest(await call(core, 'dashboard.get', { teamId, period: { kind: 'year' } }));
    }
    expect(out).toMatchInlineSnapshot(`
      {
        "team 1 custom": "0d5c570502f967a5",
        "team 1 dashboard": "aea3135eac2e7a58",
        "team 1 one opgave": "d51ac58c410486bf",
        "team 1 overview": "bc0c780d74f8689a",
        "team 1 past year": "a29b7a9f7275a0f5",
        "team 1 quarter": "2daf9e1c5551422f",
        "team 1 this quarter": "0f6b0de5bfbb6ae3",
        "team 1 year": "ba824b5e08e3db9a",
        "team 2 custom": "43502aa9cfbe8862",
        "team 2 dashboard": "e84f27d3d4b7e9eb",
        "team 2 one opgave": "c2172a8956535899",
        "team 2 overview": "c37f1446f2b4784c",
        "team 2 past year": "92ae4b5343f9c0c0",
        "team 2 quarter": "ad068e0b883bc9d5",
        "team 2 this quarter": "e310c818c9f58b71",
        "team 2 year": "f1429d5a5b485599",
      }
    `);
  });
});
