// `npm run demo-data -- --data-dir <folder>` (or TEAMCHEF_DATA_DIR=<folder> npm run demo-data):
// fills a new store with one basisteam's year, for a demo. Refuses to touch an existing store.
// The generator is TypeScript, so it runs inside vitest (test/bench/demo-data.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
let dataDir = process.env.TEAMCHEF_DATA_DIR;
let seed = process.env.TEAMCHEF_DEMO_SEED;
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split('=', 2);
  const value = () => inline ?? args[++i];
  if (flag === '--data-dir') dataDir = value();
  else if (flag === '--seed') seed = value();
  else {
    console.error(`Onbekende optie: ${args[i]}\nGebruik: npm run demo-data -- --data-dir <map> [--seed <getal>]`);
    process.exit(2);
  }
}
if (!dataDir) {
  console.error('Geef de gegevensmap op: npm run demo-data -- --data-dir <map>, of zet TEAMCHEF_DATA_DIR.');
  process.exit(2);
}
const target = resolve(dataDir);
if (existsSync(join(target, 'teamchef.sqlite'))) {
  console.error(`In ${target} staat al een gegevensbestand (teamchef.sqlite). Er is niets gewijzigd; kies een lege map.`);
  process.exit(1);
}
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--config', 'test/vitest.config.ts', '--project', 'demo'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEAMCHEF_DEMO_DIR: target, ...(seed ? { TEAMCHEF_DEMO_SEED: seed } : {}) },
});
process.exit(result.status ?? 1);
