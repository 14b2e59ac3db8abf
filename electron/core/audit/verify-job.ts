import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AuditVerifyJob, AuditVerifyResult } from '../../api/audit';
import { canonicalJson, GENESIS_HASH } from './chain';
import { combineParts, VERIFY_PARTS, verifyPart, type PartResult, type VerifyPart } from './full-verify';
import { AUDITED_TABLES, CONTENT_TABLES } from './tables';

/**
 * The full verification as a job off the main process's event loop: one worker thread per part
 * (the chain; the tables and files), each on its own read-only connection inside one read
 * transaction, so it sees one moment of the store while the main connection keeps answering and
 * writing. The worker's code is the core's own `verifyPart`, taken as source text (no bundle entry
 * needed, and the browser test harness runs it the same way). Progress comes back as messages; a
 * cancel sets a shared flag the workers look at between batches, after which they close their
 * connections and stop.
 */
const workerSource = () => `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const Database = require(workerData.driver);
// [0] how many workers have let go of the file, [1] set to stop.
const flags = new Int32Array(workerData.flags);
// Test pacing: permits for the next batch (-1: no pacing).
const gate = workerData.gate ? new Int32Array(workerData.gate) : null;
const canonicalJson = ${canonicalJson.toString()};
const verifyPart = ${verifyPart.toString()};
const sha256hex = typeof crypto.hash === 'function' ? (d) => crypto.hash('sha256', d, 'hex') : (d) => crypto.createHash('sha256').update(d).digest('hex');
const stopped = () => Atomics.load(flags, 1) === 1;
let db;
let answer;
try {
  if (stopped()) throw null;
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // One read transaction: every part of the check sees the same moment of the store.
  db.exec('BEGIN');
  const deps = { sha256hex, canonicalJson, audited: workerData.audited, content: workerData.content, genesis: workerData.genesis };
  const result = verifyPart(db, workerData.part, deps, {
    every: workerData.every,
    begin: (head) => parentPort.postMessage({ type: 'begin', head }),
    progress: (done, total) => parentPort.postMessage({ type: 'progress', done, total }),
    stop: () => {
      while (gate && !stopped()) {
        const permits = Atomics.load(gate, 0);
        if (permits > 0) {
          if (Atomics.compareExchange(gate, 0, permits, permits - 1) === permits) break;
        } else Atomics.wait(gate, 0, permits, 1000);
      }
      return stopped();
    },
  });
  answer = result ? { type: 'done', result } : { type: 'cancelled' };
} catch (err) {
  answer = err === null ? { type: 'cancelled' } : { type: 'failed', detail: String((err && err.message) || err) };
} finally {
  if (db) db.close();
  Atomics.add(flags, 0, 1);
  Atomics.notify(flags, 0);
}
parentPort.postMessage(answer);
`;

type WorkerMessage =
  | { type: 'begin'; head: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: PartResult }
  | { type: 'cancelled' }
  | { type: 'failed'; detail: string };

export interface VerifyJobOptions {
  /** Rows between two progress messages (and looks at the cancel flag). */
  every?: number;
  /**
   * Tests only: the workers wait for a permit before each batch after the first. Int32Array on a
   * SharedArrayBuffer; add permits with Atomics.add + Atomics.notify. Lets a test see progress and
   * cancel halfway without timing.
   */
  gate?: Int32Array;
  /** Told why a run failed (for the log; the screen only says it could not be carried out). */
  onFailed?: (detail: string) => void;
}

export interface VerifyRunner {
  /** Starts a full verification unless one runs; `onDone` gets a completed one (never a cancelled one). */
  start(onDone: (result: AuditVerifyResult, ms: number) => void): AuditVerifyJob;
  job(): AuditVerifyJob | null;
  cancel(): AuditVerifyJob | null;
  /** Settles once every worker of the latest job has ended (it has closed its connection by then). */
  idle(): Promise<void>;
  /**
   * For the store closing (quit, restore, import): stops a running job and waits (a few seconds at
   * most) until its workers have let go of the file, so it can be closed, moved or replaced.
   */
  stop(): void;
}

const STOP_WAIT_MS = 5000;
const DEFAULT_EVERY = 8192;
const MAX_TRIES = 5;

export function createVerifyRunner(file: string, options: VerifyJobOptions = {}): VerifyRunner {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let nextId = 1;
  let current: {
    job: AuditVerifyJob;
    /** The current attempt's flags; `attempts` has every attempt's, with its number of workers. */
    flags: Int32Array;
    attempts: { flags: Int32Array; workers: number }[];
    workers: Worker[];
    exited: Promise<void>[];
    progress: Map<VerifyPart, { done: number; total: number }>;
  } | null = null;

  const signalStop = (run: NonNullable<typeof current>) => {
    for (const { flags } of run.attempts) Atomics.store(flags, 1, 1);
    if (options.gate) Atomics.notify(options.gate, 0);
  };

  const snapshot = (): AuditVerifyJob | null => (current ? { ...current.job } : null);

  const finish = (run: NonNullable<typeof current>, state: AuditVerifyJob['state'], message?: string) => {
    if (run.job.state !== 'running') return;
    run.job.state = state;
    if (message) run.job.message = message;
    if (state === 'failed') options.onFailed?.(message ?? 'unknown');
  };

  return {
    start(onDone) {
      if (current?.job.state === 'running') return snapshot()!;
      const started = performance.now();
      const run: NonNullable<typeof current> = {
        job: { id: nextId++, state: 'running', done: 0, total: 0 },
        flags: new Int32Array(new SharedArrayBuffer(8)),
        attempts: [],
        workers: [],
        exited: [],
        progress: new Map(),
      };
      current = run;
      const source = workerSource();
      const attempt = (tries: number) => {
        const flags = new Int32Array(new SharedArrayBuffer(8));
        const workers: Worker[] = [];
        const heads = new Map<VerifyPart, string>();
        const results = new Map<VerifyPart, PartResult>();
        run.flags = flags;
        run.attempts.push({ flags, workers: VERIFY_PARTS.length });
        run.workers = workers;
        run.progress = new Map();
        run.job.done = 0;
        run.job.total = 0;
        const live = () => run.job.state === 'running' && run.flags === flags;
        for (const part of VERIFY_PARTS) {
          const worker = new Worker(source, {
            eval: true,
            workerData: {
              file,
              driver,
              part,
              flags: flags.buffer,
              gate: options.gate?.buffer ?? null,
              every: options.every ?? DEFAULT_EVERY,
              audited: AUDITED_TABLES,
              content: CONTENT_TABLES,
              genesis: GENESIS_HASH,
            },
          });
          workers.push(worker);
          run.exited.push(new Promise((resolve) => worker.once('exit', () => resolve())));
          let answered = false;
          worker.on('message', (m: WorkerMessage) => {
            if (m.type !== 'progress' && m.type !== 'begin') answered = true;
            if (!live()) return;
            if (m.type === 'begin') {
              heads.set(part, m.head);
              if (heads.size < VERIFY_PARTS.length || new Set(heads.values()).size === 1) return;
              // A write landed between the two parts' first reads: they would answer for two
              // moments of the store. Both stop, and the run starts over (a moment later, calmly).
              Atomics.store(flags, 1, 1);
              if (options.gate) Atomics.notify(options.gate, 0);
              if (tries >= MAX_TRIES) finish(run, 'failed', 'the store kept changing while the verification started');
              else attempt(tries + 1);
            } else if (m.type === 'progress') {
              run.progress.set(part, { done: m.done, total: m.total });
              // Shown once every part has its view of the store, so the total is the whole run's.
              if (run.progress.size < VERIFY_PARTS.length) return;
              let done = 0;
              let total = 0;
              for (const p of run.progress.values()) {
                done += p.done;
                total += p.total;
              }
              run.job.done = done;
              run.job.total = total;
            } else if (m.type === 'failed') finish(run, 'failed', m.detail);
            else if (m.type === 'cancelled') finish(run, 'cancelled');
            else {
              results.set(part, m.result);
              if (results.size < VERIFY_PARTS.length) return;
              run.job.done = run.job.total;
              const result = combineParts(results.get('chain')!, results.get('tables')!);
              try {
                onDone(result, Math.round(performance.now() - started));
                finish(run, 'done');
              } catch (err) {
                finish(run, 'failed', String(err instanceof Error ? err.message : err));
              }
            }
          });
          worker.once('error', (err) => live() && finish(run, 'failed', String(err)));
          // Every worker ends by itself once it has answered; one that ends without an answer failed.
          worker.once('exit', () => {
            if (!answered && live()) finish(run, 'failed', 'worker stopped');
          });
        }
      };
      attempt(1);
      return snapshot()!;
    },
    job: snapshot,
    idle: async () => {
      await Promise.all(current?.exited ?? []);
    },
    cancel() {
      const run = current;
      if (!run || run.job.state !== 'running') return snapshot();
      signalStop(run);
      // Cancelled at once for the caller: nothing it finds any more counts as a result.
      finish(run, 'cancelled');
      return snapshot();
    },
    stop() {
      const run = current;
      if (!run) return;
      signalStop(run);
      const deadline = Date.now() + STOP_WAIT_MS;
      for (const { flags, workers } of run.attempts)
        for (let released = Atomics.load(flags, 0); released < workers && Date.now() < deadline; released = Atomics.load(flags, 0))
          Atomics.wait(flags, 0, released, Math.max(1, deadline - Date.now()));
      finish(run, 'cancelled');
    },
  };
}
