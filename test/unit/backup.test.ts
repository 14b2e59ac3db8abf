import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupEntry, RestoreResult, StoreExport } from '../../electron/api/backup';
import { createCore } from '../../electron/core';
import { backupName, parseBackupName } from '../../electron/core/backup/names';
import { backupsToDelete } from '../../electron/core/backup/rotation';
import { fixedClock } from '../../electron/core/clock';
import { LATEST_VERSION } from '../../electron/core/store/migrations';
import { call, PROFILE, sha256, snapshot, tempDir, testCore } from './helpers';

/** The store as a snapshot, without the journal's mark that a restore or import happened (no undo reaches past it). */
const withoutBarriers = (core: Parameters<typeof snapshot>[0]) => {
  const s = snapshot(core);
  s.change_action = s.change_action!.filter((r) => (r as { kind: string }).kind !== 'barrier');
  return s;
};

const entry = (kind: BackupEntry['kind'], createdAt: string, n = 1): BackupEntry => ({
  name: `teamchef-${kind}-${createdAt.slice(0, 10)}T${createdAt.slice(11).replaceAll(':', '')}${n > 1 ? `-${n}` : ''}.sqlite`,
  kind,
  createdAt,
  size: 1,
});

describe('backup names', () => {
  it('round-trips kind and local time, and avoids names already taken', () => {
    const at = new Date(2026, 10, 28, 9, 5, 7);
    const name = backupName('auto', at, new Set());
    expect(name).toBe('teamchef-auto-2026-11-28T090507.sqlite');
    expect(parseBackupName(name)).toEqual({ kind: 'auto', createdAt: '2026-11-28T09:05:07', seq: 1 });
    expect(backupName('auto', at, new Set([name]))).toBe('teamchef-auto-2026-11-28T090507-2.sqlite');
  });

  it.each(['../teamchef.sqlite', 'teamchef-auto-2026-11-28T090507.sqlite-wal', 'teamchef-other-2026-11-28T090507.sqlite', 'x.sqlite', ''])(
    'does not take %j for a backup',
    (name) => expect(parseBackupName(name)).toBeNull(),
  );
});

describe('rotation: 7 daily + 12 monthly automatic backups', () => {
  it('keeps the newest per day for the last 7 days and the newest per month for the last 12 months', () => {
    const entries: BackupEntry[] = [];
    // Two years of automatic backups, two a day.
    const start = new Date(2025, 0, 1);
    for (let d = 0; d < 730; d++) {
      const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + d);
      const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
      entries.push(entry('auto', `${iso}T08:00:00`), entry('auto', `${iso}T17:00:00`));
    }
    const doomed = new Set(backupsToDelete(entries).map((e) => e.name));
    const kept = entries.filter((e) => !doomed.has(e.name));
    const days = new Set(kept.map((e) => e.createdAt.slice(0, 10)));
    const months = new Set(kept.map((e) => e.createdAt.slice(0, 7)));
    // The last 7 days (2026-12-25..31) plus the newest of 11 earlier months (the last month's newest is 12-31).
    expect(kept.length).toBe(7 + 11);
    expect(months.size).toBe(12);
    expect([...days].filter((d) => d >= '2026-12-25').length).toBe(7);
    expect(kept.every((e) => e.createdAt.endsWith('17:00:00'))).toBe(true);
    expect(kept.some((e) => e.createdAt.startsWith('2026-01-31'))).toBe(true);
    expect(kept.some((e) => e.createdAt.startsWith('2025-12'))).toBe(false);
  });

  it('keeps manual and safety backups by count, apart from the automatic ones', () => {
    const manual = Array.from({ length: 25 }, (_, i) => entry('manual', `2026-01-${String(i + 1).padStart(2, '0')}T10:00:00`));
    const safety = Array.from({ length: 12 }, (_, i) => entry('safety', `2026-02-${String(i + 1).padStart(2, '0')}T10:00:00`));
    const doomed = backupsToDelete([...manual, ...safety]).map((e) => e.name);
    expect(doomed).toEqual([...manual.slice(0, 5), ...safety.slice(0, 2)].map((e) => e.name));
  });
});

async function failed(core: ReturnType<typeof testCore>, method: string, payload?: unknown) {
  const r = (await core.dispatch(method, payload));
  if (r.ok) throw new Error(`Expected ${method} to fail`);
  return r.error;
}

describe('backup and restore through the API', () => {
  it('makes a backup with the online backup API, lists it with date and size, and restores it; the restore can be undone', async () => {
    const core = testCore(fixedClock('2026-11-28T10:15:00'));
    const team = await call<{ id: number }>(core, 'team.create', PROFILE);
    const made = await call<BackupEntry>(core, 'backup.create');
    expect(made).toMatchObject({ kind: 'manual', createdAt: '2026-11-28T10:15:00' });
    expect(made.size).toBeGreaterThan(4096);
    expect(await call(core, 'backup.list')).toEqual([made]);
    // The backup is a complete, self-contained store (rollback journal, no -wal needed).
    const copy = new Database(join(core.backups.backupDir, made.name), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM team').all()).toEqual([{ name: PROFILE.name }]);
    copy.close();

    const before = snapshot(core);
    await call(core, 'team.update', { teamId: team.id, profile: { ...PROFILE, name: 'Gewijzigd', gemeenten: ['Zeist'] } });
    const changed = snapshot(core);
    expect(changed).not.toEqual(before);

    const restored = await call<RestoreResult>(core, 'backup.restore', { name: made.name });
    expect(restored.restored).toEqual(made);
    expect(restored.keptAside.kind).toBe('safety');
    // The handlers work on the reopened store: the data is back, through the API and in the file.
    expect(withoutBarriers(core)).toEqual(before);
    expect((await call<{ name: string }[]>(core, 'team.list')).map((t) => t.name)).toEqual([PROFILE.name]);
    // Writes after the restore land in the restored store.
    await call(core, 'team.create', { ...PROFILE, name: 'Na het terugzetten' });
    expect(core.db.prepare('SELECT count(*) AS n FROM team').get()).toEqual({ n: 2 });

    // Undo: the data as it was before the restore is itself a backup in the list.
    const list = await call<BackupEntry[]>(core, 'backup.list');
    expect(list.map((e) => e.name)).toContain(restored.keptAside.name);
    await call(core, 'backup.restore', { name: restored.keptAside.name });
    expect(withoutBarriers(core)).toEqual(changed);
  });

  it('runs an automatic backup at start and daily, never twice on one day', async () => {
    const core = testCore(fixedClock('2026-11-28T07:00:00'));
    await call(core, 'team.create', PROFILE);
    const first = await core.backups.atStart();
    expect(first.kind).toBe('auto');
    expect(await core.backups.dailyIfDue()).toBeNull();
    expect(core.backups.list()).toHaveLength(1);
  });

  it('refuses an unknown, foreign or path-like backup name without touching anything', async () => {
    const core = testCore();
    await call(core, 'team.create', PROFILE);
    const before = sha256(core.file);
    expect((await failed(core, 'backup.restore', { name: 'teamchef-auto-2026-01-01T000000.sqlite' })).code).toBe('NOT_FOUND');
    for (const name of ['../teamchef.sqlite', '/etc/passwd', 'teamchef.sqlite', 'teamchef-auto-2026-01-01T000000.sqlite/../../x']) {
      expect((await failed(core, 'backup.restore', { name })).code).toBe('VALIDATION');
    }
    expect(sha256(core.file)).toBe(before);
  });

  it('refuses a damaged backup and leaves the store as it was', async () => {
    const core = testCore();
    await call(core, 'team.create', PROFILE);
    const made = await call<BackupEntry>(core, 'backup.create');
    const file = join(core.backups.backupDir, made.name);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096); // scribble over every page after the first
    writeFileSync(file, bytes);
    const before = snapshot(core);
    const error = await failed(core, 'backup.restore', { name: made.name });
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toMatch(/beschadigd.*niets gewijzigd/);
    expect(snapshot(core)).toEqual(before);
    expect((await call<BackupEntry[]>(core, 'backup.list')).filter((e) => e.kind === 'safety')).toEqual([]);
  });
});

describe('export and import of the whole store', () => {
  it('exports the store as one file and imports it on another laptop', async () => {
    const oldLaptop = testCore();
    await call(oldLaptop, 'team.create', PROFILE);
    const exported = await call<StoreExport>(oldLaptop, 'store.export');
    expect(exported.fileName).toBe('teamchef-export-2026-11-28.sqlite');
    expect(Buffer.from(exported.data, 'base64').subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

    const newLaptop = testCore();
    await call(newLaptop, 'team.create', { ...PROFILE, name: 'Iets anders' });
    const result = await call<RestoreResult>(newLaptop, 'store.import', { fileName: exported.fileName, data: exported.data });
    expect(result.keptAside.kind).toBe('safety');
    expect(withoutBarriers(newLaptop)).toEqual(snapshot(oldLaptop));
    expect(readdirSync(join(newLaptop.file, '..')).filter((f) => f.startsWith('.teamchef-'))).toEqual([]);
  });

  it('refuses a file that is not a Teamchef store, a damaged one and a newer one, before anything is replaced', async () => {
    const core = testCore();
    await call(core, 'team.create', PROFILE);
    const before = sha256(core.file);
    const snap = snapshot(core);

    const otherDir = tempDir();
    const other = new Database(join(otherDir, 'other.sqlite'));
    other.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
    other.pragma('user_version = 1');
    other.close();
    const foreign = readFileSync(join(otherDir, 'other.sqlite')).toString('base64');

    const newerCore = createCore({ dataDir: tempDir(), clock: fixedClock('2026-11-28') });
    newerCore.db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    const newerExport = (await call<StoreExport>(newerCore, 'store.export')).data;
    newerCore.close();

    const good = Buffer.from((await call<StoreExport>(core, 'store.export')).data, 'base64');
    const damaged = Buffer.from(good);
    damaged.fill(0x00, 4096, 4096 * 2);

    const cases: [string, string][] = [
      [Buffer.from('hello, this is not a database'.repeat(40)).toString('base64'), 'VALIDATION'],
      [foreign, 'VALIDATION'],
      [newerExport, 'STORE_NEWER'],
      [damaged.toString('base64'), 'STORE_CORRUPT'],
      ['not base64 at all!', 'VALIDATION'],
    ];
    for (const [data, code] of cases) {
      const error = await failed(core, 'store.import', { data });
      expect(error.code, code).toBe(code);
    }
    expect(sha256(core.file)).toBe(before);
    expect(snapshot(core)).toEqual(snap);
    expect(core.backups.list().filter((e) => e.kind === 'safety')).toEqual([]);
    expect(existsSync(core.file)).toBe(true);
  });
});
