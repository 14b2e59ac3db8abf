import path from 'node:path';
import type { Handlers } from '../api/contract';
import type { Ctx } from '../api/define';
import { systemClock } from './clock';
import { createDispatch, type Dispatch } from './dispatch';
import { dashboardHandlers } from './dashboard/handlers';
import { createDashboardService } from './dashboard/service';
import { progressHandlers } from './progress/handlers';
import { createProgressService } from './progress/service';
import { openStore, STORE_FILE_NAME, type Db } from './store/open';
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
  const progress = createProgressService(db, teams);
  const dashboard = createDashboardService(db, teams, progress);

  const handlers: Handlers = {
    ...teamHandlers(teams),
    ...progressHandlers(progress),
    ...dashboardHandlers(dashboard),
  };

  return {
    db,
    file,
    handlers,
    dispatch: createDispatch(handlers, { ctx: clock, onInternalError: options.onInternalError }),
    close: () => db.close(),
  };
}
