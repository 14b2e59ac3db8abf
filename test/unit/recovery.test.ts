import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BackupEntry } from '../../electron/api/backup';
import { AppError } from '../../electron/api/errors';
import { createCore } from '../../electron/core';
import { newestGoodBackup, restoreOverDamaged } from '../../electron/core/backup/recovery';
import { fixedClock } from '../../electron/core/clock';
import { DAILY_CHECK_INTERVAL_MS, scheduleBackups } from '../../electron/main/backup-schedule';
import { describeRecovered, describeStartProblem } from '../../electron/main/startup';
import { call, PROFILE, sha256, tempDir } from './helpers';

async function storeWithBackups(dataDir: string): Promise<BackupEntry[]> {
  const morning = createCore({ dataDir, clock: fixedClock('2026-11-27T08:00:00') });
  await call(morning, 'team.create', PROFILE);
  const older = await morning.backups.atStart();
  morning.close();
  const evening = createCore({ dataDir, clock: fixedClock('2026-11-28T17:30:00') });
  await call(evening, 'team.create', { ...PROFILE, name: 'Tweede team' });
  const newer = await call<BackupEntry>(evening, 'backup.create');
  evening.close();
  return [older, newer];
}

describe('a damaged store at start', () => {
  it('is refused, explained in plain Dutch, the newest good backup is offered, and the damaged file is never overwritten', async () => {
    const dataDir = tempDir();
    const [older, newer] = await storeWithBackups(dataDir);
    // The newest backup is damaged too: the offer falls back to the one before.
    const newerFile = join(dataDir, 'backups', newer!.name);
    const bytes = readFileSync(newerFile);
    bytes.fill(0x33, 4096);
    writeFileSync(newerFile, bytes);

    const store = join(dataDir, 'teamchef.sqlite');
    const damaged = readFileSync(store);
    damaged.fill(0x00, 4096);
    writeFileSync(store, damaged);
    const damagedHash = sha256(store);

    let error: unknown;
    try {
      createCore({ dataDir });
    } catch (err) {
      error = err;
    }
    expect((error as AppError).code).toBe('STORE_CORRUPT');
    expect(sha256(store)).toBe(damagedHash);

    const problem = describeStartProblem(error, dataDir, () => newestGoodBackup(dataDir));
    expect(problem.offer).toEqual(older);
    expect(problem.title).toBe('Het gegevensbestand is beschadigd');
    expect(problem.message).toBe(
      'Teamchef kan het gegevensbestand niet openen, omdat het beschadigd is. De nieuwste goede back-up is van 27-11-2026 om 08:00. Wilt u die terugzetten?',
    );
    expect(problem.detail).toContain('niet overschreven');
    expect(problem.detail).toContain(dataDir);
    expect(problem.buttons).toEqual(['Back-up terugzetten', 'Afsluiten']);

    const keptAs = await restoreOverDamaged(dataDir, problem.offer!.name, new Date(2026, 10, 28, 18, 0, 0));
    expect(keptAs).toBe('teamchef.sqlite.beschadigd-2026-11-28T180000');
    expect(sha256(join(dataDir, keptAs))).toBe(damagedHash);

    const core = createCore({ dataDir });
    expect(core.db.prepare('SELECT name FROM team').all()).toEqual([{ name: PROFILE.name }]);
    core.close();
    expect(describeRecovered(problem.offer!, keptAs).message).toBe(
      'De back-up van 27-11-2026 om 08:00 is teruggezet. Het beschadigde bestand is bewaard als teamchef.sqlite.beschadigd-2026-11-28T180000.',
    );
    // Exactly one damaged file kept beside the store, under its own name.
    expect(readdirSync(dataDir).filter((f) => f.includes('beschadigd'))).toEqual([keptAs]);
  });

  it('says so plainly when there is no good backup, and offers nothing', () => {
    const dataDir = tempDir();
    const problem = describeStartProblem(new AppError('STORE_CORRUPT', 'x'), dataDir, () => newestGoodBackup(dataDir));
    expect(problem.offer).toBeNull();
    expect(problem.message).toMatch(/beschadigd.*geen bruikbare back-up/);
    expect(problem.buttons).toEqual(['Afsluiten']);
  });

  it('passes on a newer-version or locked store as is, without offering a backup', () => {
    const newer = describeStartProblem(new AppError('STORE_NEWER', 'Dit gegevensbestand is gemaakt met een nieuwere versie.'), '/d', () => {
      throw new Error('must not look for backups');
    });
    expect(newer).toMatchObject({ message: 'Dit gegevensbestand is gemaakt met een nieuwere versie.', offer: null, buttons: ['Afsluiten'] });
    const unknown = describeStartProblem(new Error('EACCES'), '/d', () => null);
    expect(unknown.message).toMatch(/niets gewijzigd/);
    expect(unknown.message).not.toMatch(/EACCES/);
  });

  it('refuses to restore a backup that is not in the list', async () => {
    const dataDir = tempDir();
    await storeWithBackups(dataDir);
    const before = sha256(join(dataDir, 'teamchef.sqlite'));
    await expect(restoreOverDamaged(dataDir, '../teamchef.sqlite', new Date())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(sha256(join(dataDir, 'teamchef.sqlite'))).toBe(before);
    expect(existsSync(join(dataDir, 'teamchef.sqlite'))).toBe(true);
  });
});

describe('backup schedule in the main process', () => {
  it('backs up at start and asks the core hourly whether the daily backup is due; errors go to the log', async () => {
    const backups = { atStart: vi.fn(async () => ({}) as never), dailyIfDue: vi.fn(async () => null) };
    let tick: (() => void) | undefined;
    let interval = 0;
    const cleared: unknown[] = [];
    const errors: string[] = [];
    const stop = scheduleBackups(
      backups,
      { setInterval: (fn, ms) => ((tick = fn), (interval = ms), 'handle'), clearInterval: (h) => cleared.push(h) },
      (when) => errors.push(when),
    );
    expect(backups.atStart).toHaveBeenCalledTimes(1);
    expect(interval).toBe(DAILY_CHECK_INTERVAL_MS);
    tick!();
    tick!();
    expect(backups.dailyIfDue).toHaveBeenCalledTimes(2);
    backups.dailyIfDue.mockRejectedValueOnce(new Error('disk full'));
    tick!();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual(['daily']);
    stop();
    expect(cleared).toEqual(['handle']);
  });

  it('makes the next automatic backup on a new day, not before', async () => {
    const dataDir = tempDir();
    let now = new Date(2026, 10, 28, 9, 0, 0);
    const clock = { now: () => new Date(now), today: () => '2026-11-28' };
    const core = createCore({ dataDir, clock });
    await core.backups.atStart();
    now = new Date(2026, 10, 28, 23, 59, 0);
    expect(await core.backups.dailyIfDue()).toBeNull();
    now = new Date(2026, 10, 29, 0, 30, 0);
    expect((await core.backups.dailyIfDue())?.createdAt).toBe('2026-11-29T00:30:00');
    expect(core.backups.list().map((e) => e.createdAt)).toEqual(['2026-11-29T00:30:00', '2026-11-28T09:00:00']);
    core.close();
  });
});
