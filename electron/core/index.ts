import path from 'node:path';
import type { backupApi } from '../api/backup';
import { METHODS, type Handlers } from '../api/contract';
import type { Ctx } from '../api/define';
import { backupHandlers } from './backup/handlers';
import { createBackupService, type BackupService } from './backup/service';
import { systemClock } from './clock';
import { createDispatch, type Dispatch } from './dispatch';
import { createStoreHolder } from './store/holder';
import { STORE_FILE_NAME, type Db } from './store/open';
import { teamHandlers } from './team/handlers';
import { createTeamService } from './team/service';

export interface CoreOptions {
  /** Folder that holds the store file; created when missing. */
  dataDir: string;
  clock?: Ctx;
  onInternalError?: (method: string, err: unknown) => void;
}

export interface Core {
  /** The current connection (a restore or import replaces it). */
  readonly db: Db;
  file: string;
  dispatch: Dispatch;
  handlers: Handlers;
  /** Backups for the main process's schedule (at start, daily). */
  backups: BackupService;
  close(): void;
}

/** Every method that works on the data of one open store, i.e. all but backup and store. */
type DomainHandlers = Omit<Handlers, keyof typeof backupApi>;

/**
 * Every domain on one open store: its services and handlers, one line each. Built again whenever
 * the store is swapped (restore, import), so no handler ever holds a closed connection.
 */
function wireDomains(db: Db): DomainHandlers {
  const teams = createTeamService(db);
  return {
    ...teamHandlers(teams),
  };
}

/** Opens the store and wires every domain. Runs under plain Node: never imports electron. */
export function createCore(options: CoreOptions): Core {
  const file = path.join(options.dataDir, STORE_FILE_NAME);
  const clock = options.clock ?? systemClock;
  const store = createStoreHolder(file, wireDomains);
  const backups = createBackupService(store, { dataDir: options.dataDir, clock });

  const storeWide: Omit<Handlers, keyof DomainHandlers> = {
    ...backupHandlers(backups),
  };
  // A stable table whose entries look the handler up on the store that is open right now.
  const handlers = Object.fromEntries(
    METHODS.map((m) => [
      m,
      (input: unknown, ctx: Ctx) => {
        const table = (m in storeWide ? storeWide : store.wired) as Record<string, (i: unknown, c: Ctx) => unknown>;
        return table[m]!(input, ctx);
      },
    ]),
  ) as unknown as Handlers;

  return {
    get db() {
      return store.db;
    },
    file,
    handlers,
    backups,
    dispatch: createDispatch(handlers, { ctx: clock, onInternalError: options.onInternalError }),
    close: () => store.close(),
  };
}
