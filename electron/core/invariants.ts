import { checkBudgetInvariants } from './budget/invariants';
import type { Db } from './store/open';

/**
 * Rules the stored data must always satisfy, whatever was called before. A domain registers its
 * own (e.g. budget: totals equal the ledger, the audit chain verifies); the fuzz and crash tests
 * check all of them after hostile input and after every kill. A check returns what is wrong,
 * one sentence per violation, or an empty list.
 */
export type InvariantCheck = (db: Db) => string[];

const registry = new Map<string, InvariantCheck>();

export function registerInvariant(name: string, check: InvariantCheck): void {
  registry.set(name, check);
}

export function invariantNames(): string[] {
  return [...registry.keys()];
}

/** Runs every registered check; returns `name: problem` lines, empty when all hold. */
export function checkInvariants(db: Db): string[] {
  const problems: string[] = [];
  for (const [name, check] of registry) {
    try {
      for (const p of check(db)) problems.push(`${name}: ${p}`);
    } catch (err) {
      problems.push(`${name}: check failed (${(err as Error).message})`);
    }
  }
  return problems;
}

// Store-wide invariants; domains add theirs below this line or from their own module.
registerInvariant('integrity', (db) => {
  const rows = db.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').all();
  return rows.length === 1 && rows[0]!.integrity_check === 'ok' ? [] : rows.map((r) => r.integrity_check);
});

registerInvariant('foreign keys', (db) =>
  (db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[]).map(
    (r) => `${r.table} row ${r.rowid} points to a missing ${r.parent}`,
  ),
);

registerInvariant('team gemeenten are numbered 0..n-1 per team', (db) =>
  db
    .prepare<[], { team_id: number }>(
      'SELECT team_id FROM team_gemeente GROUP BY team_id HAVING min(position) <> 0 OR max(position) <> count(*) - 1',
    )
    .all()
    .map((r) => `team ${r.team_id} has gaps in its gemeenten`),
);

registerInvariant('versterkingsgelden: totals equal the ledger, the audit chain verifies', checkBudgetInvariants);
