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
let db;
let result;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.prepare('PRAGMA quick_check').all();
  const first = rows[0] ? Object.values(rows[0])[0] : undefined;
  result = rows.length === 1 && first === 'ok' ? { ok: true } : { ok: false, detail: String(first) };
} catch (err) {
  result = { ok: false, detail: String(err && err.code || err) };
} finally {
  // Closed before the answer: the main connection is then the last one and checkpoints at close.
  if (db) db.close();
}
parentPort.postMessage(result);
`;

export interface CheckOutcome {
  ok: boolean;
  detail?: string;
  /** The worker itself failed (could not start or load the driver): the check did not run. */
  notRun?: boolean;
}

export function quickCheckInBackground(file: string): Promise<CheckOutcome> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    let settled = false;
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
}
