import type { HandlersFor } from '../../api/define';
import type { teamApi } from '../../api/team';
import type { TeamService } from './service';

export const teamHandlers = (teams: TeamService): HandlersFor<typeof teamApi> => ({
  'team.list': () => teams.list(),
  'team.get': ({ teamId }) => teams.get(teamId),
  'team.create': (profile, ctx) => teams.create(profile, ctx),
  'team.update': ({ teamId, profile }, ctx) => teams.update(teamId, profile, ctx),
});
