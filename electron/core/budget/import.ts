import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  ImportMappingSchema,
  type ImportCommitInput,
  type ImportMapping,
  type ImportPreview,
  type ImportPreviewInput,
  type ImportRow,
  type ImportResult,
} from '../../api/budget-import';
import type { Ctx } from '../../api/define';
import { AppError, invalid } from '../../api/errors';
import { canonicalJson } from '../audit/chain';
import type { Db } from '../store/open';
import { createIncoming, type SkippedRow } from './incoming';
import type { RefundService } from './refunds';
import type { BudgetService } from './service';
import { checkMapping, rowsOf, type DuplicateLookup } from './statement/parse';
import { readCsvStatement, type StatementFile } from './statement/read';
import { isOldExcel, isXlsx, readXlsxStatement } from './statement/xlsx';

/**
 * Bank statements and spending overviews in: the file is read and its layout recognised in the core
 * (the renderer only sends the bytes), a mapping turns its lines into rows, and the chief's choices
 * are written in one transaction. A file with one bad line imports nothing.
 */

type FileInput = z.output<typeof ImportPreviewInput>;
/** A file's lines under one mapping, as the commit reads them. */
type Parsed = { rows: ImportRow[]; errors: { row: number; message: string }[] };

export async function readStatement(input: Pick<FileInput, 'fileName' | 'contentBase64' | 'encoding' | 'layout' | 'headerRow' | 'sheet'>): Promise<StatementFile> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const options = { encoding: input.encoding, layout: input.layout, headerRow: input.headerRow, sheet: input.sheet };
  if (isOldExcel(bytes)) throw invalid('contentBase64', 'Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of als CSV en lees het dan in.');
  if (bytes.length > 0 && isXlsx(bytes, input.fileName)) return readXlsxStatement(bytes, options);
  return readCsvStatement(bytes, options);
}

/** A remembered mapping from an older version may lack newer fields, or no longer fit: then it is not used. */
const parseRemembered = (json: string): ImportMapping | null => {
  try {
    const r = ImportMappingSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
};

export function createImportService(db: Db, budget: BudgetService, refunds: RefundService) {
  const incoming = createIncoming(db, budget, refunds);
  const remembered = db.prepare<[number, string], { mapping: string }>('SELECT mapping FROM import_mapping WHERE team_id = ? AND signature = ?');
  const remember = db.prepare(`INSERT INTO import_mapping (team_id, signature, mapping, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (team_id, signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`);
  // INDEXED BY: with ANALYZE statistics the planner takes `reverses_id IS NULL` on that column's
  // UNIQUE index for a rare value and walks every expense of the store for each date (seconds).
  const expensesOn = db.prepare<[number, string], { id: number; amount_cents: number; payee: string }>(
    `SELECT id, amount_cents, payee FROM expense INDEXED BY expense_duplicate
     WHERE team_id = ? AND expense_date = ? AND voided_at IS NULL AND reverses_id IS NULL ORDER BY id`,
  );
  const insertBatch = db.prepare(`INSERT INTO import_batch (team_id, file_name, signature, file_sha256, row_count, imported_at, skipped)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);

  /** Likely duplicates: same date, amount and payee. One read per date of the file, not one per line. */
  const lookup = (teamId: number): DuplicateLookup => {
    const byDate = new Map<string, Map<string, number>>();
    return (date, amount, payee) => {
      let day = byDate.get(date);
      if (!day) {
        day = new Map();
        for (const e of expensesOn.all(teamId, date)) {
          const key = `${e.amount_cents}|${e.payee.trim().toLowerCase()}`;
          if (!day.has(key)) day.set(key, e.id);
        }
        byDate.set(date, day);
      }
      return day.get(`${amount}|${payee.trim().toLowerCase()}`) ?? null;
    };
  };

  /**
   * The file the last preview read, with what it was read with, and its lines under the preview's
   * mapping: the commit of that same file (the chief's next step) uses them instead of parsing
   * 10,000 lines again. Only the parse is kept (the lines as a commit reads them, without the
   * preview's duplicate lookups); the commit checks and writes everything itself.
   */
  interface Read {
    key: string;
    file: StatementFile;
    mapping?: string;
    parsed?: Parsed;
  }
  let lastRead: Read | null = null;
  const readKey = (input: FileInput) =>
    createHash('sha256').update(JSON.stringify([input.fileName, input.encoding, input.layout, input.headerRow, input.sheet])).update(input.contentBase64).digest('hex');
  const read = async (input: FileInput, keep: boolean): Promise<Read> => {
    const key = readKey(input);
    if (lastRead?.key === key) {
      const kept = lastRead;
      if (!keep) lastRead = null;
      return kept;
    }
    const entry: Read = { key, file: await readStatement(input) };
    lastRead = keep ? entry : null;
    return entry;
  };

  const fits = (mapping: ImportMapping, file: StatementFile) => {
    try {
      checkMapping(mapping, file.headers);
      return true;
    } catch {
      return false;
    }
  };

  return {
    async preview(input: FileInput): Promise<ImportPreview> {
      budget.assertTeam(input.teamId);
      const read_ = await read(input, true);
      const file = read_.file;
      let mapping: ImportMapping | null = input.mapping ?? null;
      let source: ImportPreview['mappingSource'] = 'opgegeven';
      if (!mapping) {
        const saved = input.layout === undefined && input.headerRow === undefined ? remembered.get(input.teamId, file.signature) : undefined;
        const savedMapping = saved ? parseRemembered(saved.mapping) : null;
        if (savedMapping && fits(savedMapping, file)) [mapping, source] = [savedMapping, 'onthouden'];
        else if (file.recognisedMapping) [mapping, source] = [file.recognisedMapping, file.info.id.startsWith('generiek') || file.info.id === 'excel' ? 'geraden' : 'herkend'];
        else source = 'geen';
      }
      const base = {
        signature: file.signature,
        headers: file.headers,
        encoding: file.encoding,
        delimiter: file.delimiter,
        layout: file.info,
        headerRow: file.headerRow,
        sheets: file.sheets,
        sheet: file.sheet,
        dataRows: file.records.length - (file.headerRow === null ? 0 : file.headerRow + 1),
      };
      if (!mapping) return { ...base, mapping: null, mappingSource: 'geen', rows: [], errors: [], notes: [], counts: { af: 0, bij: 0, duplicates: 0 } };
      checkMapping(mapping, file.headers);
      const { rows, errors, notes } = rowsOf(file, mapping, lookup(input.teamId));
      read_.mapping = canonicalJson(mapping);
      read_.parsed = { rows: rows.map((r) => ({ ...r, duplicateOfExpenseId: null })), errors };
      incoming.propose(input.teamId, rows);
      const counts = {
        af: rows.filter((r) => r.direction === 'af').length,
        bij: rows.filter((r) => r.direction === 'bij').length,
        duplicates: rows.filter((r) => r.duplicateOf !== null || r.duplicateInFile).length,
      };
      return { ...base, mapping, mappingSource: source, rows, errors, notes, counts };
    },

    async commit(input: z.output<typeof ImportCommitInput>, ctx: Ctx): Promise<ImportResult> {
      budget.assertTeam(input.teamId);
      const { file, mapping, parsed } = await read(input, false);
      checkMapping(input.mapping, file.headers);
      const kept = parsed && mapping === canonicalJson(input.mapping) ? parsed : null;
      // The write is one undoable action (the core's journal); the file was read before it.
      const journaled = ctx.journaled ?? (<T>(write: () => T) => write());
      return journaled(() => db.transaction(() => {
        budget.assertTeam(input.teamId);
        // The chief already saw the likely duplicates in the preview and chose skipRows; the commit
        // does not look them up again (10,000 lookups for an answer nobody reads).
        const { rows, errors }: Parsed = kept ?? rowsOf(file, input.mapping, () => null);
        if (errors.length) {
          throw new AppError(
            'VALIDATION',
            `${errors[0]!.message} Er is niets ingelezen${errors.length > 1 ? ` (${errors.length} regels kloppen niet)` : ''}.`,
            errors.map((e) => ({ path: `row.${e.row}`, message: e.message })),
          );
        }
        const skip = new Set(input.skipRows);
        const chosen = rows.filter((r) => r.direction === 'af' && !skip.has(r.row));
        const plan = incoming.plan(rows, input.incoming);
        const skipped: SkippedRow[] = [
          ...rows
            .filter((r) => r.direction === 'af' && skip.has(r.row))
            .map((r) => ({ row: r.row, date: r.date, amountCents: r.amountCents, direction: 'af' as const, payee: r.payee, reason: r.duplicateInFile || r.duplicateOfExpenseId !== null ? 'Mogelijk dubbel; niet ingelezen.' : 'Door de teamchef niet ingelezen.' })),
          ...plan.skipped,
        ].sort((a, b) => a.row - b.row);
        const written = rows.length - skipped.length;
        if (written === 0) throw invalid('skipRows', 'Er is niets om in te lezen: alle regels worden overgeslagen.');
        const now = ctx.now().toISOString();
        const batchId = Number(
          insertBatch.run(input.teamId, input.fileName, file.signature, file.fileSha256, written, now, JSON.stringify(skipped)).lastInsertRowid,
        );
        budget.recordCreated(ctx, input.teamId, 'import_batch', batchId);
        const expenseIds = budget.addExpensesInTransaction(
          input.teamId,
          chosen.map((r) => ({
            date: r.date,
            amountCents: r.amountCents,
            payee: r.payee,
            description: r.description,
            paymentMethod: input.paymentMethod,
            receiptRef: '',
            links: { decisionId: input.decisionId, teamOpgaveId: input.teamOpgaveId, clusterId: input.clusterId },
            importBatchId: batchId,
            importRow: r.row,
          })),
          ctx,
        );
        const expenseOfRow = new Map(chosen.map((r, i) => [r.row, expenseIds[i]!]));
        const done = plan.apply(input.teamId, expenseOfRow, { id: batchId, fileName: input.fileName }, ctx);
        remember.run(input.teamId, file.signature, JSON.stringify(input.mapping), now);
        return { batchId, imported: expenseIds.length, skipped: skipped.length, refunds: done.refunds, income: done.income, expenseIds };
      }).immediate());
    },
  };
}
