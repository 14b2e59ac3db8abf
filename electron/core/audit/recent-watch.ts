import type { auditApi, AuditRecentStatus } from '../../api/audit';
import type { Ctx, HandlersFor } from '../../api/define';
import type { Db } from '../store/open';
import type { AuditLog } from './chain';

/**
 * The audit check after every change: the core calls `changed()` once a write has been answered,
 * and the check of what that write added (audit/recent.ts) runs on a later turn of the event loop,
 * so the write's own call never waits for it. Changes in quick succession are checked together; a
 * long backlog (the first check after a start with an old verified head) goes in parts of
 * CHUNK records, one per turn, so no part holds the window's requests up for long.
 */
const CHUNK = 2000;

export interface RecentWatch {
  /** A write was answered: check what it added soon. */
  changed(): void;
  /** The result of the checks so far; runs the next part first when one is due. */
  status(): AuditRecentStatus;
  /** Runs every part that is due now (tests, the benchmark). */
  flush(): AuditRecentStatus;
}

export function createRecentWatch(db: Db, audit: AuditLog, clock: Ctx, onError: (err: unknown) => void): RecentWatch {
  let due = false;
  let scheduled = false;
  // Records checked in the parts of the backlog so far.
  let checked = 0;
  let state: AuditRecentStatus = { checking: false, checkedAt: null, ok: true, records: 0, problems: [] };

  /** Runs one part when one is due; false when nothing could run. */
  const step = (): boolean => {
    // While the background page check runs the connection is read-only: no write has been done yet.
    if (!due || !db.open || db.pragma('query_only', { simple: true })) return false;
    try {
      const r = audit.verifyRecent(CHUNK);
      checked += r.records;
      due = !r.complete && r.ok;
      state = { checking: due, checkedAt: clock.now().toISOString(), ok: r.ok, records: checked, problems: r.problems.slice(0, 50) };
      if (!due) checked = 0;
    } catch (err) {
      due = false;
      checked = 0;
      state = { ...state, checking: false };
      onError(err);
    }
    return true;
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (step() && due) schedule();
    });
  };

  return {
    changed() {
      due = true;
      if (state.ok) state = { ...state, checking: true };
      schedule();
    },
    status() {
      if (step() && due) schedule();
      return state;
    },
    flush() {
      while (step() && due);
      return state;
    },
  };
}

export const recentWatchHandlers = (watch: RecentWatch, assertTeam: (teamId: number) => void): Pick<HandlersFor<typeof auditApi>, 'audit.recentStatus'> => ({
  'audit.recentStatus': ({ teamId }) => {
    assertTeam(teamId);
    return watch.status();
  },
});
