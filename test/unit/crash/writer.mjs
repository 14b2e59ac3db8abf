// A child process for the crash test: opens the real core (a build of electron/core) on a data
// folder, makes the start-up backup the app makes, then writes through the API as fast as it can.
// Every write is printed ("ack") only after the dispatcher answered ok, i.e. after its transaction
// committed. The parent kills this process with SIGKILL at a random moment.
import { pathToFileURL } from 'node:url';

const [coreModule, dataDir, startAt] = process.argv.slice(2);
const { createCore } = await import(pathToFileURL(coreModule).href);
const core = createCore({ dataDir });
const ack = (line) => process.stdout.write(`${line}\n`);

const PROFILE = {
  name: 'Basisteam Crash',
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

const teams = await must('team.list');
if (teams.length === 0) await must('team.create', PROFILE);
const start = await core.backups.atStart();
ack(`B ${start.name}`);
ack('ready');

let n = Number(startAt);
for (;;) {
  n++;
  if (n % 2 === 0) {
    await must('team.create', { ...PROFILE, name: `w-${n}`, gemeenten: [`c-${n}`] });
    ack(`C ${n}`);
  } else if (n % 10 === 3) {
    // A cluster, its undo and its redo: each one transaction with its journal entry.
    await must('clusters.create', { teamId: 1, name: `k-${n}`, areas: [], gemeenten: [], inhabitants: 0, lead: '', fte: 0, wijkagenten: 0, startDate: '2026-01-01' });
    ack(`K ${n}`);
    await must('undo.undo', { teamId: 1 });
    ack(`Z ${n}`);
    await must('undo.redo', { teamId: 1 });
    ack(`R ${n}`);
  } else {
    await must('team.update', { teamId: 1, profile: { ...PROFILE, district: `u-${n}`, gemeenten: [`g-${n}-a`, `g-${n}-b`] } });
    ack(`U ${n}`);
  }
  if (n % 40 === 0) {
    const b = await must('backup.create');
    ack(`B ${b.name}`);
  }
}
