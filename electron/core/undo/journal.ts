import type { Method } from '../../api/contract';
import type { Ctx } from '../../api/define';
import { conflict, notFound } from '../../api/errors';
import { UNDO_LIST_LIMIT, type HistoryEntry, type HistoryRecord, type UndoAction, type UndoResult, type UndoState } from '../../api/undo';
import type { AuditLog } from '../audit/chain';
import type { BudgetService } from '../budget/service';
import type { Db } from '../store/open';
import { createApplier } from './apply';
import { captureWindow, installCapture } from './capture';
import { createNamer, type Row } from './names';
import { ruleOf, type RowChange } from './rules';

interface ActionRow {
  id: number;
  team_id: number | null;
  method: string;
  kind: 'change' | 'barrier';
  description_nl: string;
  description_en: string;
  state: 'done' | 'undone' | 'discarded';
  phase: number;
  created_at: string;
}

interface ChangeRowRow {
  tbl: string;
  row_id: number;
  before: string | null;
  after: string | null;
}

const parseRow = (s: string | null): Row | null => (s === null ? null : (JSON.parse(s) as Row));
const toChange = (r: ChangeRowRow): RowChange => ({ tbl: r.tbl, rowId: r.row_id, before: parseRow(r.before), after: parseRow(r.after) });

const toAction = (r: ActionRow): UndoAction => ({
  id: r.id,
  method: r.method,
  descriptionNl: r.description_nl,
  descriptionEn: r.description_en,
  createdAt: r.created_at,
  state: r.kind === 'barrier' ? 'barrier' : r.state === 'undone' ? 'undone' : 'done',
});

/**
 * The change journal of one open store: records every write call of the contract as one action
 * (in the call's own transaction), and undoes and redoes them newest first, per team.
 */
export function createJournal(db: Db, deps: { budget: BudgetService; audit: AuditLog }) {
  installCapture(db);
  const capture = captureWindow(db);
  const names = createNamer(db);
  const applier = createApplier(db, { ...deps, names });

  const insertAction = db.prepare<{ method: string; at: string }>(
    "INSERT INTO change_action (method, description_nl, description_en, created_at) VALUES (@method, '', '', @at)",
  );
  const finishAction = db.prepare('UPDATE change_action SET team_id = ?, description_nl = ?, description_en = ? WHERE id = ?');
  const dropAction = db.prepare('DELETE FROM change_action WHERE id = ?');
  const rowsOf = db.prepare<[number, number], ChangeRowRow>('SELECT tbl, row_id, before, after FROM change_row WHERE action_id = ? AND phase = ? ORDER BY id');
  const anyRow = db.prepare<[number], { id: number }>('SELECT id FROM change_row WHERE action_id = ? LIMIT 1');
  const discardRedo = db.prepare("UPDATE change_action SET state = 'discarded' WHERE team_id = ? AND state = 'undone'");
  const discardAllRedo = db.prepare("UPDATE change_action SET state = 'discarded' WHERE state = 'undone'");
  const insertBarrier = db.prepare(
    "INSERT INTO change_action (team_id, method, kind, description_nl, description_en, created_at) VALUES (NULL, ?, 'barrier', ?, ?, ?)",
  );
  const newestDone = db.prepare<[number], ActionRow>(
    "SELECT * FROM change_action WHERE (team_id = ? OR team_id IS NULL) AND state = 'done' ORDER BY id DESC LIMIT 1",
  );
  const oldestUndone = db.prepare<[number], ActionRow>("SELECT * FROM change_action WHERE team_id = ? AND state = 'undone' ORDER BY id LIMIT 1");
  const actionById = db.prepare<[number], ActionRow>('SELECT * FROM change_action WHERE id = ?');
  const setState = db.prepare('UPDATE change_action SET state = ?, phase = ?, state_at = ? WHERE id = ?');
  const listOf = db.prepare<[number, number], ActionRow>(
    "SELECT * FROM change_action WHERE (team_id = ? OR team_id IS NULL) AND state <> 'discarded' ORDER BY id DESC LIMIT ?",
  );
  const historyOf = db.prepare<[string, number, number], ChangeRowRow & { at: string; phase: number; action_id: number; description_nl: string; description_en: string }>(`
    SELECT r.tbl, r.row_id, r.before, r.after, r.at, r.phase, r.action_id, a.description_nl, a.description_en
    FROM change_row r JOIN change_action a ON a.id = r.action_id
    WHERE r.tbl = ? AND r.row_id = ? AND a.team_id = ? ORDER BY r.id`);

  const state = (teamId: number): UndoState => {
    const rows = listOf.all(teamId, UNDO_LIST_LIMIT);
    const head = newestDone.get(teamId);
    const redo = oldestUndone.get(teamId);
    return {
      actions: rows.map(toAction),
      nextUndo: head && head.kind === 'change' ? toAction(head) : null,
      nextRedo: redo ? toAction(redo) : null,
    };
  };

  const step = (action: ActionRow, direction: 'undo' | 'redo', ctx: Ctx) => {
    const phase = action.phase + 1;
    const at = ctx.now().toISOString();
    const rows = rowsOf.all(action.id, 0).map(toChange);
    const env = {
      teamId: action.team_id!,
      actionId: action.id,
      describe: action.description_nl,
      ctx,
      lastUndo: direction === 'redo' ? rowsOf.all(action.id, action.phase).map(toChange) : undefined,
    };
    capture(action.id, phase, at, () => (direction === 'undo' ? applier.undoRows(rows, env) : applier.redoRows(rows, env)));
    setState.run(direction === 'undo' ? 'undone' : 'done', phase, at, action.id);
  };

  return {
    moneyTables: applier.moneyTables,

    /**
     * Runs one write call as one action: opens the transaction and the capture, runs the handler,
     * and stores the action with its description; nothing written means no action.
     */
    record<T>(method: Method, input: Record<string, unknown>, ctx: Ctx, handler: (ctx: Ctx) => T): T {
      const rule = ruleOf(method);
      if (rule.kind !== 'write') return handler(ctx);
      const run = <R>(write: () => R): R =>
        db
          .transaction(() => {
            const at = ctx.now().toISOString();
            const actionId = Number(insertAction.run({ method, at }).lastInsertRowid);
            const result = capture(actionId, 0, at, write, rule.uncaptured);
            if (result instanceof Promise) throw new Error(`${method}: a journaled write runs synchronously inside its transaction`);
            if (!anyRow.get(actionId)) {
              dropAction.run(actionId);
              return result;
            }
            const teamId = rule.team ? rule.team(input, result) : Number(input.teamId);
            if (teamId !== null && !Number.isSafeInteger(teamId)) throw new Error(`${method}: no team for the journal`);
            const text = rule.describe({ input, result, rows: rowsOf.all(actionId, 0).map(toChange), names });
            finishAction.run(teamId, text.nl.slice(0, 500), text.en.slice(0, 500), actionId);
            if (teamId === null) discardAllRedo.run();
            else discardRedo.run(teamId);
            return result;
          })
          .immediate();
      if (!rule.async) return run(() => handler(ctx));
      // First reads outside the store, then writes inside ctx.journaled (which must be called).
      let used = false;
      const result = handler({
        ...ctx,
        journaled: (write) => {
          used = true;
          return run(write);
        },
      });
      return (async () => {
        const value = await result;
        if (!used) throw new Error(`${method}: an asynchronous write must write inside ctx.journaled`);
        return value;
      })() as T;
    },

    /** After a restore or whole-store import: nothing before this point can be undone or redone. */
    barrier(method: Method, ctx: Ctx, text: { nl: string; en: string }) {
      db.transaction(() => {
        discardAllRedo.run();
        insertBarrier.run(method, text.nl, text.en, ctx.now().toISOString());
      }).immediate();
    },

    list: state,

    undo(teamId: number, throughId: number | undefined, ctx: Ctx): UndoResult {
      const handled: UndoAction[] = [];
      db.transaction(() => {
        if (throughId !== undefined) {
          const target = actionById.get(throughId);
          if (!target || target.team_id !== teamId || target.kind !== 'change') throw notFound('Deze actie');
          if (target.state !== 'done') throw conflict('Deze actie is al ongedaan gemaakt.');
        }
        for (;;) {
          const head = newestDone.get(teamId);
          if (!head) throw conflict('Er is niets meer om ongedaan te maken.');
          if (head.kind === 'barrier')
            throw conflict(`Wat vóór “${head.description_nl}” gebeurde, kan niet ongedaan worden gemaakt. De back-up “Voor terugzetten” bevat de gegevens van daarvoor.`);
          step(head, 'undo', ctx);
          handled.push(toAction({ ...head, state: 'undone' }));
          if (throughId === undefined || head.id <= throughId) break;
        }
      }).immediate();
      return { handled, state: state(teamId) };
    },

    redo(teamId: number, ctx: Ctx): UndoResult {
      const handled: UndoAction[] = [];
      db.transaction(() => {
        const next = oldestUndone.get(teamId);
        if (!next) throw conflict('Er is niets om opnieuw te doen.');
        step(next, 'redo', ctx);
        handled.push(toAction({ ...next, state: 'done' }));
      }).immediate();
      return { handled, state: state(teamId) };
    },

    history(teamId: number, record: HistoryRecord, id: number): HistoryEntry[] {
      const all = historyOf.all(record, id, teamId);
      // SQLite may give a removed record's id to a new one; the record's own history starts at
      // the last time it was created by an action (a redo re-creates it under the same action).
      const born = all.findLastIndex((r) => r.phase === 0 && r.before === null);
      const rows = born > 0 ? all.slice(born) : all;
      if (rows.length === 0) throw notFound('Dit record');
      return rows.map((r) => {
        const before = parseRow(r.before);
        const after = parseRow(r.after);
        const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
        return {
          at: r.at,
          actionId: r.action_id,
          descriptionNl: r.description_nl,
          descriptionEn: r.description_en,
          event: r.phase === 0 ? 'done' : r.phase % 2 === 1 ? 'undone' : 'redone',
          change: before === null ? 'created' : after === null ? 'removed' : 'changed',
          changes: fields
            .filter((f) => f !== 'updated_at' && JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after?.[f] ?? null))
            .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null })),
        };
      });
    },
  };
}
export type Journal = ReturnType<typeof createJournal>;
