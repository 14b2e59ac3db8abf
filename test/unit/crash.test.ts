import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_DIR_NAME } from '../../electron/core/backup/service';
import { inspectStoreFile } from '../../electron/core/backup/inspect';
import { parseBackupName } from '../../electron/core/backup/names';
import { checkInvariants } from '../../electron/core/invariants';
import { STORE_FILE_NAME } from '../../electron/core/store/open';
import { tempDir } from './helpers';

/**
 * Power loss, simulated: the real core runs in a child process and writes continuously through the
 * API; it is killed with SIGKILL at random moments, 50 times, on the same data folder. After every
 * kill the store must pass the integrity check and hold every write the child acknowledged.
 */
const KILLS = 50;
const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(import.meta.dirname, 'crash', 'writer.mjs');
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);

// Small deterministic generator, so a failing run can be repeated with CRASH_SEED.
let state = SEED;
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};

let buildDir: string;
let coreModule: string;

beforeAll(async () => {
  // The core is TypeScript; build it once into plain JavaScript the child's Node can import. It
  // lives under the project (.tmp/, ignored by git) so the child resolves better-sqlite3 and zod.
  buildDir = join(ROOT, '.tmp', `crash-core-${process.pid}`);
  mkdirSync(buildDir, { recursive: true });
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      ssr: join(ROOT, 'electron/core/index.ts'),
      outDir: buildDir,
      emptyOutDir: true,
      minify: false,
      target: 'node24',
      rollupOptions: { output: { format: 'es', entryFileNames: 'core.mjs' } },
    },
  });
  coreModule = join(buildDir, 'core.mjs');
}, 120_000);

afterAll(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

interface Run {
  acks: string[];
  stderr: string;
}

function runAndKill(dataDir: string, startAt: number, delayMs: number): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [WRITER, coreModule, dataDir, String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`writer ended by itself (code ${code}): ${stderr}`));
      // Everything the child printed before it died has been read by now ('close' waits for the pipes).
      else done({ acks: out.split('\n').filter(Boolean), stderr });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${KILLS} SIGKILLs at random moments (seed ${SEED})`, async () => {
    const dataDir = tempDir('teamchef-crash-');
    const file = join(dataDir, STORE_FILE_NAME);
    const created = new Set<number>();
    const redone = new Set<number>();
    let lastUpdate = -1;
    let totalAcks = 0;

    for (let kill = 0; kill < KILLS; kill++) {
      const delay = Math.floor(random() * 150);
      const run = await runAndKill(dataDir, (kill + 1) * 1_000_000, delay);
      expect(run.stderr).toBe('');
      for (const line of run.acks) {
        const [kind, value] = line.split(' ');
        if (kind === 'C') created.add(Number(value));
        if (kind === 'U') lastUpdate = Number(value);
        if (kind === 'R') redone.add(Number(value));
        if (kind !== 'ready') totalAcks++;
      }

      const db = new Database(file);
      try {
        expect(db.pragma('integrity_check', { simple: true }), `after kill ${kill + 1}`).toBe('ok');
        expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
        expect(checkInvariants(db)).toEqual([]);

        const names = new Set(db.prepare<[], { name: string }>('SELECT name FROM team').all().map((r) => r.name));
        const missing = [...created].filter((n) => !names.has(`w-${n}`));
        expect(missing, `acknowledged creates missing after kill ${kill + 1}`).toEqual([]);
        // Each create wrote its team and its gemeente in one transaction: never one without the other.
        expect(
          db.prepare("SELECT count(*) AS n FROM team t WHERE t.name LIKE 'w-%' AND NOT EXISTS (SELECT 1 FROM team_gemeente g WHERE g.team_id = t.id)").get(),
        ).toEqual({ n: 0 });

        // Undo and redo: the journal and the data change together (a removed cluster's id may be
        // given to a later one, hence the name). A cluster exists exactly when the
        // action that created it is in effect; an acknowledged redo is never lost.
        const clusters = db
          .prepare<[], { name: string; present: number; state: string }>(
            `SELECT json_extract(r.after, '$.name') AS name, a.state,
                    EXISTS (SELECT 1 FROM cluster c WHERE c.id = r.row_id AND c.name = json_extract(r.after, '$.name')) AS present
             FROM change_action a JOIN change_row r ON r.action_id = a.id AND r.phase = 0 AND r.tbl = 'cluster'
             WHERE a.method = 'clusters.create'`,
          )
          .all();
        for (const c of clusters) expect(c.present, `${c.name} (${c.state}) after kill ${kill + 1}`).toBe(c.state === 'done' ? 1 : 0);
        const lostRedo = [...redone].filter((n) => !clusters.some((c) => c.name === `k-${n}` && c.present === 1));
        expect(lostRedo, `acknowledged redos missing after kill ${kill + 1}`).toEqual([]);

        if (lastUpdate >= 0) {
          const team1 = db.prepare<[], { district: string }>('SELECT district FROM team WHERE id = 1').get()!;
          const m = Number(team1.district.slice(2));
          // The last acknowledged update or a later one (committed but killed before it was printed).
          expect(m, `update after kill ${kill + 1}`).toBeGreaterThanOrEqual(lastUpdate);
          const gemeenten = db.prepare('SELECT name FROM team_gemeente WHERE team_id = 1 ORDER BY position').all();
          expect(gemeenten).toEqual([{ name: `g-${m}-a` }, { name: `g-${m}-b` }]);
        }
      } finally {
        db.close();
      }
    }

    // Backups under a real name are always whole stores; interrupted ones only ever exist as .tmp.
    const backups = readdirSync(join(dataDir, BACKUP_DIR_NAME)).filter((f) => parseBackupName(f));
    expect(backups.length).toBeGreaterThan(0);
    for (const name of backups) expect(inspectStoreFile(join(dataDir, BACKUP_DIR_NAME, name), name).schemaVersion).toBeGreaterThan(0);
    expect(totalAcks).toBeGreaterThan(KILLS);
    expect(redone.size).toBeGreaterThan(0);
    console.info(`crash: ${KILLS} kills, ${totalAcks} acknowledged writes, ${created.size} creates, ${redone.size} undo+redo, seed ${SEED}`);
  }, 180_000);
});
