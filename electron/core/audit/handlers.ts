import type { auditApi, AuditLastVerify, AuditVerifyStatus } from '../../api/audit';
import type { HandlersFor } from '../../api/define';
import { notFound } from '../../api/errors';
import type { Db } from '../store/open';
import type { AuditLog } from './chain';
import { createLastVerify } from './last-verify';
import type { VerifyRunner } from './verify-job';

export const auditHandlers = (audit: AuditLog, assertTeam: (teamId: number) => void, full: { db: Db; runner: VerifyRunner }): Omit<HandlersFor<typeof auditApi>, 'audit.recentStatus'> => {
  const last = createLastVerify(full.db);
  // A completed verification the store could not keep (it was read-only then): still shown this run.
  let unsaved: AuditLastVerify | null = null;
  const status = (): AuditVerifyStatus => ({ job: full.runner.job(), last: unsaved ?? last.get() });
  return {
    'audit.history': ({ teamId, entity, entityId }) => {
      assertTeam(teamId);
      const entries = audit.history(entity, entityId);
      // A record of another team is answered as if it did not exist.
      if (entries.length === 0 || entries.some((e) => e.teamId !== teamId)) throw notFound('Dit record');
      return entries.map(({ teamId: _t, ...e }) => e);
    },
    'audit.verify': ({ teamId }) => {
      assertTeam(teamId);
      return audit.verify();
    },
    'audit.verifyStart': ({ teamId }, ctx) => {
      assertTeam(teamId);
      full.runner.start((result, ms) => {
        const at = ctx.now().toISOString();
        try {
          last.save(at, ms, result);
          unsaved = null;
          audit.verifiedUpTo(result);
        } catch {
          unsaved = { at, ms, ok: result.ok, records: result.records, problemCount: result.problems.length, problems: result.problems.slice(0, 50) };
        }
      });
      return status();
    },
    'audit.verifyStatus': ({ teamId }) => {
      assertTeam(teamId);
      return status();
    },
    'audit.verifyCancel': ({ teamId }) => {
      assertTeam(teamId);
      full.runner.cancel();
      return status();
    },
    'audit.verifyRecent': ({ teamId }) => {
      assertTeam(teamId);
      return audit.verifyRecent();
    },
  };
};
