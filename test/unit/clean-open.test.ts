import { closeSync, existsSync, openSync, readdirSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core';
import { quickCheckInBackground } from '../../electron/core/store/background-check';
import { STORE_FILE_NAME } from '../../electron/core/store/open';
import { STAMP_FILE_NAME } from '../../electron/core/store/stamp';
import { newestGoodBackup } from '../../electron/core/backup/recovery';
import { describeStartProblem, restartWhenPageCheckFails } from '../../electron/main/startup';
import { call, PROFILE, sha256, tempDir } from './helpers';

const clock = fixedClock('2026-11-28');
const stampOf = (dir: string) => join(dir, STAMP_FILE_NAME);
const pendingOf = (core: Core) => core.storePending();

/** A store of about 2 MB: a filler table puts pages well away from the fingerprinted first and last 64 KiB. */
async function storeWithData(dir: string) {
  const core = createCore({ dataDir: dir, clock });
  await call(core, 'team.create', PROFILE);
  // A good backup to fall back on.
  await call(core, 'backup.create');
  core.db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) INSERT INTO filler SELECT i, randomblob(3000) FROM n;');
  core.close();
}

describe('opening after an orderly close', () => {
  it('stamps a clean close, opens without the page check and lets writes through once the background check passed', async () => {
    const dir = tempDir();
    await storeWithData(dir);
    expect(existsSync(stampOf(dir))).toBe(true);
    expect(await quickCheckInBackground(join(dir, STORE_FILE_NAME)).result).toEqual({ ok: true });

    const core = createCore({ dataDir: dir, clock });
    // The stamp is gone while the store is open: a crash now means a full check at the next start.
    expect(existsSync(stampOf(dir))).toBe(false);
    const pending = pendingOf(core);
    expect(pending).not.toBeNull();
    // A write during the check waits for it and then succeeds.
    const team = await call<{ id: number }>(core, 'team.create', { ...PROFILE, name: 'Basisteam Utrecht-West' });
    expect(team.id).toBeGreaterThan(0);
    expect(pendingOf(core)).toBeNull();
    core.close();
    expect(existsSync(stampOf(dir))).toBe(true);
  });

  it('a close during the background check waits until the check has let go of the file', async () => {
    const dir = tempDir();
    await storeWithData(dir);
    const core = createCore({ dataDir: dir, clock });
    expect(pendingOf(core)).not.toBeNull();
    core.close();
    // Nothing may reappear after the close (the folder is then moved or removed).
    await new Promise((r) => setTimeout(r, 300));
    expect(readdirSync(dir).filter((f) => f.includes('-wal') || f.includes('-shm'))).toEqual([]);
    // Closed before the check finished: no stamp, the next start checks in full.
    expect(existsSync(stampOf(dir))).toBe(false);
  });

  it('checks in full before anything after an unclean end or a stale stamp', async () => {
    const dir = tempDir();
    await storeWithData(dir);
    const crashed = createCore({ dataDir: dir, clock });
    await pendingOf(crashed);
    await call(crashed, 'team.create', { ...PROFILE, name: 'Basisteam Zeist' });
    // No orderly close: the process "dies" with the store open (the lock is let go as the OS would).
    crashed.lock.release();
    expect(existsSync(stampOf(dir))).toBe(false);
    const after = createCore({ dataDir: dir, clock });
    expect(pendingOf(after)).toBeNull();
    after.close();
    crashed.close();
  });

  it('refuses a store with a damaged page before any write, although its stamp says clean', async () => {
    const dir = tempDir();
    await storeWithData(dir);
    const file = join(dir, STORE_FILE_NAME);
    const { size, atime, mtimeMs } = statSync(file);
    expect(size).toBeGreaterThan(1_000_000);
    // Bit rot in the middle of the file: a b-tree page overwritten, size and modification time kept,
    // so the cheap fingerprint still matches.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    // Half a millisecond in: the seconds-as-double round trip cannot move it into another millisecond.
    utimesSync(file, atime, (Math.floor(mtimeMs) + 0.5) / 1000);
    const damagedHash = sha256(file);
    // The worker thread itself finds it (not the same-thread fallback).
    expect(await quickCheckInBackground(file).result).toEqual({ ok: false, detail: expect.any(String) });

    const core = createCore({ dataDir: dir, clock });
    expect(pendingOf(core)).not.toBeNull();
    const failed: unknown[] = [];
    restartWhenPageCheckFails(core, (err) => failed.push(err));
    const backupsBefore = readdirSync(join(dir, 'backups'));
    // Neither a write nor the backup at start (whose rotation could push a good backup out for a damaged one).
    const backup = core.backups.atStart();
    const write = (await core.dispatch('team.create', { ...PROFILE, name: 'Basisteam Nieuw' }));
    await expect(backup).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(readdirSync(join(dir, 'backups'))).toEqual(backupsBefore);
    // The app starts again, into the start dialog that offers the newest good backup.
    expect(failed).toEqual([expect.objectContaining({ code: 'STORE_CORRUPT' })]);
    expect(write.ok).toBe(false);
    if (!write.ok) {
      expect(write.error.code).toBe('STORE_CORRUPT');
      expect(write.error.message).toContain('beschadigd');
    }
    const read = (await core.dispatch('team.list', undefined));
    expect(read.ok).toBe(false);
    core.close();
    expect(sha256(file)).toBe(damagedHash);
    expect(existsSync(stampOf(dir))).toBe(false);
    // The next start checks in full and refuses it with the usual recovery offer.
    let refusal: unknown;
    try {
      createCore({ dataDir: dir, clock });
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toMatchObject({ code: 'STORE_CORRUPT' });
    const problem = describeStartProblem(refusal, dir, () => newestGoodBackup(dir));
    expect(problem.offer?.name).toBe(backupsBefore[0]);
    expect(problem.buttons[0]).toBe('Back-up terugzetten');
    expect(sha256(file)).toBe(damagedHash);
  });
});
