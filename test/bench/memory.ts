import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Method } from '../../electron/api/contract';
import { readOnlyLook, STORE_FILE_NAME } from '../../electron/core/store/open';
import { buildCore } from '../unit/crash/build-core';

/**
 * The core's memory after a chief has looked at everything: a separate Node process (so nothing of
 * the benchmark's own heap counts) opens a copy of the store as the app does, makes every screen's
 * load calls for the team with the most data, for every year and every quarter of the last one and
 * every chosen opgave's page, copies each answer as IPC does, and reports its resident set size and
 * JavaScript heap. The Electron main process that hosts the core in the app adds its own runtime on
 * top of this (Chromium's browser process); this row measures what the core itself holds.
 */

export interface Ids {
  teamId: number;
  year: number;
  teamOpgaveId: number;
  from: string;
  to: string;
}
export type Load = readonly [Method, unknown];

export interface CoreMemory {
  calls: number;
  ms: number;
  /** MB: before the store is opened, after it is opened, after the visits, after a full GC. */
  start: MemorySnapshot;
  opened: MemorySnapshot;
  visited: MemorySnapshot;
  collected: MemorySnapshot;
  peakRss: number;
  /** The connection's settings that decide what SQLite holds in memory. */
  sqlite: { cache_size: number; mmap_size: number; temp_store: number };
}
interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

const CHILD = join(import.meta.dirname, 'memory-child.mjs');

/** Every load call a chief's visit makes, screen by screen, for every year the team has. */
export function visitCalls(file: string, today: string, screenLoads: Record<string, (ids: Ids) => Load[]>): { teamId: number; calls: Load[] } {
  return readOnlyLook(file, (db) => {
    const teamId = (db.prepare('SELECT team_id AS id FROM expense GROUP BY team_id ORDER BY count(*) DESC, team_id LIMIT 1').get() as { id: number } | undefined)?.id
      ?? (db.prepare('SELECT min(id) AS id FROM team').get() as { id: number }).id;
    const years = (db.prepare('SELECT DISTINCT year FROM expense WHERE team_id = ? ORDER BY year').all(teamId) as { year: number }[]).map((r) => r.year);
    const choices = db.prepare('SELECT id, substr(period_start, 1, 4) AS year FROM team_opgave WHERE team_id = ? ORDER BY period_start, id').all(teamId) as { id: number; year: string }[];
    const last = years.at(-1) ?? Number(today.slice(0, 4));
    const calls: Load[] = [];
    for (const year of years.length ? years : [last]) {
      const from = `${year}-01-01`;
      const to = year === Number(today.slice(0, 4)) ? today : `${year}-12-31`;
      const teamOpgaveId = choices.find((c) => Number(c.year) === year)?.id ?? choices[0]?.id ?? 0;
      const ids: Ids = { teamId, year, teamOpgaveId, from, to };
      // The current year's screens as they open, then the period chooser set to this year.
      for (const loads of Object.values(screenLoads)) calls.push(...loads(ids));
      const period = { kind: 'year', year };
      calls.push(['dashboard.get', { teamId, period }], ['progress.overview', { teamId, period }], ['progress.history', { teamId, period }]);
    }
    for (let quarter = 1; quarter <= 4; quarter++) {
      const period = { kind: 'quarter', year: last, quarter };
      calls.push(['dashboard.get', { teamId, period }], ['progress.overview', { teamId, period }], ['progress.history', { teamId, period }]);
    }
    for (const c of choices) calls.push(['agenda.get', { teamId, teamOpgaveId: c.id }]);
    calls.push(['app.info', undefined], ['backup.list', undefined], ['store.info', undefined]);
    return { teamId, calls };
  });
}

/** Runs the visit in a child process on a copy of `storeFile`; the copy and the build are removed after. */
export async function measureCoreMemory(storeFile: string, calls: Load[], clockIso: string): Promise<CoreMemory> {
  const { coreModule, cleanup } = await buildCore('bench-memory-core');
  const work = mkdtempSync(join(tmpdir(), 'teamchef-bench-memory-'));
  try {
    copyFileSync(storeFile, join(work, STORE_FILE_NAME));
    const callsFile = join(work, 'calls.json');
    // A call without payload travels as [method] (JSON has no undefined).
    writeFileSync(callsFile, JSON.stringify(calls.map(([m, p]) => (p === undefined ? [m] : [m, p]))));
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', CHILD, coreModule, work, callsFile, clockIso], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`memory child exited ${code}: ${stderr.slice(-2000)}`))));
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as CoreMemory;
  } finally {
    rmSync(work, { recursive: true, force: true });
    cleanup();
  }
}
