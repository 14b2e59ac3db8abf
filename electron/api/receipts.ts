import { z } from 'zod';
import { method } from './define';
import { Id, Year } from './schemas';

/**
 * Receipts: PDF, JPG, PNG and WebP files attached to an expense, a budget decision or a refund, kept
 * inside the store. Bytes cross the bridge as a Uint8Array (structured clone), never as a path.
 */

/** Per file; a phone photo or a scanned invoice fits easily. */
export const MAX_RECEIPT_BYTES = 20 * 1024 * 1024;
/** From this many bytes of receipts on, attaching warns: the store travels as one file (whole-store export up to 512 MB). */
export const RECEIPT_STORE_WARNING_BYTES = 300 * 1024 * 1024;

export const RECORD_KINDS = ['expense', 'decision', 'refund'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECEIPT_MIMES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type ReceiptMime = (typeof RECEIPT_MIMES)[number];

const Kind = z.enum(RECORD_KINDS, { message: 'Onbekend soort record.' });

export const FileBytes = z
  .instanceof(Uint8Array, { message: 'Kies een bestand.' })
  .refine((b) => b.byteLength > 0, { message: 'Het bestand is leeg.' })
  .refine((b) => b.byteLength <= MAX_RECEIPT_BYTES, { message: 'Het bestand is te groot (maximaal 20 MB per bestand).' });

const FileName = z
  .string()
  .trim()
  .min(1, { message: 'Het bestand heeft geen naam.' })
  .max(260, { message: 'De bestandsnaam is te lang (maximaal 260 tekens).' })
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), { message: 'De bestandsnaam bevat ongeldige tekens.' });

export const AttachInput = z.strictObject({
  teamId: Id,
  kind: Kind,
  recordId: Id,
  fileName: FileName,
  bytes: FileBytes,
});

export interface Attachment {
  id: number;
  kind: RecordKind;
  recordId: number;
  sha256: string;
  mime: ReceiptMime;
  size: number;
  fileName: string;
  attachedAt: string;
  detachedAt: string | null;
  detachReason: string;
}

export interface AttachResult {
  attachment: Attachment;
  /** The same bytes were already in the store (attached elsewhere); nothing new was stored. */
  reused: boolean;
  /** Set when the receipts in the store pass the warning size. */
  storeWarning: string | null;
}

export interface ReceiptContent {
  fileName: string;
  mime: ReceiptMime;
  bytes: Uint8Array;
}

/** The attachments of a year's records, per record, for the lists (no bytes). */
export interface YearReceipts {
  expense: Record<number, Attachment[]>;
  decision: Record<number, Attachment[]>;
  refund: Record<number, Attachment[]>;
}

export interface MissingReceipt {
  expenseId: number;
  date: string;
  amountCents: number;
  payee: string;
  description: string;
}

/** Pinpas (debit card) expenses that count and have no receipt attached. */
export interface MissingReceipts {
  year: number;
  count: number;
  totalCents: number;
  expenses: MissingReceipt[];
}

export interface ReceiptStoreInfo {
  files: number;
  bytes: number;
  warningBytes: number;
}

export interface ReceiptExport {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Receipt files in the zip. */
  receipts: number;
}

const TeamYear = z.strictObject({ teamId: Id, year: Year });

export const receiptsApi = {
  'receipts.list': method<Attachment[]>()(z.strictObject({ teamId: Id, kind: Kind, recordId: Id })),
  'receipts.forYear': method<YearReceipts>()(TeamYear),
  'receipts.attach': method<AttachResult>()(AttachInput),
  'receipts.detach': method<Attachment>()(
    z.strictObject({ teamId: Id, attachmentId: Id, reason: z.string().trim().min(1, { message: 'Geef een reden op.' }).max(2000, { message: 'Maximaal 2.000 tekens.' }) }),
  ),
  'receipts.content': method<ReceiptContent>()(z.strictObject({ teamId: Id, attachmentId: Id })),
  'receipts.missing': method<MissingReceipts>()(TeamYear),
  'receipts.storeInfo': method<ReceiptStoreInfo>()(z.strictObject({ teamId: Id })),
  'receipts.exportYear': method<ReceiptExport>()(TeamYear),
};
