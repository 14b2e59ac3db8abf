import type { AuditLastVerify, AuditVerifyResult } from '../../api/audit';
import type { Db } from '../store/open';

/**
 * The last completed full verification, kept in the store (app_setting) so the overview can show
 * it beside the button after a restart, and a restored backup carries its own. A cancelled or
 * failed verification never gets here.
 */
const KEY = 'audit.lastFullVerify';
const KEPT_PROBLEMS = 50;

export function createLastVerify(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?');
  const write = db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get(): AuditLastVerify | null {
      const row = read.get(KEY);
      if (!row) return null;
      try {
        const v = JSON.parse(row.value) as AuditLastVerify;
        return typeof v.at === 'string' && typeof v.ok === 'boolean' && Array.isArray(v.problems) ? v : null;
      } catch {
        // a value no version of the app wrote: as if never verified
        return null;
      }
    },
    save(at: string, ms: number, result: AuditVerifyResult): AuditLastVerify {
      const last: AuditLastVerify = {
        at,
        ms,
        ok: result.ok,
        records: result.records,
        problemCount: result.problems.length,
        problems: result.problems.slice(0, KEPT_PROBLEMS),
      };
      write.run(KEY, JSON.stringify(last));
      return last;
    },
  };
}
