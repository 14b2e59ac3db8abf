import { copyFileSync, mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { it } from 'vitest';

const SRC = '/tmp/teamchef-bench-cache/district-seed20261128-schema10-gen2-noreceipts/teamchef.sqlite';

it('micro', () => {
  const work = mkdtempSync(join(tmpdir(), 'pm-'));
  const open = (name: string, rebuild: boolean) => {
    const f = join(work, name);
    copyFileSync(SRC, f);
    const db = new Database(f);
    db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('foreign_keys = ON'); db.pragma('cache_size = -65536');
    if (rebuild) {
      const t = performance.now();
      db.exec(`BEGIN IMMEDIATE;
        CREATE TABLE audit_new (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, team_id INTEGER, entity TEXT NOT NULL, entity_id INTEGER NOT NULL, action TEXT NOT NULL, before TEXT, after TEXT,
          prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64), hash TEXT NOT NULL CHECK (length(hash) = 64)) STRICT;
        INSERT INTO audit_new SELECT * FROM audit_log;
        DROP TABLE audit_log;
        ALTER TABLE audit_new RENAME TO audit_log;
        CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);
        COMMIT;`);
      console.log('rebuild', (performance.now() - t).toFixed(0));
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    const insE = db.prepare(`INSERT INTO expense (team_id, year, expense_date, amount_cents, payee, description, payment_method, receipt_ref, created_at, import_row)
    VALUES (1, 2026, @d, @a, 'HEMA', 'Pasvolgnr 001 12345-1234 Betaalautomaat', 'debitcard', '', '2026-11-28T12:00:00.000Z', @i)`);
    const insA = db.prepare(`INSERT INTO audit_log (seq, at, team_id, entity, entity_id, action, before, after, prev_hash, hash) VALUES (?, '2026-11-28T12:00:00.000Z', 1, 'expense', ?, 'geïmporteerd', NULL, ?, ?, ?)`);
    let s = (db.prepare('select max(seq) m from audit_log').get() as any).m;
    return { f, db, insE, insA, next: () => (s += 1) };
  };
  const after = JSON.stringify({ id: 1, team_id: 1, year: 2026, expense_date: '2026-03-03', amount_cents: 1234, payee: 'HEMA', description: 'Pasvolgnr 001 12345-1234 Betaalautomaat', payment_method: 'debitcard', receipt_ref: '', decision_id: null, team_opgave_id: null, action_id: null, cluster_id: null, reverses_id: null, reason: '', import_batch_id: 1, import_row: 5, voided_at: null, void_reason: '', created_at: '2026-11-28T12:00:00.000Z' });
  const N = 10000;
  const dates = Array.from({ length: N }, (_, i) => `2026-${String(1 + (i * 7) % 11).padStart(2, '0')}-${String(1 + (i * 13) % 28).padStart(2, '0')}`);
  const A = open('a.sqlite', false);
  const B = open('b.sqlite', true);
  const run = (label: string, x: ReturnType<typeof open>) => {
    const t = performance.now();
    x.db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < N; i++) { x.insE.run({ d: dates[i], a: 100 + i, i }); x.insA.run(x.next(), i, after, '0'.repeat(64), randomBytes(32).toString('hex')); }
    const t1 = performance.now();
    x.db.exec('COMMIT');
    const wal = existsSync(x.f + '-wal') ? statSync(x.f + '-wal').size : 0;
    console.log(label, 'body', (t1 - t).toFixed(0), 'commit', (performance.now() - t1).toFixed(0), 'wal MB', (wal / 1e6).toFixed(1));
  };
  for (let rep = 0; rep < 4; rep++) { run('uniq  ', A); run('nouniq', B); }
  A.db.close(); B.db.close();
  rmSync(work, { recursive: true, force: true });
}, 600_000);
