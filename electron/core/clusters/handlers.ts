import type { clustersApi } from '../../api/clusters';
import type { HandlersFor } from '../../api/define';
import type { ClusterService } from './service';

export const clustersHandlers = (clusters: ClusterService): HandlersFor<typeof clustersApi> => ({
  'clusters.list': ({ teamId, includeArchived }, ctx) => clusters.list(teamId, includeArchived, ctx),
  'clusters.create': ({ teamId, ...fields }, ctx) => clusters.create(teamId, fields, ctx),
  'clusters.update': ({ teamId, clusterId, fields }, ctx) => clusters.update(teamId, clusterId, fields, ctx),
  'clusters.end': ({ teamId, clusterId, endDate, reason }, ctx) => clusters.end(teamId, clusterId, endDate, reason, ctx),
  'clusters.split': ({ teamId, clusterId, date, parts }, ctx) => clusters.split(teamId, clusterId, date, parts, ctx),
  'clusters.overview': ({ teamId, date }, ctx) => clusters.overview(teamId, date, ctx),
  'clusters.archive': ({ teamId, clusterId, archived }, ctx) => clusters.archive(teamId, clusterId, archived, ctx),
  'clusters.remove': ({ teamId, clusterId }) => {
    clusters.remove(teamId, clusterId);
    return null;
  },
});
