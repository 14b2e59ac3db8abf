import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../electron/api/backup';
import type { AppError } from '../../electron/api/errors';
import { createCore } from '../../electron/core';
import { newestGoodBackup, restoreOverDamaged } from '../../electron/core/backup/recovery';
import { fixedClock } from '../../electron/core/clock';
import { APPLICATION_ID } from '../../electron/core/store/identity';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations';
import { openStore, runMigrations } from '../../electron/core/store/open';
import { describeStartProblem } from '../../electron/main/startup';
import { call, PROFILE, sha256, tempDir } from './helpers';

function refusal(dataDir: string): AppError {
  try {
    createCore({ dataDir }).close();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('the store was opened');
}

/** Writes another program's SQLite file where the store belongs. */
function foreignStore(dataDir: string, userVersion: number): string {
  const file = join(dataDir, 'teamchef.sqlite');
  const db = new Database(file);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('boodschappen')");
  db.pragma(`user_version = ${userVersion}`);
  db.close();
  return file;
}

const sidecars = (dataDir: string) => readdirSync(dataDir).filter((f) => /-(wal|shm|journal)$/.test(f));

describe('a file that is not a Teamchef store where the store belongs', () => {
  it.each([0, 3, 42])('is refused untouched (user_version %i): not migrated, not switched to WAL, byte for byte as it was', (version) => {
    const dataDir = tempDir();
    const file = foreignStore(dataDir, version);
    const before = sha256(file);
    const err = refusal(dataDir);
    expect(err.message).toBe('Het gegevensbestand is geen Teamchef-gegevensbestand. Er is niets gewijzigd.');
    expect(sha256(file)).toBe(before);
    expect(sidecars(dataDir)).toEqual([]);
    const problem = describeStartProblem(err, dataDir, () => {
      throw new Error('a foreign file is not replaced by a backup');
    });
    expect(problem.title).toBe('Dit is geen Teamchef-gegevensbestand');
    expect(problem.message).toMatch(/hoort bij een ander programma.*niet gewijzigd/);
    expect(problem.buttons).toEqual(['Afsluiten']);
  });

  // Root reads every file whatever its mode, so this runs as an ordinary user only.
  it.skipIf(process.getuid?.() === 0)('refuses a file it cannot read, untouched, with a plain message', () => {
    const dataDir = tempDir();
    const file = foreignStore(dataDir, 0);
    chmodSync(file, 0o000);
    try {
      const err = refusal(dataDir);
      expect(err.code).toBe('STORE_READONLY');
      expect(err.message).toMatch(/kan niet worden gelezen/);
    } finally {
      chmodSync(file, 0o600);
    }
  });
});

describe('a store that cannot be read', () => {
  it('is refused with a plain message when a folder stands where the file belongs, and the folder is left alone', () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'teamchef.sqlite'));
    writeFileSync(join(dataDir, 'teamchef.sqlite', 'inside.txt'), 'x');
    const err = refusal(dataDir);
    expect(err.code).toBe('STORE_READONLY');
    expect(err.message).toBe('Het gegevensbestand kan niet worden gelezen. Controleer de rechten op de gegevensmap. Er is niets gewijzigd.');
    expect(readdirSync(join(dataDir, 'teamchef.sqlite'))).toEqual(['inside.txt']);
  });
});

describe('a zero-byte store beside good backups', () => {
  it('is refused untouched and the start screen offers the newest good backup, which then replaces it; the empty file is kept', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, clock: fixedClock('2026-11-27T08:00:00') });
    await call(core, 'team.create', PROFILE);
    const backup = await call<BackupEntry>(core, 'backup.create');
    core.close();
    const file = join(dataDir, 'teamchef.sqlite');
    writeFileSync(file, '');

    const err = refusal(dataDir);
    expect(err.code).toBe('STORE_CORRUPT');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBe(0);
    expect(sidecars(dataDir)).toEqual([]);

    const problem = describeStartProblem(err, dataDir, () => newestGoodBackup(dataDir));
    expect(problem.title).toBe('Het gegevensbestand is leeg');
    expect(problem.offer?.name).toBe(backup.name);
    expect(problem.message).toBe(
      'Teamchef kan het gegevensbestand niet openen, omdat het leeg is (0 bytes). De nieuwste goede back-up is van 27-11-2026 om 08:00. Wilt u die terugzetten?',
    );
    expect(problem.buttons).toEqual(['Back-up terugzetten', 'Afsluiten']);

    const keptAs = await restoreOverDamaged(dataDir, backup.name, new Date(2026, 10, 28, 9, 0, 0));
    expect(keptAs).toBe('teamchef.sqlite.beschadigd-2026-11-28T090000');
    const reopened = createCore({ dataDir });
    expect(reopened.db.prepare('SELECT name FROM team').all()).toEqual([{ name: PROFILE.name }]);
    reopened.close();
  });
});

describe('application id', () => {
  it('is set on a new store, given to an older store by migration 006, and an older store is recognised by its schema', () => {
    const dataDir = tempDir();
    const fresh = openStore(join(dataDir, 'new.sqlite'));
    expect(fresh.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    fresh.close();

    // A store as version 5 of the app made it: no application id in the header.
    const file = join(dataDir, 'teamchef.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    runMigrations(old, MIGRATIONS.slice(0, 5));
    old.prepare("INSERT INTO app_setting (key, value) VALUES ('probe', 'kept')").run();
    old.close();
    expect(new Database(file, { readonly: true }).pragma('application_id', { simple: true })).toBe(0);

    const core = createCore({ dataDir });
    expect(core.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(core.db.prepare("SELECT value FROM app_setting WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    core.close();
  });
});

describe('journal files without their database', () => {
  it('are kept aside, not replayed into a new store', () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir });
    core.close();
    // A WAL left behind by some other database at the store's name (its own file moved away by hand).
    const stray = new Database(join(dataDir, 'elsewhere.sqlite'));
    stray.pragma('journal_mode = WAL');
    stray.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    writeFileSync(join(dataDir, 'teamchef.sqlite-wal'), readFileSync(join(dataDir, 'elsewhere.sqlite-wal')));
    stray.close();
    rmSync(join(dataDir, 'teamchef.sqlite'));
    const fresh = createCore({ dataDir });
    expect(fresh.db.pragma('integrity_check', { simple: true })).toBe('ok');
    fresh.close();
    expect(readdirSync(dataDir).filter((f) => /^teamchef\.sqlite\.los-\d+-wal$/.test(f))).toHaveLength(1);
  });
});
