import { z } from 'zod';
import { method } from './define';
import { Id } from './schemas';

/** How many of a team's most recent actions the undo list shows. */
export const UNDO_LIST_LIMIT = 50;

/** Records that have a history screen built from the change journal (table names as stored). */
export const HISTORY_RECORDS = ['team', 'team_opgave', 'action', 'partner', 'cluster', 'checkin', 'checkin_rhythm'] as const;
export type HistoryRecord = (typeof HISTORY_RECORDS)[number];

export interface UndoAction {
  id: number;
  /** The contract method that made the change, e.g. `clusters.split`. */
  method: string;
  descriptionNl: string;
  descriptionEn: string;
  /** ISO date-time of the action. */
  createdAt: string;
  /** `done`: in effect; `undone`: taken back and can be redone. A barrier (restore) is `barrier`. */
  state: 'done' | 'undone' | 'barrier';
}

export interface UndoState {
  /** The team's last actions, newest first (at most UNDO_LIST_LIMIT). */
  actions: UndoAction[];
  /** What Ctrl+Z would take back now, or null. */
  nextUndo: UndoAction | null;
  /** What Ctrl+Y would do again now, or null. */
  nextRedo: UndoAction | null;
}

export interface UndoResult {
  /** The actions taken back or done again by this call, in the order it handled them. */
  handled: UndoAction[];
  state: UndoState;
}

export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  at: string;
  actionId: number;
  descriptionNl: string;
  descriptionEn: string;
  /** `done`: the action itself; `undone` / `redone`: a later undo or redo of it. */
  event: 'done' | 'undone' | 'redone';
  /** `created` / `changed` / `removed`, as seen from this record. */
  change: 'created' | 'changed' | 'removed';
  changes: HistoryChange[];
}

const TeamOnly = z.strictObject({ teamId: Id });

export const undoApi = {
  'undo.list': method<UndoState>()(TeamOnly),
  /**
   * Takes back the team's newest action; with `throughId`, every newer action and then that one,
   * newest first, all or nothing.
   */
  'undo.undo': method<UndoResult>()(z.strictObject({ teamId: Id, throughId: Id.optional() })),
  /** Does the oldest taken-back action again (the reverse order of undo). */
  'undo.redo': method<UndoResult>()(TeamOnly),
  'undo.history': method<HistoryEntry[]>()(
    z.strictObject({
      teamId: Id,
      record: z.enum(HISTORY_RECORDS, { message: 'Onbekend soort record.' }),
      id: Id,
    }),
  ),
} as const;
