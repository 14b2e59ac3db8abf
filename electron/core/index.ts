import path from 'node:path';
import type { backupApi } from '../api/backup';
import { METHODS, type Handlers, type Method } from '../api/contract';
import type { Ctx } from '../api/define';
import type { appApi } from '../api/app';
import { version as PACKAGE_VERSION } from '../../package.json';
import { agendaHandlers } from './agenda/handlers';
import { createAgendaService } from './agenda/service';
import { appHandlers } from './app/handlers';
import { backupHandlers } from './backup/handlers';
import { createBackupService, type BackupService } from './backup/service';
import { systemClock } from './clock';
import { clustersHandlers } from './clusters/handlers';
import { createClusterService } from './clusters/service';
import { createDispatch, type Dispatch } from './dispatch';
import { reportHandlers } from './report/handlers';
import { createReportService } from './report/service';
import { createStoreHolder } from './store/holder';
import type { StepHook } from './store/files';
import { lockDataDir, type FolderLock } from './store/lock';
import { STORE_FILE_NAME, type Db } from './store/open';
import { dashboardHandlers } from './dashboard/handlers';
import { createDashboardService } from './dashboard/service';
import { progressHandlers } from './progress/handlers';
import { createProgressService } from './progress/service';
import { createAuditLog, type AuditLog } from './audit/chain';
import { auditHandlers } from './audit/handlers';
import { createRecentWatch, recentWatchHandlers, type RecentWatch } from './audit/recent-watch';
import { createVerifyRunner, type VerifyJobOptions, type VerifyRunner } from './audit/verify-job';
import { budgetHandlers } from './budget/handlers';
import { createImportService } from './budget/import';
import { createRefundService } from './budget/refunds';
import { createBudgetService } from './budget/service';
import { teamHandlers } from './team/handlers';
import { createBundleExporter } from './district/export';
import { districtHandlers } from './district/handlers';
import { loadOrCreateKey, plainKeyProtection, type KeyProtection, type SigningKey } from './district/keys';
import { createDistrictService } from './district/service';
import { receiptsHandlers } from './receipts/handlers';
import { createReceiptService } from './receipts/service';
import { createTeamService } from './team/service';
import { createJournal, type Journal } from './undo/journal';
import { undoHandlers } from './undo/handlers';
import { methodKind } from '../api/method-kinds';

export interface CoreOptions {
  /** Folder that holds the store file; created when missing. */
  dataDir: string;
  clock?: Ctx;
  onInternalError?: (method: string, err: unknown) => void;
  /** Shown in About: the app's version (package.json when left out) and the log file, if any. */
  app?: { version?: string; logFile?: string | null };
  /** Test hook: called at each step of a restore or import, so a test can kill the process there. */
  step?: StepHook;
  /** How the bundle signing key is kept in the data folder: safeStorage in the app, a plain file in tests. */
  keyProtection?: KeyProtection;
  /** The full audit verification's workers (tests pace them; see audit/verify-job.ts). */
  auditVerify?: VerifyJobOptions;
  /** Check what each change added to the audit trail, after its answer (default on; the benchmark compares). */
  verifyAfterChanges?: boolean;
}

export interface Core {
  /** The current connection (a restore or import replaces it). */
  readonly db: Db;
  file: string;
  dispatch: Dispatch;
  handlers: Handlers;
  /** Backups for the main process's schedule (at start, daily). */
  backups: BackupService;
  /** This process's hold on the data folder (see store/lock.ts). */
  lock: FolderLock;
  /** While the background integrity check of a fast start runs: settles when it is done. */
  storePending(): Promise<void> | null;
  close(): void;
}

/** Every method that works on the data of one open store, i.e. all but backup, store and app. */
type DomainHandlers = Omit<Handlers, keyof typeof backupApi | keyof typeof appApi>;

/**
 * Every domain on one open store: its services and handlers, one line each. Built again whenever
 * the store is swapped (restore, import), so no handler ever holds a closed connection. Every
 * handler runs through the journal, which makes each write one undoable action (see undo/rules.ts).
 */
function wireDomains(
  db: Db,
  env: { key: () => SigningKey; appVersion: string; verifyRunner: VerifyRunner; clock: Ctx; onError: (err: unknown) => void },
): { handlers: DomainHandlers; journal: Journal; recentAudit: RecentWatch; audit: AuditLog } {
  const teams = createTeamService(db);
  const agenda = createAgendaService(db, teams);
  const clusters = createClusterService(db, teams);
  const progress = createProgressService(db, teams);
  const audit = createAuditLog(db);
  const budget = createBudgetService(db, audit);
  const refunds = createRefundService(db, audit);
  const receipts = createReceiptService(db, audit);
  const dashboard = createDashboardService(db, teams, progress, budget, receipts);
  const reports = createReportService({ teams, agenda, progress, budget, clusters, audit, receipts });
  const journal = createJournal(db, { budget, audit });
  const recentAudit = createRecentWatch(db, audit, env.clock, env.onError);
  const handlers: DomainHandlers = {
    ...teamHandlers(teams),
    ...agendaHandlers(agenda),
    ...clustersHandlers(clusters),
    ...reportHandlers(reports),
    ...progressHandlers(progress),
    ...dashboardHandlers(dashboard),
    ...budgetHandlers(budget, createImportService(db, budget, refunds), refunds),
    ...auditHandlers(audit, teams.assertExists, { db, runner: env.verifyRunner }),
    ...recentWatchHandlers(recentAudit, teams.assertExists),
    ...undoHandlers(journal, teams.assertExists),
    ...districtHandlers({
      db,
      key: env.key,
      exporter: createBundleExporter({ db, reports, budget, key: env.key, appVersion: env.appVersion }),
      district: createDistrictService(db),
      audit,
      assertTeam: teams.assertExists,
    }),
    ...receiptsHandlers(receipts, budget, audit),
  };
  const journaled = Object.fromEntries(
    Object.entries(handlers).map(([m, handler]) => [
      m,
      (input: Record<string, unknown>, ctx: Ctx) => journal.record(m as Method, input, ctx, (c) => (handler as (i: unknown, c: Ctx) => unknown)(input, c)),
    ]),
  ) as unknown as DomainHandlers;
  return { handlers: journaled, journal, recentAudit, audit };
}

const BARRIER_TEXT = {
  'backup.restore': { nl: 'Back-up teruggezet', en: 'Backup restored' },
  'store.import': { nl: 'Volledig bestand ingelezen', en: 'Whole store imported' },
};

/** Opens the store and wires every domain. Runs under plain Node: never imports electron. */
export function createCore(options: CoreOptions): Core {
  const file = path.join(options.dataDir, STORE_FILE_NAME);
  const clock = options.clock ?? systemClock;
  const appVersion = options.app?.version ?? PACKAGE_VERSION;
  // Made on first use, then kept for the life of the core (the key file is beside the store, not in it).
  let signingKey: SigningKey | undefined;
  const key = () => (signingKey ??= loadOrCreateKey(options.dataDir, options.keyProtection ?? plainKeyProtection, () => clock.now()));
  // The folder's lock comes first: no other Teamchef may finish a swap or open the store meanwhile.
  const lock = lockDataDir(options.dataDir);
  // One full verification at a time for this data folder; stopped before the store closes or is swapped.
  const verifyRunner = createVerifyRunner(file, {
    ...options.auditVerify,
    onFailed: (detail) => options.onInternalError?.('audit.verifyStart', new Error(`full audit verification failed: ${detail}`)),
  });
  let store: ReturnType<typeof createStoreHolder<ReturnType<typeof wireDomains>>>;
  try {
    const onError = (err: unknown) => options.onInternalError?.('audit.recentStatus', err);
    store = createStoreHolder(file, (db) => wireDomains(db, { key, appVersion, verifyRunner, clock, onError }), {
      step: options.step,
      beforeClose: () => verifyRunner.stop(),
    });
  } catch (err) {
    lock.release();
    throw err;
  }
  const backups = createBackupService(store, { dataDir: options.dataDir, clock, step: options.step });

  const storeWide: Omit<Handlers, keyof DomainHandlers> = {
    ...backupHandlers(backups),
    ...appHandlers({
      version: appVersion,
      dataDir: path.resolve(options.dataDir),
      storeFile: path.resolve(file),
      logFile: options.app?.logFile ?? null,
    }),
  };
  // Read at every change, so the benchmark can compare writes with and without it on one store.
  const verifyAfterChanges = () => options.verifyAfterChanges ?? true;
  const appWide = new Set(Object.keys(appHandlers({ version: '', dataDir: '', storeFile: '', logFile: null })));
  // A stable table whose entries look the handler up on the store that is open right now.
  const handlers = Object.fromEntries(
    METHODS.map((m) => [
      m,
      // Synchronous whenever the store is ready: bulk writers (the demo-data generator) call handlers directly.
      (input: unknown, ctx: Ctx) => {
        const kind = methodKind(m);
        const call = () => {
          if (!(m in storeWide)) {
            const result = (store.wired.handlers as Record<string, (i: unknown, c: Ctx) => unknown>)[m]!(input, ctx);
            // The audit check of what this change added runs after its answer (see audit/recent-watch.ts).
            if (verifyAfterChanges() && (kind === 'write' || kind === 'undo')) {
              if (result instanceof Promise) void result.then(() => store.wired.recentAudit.changed(), () => undefined);
              else store.wired.recentAudit.changed();
            }
            return result;
          }
          const result = (storeWide as Record<string, (i: unknown, c: Ctx) => unknown>)[m]!(input, ctx);
          if (kind !== 'replace') return result;
          // The data was replaced as a whole: mark it, so no undo reaches back past it.
          return Promise.resolve(result).then((r) => {
            store.wired.journal.barrier(m, ctx, BARRIER_TEXT[m as 'backup.restore' | 'store.import']);
            return r;
          });
        };
        if (appWide.has(m)) return call();
        if (store.damaged) throw store.damaged;
        const pending = store.pending();
        if (!pending) return call();
        // Every write, backup, restore and import waits for the background page check and runs once
        // it has passed (or is refused with the damage it found). Reads answer at once; one that
        // fails meanwhile (a damaged page, or a write the connection's query_only stopped before it
        // touched a page) runs again after the check, or is refused with the damage it found.
        if (m in storeWide || kind !== 'read') return pending.then(call);
        try {
          const answer = call();
          return answer instanceof Promise ? answer.catch(() => pending.then(call)) : answer;
        } catch {
          return pending.then(call);
        }
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
    lock,
    storePending: () => store.pending(),
    dispatch: createDispatch(handlers, { ctx: clock, onInternalError: options.onInternalError }),
    close: () => {
      // The verified head of the audit trail goes into the store, so the next start checks on from there.
      try {
        if (!store.pending() && !store.damaged) store.wired.audit.persistVerifiedHead();
      } catch (err) {
        options.onInternalError?.('audit.persistVerifiedHead', err);
      }
      store.close();
      lock.release();
    },
  };
}
