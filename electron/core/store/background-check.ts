import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's quick_check on its own read-only connection in a worker thread, so the main process keeps
 * answering reads meanwhile. The worker's code is inline (a few lines, plain JavaScript) so it needs
 * no separate bundle entry; it loads the same better-sqlite3 the core uses.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// [0] set when this worker has let go of the file, [1] set by the store when it closes first.
const flags = new Int32Array(workerData.flags);
let db;
let result = { ok: false, detail: 'stopped' };
try {
  if (Atomics.load(flags, 1) === 1) throw null;
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.prepare('PRAGMA quick_check').all();
  const first = rows[0] ? Object.values(rows[0])[0] : undefined;
  result = rows.length === 1 && first === 'ok' ? { ok: true } : { ok: false, detail: String(first) };
} catch (err) {
  if (err !== null) result = { ok: false, detail: String(err && err.code || err) };
} finally {
  // Closed before the answer: the main connection is then the last one and checkpoints at close.
  if (db) db.close();
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
}
parentPort.postMessage(result);
`;

export interface CheckOutcome {
  ok: boolean;
  detail?: string;
  /** The worker itself failed (could not start or load the driver): the check did not run. */
  notRun?: boolean;
}

export interface BackgroundCheck {
  result: Promise<CheckOutcome>;
  /**
   * For a store closing before the check is done: the worker does not open the file any more, and
   * this waits (a few seconds at most) until it has let go of it, so no read-only connection can
   * recreate journal files after the store is closed, moved or deleted.
   */
  stop(): void;
}

const STOP_WAIT_MS = 5000;

export function quickCheckInBackground(file: string): BackgroundCheck {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const flags = new Int32Array(new SharedArrayBuffer(8));
  let settled = false;
  let worker: Worker;
  const result = new Promise<CheckOutcome>((resolve) => {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, flags: flags.buffer } });
    const done = (o: CheckOutcome) => {
      if (settled) return;
      settled = true;
      resolve(o);
      void worker.terminate();
    };
    worker.once('message', (m: CheckOutcome) => done(m));
    worker.once('error', (err) => done({ ok: false, notRun: true, detail: String(err) }));
    worker.once('exit', () => done({ ok: false, notRun: true, detail: 'worker stopped' }));
  });
  return {
    result,
    stop() {
      if (settled) return;
      Atomics.store(flags, 1, 1);
      Atomics.wait(flags, 0, 0, STOP_WAIT_MS);
      void worker.terminate();
    },
  };
}
