import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/api/errors';
import { APPLICATION_ID } from '../../electron/core/store/identity';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations';
import { checkMigrationList, openStore, runMigrations } from '../../electron/core/store/open';
import { sha256, tempDir } from './helpers';

describe('store', () => {
  it('creates a new file with the safe pragmas and the latest schema', () => {
    const file = join(tempDir(), 'sub', 'teamchef.sqlite');
    const db = openStore(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      db.close();
    }
  });

  it('reopens an existing store without migrating again', () => {
    const file = join(tempDir(), 'teamchef.sqlite');
    openStore(file).close();
    const db = openStore(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a store newer than the app and leaves the file byte for byte as it was', () => {
    const file = join(tempDir(), 'teamchef.sqlite');
    const raw = new Database(file);
    // A store from a newer Teamchef: our application id, a higher schema version.
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const before = sha256(file);
    let error: unknown;
    try {
      openStore(file).close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STORE_NEWER');
    expect((error as AppError).message).toMatch(/nieuwere versie/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a damaged file with STORE_CORRUPT and never overwrites it', () => {
    const file = join(tempDir(), 'teamchef.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    const before = sha256(file);
    expect(() => openStore(file)).toThrowError(expect.objectContaining({ code: 'STORE_CORRUPT' }));
    expect(sha256(file)).toBe(before);
  });

  it('rolls back a failing migration completely, version included', () => {
    const file = join(tempDir(), 'teamchef.sqlite');
    openStore(file).close();
    const db = new Database(file);
    const failing = {
      version: LATEST_VERSION + 1,
      name: 'breaks halfway',
      up(d: Database.Database) {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => runMigrations(db, [...MIGRATIONS, failing])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('rejects a migration list with gaps or out of order', () => {
    expect(() => checkMigrationList([MIGRATIONS[0]!, { ...MIGRATIONS[0]!, version: 3 }])).toThrow(/expected 2/);
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
  });
});
