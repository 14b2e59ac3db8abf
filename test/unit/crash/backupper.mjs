// A child process for the two-process tests: opens the real core (a build of electron/core) on a
// data folder with a clock stuck at one second, then makes `count` backups as fast as it can, or
// holds the folder until killed ("hold"). Prints "refused <code> <message>" when it cannot open.
import { pathToFileURL } from 'node:url';

const [coreModule, dataDir, mode, count, fixedIso] = process.argv.slice(2);
const { createCore } = await import(pathToFileURL(coreModule).href);
const at = new Date(fixedIso);
let core;
try {
  core = createCore({ dataDir, clock: { now: () => new Date(at), today: () => fixedIso.slice(0, 10) } });
} catch (err) {
  process.stdout.write(`refused ${err.code} ${err.message}\n`);
  process.exit(0);
}
process.stdout.write('ready\n');
if (mode === 'hold') {
  setInterval(() => undefined, 1000);
} else {
  const answers = await Promise.all(Array.from({ length: Number(count) }, () => core.dispatch('backup.create')));
  for (const r of answers) process.stdout.write(r.ok ? `B ${r.data.name}\n` : `E ${r.error.code} ${r.error.message}\n`);
  core.close();
}
