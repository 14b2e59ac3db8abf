import type { HandlersFor } from '../../api/define';
import type { progressApi } from '../../api/progress';
import type { ProgressService } from './service';

export const progressHandlers = (progress: ProgressService): HandlersFor<typeof progressApi> => ({
  'progress.checkins.create': ({ teamId, checkin }, ctx) => progress.createCheckin(teamId, checkin, ctx),
  'progress.checkins.list': ({ teamId, teamOpgaveId, period }, ctx) => progress.listCheckins(teamId, teamOpgaveId, period && progress.resolve(teamId, period, ctx).period),
  'progress.checkins.page': ({ teamId, period, page, pageSize }, ctx) => progress.checkinPage(teamId, progress.resolve(teamId, period, ctx).period, page, pageSize),
  'progress.rhythm.set': ({ teamId, teamOpgaveId, rhythm }, ctx) => progress.setRhythm(teamId, teamOpgaveId, rhythm, ctx),
  'progress.history': ({ teamId, period, teamOpgaveId }, ctx) => progress.history(teamId, period, teamOpgaveId, ctx),
  'progress.overview': ({ teamId, period }, ctx) => progress.overview(teamId, period, ctx),
});
