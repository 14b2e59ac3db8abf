import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry, RestoreResult } from '../../electron/api/backup';
import type { AppError } from '../../electron/api/errors';
import { createCore } from '../../electron/core';
import { inspectStoreFile } from '../../electron/core/backup/inspect';
import { parseBackupName } from '../../electron/core/backup/names';
import { fixedClock } from '../../electron/core/clock';
import { describeStartProblem } from '../../electron/main/startup';
import { buildCore } from './crash/build-core';
import { call, PROFILE, tempDir } from './helpers';

const BACKUPPER = join(import.meta.dirname, 'crash', 'backupper.mjs');
const SECOND = '2026-11-28T10:00:00';

let coreModule: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ coreModule, cleanup } = await buildCore('two-processes-core'));
}, 120_000);
afterAll(() => cleanup?.());

function start(dataDir: string, mode: 'hold' | 'backup', count = 0): { child: ChildProcess; lines: Promise<string[]>; ready: Promise<void> } {
  const child = spawn(process.execPath, [BACKUPPER, coreModule, dataDir, mode, String(count), SECOND], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('ready\n') || out.includes('refused')) onReady();
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const lines = new Promise<string[]>((done, fail) => {
    child.on('close', (code, signal) => (code === 0 || signal === 'SIGKILL' ? done(out.split('\n').filter(Boolean)) : fail(new Error(`child: ${code} ${err}`))));
  });
  return { child, lines, ready };
}

async function seeded(): Promise<string> {
  const dataDir = tempDir();
  const core = createCore({ dataDir, clock: fixedClock(SECOND) });
  await call(core, 'team.create', PROFILE);
  core.close();
  return dataDir;
}

describe('two processes on one data folder', () => {
  it('the second cannot open it, and says where and since when it is open; a crashed owner is taken over', async () => {
    const dataDir = await seeded();
    const first = start(dataDir, 'hold');
    await first.ready;
    let error: AppError | undefined;
    try {
      createCore({ dataDir }).close();
    } catch (err) {
      error = err as AppError;
    }
    expect(error?.code).toBe('STORE_LOCKED');
    // What the start screen shows, and nothing to restore.
    expect(describeStartProblem(error, dataDir, () => null)).toMatchObject({ title: 'Teamchef is al geopend', message: error!.message, offer: null, buttons: ['Afsluiten'] });
    expect(error?.message).toMatch(new RegExp(`^Teamchef is al geopend op ${hostname()} sinds \\d{2}-\\d{2}-\\d{4} om \\d{2}:\\d{2}\\.`));
    // A second process too, not only a second open in this one.
    const second = start(dataDir, 'backup', 1);
    expect((await second.lines)[0]).toMatch(/^refused STORE_LOCKED Teamchef is al geopend op /);

    first.child.kill('SIGKILL');
    await first.lines;
    const after = createCore({ dataDir });
    expect(after.lock.takenOver?.pid).toBe(first.child.pid);
    expect((await call<{ name: string }[]>(after, 'team.list')).map((t) => t.name)).toEqual([PROFILE.name]);
    after.close();
  });

  it('20 backups in the same second from two processes: complete, distinct, verifiable files or clear refusals', async () => {
    const dataDir = await seeded();
    const a = start(dataDir, 'backup', 10);
    const b = start(dataDir, 'backup', 10);
    const lines = [...(await a.lines), ...(await b.lines)].filter((l) => l !== 'ready');
    const made = lines.filter((l) => l.startsWith('B ')).map((l) => l.slice(2));
    const refusedProcesses = lines.filter((l) => l.startsWith('refused STORE_LOCKED Teamchef is al geopend op '));
    expect(lines.filter((l) => l.startsWith('E '))).toEqual([]);
    expect(made.length + 10 * refusedProcesses.length).toBe(20);
    expect(new Set(made).size).toBe(made.length);
    const backupDir = join(dataDir, 'backups');
    for (const name of made) inspectStoreFile(join(backupDir, name), name);
    expect(readdirSync(backupDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('two writers sharing one backup folder in the same second never collide: 20 complete, distinct files', async () => {
    // Two data folders whose backup folders are one and the same (the lock cannot keep them apart).
    const shared = tempDir();
    const dirs = [await seeded(), await seeded()];
    for (const d of dirs) symlinkSync(shared, join(d, 'backups'));
    const runs = dirs.map((d) => start(d, 'backup', 10));
    const lines = (await Promise.all(runs.map((r) => r.lines))).flat().filter((l) => l !== 'ready');
    expect(lines.filter((l) => !l.startsWith('B '))).toEqual([]);
    const names = lines.map((l) => l.slice(2));
    expect(names).toHaveLength(20);
    expect(new Set(names).size).toBe(20);
    const files = readdirSync(shared).filter((f) => parseBackupName(f));
    expect(files.sort()).toEqual([...names].sort());
    for (const name of files) expect(inspectStoreFile(join(shared, name), name).schemaVersion).toBeGreaterThan(0);
  });
});

describe('backups and restores with writes going on', () => {
  it('a backup under a steady writer on another connection finishes within 2 s at team size', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, clock: fixedClock(SECOND) });
    await call(core, 'team.create', PROFILE);
    // Team size and then some: about 8 MB of data.
    const insert = core.db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?)');
    core.db.transaction(() => {
      for (let i = 0; i < 8000; i++) insert.run(`fill-${i}`, 'x'.repeat(1000));
    })();
    const writer = new Database(core.file);
    writer.pragma('busy_timeout = 5000');
    const write = writer.prepare('INSERT OR REPLACE INTO app_setting (key, value) VALUES (?, ?)');
    let writing = true;
    let writes = 0;
    const loop = (async () => {
      while (writing) {
        write.run(`steady-${writes % 50}`, String(writes++));
        await new Promise((r) => setImmediate(r));
      }
    })();
    const t0 = performance.now();
    const made = await call<BackupEntry>(core, 'backup.create');
    const ms = performance.now() - t0;
    writing = false;
    await loop;
    writer.close();
    console.info(`backup under a writer: ${Math.round(ms)} ms, ${writes} writes meanwhile`);
    expect(ms).toBeLessThan(2000);
    expect(writes).toBeGreaterThan(0);
    inspectStoreFile(join(core.backups.backupDir, made.name), made.name);
    core.close();
  });

  it('a restore never loses an acknowledged write: before it they are in the kept-aside backup, after it in the store', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, clock: fixedClock(SECOND) });
    await call(core, 'team.create', PROFILE);
    const backup = await call<BackupEntry>(core, 'backup.create');
    const acked: { name: string; afterRestore: boolean }[] = [];
    let restored = false;
    let n = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        const name = `w-${n++}`;
        const r = await core.dispatch('team.create', { ...PROFILE, name });
        if (r.ok) acked.push({ name, afterRestore: restored });
        await new Promise((res) => setImmediate(res));
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const result = await call<RestoreResult>(core, 'backup.restore', { name: backup.name });
    restored = true;
    await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await writer;
    const inStore = new Set((await call<{ name: string }[]>(core, 'team.list')).map((t) => t.name));
    const aside = new Database(join(core.backups.backupDir, result.keptAside.name), { readonly: true });
    const inAside = new Set(aside.prepare<[], { name: string }>('SELECT name FROM team').all().map((r) => r.name));
    aside.close();
    const lost = acked.filter((a) => !(a.afterRestore ? inStore.has(a.name) : inStore.has(a.name) || inAside.has(a.name)));
    expect(lost).toEqual([]);
    expect(acked.some((a) => a.afterRestore)).toBe(true);
    expect(acked.some((a) => !a.afterRestore)).toBe(true);
    core.close();
  });
});
