import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Ctx } from '../../electron/api/define';
import type { Envelope } from '../../electron/api/errors';
import type { TeamProfile } from '../../electron/api/team';
import { fixedClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(prefix = 'teamchef-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real core on a real SQLite file in a fresh temp folder, closed after the test. */
export function testCore(clock: Ctx = fixedClock('2026-11-28')): Core {
  const core = createCore({ dataDir: tempDir(), clock });
  cleanups.push(() => core.close());
  return core;
}

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export const PROFILE: TeamProfile = {
  name: 'Basisteam Utrecht-Oost',
  eenheid: 'midden-nederland',
  district: 'Utrecht-Stad',
  gemeenten: ['Utrecht'],
  formationFte: 142.5,
  inhabitants: 120_000,
  areaKm2: 31.4,
  wijkagenten: 20,
};

/** Unwraps an envelope, failing the test with the error when the call did not succeed. */
export function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`Expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

export async function call<T = unknown>(core: Core, method: string, payload?: unknown): Promise<T> {
  return ok((await core.dispatch(method, payload)) as Envelope<T>);
}

/** Every row of every user table: compare before and after to prove a refused call changed nothing. */
export function snapshot(core: Core): Record<string, unknown[]> {
  const tables = core.db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  return Object.fromEntries(tables.map(({ name }) => [name, core.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
