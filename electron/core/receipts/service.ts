import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Ctx } from '../../api/define';
import { conflict, invalid, notFound } from '../../api/errors';
import { formatMoney } from '../../api/money';
import {
  RECEIPT_STORE_WARNING_BYTES,
  type AttachResult,
  type Attachment,
  type MissingReceipts,
  type ReceiptContent,
  type ReceiptMime,
  type ReceiptStoreInfo,
  type RecordKind,
  type YearReceipts,
} from '../../api/receipts';
import type { AuditLog } from '../audit/chain';
import type { Db } from '../store/open';
import { sniffMime } from './files';

interface AttachmentRow {
  id: number;
  team_id: number;
  record_kind: RecordKind;
  record_id: number;
  blob_sha256: string;
  file_name: string;
  attached_at: string;
  detached_at: string | null;
  detach_reason: string;
  mime: ReceiptMime;
  size: number;
}

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  kind: r.record_kind,
  recordId: r.record_id,
  sha256: r.blob_sha256,
  mime: r.mime,
  size: r.size,
  fileName: r.file_name,
  attachedAt: r.attached_at,
  detachedAt: r.detached_at,
  detachReason: r.detach_reason,
});

/** The table behind each kind of record; a refund only once the refunds ledger exists in this store. */
const RECORD_TABLE: Record<RecordKind, string> = { expense: 'expense', decision: 'budget_decision', refund: 'refund' };
const KIND_LABEL: Record<RecordKind, string> = { expense: 'De uitgave', decision: 'Het besluit', refund: 'De terugbetaling' };
const KIND_NOUN: Record<RecordKind, string> = { expense: 'deze uitgave', decision: 'dit besluit', refund: 'deze terugbetaling' };

const WRONG_TYPE = 'Dit bestand is geen PDF, JPG, PNG of WebP. Voeg de bon toe als PDF of foto (JPG, PNG of WebP).';

export function createReceiptService(db: Db, audit: AuditLog, options: { warningBytes?: number } = {}) {
  const warningBytes = options.warningBytes ?? RECEIPT_STORE_WARNING_BYTES;
  const tableExists = (name: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
  const ownerOf = new Map<RecordKind, ((id: number) => { team_id: number } | undefined) | null>();
  const owner = (kind: RecordKind, id: number) => {
    if (!ownerOf.has(kind)) {
      const table = RECORD_TABLE[kind];
      const st = tableExists(table) ? db.prepare<[number], { team_id: number }>(`SELECT team_id FROM "${table}" WHERE id = ?`) : null;
      ownerOf.set(kind, st ? (i) => st.get(i) : null);
    }
    return ownerOf.get(kind)?.(id);
  };
  const assertRecord = (teamId: number, kind: RecordKind, id: number) => {
    const row = owner(kind, id);
    if (!row || row.team_id !== teamId) throw notFound(KIND_LABEL[kind]);
  };

  const select = `SELECT a.*, b.mime, b.size FROM attachment a JOIN receipt_blob b ON b.sha256 = a.blob_sha256`;
  const byId = db.prepare<[number], AttachmentRow>(`${select} WHERE a.id = ?`);
  const ofRecord = db.prepare<[string, number], AttachmentRow>(`${select} WHERE a.record_kind = ? AND a.record_id = ? ORDER BY a.id`);
  const activeSame = db.prepare<[string, number, string], { id: number }>(
    'SELECT id FROM attachment WHERE record_kind = ? AND record_id = ? AND blob_sha256 = ? AND detached_at IS NULL',
  );
  const blobExists = db.prepare<[string], { size: number }>('SELECT size FROM receipt_blob WHERE sha256 = ?');
  const insertBlob = db.prepare('INSERT INTO receipt_blob (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertAttachment = db.prepare<Record<string, unknown>, Record<string, unknown> & { id: number }>(`INSERT INTO attachment
    (team_id, record_kind, record_id, blob_sha256, file_name, attached_at) VALUES (@teamId, @kind, @recordId, @sha256, @fileName, @now)
    RETURNING *`);
  const detach = db.prepare<Record<string, unknown>, Record<string, unknown>>(
    'UPDATE attachment SET detached_at = @now, detach_reason = @reason WHERE id = @id AND detached_at IS NULL RETURNING *',
  );
  const rawAttachment = db.prepare<[number], Record<string, unknown>>('SELECT * FROM attachment WHERE id = ?');
  const blobBytes = db.prepare<[string], { bytes: Buffer; mime: ReceiptMime }>('SELECT bytes, mime FROM receipt_blob WHERE sha256 = ?');
  const storeTotals = db.prepare<[], { files: number; bytes: number }>('SELECT count(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM receipt_blob');

  let refundsOfYear: Statement<[number, number], AttachmentRow> | undefined;
  const yearOf: Record<'expense' | 'decision', ReturnType<typeof db.prepare<[number, number], AttachmentRow>>> = {
    expense: db.prepare<[number, number], AttachmentRow>(
      `${select} JOIN expense x ON x.id = a.record_id WHERE a.team_id = ? AND a.record_kind = 'expense' AND x.year = ? ORDER BY a.id`,
    ),
    decision: db.prepare<[number, number], AttachmentRow>(
      `${select} JOIN budget_decision x ON x.id = a.record_id WHERE a.team_id = ? AND a.record_kind = 'decision' AND x.year = ? ORDER BY a.id`,
    ),
  };
  // `+x.reverses_id`: the year is found through (team_id, year). Statistics say the unique reverses_id
  // index has two rows a value, so without the + SQLite walks every expense of every team that is no
  // reversal (100 ms at district size instead of 1).
  const missingOf = db.prepare<[number, number], { id: number; expense_date: string; amount_cents: number; payee: string; description: string }>(`
    SELECT x.id, x.expense_date, x.amount_cents, x.payee, x.description FROM expense x
    WHERE x.team_id = ? AND x.year = ? AND x.payment_method = 'debitcard' AND x.voided_at IS NULL AND +x.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = x.id)
      AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.record_kind = 'expense' AND a.record_id = x.id AND a.detached_at IS NULL)
    ORDER BY x.expense_date, x.id`);

  const ownAttachment = (teamId: number, id: number): AttachmentRow => {
    const row = byId.get(id);
    if (!row || row.team_id !== teamId) throw notFound('De bijlage');
    return row;
  };

  const group = (rows: AttachmentRow[]): Record<number, Attachment[]> => {
    const out: Record<number, Attachment[]> = {};
    for (const r of rows) (out[r.record_id] ??= []).push(toAttachment(r));
    return out;
  };

  const service = {
    list(teamId: number, kind: RecordKind, recordId: number): Attachment[] {
      assertRecord(teamId, kind, recordId);
      return ofRecord.all(kind, recordId).map(toAttachment);
    },

    forYear(teamId: number, year: number): YearReceipts {
      // Prepared once, on the first call after the refund table exists (the funds screen asks on every visit).
      refundsOfYear ??= tableExists('refund')
        ? db.prepare<[number, number], AttachmentRow>(
            `${select} JOIN refund x ON x.id = a.record_id WHERE a.team_id = ? AND a.record_kind = 'refund' AND x.year = ? ORDER BY a.id`,
          )
        : undefined;
      const refund = refundsOfYear ? group(refundsOfYear.all(teamId, year)) : {};
      return { expense: group(yearOf.expense.all(teamId, year)), decision: group(yearOf.decision.all(teamId, year)), refund };
    },

    /**
     * Stores the bytes once (by SHA-256) and attaches them to the record, audited in the same
     * transaction. The type is read from the bytes; anything else is refused and nothing changes.
     */
    attach(input: { teamId: number; kind: RecordKind; recordId: number; fileName: string; bytes: Uint8Array }, ctx: Ctx): AttachResult {
      const { teamId, kind, recordId, fileName, bytes } = input;
      const mime = sniffMime(bytes);
      if (!mime) throw invalid('bytes', WRONG_TYPE);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const result = db
        .transaction(() => {
          assertRecord(teamId, kind, recordId);
          if (activeSame.get(kind, recordId, sha256)) throw conflict(`Dit bestand hangt al aan ${KIND_NOUN[kind]}.`);
          const now = ctx.now().toISOString();
          const reused = !!blobExists.get(sha256);
          if (!reused) insertBlob.run(sha256, mime, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), now);
          const row = insertAttachment.get({ teamId, kind, recordId, sha256, fileName, now })!;
          audit.append({ at: now, teamId, entity: 'attachment', entityId: row.id, action: 'toegevoegd', before: null, after: row });
          return { id: row.id, reused };
        })
        .immediate();
      const totals = storeTotals.get()!;
      return {
        attachment: toAttachment(byId.get(result.id)!),
        reused: result.reused,
        storeWarning:
          totals.bytes >= warningBytes
            ? `De bonnen in Teamchef zijn samen ${Math.round(totals.bytes / (1024 * 1024))} MB. Het gegevensbestand wordt groot; verklein foto's voordat u ze toevoegt.`
            : null,
      };
    },

    /** Detaching is a new state of the attachment (with a reason); the file and the row stay. */
    detach(teamId: number, attachmentId: number, reason: string, ctx: Ctx): Attachment {
      db.transaction(() => {
        const a = ownAttachment(teamId, attachmentId);
        if (a.detached_at !== null) throw conflict('Deze bijlage is al losgekoppeld.');
        const before = rawAttachment.get(attachmentId);
        const now = ctx.now().toISOString();
        const after = detach.get({ id: attachmentId, now, reason })!;
        audit.append({ at: now, teamId, entity: 'attachment', entityId: attachmentId, action: 'losgekoppeld', before, after });
      }).immediate();
      return toAttachment(byId.get(attachmentId)!);
    },

    content(teamId: number, attachmentId: number): ReceiptContent {
      const a = ownAttachment(teamId, attachmentId);
      const blob = blobBytes.get(a.blob_sha256)!;
      return { fileName: a.file_name, mime: blob.mime, bytes: new Uint8Array(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength) };
    },

    missing(teamId: number, year: number): MissingReceipts {
      const expenses = missingOf.all(teamId, year).map((r) => ({
        expenseId: r.id,
        date: r.expense_date,
        amountCents: r.amount_cents,
        payee: r.payee,
        description: r.description,
      }));
      return { year, count: expenses.length, totalCents: expenses.reduce((s, e) => s + e.amountCents, 0), expenses };
    },

    storeInfo(): ReceiptStoreInfo {
      const t = storeTotals.get()!;
      return { files: t.files, bytes: t.bytes, warningBytes };
    },

    /** Active attachments of the year's expenses and decisions with their bytes, for the year export. */
    *activeWithBytes(teamId: number, year: number): Generator<{ attachment: Attachment; bytes: Uint8Array }> {
      for (const kind of ['expense', 'decision'] as const) {
        for (const r of yearOf[kind].all(teamId, year)) {
          if (r.detached_at !== null) continue;
          yield { attachment: toAttachment(r), bytes: blobBytes.get(r.blob_sha256)!.bytes };
        }
      }
    },
  };
  return service;
}
export type ReceiptService = ReturnType<typeof createReceiptService>;

/** "7 pinpasbetalingen zonder bon, € 412,30" */
export const missingSummary = (m: { count: number; totalCents: number }): string =>
  `${m.count} ${m.count === 1 ? 'pinpasbetaling' : 'pinpasbetalingen'} zonder bon, ${formatMoney(m.totalCents)}`;
