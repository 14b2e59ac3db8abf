import type { HandlersFor } from '../../api/define';
import type { undoApi } from '../../api/undo';
import type { Journal } from './journal';

export const undoHandlers = (journal: Journal, assertTeam: (teamId: number) => void): HandlersFor<typeof undoApi> => ({
  'undo.list': ({ teamId }) => {
    assertTeam(teamId);
    return journal.list(teamId);
  },
  'undo.undo': ({ teamId, throughId }, ctx) => {
    assertTeam(teamId);
    return journal.undo(teamId, throughId, ctx);
  },
  'undo.redo': ({ teamId }, ctx) => {
    assertTeam(teamId);
    return journal.redo(teamId, ctx);
  },
  'undo.history': ({ teamId, record, id }) => {
    assertTeam(teamId);
    return journal.history(teamId, record, id);
  },
});
