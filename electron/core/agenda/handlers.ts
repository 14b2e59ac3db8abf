import type { agendaApi } from '../../api/agenda';
import type { HandlersFor } from '../../api/define';
import type { AgendaService } from './service';
import { ACTION_TEMPLATES } from './templates';

export const agendaHandlers = (agenda: AgendaService): HandlersFor<typeof agendaApi> => ({
  'agenda.catalogue': () => agenda.catalogue(),
  'agenda.templates': () => [...ACTION_TEMPLATES],
  'agenda.list': ({ teamId, includeArchived }, ctx) => agenda.list(teamId, includeArchived, ctx),
  'agenda.get': ({ teamId, teamOpgaveId }, ctx) => agenda.get(teamId, teamOpgaveId, ctx),
  'agenda.choose': (input, ctx) => agenda.choose(input, ctx),
  'agenda.update': ({ teamId, teamOpgaveId, fields }, ctx) => agenda.update(teamId, teamOpgaveId, fields, ctx),
  'agenda.setStatus': ({ teamId, teamOpgaveId, status }, ctx) => agenda.setStatus(teamId, teamOpgaveId, status, ctx),
  'agenda.archive': ({ teamId, teamOpgaveId, archived }, ctx) => agenda.archive(teamId, teamOpgaveId, archived, ctx),
  'agenda.remove': ({ teamId, teamOpgaveId }) => {
    agenda.remove(teamId, teamOpgaveId);
    return null;
  },
  'agenda.dependents': ({ teamId, record, id }) => agenda.dependents(teamId, record, id),
  'action.create': (input, ctx) => agenda.createAction(input, ctx),
  'action.update': ({ teamId, actionId, fields }, ctx) => agenda.updateAction(teamId, actionId, fields, ctx),
  'action.setStatus': ({ teamId, actionId, status, doneDate }, ctx) => agenda.setActionStatus(teamId, actionId, status, doneDate, ctx),
  'action.archive': ({ teamId, actionId, archived }, ctx) => agenda.archiveAction(teamId, actionId, archived, ctx),
  'action.remove': ({ teamId, actionId }) => {
    agenda.removeAction(teamId, actionId);
    return null;
  },
  'partner.list': ({ teamId, includeArchived }) => agenda.partners(teamId, includeArchived),
  'partner.create': ({ teamId, name, kind }) => agenda.createPartner(teamId, name, kind),
  'partner.archive': ({ teamId, partnerId, archived }) => agenda.archivePartner(teamId, partnerId, archived),
});
