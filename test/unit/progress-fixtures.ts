import type { Core } from '../../electron/core';

/**
 * Agenda rows for progress tests, written with plain SQL: the agenda API is built elsewhere.
 * The opgave catalogue may not be seeded in this branch, so the rows we need are INSERT OR IGNOREd.
 */
const OPGAVEN: [number, string, 'extern' | 'intern', string, string, string][] = [
  [1, 'wijk-en-web', 'extern', 'Werken in wijk en web', 'Working in neighbourhood and web', 'Wijk en internet vloeien samen.'],
  [2, 'wereld-in-de-wijk', 'extern', 'Omgaan met de wereld in de wijk', 'Dealing with the world in the neighbourhood', 'Mondiale gebeurtenissen landen in de wijk.'],
  [3, 'ondermijning', 'extern', 'Samenspannen tegen ondermijning', 'Joining forces against undermining', 'Georganiseerde criminaliteit ondermijnt.'],
  [4, 'wendbare-nabijheid', 'extern', 'Versterken van wendbare nabijheid', 'Strengthening agile nearness', 'Dichtbij en benaderbaar zijn.'],
  [6, 'klein-binnen-groot', 'intern', "'Klein' binnen 'groot' organiseren", "Organising 'small' within 'large'", 'Kleinere clusters binnen het team.'],
];

export function seedOpgaven(core: Core): void {
  const insert = core.db.prepare('INSERT OR IGNORE INTO opgave (id, code, kind, title_nl, title_en, description_nl) VALUES (?, ?, ?, ?, ?, ?)');
  for (const row of OPGAVEN) insert.run(...row);
}

export interface ChooseOptions {
  periodStart?: string;
  periodEnd?: string;
  startDate?: string;
  status?: 'actief' | 'gepauzeerd' | 'afgerond' | 'gestopt';
  priority?: number;
  archived?: boolean;
}

/** A chosen opgave (team_opgave row); returns its id. */
export function chooseOpgave(core: Core, teamId: number, opgaveId: number, o: ChooseOptions = {}): number {
  seedOpgaven(core);
  const start = o.periodStart ?? '2026-01-01';
  const { lastInsertRowid } = core.db
    .prepare(
      `INSERT INTO team_opgave (team_id, opgave_id, period_start, period_end, start_date, status, status_date, priority, archived, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(teamId, opgaveId, start, o.periodEnd ?? '2027-12-31', o.startDate ?? start, o.status ?? 'actief', o.startDate ?? start, o.priority ?? 2, o.archived ? 1 : 0, `${start}T09:00:00.000Z`, `${start}T09:00:00.000Z`);
  return Number(lastInsertRowid);
}

export interface ActionOptions {
  title?: string;
  dueDate?: string | null;
  doneDate?: string | null;
  status?: 'idee' | 'gepland' | 'lopend' | 'afgerond' | 'gestopt';
}

export function addAction(core: Core, teamId: number, teamOpgaveId: number, o: ActionOptions = {}): number {
  const { lastInsertRowid } = core.db
    .prepare(
      `INSERT INTO action (team_id, team_opgave_id, title, due_date, done_date, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(teamId, teamOpgaveId, o.title ?? 'Actie', o.dueDate ?? null, o.doneDate ?? null, o.status ?? 'gepland', '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z');
  return Number(lastInsertRowid);
}

export interface ClusterOptions {
  name?: string;
  fte: number;
  wijkagenten: number;
  startDate: string;
  endDate?: string | null;
}

export function addCluster(core: Core, teamId: number, o: ClusterOptions): number {
  const { lastInsertRowid } = core.db
    .prepare(
      `INSERT INTO cluster (team_id, name, fte, wijkagenten, start_date, end_date, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(teamId, o.name ?? 'Cluster', o.fte, o.wijkagenten, o.startDate, o.endDate ?? null, '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z');
  return Number(lastInsertRowid);
}
