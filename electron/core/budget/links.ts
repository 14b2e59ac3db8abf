import { invalid, notFound } from '../../api/errors';
import type { Db } from '../store/open';

export interface Links {
  decisionId?: number | null;
  teamOpgaveId?: number | null;
  actionId?: number | null;
  clusterId?: number | null;
}

export interface ResolvedLinks {
  decisionId: number | null;
  teamOpgaveId: number | null;
  actionId: number | null;
  clusterId: number | null;
}

/**
 * Checks that every linked record belongs to the team (another team's record is NOT_FOUND), and
 * fills in the attribution that follows from a decision or an action: an expense on a decision for
 * opgave X counts for opgave X. Links that contradict each other are refused.
 */
export function createLinkResolver(db: Db) {
  const decision = db.prepare<[number], { team_id: number; team_opgave_id: number | null; action_id: number | null; cluster_id: number | null }>(
    'SELECT team_id, team_opgave_id, action_id, cluster_id FROM budget_decision WHERE id = ?',
  );
  const action = db.prepare<[number], { team_id: number; team_opgave_id: number; cluster_id: number | null }>(
    'SELECT team_id, team_opgave_id, cluster_id FROM action WHERE id = ?',
  );
  const teamOpgave = db.prepare<[number], { team_id: number }>('SELECT team_id FROM team_opgave WHERE id = ?');
  const cluster = db.prepare<[number], { team_id: number }>('SELECT team_id FROM cluster WHERE id = ?');

  const merge = (path: string, current: number | null, implied: number | null, message: string): number | null => {
    if (implied === null) return current;
    if (current !== null && current !== implied) throw invalid(path, message);
    return implied;
  };

  return function resolve(teamId: number, links: Links): ResolvedLinks {
    let teamOpgaveId = links.teamOpgaveId ?? null;
    let actionId = links.actionId ?? null;
    let clusterId = links.clusterId ?? null;
    const decisionId = links.decisionId ?? null;

    if (teamOpgaveId !== null && teamOpgave.get(teamOpgaveId)?.team_id !== teamId) throw notFound('De gekozen opgave');
    if (clusterId !== null && cluster.get(clusterId)?.team_id !== teamId) throw notFound('Het gekozen cluster');
    if (decisionId !== null) {
      const d = decision.get(decisionId);
      if (!d || d.team_id !== teamId) throw notFound('Het gekozen besluit');
      teamOpgaveId = merge('teamOpgaveId', teamOpgaveId, d.team_opgave_id, 'Het besluit hoort bij een andere opgave.');
      actionId = merge('actionId', actionId, d.action_id, 'Het besluit hoort bij een andere actie.');
      clusterId = merge('clusterId', clusterId, d.cluster_id, 'Het besluit hoort bij een ander cluster.');
    }
    if (actionId !== null) {
      const a = action.get(actionId);
      if (!a || a.team_id !== teamId) throw notFound('De gekozen actie');
      teamOpgaveId = merge('teamOpgaveId', teamOpgaveId, a.team_opgave_id, 'De actie hoort bij een andere opgave.');
      clusterId = merge('clusterId', clusterId, a.cluster_id, 'De actie hoort bij een ander cluster.');
    }
    return { decisionId, teamOpgaveId, actionId, clusterId };
  };
}
