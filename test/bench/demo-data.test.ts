import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { localIsoDate } from '../../electron/core/clock';
import { STORE_FILE_NAME } from '../../electron/core/store/open';
import { checkStore, generateInto } from './generate';

/** Run by `npm run demo-data` (test/bench/demo-data.mjs), which passes the folder in TEAMCHEF_DEMO_DIR. */
const dataDir = process.env.TEAMCHEF_DEMO_DIR;

it.runIf(dataDir)('fills a new store with one basisteam for a demo', () => {
  const dir = dataDir!;
  if (existsSync(join(dir, STORE_FILE_NAME))) throw new Error(`In ${dir} staat al een gegevensbestand; er is niets gewijzigd.`);
  const seed = Number(process.env.TEAMCHEF_DEMO_SEED ?? 2018);
  const result = generateInto(dir, 'team', seed, { today: localIsoDate(new Date()) });
  expect(checkStore(result.file)).toEqual([]);
  console.log(
    `Demogegevens in ${result.file} (${(result.ms / 1000).toFixed(1)} s): ${Object.entries(result.counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}.\nStart de app met deze map als gegevensmap (TEAMCHEF_DATA_DIR=${dir}).`,
  );
});
