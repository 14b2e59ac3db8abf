// A child process for the benchmark's memory row: opens the store as the app does (the real core, a
// build of electron/core), makes every call in the JSON file it is given in order, each answer copied
// as IPC copies it, and prints the process's memory as one JSON line. Run with --expose-gc, so the
// memory is reported both as it stands after the visits and after a full garbage collection.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [coreModule, dataDir, callsFile, fixedIso] = process.argv.slice(2);
const { createCore } = await import(pathToFileURL(coreModule).href);
const at = new Date(fixedIso);
const mb = (n) => Math.round((n / 1024 / 1024) * 10) / 10;
const snapshot = () => {
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
};
const start = snapshot();
const core = createCore({ dataDir, clock: { now: () => new Date(at), today: () => fixedIso.slice(0, 10) } });
// A cleanly closed store is checked in the background at open; wait for it, as a chief's first write would.
if (typeof core.storePending === 'function') await core.storePending();
const opened = snapshot();
const calls = JSON.parse(readFileSync(callsFile, 'utf8'));
let peakRss = 0;
const t = performance.now();
for (const [method, ...payload] of calls) {
  const answer = await core.dispatch(method, ...payload);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
  structuredClone(answer.data);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const ms = Math.round(performance.now() - t);
const visited = snapshot();
globalThis.gc?.();
const collected = snapshot();
const sqlite = Object.fromEntries(['cache_size', 'mmap_size', 'temp_store'].map((p) => [p, core.db.pragma(p, { simple: true })]));
core.close();
process.stdout.write(`${JSON.stringify({ calls: calls.length, ms, start, opened, visited, collected, peakRss: mb(peakRss), sqlite })}\n`);
