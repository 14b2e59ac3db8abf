import type { auditApi } from '../../api/audit';
import type { HandlersFor } from '../../api/define';
import { notFound } from '../../api/errors';
import type { AuditLog } from './chain';

export const auditHandlers = (audit: AuditLog, assertTeam: (teamId: number) => void): Omit<HandlersFor<typeof auditApi>, 'audit.recentStatus'> => ({
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
  'audit.verifyRecent': ({ teamId }) => {
    assertTeam(teamId);
    return audit.verifyRecent();
  },
});
