import type { Method } from './contract';

/**
 * What each method of the contract does to the data, in one table the compiler holds against the
 * contract (a new method does not build without an entry here):
 * - `read`: changes nothing;
 * - `write`: one user action of one team, journaled in its own transaction and undoable (the core
 *   must give it an undo rule with a description: electron/core/undo/rules.ts);
 * - `undo`: undo and redo themselves;
 * - `store`: the store as a whole, or a note beside the data (a backup, a bundle export): not undoable;
 * - `replace`: replaces all data (restore, whole-store import): no undo reaches back past it.
 * The renderer uses it to know when an action happened (offer "Ongedaan maken", refresh the menu).
 */
export type MethodKind = 'read' | 'write' | 'undo' | 'store' | 'replace';

export const METHOD_KINDS = {
  'team.list': 'read',
  'team.get': 'read',
  'team.create': 'write',
  'team.update': 'write',
  'report.get': 'read',
  'agenda.catalogue': 'read',
  'agenda.templates': 'read',
  'agenda.list': 'read',
  'agenda.get': 'read',
  'agenda.dependents': 'read',
  'agenda.choose': 'write',
  'agenda.update': 'write',
  'agenda.setStatus': 'write',
  'agenda.archive': 'write',
  'agenda.remove': 'write',
  'action.create': 'write',
  'action.update': 'write',
  'action.setStatus': 'write',
  'action.archive': 'write',
  'action.remove': 'write',
  'partner.list': 'read',
  'partner.create': 'write',
  'partner.archive': 'write',
  'clusters.list': 'read',
  'clusters.overview': 'read',
  'clusters.create': 'write',
  'clusters.update': 'write',
  'clusters.end': 'write',
  'clusters.split': 'write',
  'clusters.archive': 'write',
  'clusters.remove': 'write',
  'app.info': 'read',
  'backup.list': 'read',
  'backup.create': 'store',
  'backup.restore': 'replace',
  'store.info': 'read',
  'store.export': 'read',
  'store.import': 'replace',
  'progress.checkins.list': 'read',
  'progress.checkins.page': 'read',
  'progress.history': 'read',
  'progress.overview': 'read',
  'progress.checkins.create': 'write',
  'progress.rhythm.set': 'write',
  'dashboard.get': 'read',
  'budget.years': 'read',
  'budget.overview': 'read',
  'budget.links': 'read',
  'budget.entries.list': 'read',
  'budget.decisions.list': 'read',
  'budget.expenses.list': 'read',
  'budget.import.preview': 'read',
  'budget.export': 'read',
  'budget.entries.add': 'write',
  'budget.decisions.create': 'write',
  'budget.decisions.take': 'write',
  'budget.decisions.withdraw': 'write',
  'budget.expenses.create': 'write',
  'budget.expenses.reverse': 'write',
  'budget.expenses.void': 'write',
  'budget.import.commit': 'write',
  'budget.refunds.create': 'write',
  'budget.refunds.list': 'read',
  'budget.refunds.forExpense': 'read',
  'audit.history': 'read',
  'audit.verify': 'read',
  // Records its result beside the data (app_setting) once it completes: not undoable.
  'audit.verifyStart': 'store',
  'audit.verifyStatus': 'read',
  'audit.verifyCancel': 'read',
  // Only moves the verified head (a note in app_setting, like the full verify does): no data changes.
  'audit.verifyRecent': 'read',
  'audit.recentStatus': 'read',
  'undo.list': 'read',
  'undo.history': 'read',
  'undo.undo': 'undo',
  'undo.redo': 'undo',
  // The signing key lives in a file beside the store, not in it: reading it (made on first use) changes no data.
  'district.key': 'read',
  // Only notes that a signed bundle was made, like a backup: the file has left and cannot be taken
  // back, and the note (append-only) is no change to the team's data, so undo passes over it.
  'district.export': 'store',
  'district.inspect': 'read',
  'district.import': 'write',
  'district.overview': 'read',
  'district.team': 'read',
  'district.verifyAnchor': 'read',
  'receipts.list': 'read',
  'receipts.forYear': 'read',
  'receipts.attach': 'write',
  'receipts.detach': 'write',
  'receipts.content': 'read',
  'receipts.missing': 'read',
  'receipts.storeInfo': 'read',
  // Builds the year's zip in memory and writes nothing in the store.
  'receipts.exportYear': 'read',
} as const satisfies Record<Method, MethodKind>;

export type WriteMethod = { [M in Method]: (typeof METHOD_KINDS)[M] extends 'write' ? M : never }[Method];

export const methodKind = (method: Method): MethodKind => METHOD_KINDS[method];
