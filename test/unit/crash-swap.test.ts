import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry, StoreExport } from '../../electron/api/backup';
import { createCore } from '../../electron/core';
import { inspectStoreFile } from '../../electron/core/backup/inspect';
import { parseBackupName } from '../../electron/core/backup/names';
import { BACKUP_DIR_NAME } from '../../electron/core/backup/service';
import { fixedClock } from '../../electron/core/clock';
import { SWAP_JOURNAL } from '../../electron/core/store/swap';
import { buildCore } from './crash/build-core';
import { call, PROFILE, tempDir } from './helpers';

/**
 * Power loss during a restore and during an import of a whole store: the real core runs in a child
 * process that kills itself with SIGKILL exactly at one step of the swap (every step in turn), and
 * in half the rounds the next start is killed too, in the middle of finishing the swap. After a
 * clean start the store is the old one or the new one, complete; never empty or missing; and the
 * old data still exists (as the store, or as the "Before restore" backup).
 */
const SWAPPER = join(import.meta.dirname, 'crash', 'swapper.mjs');

const COPY_STEPS = ['copy:written', 'copy:synced', 'restore:staged'];
const SWAP_STEPS = [
  'atomic:tmp-written',
  'swap:journal-written',
  'swap:store-closed',
  'move:sidecars',
  'swap:store-aside',
  'swap:incoming-in-place',
  'swap:journal-removed',
  'swap:reopened',
  'restore:done',
];
const RECOVERY_STEPS = ['move:sidecars', 'swap:store-aside', 'swap:incoming-in-place', 'swap:journal-removed'];
const STEPS = { restore: [...COPY_STEPS, ...SWAP_STEPS], import: ['import:written', ...COPY_STEPS, ...SWAP_STEPS] };

const OLD = ['A', 'live', 'old'];
const NEW = { restore: ['A'], import: ['imp'] };

let coreModule: string;
let cleanup: () => void;
let template: string;
let backupName: string;
let importFile: string;

beforeAll(async () => {
  ({ coreModule, cleanup } = await buildCore('crash-swap-core'));
  template = tempDir('teamchef-swap-template-');
  const core = createCore({ dataDir: template, clock: fixedClock('2026-11-27T08:00:00') });
  await call(core, 'team.create', { ...PROFILE, name: 'A' });
  backupName = (await call<BackupEntry>(core, 'backup.create')).name;
  await call(core, 'team.create', { ...PROFILE, name: 'old' });
  core.close();
  const other = createCore({ dataDir: tempDir(), clock: fixedClock('2026-11-27T08:00:00') });
  await call(other, 'team.create', { ...PROFILE, name: 'imp' });
  importFile = join(tempDir(), 'overdracht.sqlite');
  writeFileSync(importFile, Buffer.from((await call<StoreExport>(other, 'store.export')).data, 'base64'));
  other.close();
}, 120_000);

afterAll(() => cleanup?.());

function run(dataDir: string, mode: string, killAt: string, nth = 1): Promise<{ killed: boolean; out: string }> {
  return new Promise((done, fail) => {
    const arg = mode === 'restore' ? backupName : importFile;
    const child = spawn(process.execPath, [SWAPPER, coreModule, dataDir, mode, killAt, String(nth), arg], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') done({ killed: true, out });
      else if (code === 0) done({ killed: false, out });
      else fail(new Error(`child ended with ${code}: ${err}`));
    });
  });
}

const teamsIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { name: string }>('SELECT name FROM team ORDER BY name').all().map((r) => r.name);
  } finally {
    db.close();
  }
};

async function verify(dataDir: string, mode: 'restore' | 'import', label: string): Promise<'old' | 'new'> {
  const core = createCore({ dataDir });
  try {
    expect(existsSync(join(dataDir, SWAP_JOURNAL)), label).toBe(false);
    expect(core.db.pragma('integrity_check', { simple: true }), label).toBe('ok');
    const teams = (await call<{ name: string }[]>(core, 'team.list')).map((t) => t.name).sort();
    const state = JSON.stringify(teams) === JSON.stringify(OLD) ? 'old' : JSON.stringify(teams) === JSON.stringify(NEW[mode]) ? 'new' : null;
    expect(state, `${label}: the store holds ${JSON.stringify(teams)}`).not.toBeNull();

    const backupDir = join(dataDir, BACKUP_DIR_NAME);
    const real = () => readdirSync(backupDir).filter((f) => parseBackupName(f));
    for (const name of real()) inspectStoreFile(join(backupDir, name), name, undefined, 'damaged');
    expect(real(), label).toContain(backupName);
    const safetyHoldsOld = () => real().some((n) => n.includes('-safety-') && JSON.stringify(teamsIn(join(backupDir, n))) === JSON.stringify(OLD));
    // The old data is never lost: it is the store, or the "Before restore" backup.
    if (state === 'new') expect(safetyHoldsOld(), `${label}: old data kept as a backup`).toBe(true);

    // The start-up backup and its clean-up change none of that.
    await core.backups.atStart();
    if (state === 'new') expect(safetyHoldsOld(), `${label}: still kept after the start-up backup`).toBe(true);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('.teamchef-')), label).toEqual([]);
    return state!;
  } finally {
    core.close();
  }
}

describe('SIGKILL at every step of a restore and of an import', () => {
  it('ends, after a restart, with the old or the new store complete and the old data kept', async () => {
    let kills = 0;
    const outcomes: Record<string, number> = { old: 0, new: 0 };
    for (const mode of ['restore', 'import'] as const) {
      for (const [i, step] of STEPS[mode].entries()) {
        for (const killRecovery of [false, true]) {
          const dataDir = tempDir('teamchef-swap-');
          cpSync(template, dataDir, { recursive: true });
          const label = `${mode}, killed at ${step}${killRecovery ? ' and again while finishing' : ''}`;
          const first = await run(dataDir, mode, step);
          expect(first.killed, `${label}: the step was reached`).toBe(true);
          expect(first.out, label).toContain('ack live');
          kills++;
          // Finishing is only interrupted where there is something to finish.
          if (killRecovery && existsSync(join(dataDir, SWAP_JOURNAL))) {
            const second = await run(dataDir, 'open', RECOVERY_STEPS[i % RECOVERY_STEPS.length]!);
            if (second.killed) kills++;
          }
          outcomes[await verify(dataDir, mode, label)]!++;
        }
      }
    }
    console.info(`crash-swap: ${kills} kills; after restart ${outcomes.old} old and ${outcomes.new} new stores`);
    expect(kills).toBeGreaterThanOrEqual(50);
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 300_000);
});
