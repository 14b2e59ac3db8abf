import path from 'node:path';
import type { Handlers } from '../api/contract';
import type { Ctx } from '../api/define';
import { version as PACKAGE_VERSION } from '../../package.json';
import { appHandlers } from './app/handlers';
import { systemClock } from './clock';
import { createDispatch, type Dispatch } from './dispatch';
import { openStore, STORE_FILE_NAME, type Db } from './store/open';
import { reportHandlers } from './report/handlers';
import { createReportService } from './report/service';
import { agendaHandlers } from './agenda/handlers';
import { createAgendaService } from './agenda/service';
import { clustersHandlers } from './clusters/handlers';
import { createClusterService } from './clusters/service';
import { teamHandlers } from './team/handlers';
import { createTeamService } from './team/service';

export interface CoreOptions {
  /** Folder that holds the store file; created when missing. */
  dataDir: string;
  clock?: Ctx;
  onInternalError?: (method: string, err: unknown) => void;
  /** Shown in About: the app's version (package.json when left out) and the log file, if any. */
  app?: { version?: string; logFile?: string | null };
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
  const agenda = createAgendaService(db, teams);
  const clusters = createClusterService(db, teams);
  const reports = createReportService({ teams });

  const handlers: Handlers = {
    ...teamHandlers(teams),
    ...agendaHandlers(agenda),
    ...clustersHandlers(clusters),
    ...reportHandlers(reports),
    ...appHandlers({
      version: options.app?.version ?? PACKAGE_VERSION,
      dataDir: path.resolve(options.dataDir),
      storeFile: path.resolve(file),
      logFile: options.app?.logFile ?? null,
    }),
  };

  return {
    db,
    file,
    handlers,
    dispatch: createDispatch(handlers, { ctx: clock, onInternalError: options.onInternalError }),
    close: () => db.close(),
  };
}
