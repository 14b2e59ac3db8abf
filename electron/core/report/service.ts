import type { Ctx } from '../../api/define';
import type { ReportData, ReportOptions } from '../../api/report';
import type { TeamService } from '../team/service';

/**
 * Everything one printed overview needs, read in one call so the paper shows one moment in time.
 * Each domain contributes its section here.
 */
export function createReportService(deps: { teams: TeamService }) {
  return {
    get(options: ReportOptions, ctx: Ctx): ReportData {
      const team = deps.teams.get(options.teamId);
      return { options, team, generatedAt: ctx.now().toISOString(), auditHead: null };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
