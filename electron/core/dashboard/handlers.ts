import type { dashboardApi } from '../../api/dashboard';
import type { HandlersFor } from '../../api/define';
import type { DashboardService } from './service';

export const dashboardHandlers = (dashboard: DashboardService): HandlersFor<typeof dashboardApi> => ({
  'dashboard.get': ({ teamId, period }, ctx) => dashboard.get(teamId, period, ctx),
});
