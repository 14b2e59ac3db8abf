import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerifyResult } from '../../electron/api/audit';
import type { BackupEntry, StoreExport } from '../../electron/api/backup';
import type { Expense } from '../../electron/api/budget';
import { MAX_RECEIPT_BYTES, type Attachment, type AttachResult, type MissingReceipts, type ReceiptContent, type ReceiptExport, type YearReceipts } from '../../electron/api/receipts';
import { createCore, type Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { checkInvariants } from '../../electron/core/invariants';
import { sniffMime, safeNamePart } from '../../electron/core/receipts/files';
import { createAuditLog } from '../../electron/core/audit/chain';
import { createReceiptService, missingSummary } from '../../electron/core/receipts/service';
import { budgetFixture } from './budget-fixtures';
import { call, snapshot, tempDir, testCore } from './helpers';

const FIXTURES = join(__dirname, '../fixtures/receipts');
export const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const PDF = fixture('bon.pdf');
const PNG = fixture('bon.png');
const JPG = fixture('bon.jpg');
const WEBP = fixture('bon.webp');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function fail(core: Core, method: string, payload: unknown) {
  const env = await core.dispatch(method, payload);
  if (env.ok) throw new Error(`${method} should have been refused`);
  return env.error;
}

/** A team with a year budget, a taken decision and three expenses (two pinpas, one invoice). */
async function setup(core: Core) {
  const f = await budgetFixture(core);
  const { teamId } = f;
  await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-02', kind: 'toekenning', amountCents: 1_000_000, reason: '' });
  const decision = await call<{ id: number }>(core, 'budget.decisions.create', {
    teamId, date: '2026-02-01', title: 'Pop-up bureau', amountCents: 200_000, rationale: '', decidedBy: 'Driehoek', status: 'genomen',
  });
  const expense = (payee: string, amountCents: number, paymentMethod = 'debitcard') =>
    call<Expense>(core, 'budget.expenses.create', { teamId, date: '2026-03-10', amountCents, payee, description: '', paymentMethod, receiptRef: '' });
  const bakker = await expense('Bakkerij De Korenschoof', 650);
  const bouwmarkt = await expense('Bouwmarkt Ø/Hoek: "Noord"', 12_345);
  const drukker = await expense('Drukkerij', 99_000, 'factuur');
  return { teamId, otherTeamId: f.otherTeamId, decisionId: decision.id, bakker, bouwmarkt, drukker };
}

const attach = (core: Core, teamId: number, recordId: number, bytes: Uint8Array, fileName = 'bon', kind = 'expense') =>
  call<AttachResult>(core, 'receipts.attach', { teamId, kind, recordId, fileName, bytes });

describe('receipts: files by their bytes', () => {
  it('recognises PDF, JPG, PNG and WebP by their first bytes, whatever the name says', () => {
    expect(sniffMime(PDF)).toBe('application/pdf');
    expect(sniffMime(PNG)).toBe('image/png');
    expect(sniffMime(JPG)).toBe('image/jpeg');
    expect(sniffMime(WEBP)).toBe('image/webp');
    expect(sniffMime(new TextEncoder().encode('MZ\x90\x00 this is a program'))).toBeNull();
    expect(sniffMime(new TextEncoder().encode('Datum;Bedrag\r\n'))).toBeNull();
    expect(sniffMime(new Uint8Array([0x89, 0x50]))).toBeNull();
  });

  it('makes safe file name parts', () => {
    expect(safeNamePart('Bouwmarkt Ø/Hoek: "Noord"')).toBe('Bouwmarkt-Hoek-Noord');
    expect(safeNamePart('Café Zoë')).toBe('Cafe-Zoe');
    expect(safeNamePart('../../etc/passwd')).toBe('etc-passwd');
    expect(safeNamePart('CON')).toBe('CON-');
    expect(safeNamePart('🚓🚓')).toBe('onbekend');
    expect(missingSummary({ count: 7, totalCents: 41_230 })).toBe('7 pinpasbetalingen zonder bon, € 412,30');
  });
});

describe('receipts in the store', () => {
  it('attaches a PNG and a PDF to an expense, audited with their SHA-256; the same bytes are stored once', async () => {
    const core = testCore();
    const s = await setup(core);
    const a = await attach(core, s.teamId, s.bakker.id, PNG, 'IMG_2041.png');
    expect(a.reused).toBe(false);
    expect(a.attachment).toMatchObject({ kind: 'expense', recordId: s.bakker.id, mime: 'image/png', size: PNG.byteLength, sha256: sha(PNG), fileName: 'IMG_2041.png', detachedAt: null });
    const b = await attach(core, s.teamId, s.bakker.id, PDF, 'bon.pdf');
    expect(b.attachment.mime).toBe('application/pdf');

    // The same photo on another expense: a second attachment, the bytes once.
    const c = await attach(core, s.teamId, s.bouwmarkt.id, PNG, 'kopie.png');
    expect(c.reused).toBe(true);
    expect(core.db.prepare('SELECT count(*) AS n FROM receipt_blob').get()).toEqual({ n: 2 });
    expect(core.db.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 3 });

    // The same file on the same expense again: refused, nothing changes.
    const before = snapshot(core);
    const again = await fail(core, 'receipts.attach', { teamId: s.teamId, kind: 'expense', recordId: s.bakker.id, fileName: 'nogmaals.png', bytes: PNG });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'Dit bestand hangt al aan deze uitgave.' });
    expect(snapshot(core)).toEqual(before);

    const content = await call<ReceiptContent>(core, 'receipts.content', { teamId: s.teamId, attachmentId: b.attachment.id });
    expect(content.mime).toBe('application/pdf');
    expect(Buffer.from(content.bytes).equals(Buffer.from(PDF))).toBe(true);

    const history = await call<AuditEntry[]>(core, 'audit.history', { teamId: s.teamId, entity: 'attachment', entityId: a.attachment.id });
    expect(history).toHaveLength(1);
    expect(history[0]!.action).toBe('toegevoegd');
    expect(history[0]!.after).toMatchObject({ blob_sha256: sha(PNG), record_kind: 'expense', record_id: s.bakker.id });

    const year = await call<YearReceipts>(core, 'receipts.forYear', { teamId: s.teamId, year: 2026 });
    expect(year.expense[s.bakker.id]!.map((x) => x.fileName)).toEqual(['IMG_2041.png', 'bon.pdf']);
    expect(year.expense[s.bouwmarkt.id]).toHaveLength(1);
    expect(checkInvariants(core.db)).toEqual([]);
  });

  it('refuses a wrong type, an oversized or empty file, a foreign record, and changes nothing', async () => {
    const core = testCore();
    const s = await setup(core);
    await attach(core, s.teamId, s.bakker.id, JPG, 'bon.jpg');
    const before = snapshot(core);
    const base = { teamId: s.teamId, kind: 'expense', recordId: s.bouwmarkt.id, fileName: 'bon.png' };

    const program = new TextEncoder().encode('MZ\x90\x00\x03 not a receipt');
    expect(await fail(core, 'receipts.attach', { ...base, bytes: program })).toMatchObject({
      code: 'VALIDATION',
      message: 'Dit bestand is geen PDF, JPG, PNG of WebP. Voeg de bon toe als PDF of foto (JPG, PNG of WebP).',
    });
    const big = new Uint8Array(MAX_RECEIPT_BYTES + 1);
    big.set(PNG.subarray(0, 16));
    expect(await fail(core, 'receipts.attach', { ...base, bytes: big })).toMatchObject({ code: 'VALIDATION', message: 'Het bestand is te groot (maximaal 20 MB per bestand).' });
    expect(await fail(core, 'receipts.attach', { ...base, bytes: new Uint8Array(0) })).toMatchObject({ message: 'Het bestand is leeg.' });
    expect((await fail(core, 'receipts.attach', { ...base, bytes: Array.from(PNG.subarray(0, 100)) })).code).toBe('VALIDATION');
    expect((await fail(core, 'receipts.attach', { ...base, bytes: Buffer.from(PNG).toString('base64') })).code).toBe('VALIDATION');
    expect((await fail(core, 'receipts.attach', { ...base, teamId: s.otherTeamId, bytes: PNG })).code).toBe('NOT_FOUND');
    expect((await fail(core, 'receipts.attach', { ...base, recordId: 99_999, bytes: PNG })).code).toBe('NOT_FOUND');
    expect((await fail(core, 'receipts.attach', { ...base, kind: 'refund', bytes: PNG })).code).toBe('NOT_FOUND');
    expect((await fail(core, 'receipts.attach', { ...base, fileName: 'a\u0000b.png', bytes: PNG })).code).toBe('VALIDATION');
    expect(snapshot(core)).toEqual(before);

    // Exactly 20 MB is accepted (a PNG header followed by padding stands in for a large photo).
    const max = new Uint8Array(MAX_RECEIPT_BYTES);
    max.set(PNG.subarray(0, 16));
    expect((await attach(core, s.teamId, s.bouwmarkt.id, max)).attachment.size).toBe(MAX_RECEIPT_BYTES);
  });

  it('detaches as a new state with a reason: the file and the row stay, the audit has both states', async () => {
    const core = testCore();
    const s = await setup(core);
    const a = (await attach(core, s.teamId, s.bakker.id, PNG)).attachment;
    expect((await fail(core, 'receipts.detach', { teamId: s.teamId, attachmentId: a.id, reason: ' ' })).code).toBe('VALIDATION');
    expect((await fail(core, 'receipts.detach', { teamId: s.otherTeamId, attachmentId: a.id, reason: 'x' })).code).toBe('NOT_FOUND');
    const d = await call<Attachment>(core, 'receipts.detach', { teamId: s.teamId, attachmentId: a.id, reason: 'Verkeerde bon' });
    expect(d.detachedAt).not.toBeNull();
    expect(d.detachReason).toBe('Verkeerde bon');
    expect((await fail(core, 'receipts.detach', { teamId: s.teamId, attachmentId: a.id, reason: 'x' })).code).toBe('CONFLICT');
    expect(core.db.prepare('SELECT count(*) AS n FROM receipt_blob').get()).toEqual({ n: 1 });
    const history = await call<AuditEntry[]>(core, 'audit.history', { teamId: s.teamId, entity: 'attachment', entityId: a.id });
    expect(history.map((h) => h.action)).toEqual(['toegevoegd', 'losgekoppeld']);
    // Detached, the same file can be attached again.
    await attach(core, s.teamId, s.bakker.id, PNG);
    // The tables themselves refuse erasure.
    expect(() => core.db.prepare('DELETE FROM attachment').run()).toThrow(/never deleted/);
    expect(() => core.db.prepare('DELETE FROM receipt_blob').run()).toThrow(/append-only/);
    expect(() => core.db.prepare("UPDATE attachment SET file_name = 'x' WHERE id = ?").run(a.id)).toThrow(/detached, once/);
    expect(() => core.db.prepare('UPDATE receipt_blob SET size = size').run()).toThrow(/append-only/);
    expect(checkInvariants(core.db)).toEqual([]);
  });

  it('warns, and still stores, once the receipts pass the store-size warning', async () => {
    const core = testCore();
    const s = await setup(core);
    const receipts = createReceiptService(core.db, createAuditLog(core.db), { warningBytes: PNG.byteLength + PDF.byteLength });
    const clock = fixedClock('2026-11-28');
    const input = { teamId: s.teamId, kind: 'expense' as const, recordId: s.bakker.id, fileName: 'bon' };
    expect(receipts.attach({ ...input, bytes: PNG }, clock).storeWarning).toBeNull();
    const second = receipts.attach({ ...input, bytes: PDF }, clock);
    expect(second.storeWarning).toMatch(/^De bonnen in Teamchef zijn samen \d+ MB\. Het gegevensbestand wordt groot/);
    expect(receipts.storeInfo()).toEqual({ files: 2, bytes: PNG.byteLength + PDF.byteLength, warningBytes: PNG.byteLength + PDF.byteLength });
  });

  it('attaches a credit note to a refund, which the year lists with its attachments', async () => {
    const core = testCore();
    const s = await setup(core);
    const refund = await call<{ id: number }>(core, 'budget.refunds.create', { teamId: s.teamId, expenseId: s.bouwmarkt.id, date: '2026-03-12', amountCents: 2_345, reason: 'Creditnota' });
    const note = await attach(core, s.teamId, refund.id, PDF, 'creditnota.pdf', 'refund');
    expect(note.attachment).toMatchObject({ kind: 'refund', recordId: refund.id });
    const year = await call<YearReceipts>(core, 'receipts.forYear', { teamId: s.teamId, year: 2026 });
    expect(year.refund[refund.id]!.map((a) => a.fileName)).toEqual(['creditnota.pdf']);
    expect((await fail(core, 'receipts.list', { teamId: s.otherTeamId, kind: 'refund', recordId: refund.id })).code).toBe('NOT_FOUND');
    expect((await call<AuditVerifyResult>(core, 'audit.verify', { teamId: s.teamId })).ok).toBe(true);
  });

  it('attaches to a decision too; a decision of another team is not found', async () => {
    const core = testCore();
    const s = await setup(core);
    const memo = await attach(core, s.teamId, s.decisionId, PDF, 'besluit-driehoek.pdf', 'decision');
    expect(memo.attachment.kind).toBe('decision');
    const year = await call<YearReceipts>(core, 'receipts.forYear', { teamId: s.teamId, year: 2026 });
    expect(year.decision[s.decisionId]).toHaveLength(1);
    expect((await fail(core, 'receipts.list', { teamId: s.otherTeamId, kind: 'decision', recordId: s.decisionId })).code).toBe('NOT_FOUND');
  });

  it('counts pinpas expenses without a receipt: not invoices, not voided or reversed ones, not those with a receipt', async () => {
    const core = testCore();
    const s = await setup(core);
    let m = await call<MissingReceipts>(core, 'receipts.missing', { teamId: s.teamId, year: 2026 });
    expect(m).toMatchObject({ count: 2, totalCents: 650 + 12_345 });
    expect(m.expenses.map((e) => e.expenseId)).toEqual([s.bakker.id, s.bouwmarkt.id]);
    const a = (await attach(core, s.teamId, s.bakker.id, JPG)).attachment;
    m = await call<MissingReceipts>(core, 'receipts.missing', { teamId: s.teamId, year: 2026 });
    expect(m).toMatchObject({ count: 1, totalCents: 12_345 });
    await call(core, 'budget.expenses.reverse', { teamId: s.teamId, expenseId: s.bouwmarkt.id, date: '2026-03-11', reason: 'Verkeerde pas' });
    m = await call<MissingReceipts>(core, 'receipts.missing', { teamId: s.teamId, year: 2026 });
    expect(m.count).toBe(0);
    await call(core, 'receipts.detach', { teamId: s.teamId, attachmentId: a.id, reason: 'Onleesbaar' });
    m = await call<MissingReceipts>(core, 'receipts.missing', { teamId: s.teamId, year: 2026 });
    expect(m).toMatchObject({ count: 1, totalCents: 650 });
  });
});

describe('receipts in the audit verification', () => {
  /** Opens the store file as a tamperer would: with a SQLite tool, triggers dropped and put back. */
  function tamper(file: string, sql: string, ...args: unknown[]) {
    const db = new Database(file);
    try {
      const triggers = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('receipt_blob', 'attachment')").all();
      for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
      expect(db.prepare(sql).run(...args).changes).toBe(1);
      for (const t of triggers) db.exec(t.sql);
    } finally {
      db.close();
    }
  }

  async function storeWithReceipt() {
    const dataDir = tempDir();
    const core = createCore({ dataDir, clock: fixedClock('2026-11-28') });
    const s = await setup(core);
    const a = (await attach(core, s.teamId, s.bakker.id, PNG)).attachment;
    expect((await call<AuditVerifyResult>(core, 'audit.verify', { teamId: s.teamId })).ok).toBe(true);
    const file = core.file;
    core.close();
    return { dataDir, file, s, a };
  }

  const verify = async (dataDir: string, teamId: number) => {
    const core = createCore({ dataDir, clock: fixedClock('2026-11-28') });
    try {
      return { result: await call<AuditVerifyResult>(core, 'audit.verify', { teamId }), invariants: checkInvariants(core.db) };
    } finally {
      core.close();
    }
  };

  it('detects one byte of a receipt changed directly in the SQLite file', async () => {
    const { dataDir, file, s } = await storeWithReceipt();
    const changed = Buffer.from(PNG);
    changed[200] = changed[200]! ^ 0xff;
    tamper(file, 'UPDATE receipt_blob SET bytes = ?', changed);
    const { result, invariants } = await verify(dataDir, s.teamId);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual([`Bon ${sha(PNG).slice(0, 12)}… is na het vastleggen gewijzigd (de inhoud past niet meer bij de vastgelegde SHA-256).`]);
    expect(invariants.length).toBeGreaterThan(0);
  });

  it('detects a receipt swapped for another file, hash and all', async () => {
    const { dataDir, file, s } = await storeWithReceipt();
    // The tamperer stores another photo under its own hash and points the attachment at it.
    const db = new Database(file);
    db.prepare('INSERT INTO receipt_blob (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(sha(JPG), 'image/jpeg', JPG.byteLength, Buffer.from(JPG), 'x');
    db.close();
    tamper(file, 'UPDATE attachment SET blob_sha256 = ?', sha(JPG));
    const { result } = await verify(dataDir, s.teamId);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/^Bijlage 1 wijkt af van de laatste auditregel/);
  });

  it('detects a receipt removed from the store and a removed safeguard', async () => {
    const { dataDir, file, s } = await storeWithReceipt();
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TRIGGER receipt_blob_no_delete');
    db.prepare('DELETE FROM receipt_blob').run();
    db.close();
    const { result } = await verify(dataDir, s.teamId);
    expect(result.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Het bestand van bijlage 1 .* ontbreekt\.$/), 'De beveiliging receipt_blob_no_delete van receipt_blob ontbreekt.']),
    );
  });
});

describe('receipts travel with the store', () => {
  it('backups, restore and the whole-store export and import carry the receipts byte for byte', async () => {
    const core = testCore();
    const s = await setup(core);
    const png = (await attach(core, s.teamId, s.bakker.id, PNG)).attachment;
    const pdf = (await attach(core, s.teamId, s.bouwmarkt.id, PDF)).attachment;
    const backup = await call<BackupEntry>(core, 'backup.create');
    // After the backup a receipt is detached and another added; the restore brings the old state back.
    await call(core, 'receipts.detach', { teamId: s.teamId, attachmentId: png.id, reason: 'Verkeerd' });
    await attach(core, s.teamId, s.drukker.id, WEBP);
    await call(core, 'backup.restore', { name: backup.name });
    const bytesOf = async (c: Core, id: number) => Buffer.from((await call<ReceiptContent>(c, 'receipts.content', { teamId: s.teamId, attachmentId: id })).bytes);
    expect((await bytesOf(core, png.id)).equals(Buffer.from(PNG))).toBe(true);
    expect((await bytesOf(core, pdf.id)).equals(Buffer.from(PDF))).toBe(true);
    expect((await call<Attachment[]>(core, 'receipts.list', { teamId: s.teamId, kind: 'expense', recordId: s.bakker.id }))[0]!.detachedAt).toBeNull();
    expect(core.db.prepare('SELECT count(*) AS n FROM receipt_blob').get()).toEqual({ n: 2 });

    const exported = await call<StoreExport>(core, 'store.export');
    const newLaptop = testCore();
    await call(newLaptop, 'store.import', { fileName: exported.fileName, data: exported.data });
    expect((await bytesOf(newLaptop, png.id)).equals(Buffer.from(PNG))).toBe(true);
    expect((await bytesOf(newLaptop, pdf.id)).equals(Buffer.from(PDF))).toBe(true);
    expect((await call<AuditVerifyResult>(newLaptop, 'audit.verify', { teamId: s.teamId })).ok).toBe(true);
  });
});

describe('the year for the finance department', () => {
  it('is one zip with the expenses as CSV and xlsx, every receipt under a safe name, and the audit head', async () => {
    const core = testCore();
    const s = await setup(core);
    await attach(core, s.teamId, s.bakker.id, PNG, 'IMG_2041.png');
    await attach(core, s.teamId, s.bakker.id, PDF, 'bon.pdf');
    await attach(core, s.teamId, s.bouwmarkt.id, JPG, 'foto.jpeg');
    const gone = (await attach(core, s.teamId, s.drukker.id, WEBP, 'x.webp')).attachment;
    await call(core, 'receipts.detach', { teamId: s.teamId, attachmentId: gone.id, reason: 'Verkeerde factuur' });
    await attach(core, s.teamId, s.decisionId, PDF, 'memo.pdf', 'decision');
    const kiosk = await call<Expense>(core, 'budget.expenses.create', {
      teamId: s.teamId, date: '2026-04-02', amountCents: 12_34, payee: 'Kiosk Station', description: 'Koffie', paymentMethod: 'debitcard', receiptRef: '', decisionId: null, teamOpgaveId: null, actionId: null, clusterId: null,
    });

    const zip = await call<ReceiptExport>(core, 'receipts.exportYear', { teamId: s.teamId, year: 2026 });
    expect(zip.fileName).toBe('versterkingsgelden-2026-met-bonnen.zip');
    expect(zip.receipts).toBe(4);
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'auditkop.txt',
      'besluiten/2026-02-01_2000,00_Pop-up-bureau_besluit-1.pdf',
      `bonnen/2026-03-10_123,45_Bouwmarkt-Hoek-Noord_${s.bouwmarkt.id}.jpg`,
      `bonnen/2026-03-10_6,50_Bakkerij-De-Korenschoof_${s.bakker.id}.pdf`,
      `bonnen/2026-03-10_6,50_Bakkerij-De-Korenschoof_${s.bakker.id}.png`,
      'uitgaven-2026.csv',
      'uitgaven-2026.xlsx',
      'zonder-bon-2026.csv',
    ]);
    // Every pinpas payment still without a receipt, the whole list (paper shortens a long one).
    const missing = await call<MissingReceipts>(core, 'receipts.missing', { teamId: s.teamId, year: 2026 });
    expect(missing.expenses.map((e) => e.expenseId)).toContain(kiosk.id);
    const lines = strFromU8(files['zonder-bon-2026.csv']!).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Nummer;Datum;Bedrag;Tegenpartij;Omschrijving');
    expect(lines.slice(1).map((l) => Number(l.split(';')[0]))).toEqual(missing.expenses.map((e) => e.expenseId));
    expect(Buffer.from(files[`bonnen/2026-03-10_6,50_Bakkerij-De-Korenschoof_${s.bakker.id}.png`]!).equals(Buffer.from(PNG))).toBe(true);
    expect(Buffer.from(files[`bonnen/2026-03-10_123,45_Bouwmarkt-Hoek-Noord_${s.bouwmarkt.id}.jpg`]!).equals(Buffer.from(JPG))).toBe(true);
    const csv = strFromU8(files['uitgaven-2026.csv']!);
    expect(csv).toContain('Bakkerij De Korenschoof');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files['uitgaven-2026.xlsx']!) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(5);
    const head = strFromU8(files['auditkop.txt']!);
    const verified = await call<AuditVerifyResult>(core, 'audit.verify', { teamId: s.teamId });
    expect(head).toContain(`kop ${verified.headHash}`);
    expect(head).toContain('in orde');
    expect(head).toContain(`Pinpasbetalingen zonder bon: ${missing.count} (zonder-bon-2026.csv)`);
  });
});
