import type { Dependent } from '../../api/agenda';
import type { Db } from '../store/open';

/**
 * Every row in any table that points at `table(id)` through a foreign key, counted per table.
 * Read from the schema itself, so tables added by other domains (budget, progress) are found too.
 */
export function dependentsOf(db: Db, table: string, id: number, ignore: readonly string[] = []): Dependent[] {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  const out: Dependent[] = [];
  for (const { name } of tables) {
    if (ignore.includes(name)) continue;
    const fks = db.pragma(`foreign_key_list("${name}")`) as { table: string; from: string }[];
    let count = 0;
    for (const fk of fks.filter((f) => f.table === table)) {
      count += (db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE "${fk.from}" = ?`).get(id) as { n: number }).n;
    }
    if (count > 0) out.push({ table: name, count });
  }
  return out;
}

/** "3 × action, 1 × budget_decision" in a Dutch sentence for a refused delete. */
export function describeDependents(deps: Dependent[]): string {
  const label: Record<string, string> = {
    action: 'actie(s)',
    team_opgave: 'gekozen opgave(n)',
    cluster: 'cluster(s)',
    action_partner: 'koppeling(en) met acties',
  };
  return deps.map((d) => `${d.count} ${label[d.table] ?? `record(s) in ${d.table}`}`).join(', ');
}
