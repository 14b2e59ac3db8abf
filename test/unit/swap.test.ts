import fs, { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupEntry, StoreExport } from '../../electron/api/backup';
import { createCore, type Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { finishSwap, writeSwapJournal } from '../../electron/core/store/swap';
import { call, PROFILE, tempDir } from './helpers';

afterEach(() => vi.restoreAllMocks());

const teams = async (core: Core) => (await call<{ name: string }[]>(core, 'team.list')).map((t) => t.name).sort();

/**
 * Power lost in the middle of replacing the store: from the moment the new file is about to take
 * the store's place, every rename fails (nothing reaches the disk any more). Then the app starts again.
 */
async function powerCutDuringSwap(dataDir: string, replace: (core: Core) => Promise<unknown>): Promise<void> {
  const core = createCore({ dataDir, clock: fixedClock('2026-11-28T10:00:00') });
  await call(core, 'team.create', { ...PROFILE, name: 'Oud team' });
  const store = core.file;
  const rename = fs.renameSync;
  let dead = false;
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    if (!dead && String(to) === store && String(from).includes('staging')) dead = true;
    if (dead) throw Object.assign(new Error('EIO: power lost'), { code: 'EIO' });
    return rename(from, to);
  });
  const answer = (await replace(core).catch(() => undefined)) as { ok: boolean; error?: { code: string; message: string } } | undefined;
  expect(dead).toBe(true);
  // Until the restart the app says what happened, and opens nothing (no new empty store).
  expect(answer?.error?.message).toMatch(/onderbroken.*start het opnieuw/);
  expect(await core.dispatch('team.list', undefined)).toMatchObject({ ok: false, error: { code: 'STORE_READONLY' } });
  expect(fs.existsSync(store)).toBe(false);
  vi.restoreAllMocks();
  try {
    core.close();
  } catch {
    // the process is gone: nothing to close
  }
}

describe('a restore or import interrupted by a power cut', () => {
  it('restore: the next start finishes it; the store is never empty and the old data is kept as a backup', async () => {
    const dataDir = tempDir();
    let backup: BackupEntry | undefined;
    await powerCutDuringSwap(dataDir, async (core) => {
      backup = await call<BackupEntry>(core, 'backup.create');
      await call(core, 'team.create', { ...PROFILE, name: 'Na de back-up' });
      return core.dispatch('backup.restore', { name: backup.name });
    });
    const next = createCore({ dataDir, clock: fixedClock('2026-11-28T10:05:00') });
    try {
      expect(await teams(next)).toEqual(['Oud team']);
      await next.backups.atStart();
      const safety = next.backups.list().filter((e) => e.kind === 'safety');
      expect(safety).toHaveLength(1);
      expect(readdirSync(dataDir).filter((f) => f.startsWith('.teamchef-'))).toEqual([]);
    } finally {
      next.close();
    }
  });

  it('import: the next start finishes it; the store is never empty and the old data is kept as a backup', async () => {
    const other = createCore({ dataDir: tempDir(), clock: fixedClock('2026-11-28') });
    await call(other, 'team.create', { ...PROFILE, name: 'Overgedragen team' });
    const exported = await call<StoreExport>(other, 'store.export');
    other.close();
    const dataDir = tempDir();
    await powerCutDuringSwap(dataDir, (core) => core.dispatch('store.import', { data: exported.data }));
    const next = createCore({ dataDir, clock: fixedClock('2026-11-28T10:05:00') });
    try {
      expect(await teams(next)).toEqual(['Overgedragen team']);
      await next.backups.atStart();
      expect(next.backups.list().filter((e) => e.kind === 'safety')).toHaveLength(1);
    } finally {
      next.close();
    }
  });
});

describe('the start-up clean-up', () => {
  it('never deletes a staging file after a start that found no store', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    const orphan = join(dataDir, '.teamchef-staging-2026-11-28T100000-1-abcd.sqlite');
    writeFileSync(orphan, 'the only copy, for all we know');
    const core = createCore({ dataDir });
    await core.backups.atStart();
    core.close();
    expect(existsSync(orphan)).toBe(true);
  });
});

describe('the swap journal', () => {
  const files = (dir: string) => readdirSync(dir).sort();

  it('is finished once, by any number of starts, and never moves a file over another', () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'backups'));
    writeFileSync(join(dataDir, 'teamchef.sqlite'), 'old');
    writeFileSync(join(dataDir, 'teamchef.sqlite-wal'), 'old wal');
    writeFileSync(join(dataDir, '.teamchef-staging-x.sqlite'), 'new');
    // The name meant for the old data is taken already.
    writeFileSync(join(dataDir, 'backups', 'teamchef-safety-2026-11-28T100000.sqlite'), 'someone else');
    writeSwapJournal(dataDir, { incoming: '.teamchef-staging-x.sqlite', aside: 'backups/teamchef-safety-2026-11-28T100000.sqlite' });
    expect(finishSwap(dataDir)).toBe(join('backups', 'teamchef-safety-2026-11-28T100000-2.sqlite'));
    expect(finishSwap(dataDir)).toBeNull();
    expect(fs.readFileSync(join(dataDir, 'teamchef.sqlite'), 'utf8')).toBe('new');
    expect(files(join(dataDir, 'backups'))).toEqual([
      'teamchef-safety-2026-11-28T100000-2.sqlite',
      'teamchef-safety-2026-11-28T100000-2.sqlite-wal',
      'teamchef-safety-2026-11-28T100000.sqlite',
    ]);
    expect(fs.readFileSync(join(dataDir, 'backups', 'teamchef-safety-2026-11-28T100000.sqlite'), 'utf8')).toBe('someone else');
    expect(files(dataDir)).toEqual(['backups', 'teamchef.sqlite']);
  });

  it('that points outside the data folder is not acted on, and kept for a person to look at', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'teamchef.sqlite'), 'old');
    writeFileSync(join(dataDir, 'teamchef.swap.json'), JSON.stringify({ incoming: '../elsewhere.sqlite', aside: '/etc/x' }));
    expect(finishSwap(dataDir)).toBeNull();
    expect(fs.readFileSync(join(dataDir, 'teamchef.sqlite'), 'utf8')).toBe('old');
    expect(files(dataDir).some((f) => f.startsWith('teamchef.swap.json.ongeldig-'))).toBe(true);
    expect(() => writeSwapJournal(dataDir, { incoming: '../x.sqlite', aside: 'y' })).toThrow();
  });
});
