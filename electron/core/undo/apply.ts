import type { Ctx } from '../../api/define';
import { conflict } from '../../api/errors';
import type { AuditLog } from '../audit/chain';
import type { BudgetService } from '../budget/service';
import type { Db } from '../store/open';
import { columnsOf, imageSql, journaledTables, quoteId } from './capture';
import type { Namer, Row } from './names';
import type { RowChange } from './rules';

/** A stored text column as a string ('' for NULL). */
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The reason every money record written by an undo carries. */
export const UNDO_REASON = 'ongedaan gemaakt';

/** What one step (undo or redo of one action) needs from the journal. */
export interface StepEnv {
  teamId: number;
  actionId: number;
  describe: string;
  ctx: Ctx;
  /** On redo: the rows the last undo of this action wrote (what it voided, to book again). */
  lastUndo?: RowChange[];
}

type MoneyHandler = {
  undo(row: RowChange, env: StepEnv): void;
  redo(row: RowChange, env: StepEnv): void;
};

/**
 * Undo and redo of the rows of one action. Plain records go back to the version before (or
 * forward to the one after), refusing when the record has since been changed by something that is
 * not in the journal, or when a removal would leave another record pointing at nothing — the
 * refusal names that record. Money records are never changed back: undo voids, withdraws or books
 * a correction, redo books again; every such write goes through the budget service, so it has its
 * own audit record and the chain only grows.
 */
export function createApplier(db: Db, deps: { budget: BudgetService; audit: AuditLog; names: Namer }) {
  const { budget, audit, names } = deps;
  const tables = journaledTables(db);
  const columns = new Map(tables.map((t) => [t, columnsOf(db, t)]));
  const readImage = new Map(
    tables.map((t) => [t, db.prepare<[number], { img: string }>(`SELECT ${imageSql(columns.get(t)!, 'x')} AS img FROM ${quoteId(t)} x WHERE rowid = ?`)]),
  );
  const readRow = new Map(tables.map((t) => [t, db.prepare<[number], Row>(`SELECT * FROM ${quoteId(t)} WHERE rowid = ?`)]));

  /** Who points at a table: every foreign key in the store, read once. */
  const referrers = new Map<string, { table: string; column: string }[]>();
  for (const t of tables) {
    const fks = db.prepare<[string], { table: string; from: string }>('SELECT * FROM pragma_foreign_key_list(?)').all(t);
    for (const fk of fks) referrers.set(fk.table, [...(referrers.get(fk.table) ?? []), { table: t, column: fk.from }]);
  }
  const referrerStatements = new Map<string, import('better-sqlite3').Statement<[unknown], Row & { __rowid: number }>>();
  const pointingAt = (table: string, row: Row): { table: string; row: Row }[] => {
    const found: { table: string; row: Row }[] = [];
    for (const ref of referrers.get(table) ?? []) {
      const key = `${ref.table}.${ref.column}`;
      let st = referrerStatements.get(key);
      if (!st) referrerStatements.set(key, (st = db.prepare(`SELECT rowid AS __rowid, * FROM ${quoteId(ref.table)} WHERE ${quoteId(ref.column)} = ? LIMIT 3`)));
      // Foreign keys here point at `id` (the rowid alias) of the referenced table.
      for (const r of st.all(row.id)) found.push({ table: ref.table, row: r });
    }
    return found;
  };

  const same = (table: string, rowId: number, expected: Row | null): boolean => {
    const img = readImage.get(table)!.get(rowId)?.img;
    if (expected === null) return img === undefined;
    return img !== undefined && sameImage(JSON.parse(img) as Row, expected);
  };
  const current = (table: string, rowId: number): Row | undefined => readRow.get(table)!.get(rowId);

  const changedSince = (table: string, row: Row | null, fallback: Row | null, env: StepEnv) => {
    const label = names.record(table, row ?? fallback ?? {});
    return conflict(`“${env.describe}” kan niet ongedaan worden gemaakt: ${label.nl} is daarna nog gewijzigd of bestaat niet meer.`);
  };
  const blocked = (table: string, row: Row, by: { table: string; row: Row }[], env: StepEnv, verb: string) => {
    const what = names.record(table, row).nl;
    const blockers = by.map((b) => names.record(b.table, b.row).nl);
    return conflict(`“${env.describe}” kan niet ${verb}: ${blockers.join(', ')} verwijst nog naar ${what}.`);
  };

  const insertRow = (table: string, rowId: number, row: Row) => {
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO ${quoteId(table)} (rowid, ${cols.map(quoteId).join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(
      rowId,
      ...cols.map((c) => row[c] as never),
    );
  };
  const updateRow = (table: string, rowId: number, row: Row) => {
    const cols = Object.keys(row);
    db.prepare(`UPDATE ${quoteId(table)} SET ${cols.map((c) => `${quoteId(c)} = ?`).join(', ')} WHERE rowid = ?`).run(
      ...cols.map((c) => row[c] as never),
      rowId,
    );
  };
  const deleteRow = (table: string, rowId: number) => db.prepare(`DELETE FROM ${quoteId(table)} WHERE rowid = ?`).run(rowId);

  /** Moves one plain row from `from` to `to` (null: absent), refusing when it is not at `from`. */
  const movePlain = (row: RowChange, from: Row | null, to: Row | null, env: StepEnv, verb: string) => {
    if (!same(row.tbl, row.rowId, from)) throw changedSince(row.tbl, current(row.tbl, row.rowId) ?? null, from ?? to, env);
    if (to === null) {
      const by = pointingAt(row.tbl, from!);
      if (by.length) throw blocked(row.tbl, from!, by, env, verb);
      deleteRow(row.tbl, row.rowId);
    } else if (from === null) insertRow(row.tbl, row.rowId, to);
    else updateRow(row.tbl, row.rowId, to);
  };

  // --- money: the live record that took the place of one voided or withdrawn by undo/redo ---
  const aliasOf = db.prepare<[string, number], { new_id: number }>('SELECT new_id FROM change_alias WHERE tbl = ? AND old_id = ?');
  const setAlias = db.prepare('INSERT OR REPLACE INTO change_alias (tbl, old_id, new_id, action_id) VALUES (?, ?, ?, ?)');
  const live = (table: string, id: number): number => {
    let at = id;
    for (let next = aliasOf.get(table, at); next; next = aliasOf.get(table, at)) at = next.new_id;
    return at;
  };
  const replaced = (table: string, id: number, by: number, env: StepEnv) => setAlias.run(table, live(table, id), by, env.actionId);
  const liveId = (table: string, id: unknown) => (id === null || id === undefined ? null : live(table, Number(id)));

  // --- attachments (receipts): detached or attached again, never changed back ---
  const detachLive = (row: RowChange, reason: string, env: StepEnv) => {
    const id = live('attachment', row.rowId);
    const before = current('attachment', id);
    if (!before || before.detached_at !== null) throw changedSince('attachment', before ?? null, row.after ?? row.before, env);
    const at = env.ctx.now().toISOString();
    db.prepare('UPDATE attachment SET detached_at = ?, detach_reason = ? WHERE id = ?').run(at, reason, id);
    audit.append({ at, teamId: env.teamId, entity: 'attachment', entityId: id, action: 'losgekoppeld', before, after: current('attachment', id) ?? null });
  };
  const attachAgain = (row: RowChange, env: StepEnv) => {
    const a = row.before ?? row.after!;
    const active = db
      .prepare<[unknown, unknown, unknown], Row>('SELECT * FROM attachment WHERE record_kind = ? AND record_id = ? AND blob_sha256 = ? AND detached_at IS NULL')
      .get(a.record_kind, a.record_id, a.blob_sha256);
    if (active) throw conflict(`“${env.describe}” kan niet ongedaan worden gemaakt: ${names.record('attachment', active).nl} hangt er al weer aan.`);
    const at = env.ctx.now().toISOString();
    const id = Number(
      db
        .prepare('INSERT INTO attachment (team_id, record_kind, record_id, blob_sha256, file_name, attached_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(env.teamId, a.record_kind, a.record_id, a.blob_sha256, a.file_name, at).lastInsertRowid,
    );
    audit.append({ at, teamId: env.teamId, entity: 'attachment', entityId: id, action: 'toegevoegd', before: null, after: current('attachment', id) ?? null });
    replaced('attachment', row.rowId, id, env);
  };

  const liveExpensesOn = db.prepare<[number], Row>('SELECT * FROM expense WHERE decision_id = ? AND voided_at IS NULL AND +reverses_id IS NULL LIMIT 3');
  const activeExpensesOn = db.prepare<[number], Row>(
    'SELECT * FROM expense x WHERE decision_id = ? AND voided_at IS NULL AND +x.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = x.id) ORDER BY id',
  );
  const batchInEffect = db.prepare<[number], { id: number }>(
    'SELECT id FROM expense x WHERE import_batch_id = ? AND voided_at IS NULL AND +x.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = x.id AND r.voided_at IS NULL) ORDER BY id',
  );
  const liveReversalOf = db.prepare<[number], Row>('SELECT * FROM expense WHERE reverses_id = ? AND voided_at IS NULL');

  /** An expense as the budget service books it, from a stored row (links to the live decision). */
  const newExpenseOf = (e: Row) => ({
    date: String(e.expense_date),
    amountCents: Number(e.amount_cents),
    payee: String(e.payee),
    description: String(e.description),
    paymentMethod: e.payment_method as never,
    receiptRef: String(e.receipt_ref),
    links: {
      decisionId: liveId('budget_decision', e.decision_id),
      teamOpgaveId: e.team_opgave_id as number | null,
      actionId: e.action_id as number | null,
      clusterId: e.cluster_id as number | null,
    },
    importBatchId: (e.import_batch_id as number | null) ?? null,
    importRow: (e.import_row as number | null) ?? null,
  });

  /** Books an expense again as a new record with the fields of `e` (links to the live decision). */
  const rebookExpense = (e: Row, env: StepEnv, reason: string): number =>
    budget.addExpenseInTransaction(
      env.teamId,
      newExpenseOf(e),
      env.ctx,
      { reason, rebooking: true },
    );

  const rebookDecision = (d: Row, status: string, env: StepEnv): number =>
    budget.createDecision(
      {
        teamId: env.teamId,
        date: String(d.decision_date),
        title: String(d.title),
        amountCents: Number(d.amount_cents),
        rationale: String(d.rationale),
        teamOpgaveId: d.team_opgave_id as number | null,
        actionId: d.action_id as number | null,
        clusterId: d.cluster_id as number | null,
        decidedBy: String(d.decided_by),
        status: status as 'voorgesteld' | 'genomen',
        overBudgetReason: text(d.over_budget_reason) || undefined,
      },
      env.ctx,
    ).id;

  const refuseLiveExpenses = (decision: Row, env: StepEnv) => {
    const on = liveExpensesOn.all(Number(decision.id));
    if (on.length) throw blocked('budget_decision', decision, on.map((row) => ({ table: 'expense', row })), env, 'ongedaan worden gemaakt');
  };

  const MONEY: Record<string, MoneyHandler> = {
    expense: {
      undo(row, env) {
        const voids = row.before !== null;
        if (voids) {
          // The action voided an expense: book it again.
          const e = current('expense', live('expense', row.rowId))!;
          replaced('expense', row.rowId, rebookExpense(e, env, UNDO_REASON), env);
          return;
        }
        const e = current('expense', live('expense', row.rowId))!;
        if (e.reverses_id !== null) {
          // The action reversed an expense: the pair stays (it cancels out); the original is booked again.
          const original = current('expense', Number(e.reverses_id))!;
          replaced('expense', Number(original.id), rebookExpense(original, env, UNDO_REASON), env);
          return;
        }
        if (e.voided_at !== null) return;
        const reversal = liveReversalOf.get(Number(e.id));
        if (reversal) throw blocked('expense', e, [{ table: 'expense', row: reversal }], env, 'ongedaan worden gemaakt');
        budget.voidExpense(env.teamId, Number(e.id), UNDO_REASON, env.ctx);
      },
      redo(row, env) {
        const a = row.after!;
        if (row.before !== null) {
          budget.voidExpense(env.teamId, live('expense', row.rowId), String(a.void_reason), env.ctx);
        } else if (a.reverses_id !== null) {
          const r = budget.reverseExpense(env.teamId, live('expense', Number(a.reverses_id)), String(a.expense_date), String(a.reason), env.ctx);
          replaced('expense', row.rowId, r.id, env);
        } else {
          replaced('expense', row.rowId, rebookExpense(a, env, String(a.reason)), env);
        }
      },
    },
    budget_decision: {
      undo(row, env) {
        const d = current('budget_decision', live('budget_decision', row.rowId))!;
        if (row.before === null) {
          if (d.status === 'ingetrokken') return;
          refuseLiveExpenses(d, env);
          budget.withdrawDecision(env.teamId, Number(d.id), UNDO_REASON, env.ctx);
        } else if (row.after!.status === 'ingetrokken') {
          // A withdrawal is final: the decision is booked again as it was, and the expenses still
          // in effect on it move along (voided on the withdrawn one, booked again on the new one).
          const moving = activeExpensesOn.all(Number(d.id));
          for (const e of moving) budget.voidExpense(env.teamId, Number(e.id), UNDO_REASON, env.ctx);
          replaced('budget_decision', row.rowId, rebookDecision(d, String(row.before.status), env), env);
          for (const e of moving) replaced('expense', Number(e.id), rebookExpense(e, env, UNDO_REASON), env);
        } else {
          // Taken: back to proposed (only the status may change on a decision), with its own audit record.
          refuseLiveExpenses(d, env);
          const at = env.ctx.now().toISOString();
          db.prepare("UPDATE budget_decision SET status = 'voorgesteld', taken_at = NULL, over_budget_reason = '', updated_at = ? WHERE id = ?").run(at, d.id);
          audit.append({ at, teamId: env.teamId, entity: 'budget_decision', entityId: Number(d.id), action: UNDO_REASON, before: d, after: current('budget_decision', Number(d.id)) });
        }
      },
      redo(row, env) {
        const a = row.after!;
        const id = live('budget_decision', row.rowId);
        if (row.before === null) replaced('budget_decision', row.rowId, rebookDecision(a, String(a.status), env), env);
        else if (a.status === 'ingetrokken') budget.withdrawDecision(env.teamId, id, String(a.withdrawn_reason), env.ctx);
        else budget.takeDecision(env.teamId, id, text(a.over_budget_reason) || undefined, env.ctx);
      },
    },
    budget_entry: {
      undo(row, env) {
        const e = row.after!;
        budget.addEntry(
          { teamId: env.teamId, year: Number(e.year), date: String(e.entry_date), kind: 'correctie', amountCents: -Number(e.amount_cents), reason: UNDO_REASON },
          env.ctx,
        );
      },
      redo(row, env) {
        const e = row.after!;
        budget.addEntry(
          { teamId: env.teamId, year: Number(e.year), date: String(e.entry_date), kind: 'correctie', amountCents: Number(e.amount_cents), reason: `opnieuw: ${String(e.reason || e.kind)}` },
          env.ctx,
        );
      },
    },
    // A refund is append-only and has no way yet to be cancelled in the ledger: its undo is refused
    // in words rather than erasing money (a correcting entry is the way until refunds can be voided).
    refund: {
      undo(row, env) {
        const what = names.record('refund', row.after ?? {}).nl;
        throw conflict(`“${env.describe}” kan niet ongedaan worden gemaakt: ${what} kan niet vervallen. Leg zo nodig een correctie vast.`);
      },
      redo(_row, env) {
        throw conflict(`“${env.describe}” kan niet opnieuw worden gedaan.`);
      },
    },
    // What the district read in is signed evidence of a team's accounts: kept as it was read, never
    // erased by an undo (a newer bundle of the same team takes its place in the overview), and a
    // trusted key stays on the trust list the bundles were checked against.
    district_bundle: {
      undo(_row, env) {
        throw conflict(`“${env.describe}” kan niet ongedaan worden gemaakt: een ingelezen verantwoording blijft bewaard als ondertekend bewijs. Een nieuwere verantwoording van hetzelfde team vervangt haar in het districtsoverzicht.`);
      },
      redo(_row, env) {
        throw conflict(`“${env.describe}” kan niet opnieuw worden gedaan.`);
      },
    },
    district_key: {
      undo(_row, env) {
        throw conflict(`“${env.describe}” kan niet ongedaan worden gemaakt: een vertrouwde sleutel blijft op de lijst, want de ingelezen verantwoordingen zijn ermee gecontroleerd.`);
      },
      redo(_row, env) {
        throw conflict(`“${env.describe}” kan niet opnieuw worden gedaan.`);
      },
    },
    // A note that a bundle was made is written outside any action (district.export is a `store`
    // method); should one ever be journaled, the file has left and its note stays.
    bundle_export: {
      undo(_row, env) {
        throw conflict(`“${env.describe}” kan niet ongedaan worden gemaakt: de verantwoording is al gemaakt en uitgegeven.`);
      },
      redo(_row, env) {
        throw conflict(`“${env.describe}” kan niet opnieuw worden gedaan.`);
      },
    },
    // An attachment is never deleted and detached only once: undoing an attach detaches it with the
    // reason "ongedaan gemaakt", undoing a detach hangs the same file on the record again as a new
    // attachment (the file itself stays in the store either way); each step has its own audit record.
    attachment: {
      undo(row, env) {
        if (row.before === null) detachLive(row, UNDO_REASON, env);
        else attachAgain(row, env);
      },
      redo(row, env) {
        if (row.before === null) attachAgain(row, env);
        else detachLive(row, String(row.after!.detach_reason), env);
      },
    },
    // An import batch stays as the record of what was read. Its expenses are not journaled one by
    // one (capture.ts): undo voids every expense of the batch still in effect, in bulk; redo books
    // again what that undo voided.
    import_batch: {
      undo(row, env) {
        const ids = batchInEffect.all(row.rowId).map((r) => r.id);
        budget.voidExpensesInTransaction(env.teamId, ids, UNDO_REASON, env.ctx);
      },
      redo(row, env) {
        const voided = (env.lastUndo ?? []).filter(
          (r) => r.tbl === 'expense' && r.before?.voided_at === null && r.after?.voided_at != null && r.after.import_batch_id === row.rowId,
        );
        const rows = voided.map((r) => r.before!);
        const ids = budget.addExpensesInTransaction(env.teamId, rows.map((e) => newExpenseOf(e)), env.ctx, { rebooking: true });
        rows.forEach((e, i) => replaced('expense', Number(e.id), ids[i]!, env));
      },
    },
  };

  return {
    /** Tables undone by booking, not by restoring rows (they refuse UPDATE/DELETE of their history). */
    moneyTables: Object.keys(MONEY),
    undoRows(rows: RowChange[], env: StepEnv) {
      for (const row of [...rows].reverse()) {
        const money = MONEY[row.tbl];
        if (money) money.undo(row, env);
        else movePlain(row, row.after, row.before, env, 'ongedaan worden gemaakt');
      }
    },
    redoRows(rows: RowChange[], env: StepEnv) {
      for (const row of rows) {
        const money = MONEY[row.tbl];
        if (money) money.redo(row, env);
        else movePlain(row, row.before, row.after, env, 'opnieuw worden gedaan');
      }
    },
  };
}

/** Two row images are the same when every column has the same value (JSON numbers compare as numbers). */
function sameImage(a: Row, b: Row): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}
