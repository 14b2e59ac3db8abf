import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/api/errors';
import { createCore } from '../../electron/core';
import { GENESIS_HASH, hashAuditRecord } from '../../electron/core/audit/chain';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations';
import type { Migration } from '../../electron/core/store/migrations/types';
import { openStore, runMigrations } from '../../electron/core/store/open';
import { sha256, tempDir } from './helpers';

type Db = Database.Database;
const NOW = '2026-01-15T10:00:00.000Z';

/**
 * Rows as an app at schema version N would have written them, written right after migration N.
 * A domain that adds a migration adds its seed here, so the next migration is tested on real data.
 */
const SEEDS: Record<number, (db: Db) => void> = {
  1(db) {
    const team = db.prepare(`INSERT INTO team (name, eenheid, district, formation_fte, inhabitants, area_km2, wijkagenten, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    team.run('Basisteam Utrecht-Oost', 'midden-nederland', 'Utrecht-Stad', 142.5, 120000, 31.4, 20, NOW, NOW);
    team.run('Basisteam Zuid-Limburg — ‘ü’ 🚓', 'limburg', '', 80, 0, 0, 0, NOW, NOW);
    const gemeente = db.prepare('INSERT INTO team_gemeente (team_id, position, name) VALUES (?, ?, ?)');
    gemeente.run(1, 0, 'Utrecht');
    gemeente.run(1, 1, 'Bunnik');
    gemeente.run(2, 0, "'s-Hertogenbosch");
    db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?)').run('language', 'nl');
  },
  2(db) {
    db.prepare(`INSERT OR IGNORE INTO opgave (id, code, kind, title_nl, title_en, description_nl) VALUES (1, 'wijk-en-web', 'extern', 'Werken in wijk en web', 'Working in neighbourhood and web', '…')`).run();
    db.prepare(`INSERT INTO cluster (team_id, name, start_date, created_at, updated_at) VALUES (1, 'Oost', '2026-01-01', ?, ?)`).run(NOW, NOW);
    db.prepare(`INSERT INTO team_opgave (team_id, opgave_id, period_start, period_end, start_date, status_date, created_at, updated_at)
      VALUES (1, 1, '2026-01-01', '2026-12-31', '2026-01-01', '2026-01-01', ?, ?)`).run(NOW, NOW);
    db.prepare(`INSERT INTO action (team_id, team_opgave_id, cluster_id, title, created_at, updated_at) VALUES (1, 1, 1, 'Webcare opzetten', ?, ?)`).run(NOW, NOW);
    db.prepare(`INSERT INTO partner (team_id, name) VALUES (1, 'Gemeente Utrecht')`).run();
    db.prepare('INSERT INTO action_partner (action_id, partner_id) VALUES (1, 1)').run();
  },
  3(db) {
    db.prepare(`INSERT INTO budget_entry (team_id, year, entry_date, kind, amount_cents, reason, created_at) VALUES (1, 2026, '2026-01-01', 'toekenning', 1000000, '', ?)`).run(NOW);
    db.prepare(`INSERT INTO import_batch (team_id, file_name, signature, file_sha256, row_count, imported_at) VALUES (1, 'pas.csv', 'abc', ?, 1, ?)`).run('0'.repeat(64), NOW);
    db.prepare(`INSERT INTO expense (team_id, year, expense_date, amount_cents, payee, payment_method, import_batch_id, import_row, created_at)
      VALUES (1, 2026, '2026-01-10', 4250, 'Bakkerij Noordhoek', 'debitcard', 1, 2, ?)`).run(NOW);
  },
  7(db) {
    db.prepare(`INSERT INTO refund (team_id, expense_id, year, refund_date, amount_cents, payee, reason, created_at) VALUES (1, 1, 2026, '2026-01-12', 1250, 'Bakkerij Noordhoek', 'creditnota', ?)`).run(NOW);
    db.prepare(`INSERT INTO import_batch (team_id, file_name, signature, file_sha256, row_count, imported_at, skipped) VALUES (1, 'b.csv', 'def', ?, 0, ?, ?)`).run(
      '1'.repeat(64), NOW, JSON.stringify([{ row: 1, date: '2026-01-12', amountCents: 500, direction: 'bij', payee: 'X', reason: 'privé' }]));
  },
  8(db) {
    db.prepare(`INSERT INTO bundle_export (team_id, period_from, period_to, created_at, audit_length, audit_head, bundle_sha256)
      VALUES (1, '2026-01-01', '2026-12-31', ?, 0, NULL, ?)`).run(NOW, 'a'.repeat(64));
    db.prepare('INSERT INTO district_key (fingerprint, public_key, trusted_at) VALUES (?, ?, ?)').run('b'.repeat(64), 'AAAA', NOW);
    db.prepare(`INSERT INTO district_bundle (fingerprint, team_id, team_name, period_from, period_to, created_at, imported_at, audit_length, anchors, summary, content, content_sha256)
      VALUES (?, 1, 'Basisteam Zeist', '2026-01-01', '2026-12-31', ?, ?, 0, '[]', '{}', '{}', ?)`).run('b'.repeat(64), NOW, NOW, 'c'.repeat(64));
    expect(() => db.prepare('DELETE FROM district_bundle').run()).toThrow(/append-only/);
  },
  9(db) {
    const bytes = Buffer.from('%PDF-1.4 receipt');
    const sha = createHash('sha256').update(bytes).digest('hex');
    db.prepare('INSERT INTO receipt_blob (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(sha, 'application/pdf', bytes.length, bytes, NOW);
    db.prepare(`INSERT INTO attachment (team_id, record_kind, record_id, blob_sha256, file_name, attached_at) VALUES (1, 'expense', 1, ?, 'bon.pdf', ?)`).run(sha, NOW);
  },
  10(db) {
    const action = db
      .prepare(`INSERT INTO change_action (team_id, method, description_nl, description_en, created_at) VALUES (1, 'clusters.create', 'Cluster Oost aangemaakt', 'Cluster Oost created', ?)`)
      .run(NOW).lastInsertRowid;
    db.prepare(`INSERT INTO change_row (action_id, phase, at, tbl, row_id, before, after) VALUES (?, 0, ?, 'cluster', 1, NULL, '{"id":1,"name":"Oost"}')`).run(action, NOW);
  },
};

/** A store at `version`, built migration by migration with each version's data written on the way. */
function storeAt(version: number): { file: string; db: Db } {
  const file = join(tempDir(), 'teamchef.sqlite');
  const db = openStore(file, { migrations: MIGRATIONS.slice(0, 0) });
  for (let v = 1; v <= version; v++) {
    runMigrations(db, MIGRATIONS.slice(0, v));
    SEEDS[v]?.(db);
  }
  return { file, db };
}

function tables(db: Db): Map<string, string[]> {
  const names = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => r.name);
  return new Map(names.map((n) => [n, (db.pragma(`table_info("${n}")`) as { name: string }[]).map((c) => c.name)]));
}

function rows(db: Db, table: string, columns: string[]): unknown[] {
  return db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).all();
}

function assertHealthy(db: Db, version: number): void {
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
}

describe.each(MIGRATIONS.map((m) => [m.version, m.name, m] as const))('migration %i (%s)', (version, _name, migration) => {
  it('migrates a store of the previous version with data: nothing lost, integrity and references intact', () => {
    const { file, db } = storeAt(version - 1);
    const before = tables(db);
    const data = new Map([...before].map(([t, cols]) => [t, rows(db, t, cols)]));
    db.close();

    const migrated = openStore(file, { migrations: MIGRATIONS.slice(0, version) });
    try {
      assertHealthy(migrated, version);
      const after = tables(migrated);
      for (const [table, cols] of before) {
        expect(after.has(table), `table ${table} still exists`).toBe(true);
        const kept = cols.filter((c) => after.get(table)!.includes(c));
        expect(rows(migrated, table, kept), `rows of ${table}`).toEqual(data.get(table)!.map((r) => pick(r, kept)));
      }
      // The data written at this version fits the new schema.
      SEEDS[version]?.(migrated);
      assertHealthy(migrated, version);
    } finally {
      migrated.close();
    }
    // And the rest of the way to the latest version.
    const latest = openStore(file);
    assertHealthy(latest, LATEST_VERSION);
    latest.close();
  });

  it('rolls back completely when it fails halfway: the file stays byte for byte as it was', () => {
    const { file, db } = storeAt(version - 1);
    db.close();
    const before = sha256(file);
    const failing: Migration = {
      ...migration,
      up(d) {
        migration.up(d);
        throw new Error(`disk pulled during migration ${version}`);
      },
    };
    const list = [...MIGRATIONS.slice(0, version - 1), failing, ...MIGRATIONS.slice(version)];
    expect(() => openStore(file, { migrations: list })).toThrow(`disk pulled during migration ${version}`);
    expect(sha256(file)).toBe(before);
    // The previous version of the app still opens it as it was.
    const reopened = openStore(file, { migrations: MIGRATIONS.slice(0, version - 1) });
    assertHealthy(reopened, version - 1);
    reopened.close();
  });
});

const pick = (row: unknown, cols: string[]) => Object.fromEntries(cols.map((c) => [c, (row as Record<string, unknown>)[c]]));

describe('migration 001 → 002 (agenda)', () => {
  it('keeps the team profile exactly and adds strict agenda tables whose references are enforced', () => {
    const { file, db } = storeAt(1);
    const teamRows = db.prepare('SELECT * FROM team ORDER BY id').all();
    const gemeenten = db.prepare('SELECT * FROM team_gemeente ORDER BY team_id, position').all();
    const settings = db.prepare('SELECT * FROM app_setting').all();
    db.close();

    const migrated = openStore(file, { migrations: MIGRATIONS.slice(0, 2) });
    try {
      expect(migrated.prepare('SELECT * FROM team ORDER BY id').all()).toEqual(teamRows);
      expect(migrated.prepare('SELECT * FROM team_gemeente ORDER BY team_id, position').all()).toEqual(gemeenten);
      expect(migrated.prepare('SELECT * FROM app_setting').all()).toEqual(settings);
      expect((migrated.prepare<[], { name: string }>("SELECT name FROM team WHERE id = 2").get())!.name).toBe('Basisteam Zuid-Limburg — ‘ü’ 🚓');

      const strict = migrated.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all();
      for (const t of ['opgave', 'cluster', 'team_opgave', 'action', 'partner', 'action_partner']) {
        expect(strict.find((s) => s.name === t), t).toEqual({ name: t, strict: 1 });
      }
      // A cluster of an existing team is accepted; one of a team that does not exist is refused.
      migrated.prepare(`INSERT INTO cluster (team_id, name, start_date, created_at, updated_at) VALUES (2, 'Heuvelland', '2026-01-01', ?, ?)`).run(NOW, NOW);
      expect(() =>
        migrated.prepare(`INSERT INTO cluster (team_id, name, start_date, created_at, updated_at) VALUES (99, 'Nergens', '2026-01-01', ?, ?)`).run(NOW, NOW),
      ).toThrow(/FOREIGN KEY/);
      expect(() => migrated.prepare("INSERT INTO cluster (team_id, name, start_date, created_at, updated_at) VALUES (1, 'Te kort', '2026-02-01', '', '')").run()).not.toThrow();
      expect(() =>
        migrated.prepare("INSERT INTO cluster (team_id, name, start_date, end_date, created_at, updated_at) VALUES (1, 'Achterstevoren', '2026-02-01', '2026-01-01', '', '')").run(),
      ).toThrow(/CHECK/);
      SEEDS[2]!(migrated);
      assertHealthy(migrated, 2);
    } finally {
      migrated.close();
    }
  });
});

describe('migration 007 (refunds)', () => {
  it('keeps every expense and batch, gives old batches no skipped lines, and keeps refunds append-only and well-formed', () => {
    const { file, db } = storeAt(6);
    const expenses = db.prepare('SELECT * FROM expense ORDER BY id').all();
    db.close();
    const migrated = openStore(file, { migrations: MIGRATIONS.slice(0, 7) });
    try {
      expect(migrated.prepare('SELECT * FROM expense ORDER BY id').all()).toEqual(expenses);
      expect(migrated.prepare('SELECT skipped FROM import_batch').all()).toEqual([{ skipped: '[]' }]);
      SEEDS[7]!(migrated);
      expect(() => migrated.prepare('UPDATE refund SET amount_cents = 1').run()).toThrow(/append-only/);
      expect(() => migrated.prepare('DELETE FROM refund').run()).toThrow(/append-only/);
      const bad = (sql: string) => () => migrated.prepare(sql).run(NOW);
      expect(bad(`INSERT INTO refund (team_id, expense_id, year, refund_date, amount_cents, created_at) VALUES (1, 1, 2026, '2026-01-12', 0, ?)`)).toThrow(/CHECK/);
      expect(bad(`INSERT INTO refund (team_id, expense_id, year, refund_date, amount_cents, created_at) VALUES (1, 1, 2027, '2026-01-12', 5, ?)`)).toThrow(/CHECK/);
      expect(bad(`INSERT INTO refund (team_id, expense_id, year, refund_date, amount_cents, created_at) VALUES (1, 99, 2026, '2026-01-12', 5, ?)`)).toThrow(/FOREIGN KEY/);
      expect(bad(`INSERT INTO import_batch (team_id, file_name, signature, file_sha256, row_count, imported_at, skipped) VALUES (1, '', 's', '${'2'.repeat(64)}', 0, ?, 'geen json')`)).toThrow(/CHECK/);
      assertHealthy(migrated, 7);
    } finally {
      migrated.close();
    }
  });
});

describe('migration 008 → 009 (receipts)', () => {
  it('adds strict, append-only receipt tables: a file only under its type, an attachment only detached once', () => {
    const { file, db } = storeAt(8);
    db.close();
    const migrated = openStore(file, { migrations: MIGRATIONS.slice(0, 9) });
    try {
      SEEDS[9]!(migrated);
      assertHealthy(migrated, 9);
      const strict = migrated.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all();
      for (const t of ['receipt_blob', 'attachment']) expect(strict.find((s) => s.name === t), t).toEqual({ name: t, strict: 1 });
      expect(() =>
        migrated.prepare("INSERT INTO receipt_blob (sha256, mime, size, bytes, created_at) VALUES (?, 'text/html', 1, x'00', '')").run('a'.repeat(64)),
      ).toThrow(/CHECK/);
      expect(() =>
        migrated.prepare("INSERT INTO receipt_blob (sha256, mime, size, bytes, created_at) VALUES (?, 'image/png', 2, x'00', '')").run('b'.repeat(64)),
      ).toThrow(/CHECK/);
      expect(() => migrated.prepare("UPDATE attachment SET detached_at = 'now' WHERE id = 1").run()).toThrow(/CHECK/);
      migrated.prepare("UPDATE attachment SET detached_at = 'now', detach_reason = 'Verkeerde bon' WHERE id = 1").run();
      expect(() => migrated.prepare("UPDATE attachment SET detach_reason = 'anders' WHERE id = 1").run()).toThrow(/detached, once/);
      expect(() => migrated.prepare('DELETE FROM attachment').run()).toThrow(/never deleted/);
      expect(() => migrated.prepare('DELETE FROM receipt_blob').run()).toThrow(/append-only/);
    } finally {
      migrated.close();
    }
  });
});

describe('migration 009 → 010 (change journal)', () => {
  it('adds an empty journal whose rows must belong to an action; an undo barrier has no team', () => {
    const { file, db } = storeAt(9);
    db.close();
    const migrated = openStore(file, { migrations: MIGRATIONS.slice(0, 10) });
    try {
      expect(migrated.prepare('SELECT count(*) AS n FROM change_action').get()).toEqual({ n: 0 });
      expect(() => migrated.prepare(`INSERT INTO change_row (action_id, phase, at, tbl, row_id, after) VALUES (99, 0, '', 'cluster', 1, '{}')`).run()).toThrow(/FOREIGN KEY/);
      expect(() => migrated.prepare(`INSERT INTO change_action (method, kind, description_nl, description_en, created_at) VALUES ('x', 'iets', '', '', '')`).run()).toThrow(/CHECK/);
      migrated.prepare(`INSERT INTO change_action (team_id, method, kind, description_nl, description_en, created_at) VALUES (NULL, 'backup.restore', 'barrier', 'Back-up teruggezet', 'Backup restored', '')`).run();
      SEEDS[10]!(migrated);
      assertHealthy(migrated, 10);
    } finally {
      migrated.close();
    }
  });
});

describe('migration 010 → 011 (audit trail without the unique hash index)', () => {
  it('keeps every record, link and check, its other indexes and its append-only triggers; only the unique index is gone', () => {
    const { file, db } = storeAt(10);
    let prev = GENESIS_HASH;
    const insert = db.prepare(`INSERT INTO audit_log (seq, at, team_id, entity, entity_id, action, before, after, prev_hash, hash)
      VALUES (@seq, @at, @team_id, @entity, @entity_id, @action, @before, @after, @prev_hash, @hash)`);
    for (let seq = 1; seq <= 3; seq++) {
      const row = { seq, at: NOW, team_id: 1, entity: 'expense', entity_id: 1, action: seq === 1 ? 'aangemaakt' : 'vervallen', before: null, after: `{"id":1,"n":${seq}}`, prev_hash: prev };
      prev = hashAuditRecord(row);
      insert.run({ ...row, hash: prev });
    }
    // An index a later version might have added before this migration runs is kept as well.
    db.exec('CREATE INDEX audit_log_team ON audit_log(team_id, seq)');
    const before = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    expect(db.prepare('SELECT * FROM audit_log WHERE hash = ?').all(prev)).toHaveLength(1);
    expect(() => db.prepare(`INSERT INTO audit_log (seq, at, entity, entity_id, action, prev_hash, hash) VALUES (4, '', 'x', 1, 'x', ?, ?)`).run(prev, prev)).toThrow(/UNIQUE/);
    db.close();

    const migrated = openStore(file, { migrations: MIGRATIONS.slice(0, 11) });
    try {
      assertHealthy(migrated, 11);
      expect(migrated.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
      const indexes = migrated.prepare<[], { name: string; unique: number }>("SELECT name, \"unique\" FROM pragma_index_list('audit_log') ORDER BY name").all();
      expect(indexes).toEqual([
        { name: 'audit_log_entity', unique: 0 },
        { name: 'audit_log_team', unique: 0 },
      ]);
      expect(() => migrated.prepare('UPDATE audit_log SET action = ? WHERE seq = 1').run('x')).toThrow(/append-only/);
      expect(() => migrated.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
      expect(() => migrated.prepare(`INSERT INTO audit_log (seq, at, entity, entity_id, action, prev_hash, hash) VALUES (4, '', 'x', 1, 'x', ?, 'kort')`).run(prev)).toThrow(/CHECK/);
      expect(() => migrated.prepare(`INSERT INTO audit_log (seq, at, entity, entity_id, action, prev_hash, hash) VALUES (3, '', 'x', 1, 'x', ?, ?)`).run(prev, prev)).toThrow(/UNIQUE|PRIMARY/);
      expect(migrated.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log'").get()).toEqual({ sql: expect.stringMatching(/STRICT$/) as unknown });
    } finally {
      migrated.close();
    }
  });
});

describe('migration 011 → 012 (index on the expenses of an import batch)', () => {
  it('adds the partial index and changes no row', () => {
    const { file, db } = storeAt(11);
    const tables = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    const before = tables();
    db.close();
    const migrated = openStore(file, { migrations: MIGRATIONS.slice(0, 12) });
    try {
      assertHealthy(migrated, 12);
      expect(migrated.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all()).toEqual(before);
      const plan = migrated.prepare('EXPLAIN QUERY PLAN SELECT id FROM expense WHERE import_batch_id = 7').all().map((r) => (r as { detail: string }).detail);
      expect(plan.join(' ')).toMatch(/USING (COVERING )?INDEX expense_import_batch/);
    } finally {
      migrated.close();
    }
  });
});

describe('a store newer than the app', () => {
  it('is refused through createCore with data in it, and the file is left untouched (no journal either)', () => {
    const { db, file } = storeAt(LATEST_VERSION);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const before = sha256(file);
    let error: unknown;
    try {
      createCore({ dataDir: dirname(file) }).close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STORE_NEWER');
    expect(sha256(file)).toBe(before);
    // No journal was written (the read-only check may leave SQLite's shared-memory index, -shm, which holds no data).
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
