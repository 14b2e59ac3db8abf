// A child process for the swap crash test: opens the real core (a build of electron/core) on a
// data folder and restores a backup, imports a file, or only opens (finishing an interrupted swap).
// It kills itself with SIGKILL the `nth` time the core reports step `killAt` — power loss exactly
// there. When the step never comes it prints "done" and ends normally.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [coreModule, dataDir, mode, killAt, nth, arg] = process.argv.slice(2);
const { createCore } = await import(pathToFileURL(coreModule).href);
let seen = 0;
const step = (name) => {
  if (name === killAt && ++seen === Number(nth)) process.kill(process.pid, 'SIGKILL');
};
const core = createCore({ dataDir, step });

const PROFILE = {
  name: 'x',
  eenheid: 'limburg',
  district: 'start',
  gemeenten: ['Maastricht'],
  formationFte: 100,
  inhabitants: 100000,
  areaKm2: 50,
  wijkagenten: 20,
};

async function must(method, payload) {
  const r = await core.dispatch(method, payload);
  if (!r.ok) {
    process.stderr.write(`${method} failed: ${r.error.code} ${r.error.message}\n`);
    process.exit(2);
  }
  return r.data;
}

// A write acknowledged just before: it must survive in the old store, wherever that ends up.
if (mode !== 'open') {
  await must('team.create', { ...PROFILE, name: 'live' });
  process.stdout.write('ack live\n');
}
if (mode === 'restore') await must('backup.restore', { name: arg });
if (mode === 'import') await must('store.import', { data: readFileSync(arg).toString('base64'), fileName: 'overdracht.sqlite' });
core.close();
process.stdout.write('done\n');
