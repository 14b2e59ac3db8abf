import type { Core } from '../../electron/core';
import { call, PROFILE } from './helpers';

/**
 * Linked rows for budget tests, inserted with plain SQL (the agenda services live elsewhere).
 * Columns follow migration 002.
 */
export interface BudgetFixture {
  teamId: number;
  otherTeamId: number;
  opgaven: number[];
  actions: { id: number; teamOpgaveId: number; clusterId: number | null }[];
  clusters: number[];
  /** Rows of the other team, to prove they cannot be linked. */
  foreign: { teamOpgaveId: number; actionId: number; clusterId: number };
}

const NOW = '2026-01-01T00:00:00.000Z';

export function insertOpgaveCatalogue(core: Core): void {
  const ins = core.db.prepare(
    `INSERT OR IGNORE INTO opgave (id, code, kind, title_nl, title_en, description_nl) VALUES (?, ?, ?, ?, ?, '')`,
  );
  const titles = [
    'Werken in wijk en web',
    'Omgaan met de wereld in de wijk',
    'Samenspannen tegen ondermijning',
    'Versterken van wendbare nabijheid',
    'De teams en teamchefs in positie brengen',
    "'Klein' binnen 'groot' organiseren",
    'Beter samenspel ontwikkelen',
    'Vernieuwend werken',
  ];
  titles.forEach((t, i) => ins.run(i + 1, `opgave-${i + 1}`, i < 4 ? 'extern' : 'intern', t, t));
}

export function insertTeamOpgave(core: Core, teamId: number, opgaveId: number): number {
  return Number(
    core.db
      .prepare(
        `INSERT INTO team_opgave (team_id, opgave_id, period_start, period_end, start_date, status_date, created_at, updated_at)
         VALUES (?, ?, '2026-01-01', '2026-12-31', '2026-01-01', '2026-01-01', ?, ?)`,
      )
      .run(teamId, opgaveId, NOW, NOW).lastInsertRowid,
  );
}

export function insertCluster(core: Core, teamId: number, name: string): number {
  return Number(
    core.db
      .prepare(`INSERT INTO cluster (team_id, name, start_date, created_at, updated_at) VALUES (?, ?, '2026-01-01', ?, ?)`)
      .run(teamId, name, NOW, NOW).lastInsertRowid,
  );
}

export function insertAction(core: Core, teamId: number, teamOpgaveId: number, clusterId: number | null, title: string): number {
  return Number(
    core.db
      .prepare(`INSERT INTO action (team_id, team_opgave_id, cluster_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(teamId, teamOpgaveId, clusterId, title, NOW, NOW).lastInsertRowid,
  );
}

export async function budgetFixture(core: Core): Promise<BudgetFixture> {
  const teamId = (await call<{ id: number }>(core, 'team.create', PROFILE)).id;
  const otherTeamId = (await call<{ id: number }>(core, 'team.create', { ...PROFILE, name: 'Basisteam Zeist' })).id;
  insertOpgaveCatalogue(core);
  const opgaven = [1, 3, 4].map((o) => insertTeamOpgave(core, teamId, o));
  const clusters = ['Oost', 'Noord'].map((n) => insertCluster(core, teamId, n));
  const actions = [
    { id: insertAction(core, teamId, opgaven[0]!, clusters[0]!, 'Webcare opzetten'), teamOpgaveId: opgaven[0]!, clusterId: clusters[0]! },
    { id: insertAction(core, teamId, opgaven[1]!, null, 'Ondermijningsbeeld'), teamOpgaveId: opgaven[1]!, clusterId: null },
  ];
  const fo = insertTeamOpgave(core, otherTeamId, 2);
  const fc = insertCluster(core, otherTeamId, 'Zeist-Centrum');
  const fa = insertAction(core, otherTeamId, fo, fc, 'Andermans actie');
  return { teamId, otherTeamId, opgaven, actions, clusters, foreign: { teamOpgaveId: fo, actionId: fa, clusterId: fc } };
}
