import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { z } from 'zod';
import {
  MAX_AMOUNT_CENTS,
  type Encoding,
  type ImportCommitInput,
  type ImportMapping,
  type ImportPreview,
  type ImportPreviewInput,
  type ImportResult,
  type ImportRow,
} from '../../api/budget';
import { detectDateFormat, parseDutchDate } from '../../api/budget-parse';
import type { Ctx } from '../../api/define';
import { AppError, invalid } from '../../api/errors';
import { formatMoney, parseMoney } from '../../api/money';
import type { Db } from '../store/open';
import type { BudgetService } from './service';

/**
 * CSV statements from Dutch banks and debit-card portals: bytes in (UTF-8 with or without BOM,
 * or Windows-1252), papaparse for the fields (quoted separators, `;` or `,`), a column mapping,
 * Dutch amounts and dates. A file with one bad row imports nothing.
 */

const MAX_ROWS = 20_000;

export function decode(bytes: Buffer, encoding?: Encoding): { text: string; encoding: Encoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (encoding === 'windows-1252') return { text: iconv.decode(bytes, 'win1252'), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (encoding === 'utf-8') throw invalid('encoding', 'Het bestand is geen geldige UTF-8-tekst. Kies Windows-1252.');
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
  }
}

export interface ParsedFile {
  headers: string[];
  records: string[][];
  delimiter: string;
  encoding: Encoding;
  signature: string;
  fileSha256: string;
  parseErrors: { row: number; message: string }[];
}

// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();

/** A file layout is recognised by its header row: same columns, same order, same separator. */
export const headerSignature = (headers: string[], delimiter: string): string =>
  createHash('sha256')
    .update(`${delimiter}\u001f${headers.map((h) => h.trim().toLowerCase()).join('\u001f')}`)
    .digest('hex')
    .slice(0, 16);

export function parseCsv(base64: string, encoding?: Encoding): ParsedFile {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('contentBase64', 'Het bestand is leeg.');
  const decoded = decode(bytes, encoding);
  const result = Papa.parse<string[]>(decoded.text, {
    delimitersToGuess: [';', ',', '\t', '|'],
    skipEmptyLines: 'greedy',
  });
  const [headerRow, ...records] = result.data;
  if (!headerRow || headerRow.length < 2) throw invalid('contentBase64', 'Dit lijkt geen CSV-bestand met kolommen: de eerste regel heeft geen kopjes.');
  if (records.length > MAX_ROWS) throw invalid('contentBase64', `Het bestand heeft meer dan ${MAX_ROWS} regels; splits het op.`);
  const headers = headerRow.map(clean);
  const delimiter = result.meta.delimiter;
  const parseErrors = result.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      row: (e.row ?? 0) + 1,
      message: `Regel ${(e.row ?? 0) + 1}: ${e.code === 'MissingQuotes' ? 'een aanhalingsteken wordt niet gesloten' : 'de regel is niet te lezen'}.`,
    }));
  return {
    headers,
    records: records.map((r) => r.map(clean)),
    delimiter,
    encoding: decoded.encoding,
    signature: headerSignature(headers, delimiter),
    fileSha256: createHash('sha256').update(bytes).digest('hex'),
    parseErrors,
  };
}

const find = (headers: string[], patterns: RegExp[], not: number[] = []): number | null => {
  for (const p of patterns) {
    const i = headers.findIndex((h, idx) => !not.includes(idx) && p.test(h.toLowerCase()));
    if (i >= 0) return i;
  }
  return null;
};

/** A first guess from the column titles of common Dutch exports (ING, Rabobank, ABN AMRO, card portals). */
export function guessMapping(file: ParsedFile): ImportMapping | null {
  const h = file.headers;
  const dateColumn = find(h, [/^(boek|transactie)?datum$/, /^datum/, /date/, /datum/]);
  const amountColumn = find(h, [/^bedrag/, /bedrag/, /amount/]);
  const directionColumn = find(h, [/^af ?\/? ?bij$/, /af.?bij/, /debet.?credit|credit.?debet/, /^d\/c$/]);
  const payeeColumn = find(h, [/naam tegenpartij/, /tegenpartij/, /^naam/, /begunstigde|payee|name|naam/, /omschrijving/], [dateColumn ?? -1, amountColumn ?? -1]);
  if (dateColumn === null || amountColumn === null || payeeColumn === null) return null;
  const descriptionColumn = find(h, [/mededeling/, /omschrijving/, /description|beschrijving/], [payeeColumn]);
  const sample = file.records[0]?.[dateColumn] ?? '';
  return {
    dateColumn,
    dateFormat: detectDateFormat(sample) ?? 'dd-mm-jjjj',
    amountColumn,
    signMode: directionColumn === null ? 'teken' : 'kolom',
    directionColumn,
    debitValues: ['Af', 'D', 'Debet', 'Debit'],
    payeeColumn,
    descriptionColumn,
  };
}

export function checkMapping(mapping: ImportMapping, headers: string[]): void {
  const cols: [keyof ImportMapping, number | null][] = [
    ['dateColumn', mapping.dateColumn],
    ['amountColumn', mapping.amountColumn],
    ['payeeColumn', mapping.payeeColumn],
    ['descriptionColumn', mapping.descriptionColumn],
    ['directionColumn', mapping.signMode === 'kolom' ? mapping.directionColumn : null],
  ];
  for (const [key, col] of cols)
    if (col !== null && col >= headers.length) throw invalid(`mapping.${key}`, 'Deze kolom bestaat niet in het bestand.');
  if (mapping.signMode === 'kolom' && mapping.directionColumn === null)
    throw invalid('mapping.directionColumn', 'Kies de kolom die zegt of het bedrag af of bij is.');
}

type DuplicateLookup = (date: string, amountCents: number, payee: string) => number | null;

export function rowsOf(file: ParsedFile, mapping: ImportMapping, duplicateOf: DuplicateLookup): { rows: ImportRow[]; errors: { row: number; message: string }[] } {
  const rows: ImportRow[] = [];
  const errors = [...file.parseErrors];
  const seen = new Set<string>();
  const needed = Math.max(mapping.dateColumn, mapping.amountColumn, mapping.payeeColumn, mapping.descriptionColumn ?? 0, mapping.directionColumn ?? 0) + 1;
  const debit = new Set(mapping.debitValues.map((v) => v.toLowerCase()));

  file.records.forEach((cells, i) => {
    const row = i + 2; // row 1 is the header, as a spreadsheet numbers it
    const fail = (message: string) => errors.push({ row, message: `Regel ${row}: ${message}` });
    if (cells.length < needed) return fail(`er ontbreken kolommen (${cells.length} gevonden, ${needed} nodig).`);
    const dateText = cells[mapping.dateColumn]!;
    const date = parseDutchDate(dateText, mapping.dateFormat);
    if (!date) return fail(`"${dateText.slice(0, 40)}" is geen geldige datum (verwacht ${mapping.dateFormat}).`);
    if (date < '2000-01-01' || date > '2100-12-31') return fail(`de datum ${dateText} valt buiten 2000–2100.`);
    const amountText = cells[mapping.amountColumn]!;
    const parsed = parseMoney(amountText);
    if (parsed === null) return fail(`"${amountText.slice(0, 40)}" is geen geldig bedrag.`);
    if (parsed === 0) return fail('het bedrag is € 0,00.');
    if (Math.abs(parsed) > MAX_AMOUNT_CENTS) return fail(`het bedrag ${formatMoney(parsed)} is te groot.`);
    let direction: 'af' | 'bij';
    if (mapping.signMode === 'teken') direction = parsed < 0 ? 'af' : 'bij';
    else direction = debit.has(cells[mapping.directionColumn!]!.toLowerCase()) ? 'af' : 'bij';
    const amountCents = Math.abs(parsed);
    const description = (mapping.descriptionColumn === null ? '' : cells[mapping.descriptionColumn]!).slice(0, 10_000);
    const payee = (cells[mapping.payeeColumn]! || description).slice(0, 200).trim();
    if (!payee) return fail('de naam van de tegenpartij ontbreekt.');
    const key = `${date}|${amountCents}|${payee.toLowerCase()}`;
    const duplicateInFile = direction === 'af' && seen.has(key);
    if (direction === 'af') seen.add(key);
    rows.push({
      row,
      date,
      amountCents,
      payee,
      description,
      direction,
      duplicateOfExpenseId: direction === 'af' ? duplicateOf(date, amountCents, payee) : null,
      duplicateInFile,
    });
  });
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

export function createImportService(db: Db, budget: BudgetService) {
  const remembered = db.prepare<[number, string], { mapping: string }>('SELECT mapping FROM import_mapping WHERE team_id = ? AND signature = ?');
  const remember = db.prepare(`INSERT INTO import_mapping (team_id, signature, mapping, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (team_id, signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`);
  const duplicate = db.prepare<[number, string, number, string], { id: number }>(
    `SELECT id FROM expense WHERE team_id = ? AND expense_date = ? AND amount_cents = ? AND lower(trim(payee)) = lower(trim(?))
     AND voided_at IS NULL AND reverses_id IS NULL ORDER BY id LIMIT 1`,
  );
  const insertBatch = db.prepare(`INSERT INTO import_batch (team_id, file_name, signature, file_sha256, row_count, imported_at)
    VALUES (?, ?, ?, ?, ?, ?)`);

  const lookup = (teamId: number): DuplicateLookup => (date, amount, payee) => duplicate.get(teamId, date, amount, payee)?.id ?? null;

  return {
    preview(input: z.output<typeof ImportPreviewInput>): ImportPreview {
      budget.assertTeam(input.teamId);
      const file = parseCsv(input.contentBase64, input.encoding);
      let mapping: ImportMapping | null = input.mapping ?? null;
      let source: ImportPreview['mappingSource'] = 'opgegeven';
      if (!mapping) {
        const saved = remembered.get(input.teamId, file.signature);
        mapping = saved ? (JSON.parse(saved.mapping) as ImportMapping) : guessMapping(file);
        source = saved ? 'onthouden' : mapping ? 'geraden' : 'geen';
      }
      const base = { signature: file.signature, headers: file.headers, encoding: file.encoding, delimiter: file.delimiter, dataRows: file.records.length };
      if (!mapping) return { ...base, mapping: null, mappingSource: 'geen', rows: [], errors: [] };
      checkMapping(mapping, file.headers);
      const { rows, errors } = rowsOf(file, mapping, lookup(input.teamId));
      return { ...base, mapping, mappingSource: source, rows, errors };
    },

    commit(input: z.output<typeof ImportCommitInput>, ctx: Ctx): ImportResult {
      return db.transaction(() => {
        budget.assertTeam(input.teamId);
        const file = parseCsv(input.contentBase64, input.encoding);
        checkMapping(input.mapping, file.headers);
        // The chief already saw the likely duplicates in the preview and chose skipRows; the commit
        // does not look them up again (10,000 lookups for an answer nobody reads).
        const { rows, errors } = rowsOf(file, input.mapping, () => null);
        if (errors.length) {
          throw new AppError(
            'VALIDATION',
            `${errors[0]!.message} Er is niets ingelezen${errors.length > 1 ? ` (${errors.length} regels kloppen niet)` : ''}.`,
            errors.map((e) => ({ path: `row.${e.row}`, message: e.message })),
          );
        }
        const skip = new Set(input.skipRows);
        const chosen = rows.filter((r) => r.direction === 'af' && !skip.has(r.row));
        if (chosen.length === 0) throw invalid('skipRows', 'Er is geen uitgave om in te lezen.');
        const now = ctx.now().toISOString();
        const batchId = Number(insertBatch.run(input.teamId, input.fileName, file.signature, file.fileSha256, chosen.length, now).lastInsertRowid);
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
        remember.run(input.teamId, file.signature, JSON.stringify(input.mapping), now);
        return { batchId, imported: expenseIds.length, skipped: rows.length - expenseIds.length, expenseIds };
      }).immediate();
    },
  };
}
