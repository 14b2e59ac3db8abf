import { z } from 'zod';
import { DATE_FORMATS } from './budget-parse';
import { Id, text } from './schemas';

/**
 * Reading bank statements and spending overviews: the file options, the column mapping, the
 * preview and the choices the chief makes for every row. Money is integer cents.
 */

/** € 100.000.000,00: far above any team's funds, far below where sums of cents lose precision. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

export const PAYMENT_METHODS = ['debitcard', 'factuur', 'declaratie', 'anders'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const Column = z.number().int().min(0).max(199);

export const ImportMappingSchema = z.strictObject({
  dateColumn: Column,
  dateFormat: z.enum(DATE_FORMATS, { message: 'Kies een datumnotatie.' }),
  amountColumn: Column,
  /**
   * `teken`: the amount carries its sign (-12,50 is money out); `kolom`: a separate Af/Bij column;
   * `positief-af`: a spending overview, where a positive amount is money out and a negative one a credit.
   */
  signMode: z.enum(['teken', 'kolom', 'positief-af']),
  directionColumn: Column.nullable(),
  /** Values of the direction column that mean money out (case-insensitive), e.g. Af, D, Debet. */
  debitValues: z.array(text(20, 'Maximaal 20 tekens.').min(1, { message: 'Vul dit veld in.' })).max(10),
  /** null: the layout has no name column; the payee is read from the description. */
  payeeColumn: Column.nullable(),
  descriptionColumn: Column.nullable(),
  /** Further description columns joined after the first (Rabobank's Omschrijving-2 and -3). */
  moreDescriptionColumns: z.array(Column).max(10).optional(),
});
export type ImportMapping = z.output<typeof ImportMappingSchema>;

export const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The layouts recognised from a file's content; `generiek-*` fit any other file. */
export const LAYOUTS = [
  { id: 'ing-puntkomma', bank: 'ING', label: 'ING, kommagescheiden met puntkomma (;)' },
  { id: 'ing-komma', bank: 'ING', label: 'ING, klassiek kommagescheiden (,)' },
  { id: 'rabobank', bank: 'Rabobank', label: 'Rabobank CSV (IBAN/BBAN, Volgnr …)' },
  { id: 'abnamro-tab', bank: 'ABN AMRO', label: 'ABN AMRO TXT/TAB (tabs, zonder kopregel)' },
  { id: 'volksbank', bank: 'ASN Bank / SNS / RegioBank', label: 'Volksbank CSV (19 kolommen, zonder kopregel)' },
  { id: 'triodos', bank: 'Triodos Bank', label: 'Triodos CSV (zonder kopregel, ISO-8859-15)' },
  { id: 'bunq', bank: 'bunq', label: 'bunq CSV (Date, Amount, Name …)' },
  { id: 'knab', bank: 'Knab', label: 'Knab CSV (KNAB EXPORT, CreditDebet)' },
  { id: 'generiek-kop', bank: '', label: 'Ander bestand met kopregel' },
  { id: 'generiek-zonder-kop', bank: '', label: 'Ander bestand zonder kopregel' },
  { id: 'excel', bank: '', label: 'Excel-overzicht (.xlsx)' },
] as const;
export type LayoutId = (typeof LAYOUTS)[number]['id'];
const LAYOUT_IDS = LAYOUTS.map((l) => l.id) as [LayoutId, ...LayoutId[]];

/** 5 MB of file, as base64 text. */
const FileContent = z
  .string()
  .max(7_000_000, { message: 'Het bestand is te groot (maximaal 5 MB).' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'De bestandsinhoud is niet leesbaar.' });

export const ImportFile = {
  teamId: Id,
  fileName: text(260, 'Maximaal 260 tekens.'),
  contentBase64: FileContent,
  encoding: z.enum(ENCODINGS).optional(),
  /** A layout the chief chose instead of the recognised one. */
  layout: z.enum(LAYOUT_IDS, { message: 'Kies een indeling.' }).optional(),
  /** The header row (0 is the first line), null for a file without one; left out: recognised. */
  headerRow: z.number().int().min(0).max(49).nullable().optional(),
  /** The worksheet of an .xlsx file; left out: the first. */
  sheet: text(100, 'Maximaal 100 tekens.').optional(),
};

const Reason = text(2000, 'Maximaal 2.000 tekens.').min(1, { message: 'Geef een reden op.' });
const Row = z.number().int().min(1).max(1_000_000);

/** What happens to one incoming (bij) row: always chosen, never dropped silently. */
export const IncomingChoice = z.discriminatedUnion(
  'action',
  [
    /** A refund of an expense in the store (expenseId) or of one this file imports (expenseRow). */
    z
      .strictObject({ row: Row, action: z.literal('terugbetaling'), expenseId: Id.optional(), expenseRow: Row.optional() })
      .refine((c) => (c.expenseId === undefined) !== (c.expenseRow === undefined), { message: 'Kies de uitgave die terugbetaald wordt.' }),
    z.strictObject({ row: Row, action: z.literal('inkomsten'), reason: Reason }),
    z.strictObject({ row: Row, action: z.literal('overslaan'), reason: Reason }),
  ],
  { message: 'Kies terugbetaling, andere inkomsten of overslaan.' },
);
export type IncomingChoice = z.output<typeof IncomingChoice>;

export interface ImportRow {
  /** The line of the file (1 is the first line, header or not), or the row of the worksheet. */
  row: number;
  date: string;
  amountCents: number;
  payee: string;
  /** The whole description as the bank wrote it, runs of spaces collapsed. */
  description: string;
  /** `af`: money out, imported as an expense; `bij`: money in, the chief chooses what it is. */
  direction: 'af' | 'bij';
  duplicateOfExpenseId: number | null;
  duplicateInFile: boolean;
  /** Already in the store from an earlier import: as an expense, a refund, other income, or a skipped line. */
  duplicateOf: { kind: 'uitgave' | 'terugbetaling' | 'inkomsten' | 'overgeslagen'; id: number } | null;
  /** For a `bij` row: what the app proposes (a refund of this expense, or other income). */
  proposal: IncomingProposal | null;
}

export interface RefundCandidate {
  /** An expense in the store, or null for one on an earlier line of this file (`row`). */
  expenseId: number | null;
  row: number | null;
  date: string;
  payee: string;
  amountCents: number;
  /** What is left to refund: the amount minus earlier refunds. */
  remainingCents: number;
}

export interface IncomingProposal {
  action: 'terugbetaling' | 'inkomsten' | 'overslaan';
  /** The proposed expense for a refund (in the store, or a line of this file); the chief can pick any of `candidates`. */
  expenseId: number | null;
  expenseRow: number | null;
  candidates: RefundCandidate[];
  /** A proposed reason for skipping (e.g. already recorded). */
  reason: string;
}

export interface ImportPreview {
  signature: string;
  headers: string[];
  encoding: Encoding;
  delimiter: string;
  layout: { id: LayoutId; bank: string; label: string };
  /** null: the file has no header row, its first line is a transaction. */
  headerRow: number | null;
  sheets: string[];
  sheet: string | null;
  mapping: ImportMapping | null;
  mappingSource: 'opgegeven' | 'onthouden' | 'herkend' | 'geraden' | 'geen';
  rows: ImportRow[];
  errors: { row: number; message: string }[];
  dataRows: number;
  /** Lines that are not transactions and are left out, each with why (a total line). */
  notes: { row: number; message: string }[];
  /** Counts of what the preview will do: expenses, incoming rows, likely duplicates. */
  counts: { af: number; bij: number; duplicates: number };
}

export interface ImportResult {
  batchId: number;
  imported: number;
  skipped: number;
  refunds: number;
  income: number;
  expenseIds: number[];
}

export const ImportPreviewInput = z.strictObject({ ...ImportFile, mapping: ImportMappingSchema.optional() });
export const ImportCommitInput = z.strictObject({
  ...ImportFile,
  mapping: ImportMappingSchema,
  paymentMethod: z.enum(PAYMENT_METHODS, { message: 'Kies pinpas, factuur, declaratie of anders.' }),
  /** Row numbers (as shown in the preview) of outgoing rows to leave out, e.g. likely duplicates. */
  skipRows: z.array(Row).max(100_000),
  /** One choice for every incoming row of the file. */
  incoming: z.array(IncomingChoice).max(100_000).default([]),
  decisionId: Id.nullable().optional(),
  teamOpgaveId: Id.nullable().optional(),
  clusterId: Id.nullable().optional(),
});
