import path from 'node:path';
import type { Handlers } from '../api/contract';
import type { Ctx } from '../api/define';
import { systemClock } from './clock';
import { createDispatch, type Dispatch } from './dispatch';
import { openStore, STORE_FILE_NAME, type Db } from './store/open';
import { createAuditLog } from './audit/chain';
import { auditHandlers } from './audit/handlers';
import { budgetHandlers } from './budget/handlers';
import { createImportService } from './budget/import';
import { createBudgetService } from './budget/service';
import { teamHandlers } from './team/handlers';
import { createTeamService } from './team/service';

export interface CoreOptions {
  /** Folder that holds the store file; created when missing. */
  dataDir: string;
  clock?: Ctx;
  onInternalError?: (method: string, err: unknown) => void;
}

export interface Core {
  db: Db;
  file: string;
  dispatch: Dispatch;
  handlers: Handlers;
  close(): void;
}

/** Opens the store and wires every domain. Runs under plain Node: never imports electron. */
export function createCore(options: CoreOptions): Core {
  const file = path.join(options.dataDir, STORE_FILE_NAME);
  const db = openStore(file);
  const clock = options.clock ?? systemClock;
  const teams = createTeamService(db);
  const audit = createAuditLog(db);
  const budget = createBudgetService(db, audit);

  const handlers: Handlers = {
    ...teamHandlers(teams),
    ...budgetHandlers(budget, createImportService(db, budget)),
    ...auditHandlers(audit, teams.assertExists),
  };

  return {
    db,
    file,
    handlers,
    dispatch: createDispatch(handlers, { ctx: clock, onInternalError: options.onInternalError }),
    close: () => db.close(),
  };
}
