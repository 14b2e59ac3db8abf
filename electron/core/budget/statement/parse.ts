import { MAX_AMOUNT_CENTS, type ImportMapping, type ImportRow } from '../../../api/budget-import';
import { parseDutchDate } from '../../../api/budget-parse';
import { invalid } from '../../../api/errors';
import { formatMoney, parseMoney } from '../../../api/money';
import { collapse, payeeFallback, payeeFromDescription } from './payee';

/**
 * Records to statement rows with one mapping. Every line after the header becomes a row or an
 * error naming the line; nothing is dropped without a word.
 */

export interface Sheet {
  records: string[][];
  /** Index of the header row in `records`, or null: every record is a transaction. */
  headerRow: number | null;
  headers: string[];
  /** The file's line (or worksheet row) of each record, 1-based. */
  lineOf: (index: number) => number;
  parseErrors: { row: number; message: string }[];
  layout: string;
}

export function checkMapping(mapping: ImportMapping, headers: string[]): void {
  const cols: [keyof ImportMapping, number | null][] = [
    ['dateColumn', mapping.dateColumn],
    ['amountColumn', mapping.amountColumn],
    ['payeeColumn', mapping.payeeColumn],
    ['descriptionColumn', mapping.descriptionColumn],
    ['directionColumn', mapping.signMode === 'kolom' ? mapping.directionColumn : null],
    ...(mapping.moreDescriptionColumns ?? []).map((c) => ['moreDescriptionColumns', c] as [keyof ImportMapping, number]),
  ];
  for (const [key, col] of cols)
    if (col !== null && col >= headers.length) throw invalid(`mapping.${key}`, 'Deze kolom bestaat niet in het bestand.');
  if (mapping.signMode === 'kolom' && mapping.directionColumn === null)
    throw invalid('mapping.directionColumn', 'Kies de kolom die zegt of het bedrag af of bij is.');
  if (mapping.payeeColumn === null && mapping.descriptionColumn === null)
    throw invalid('mapping.payeeColumn', 'Kies de kolom met de naam of de omschrijving.');
}

export type DuplicateLookup = (date: string, amountCents: number, payee: string) => number | null;

/** A total line under an overview: no date, and a cell that says it is a total. */
const isTotalLine = (cells: string[], dateText: string) => dateText === '' && cells.some((c) => /^(sub)?tota(a)?l\b/i.test(c.trim()));

export function rowsOf(
  sheet: Sheet,
  mapping: ImportMapping,
  duplicateOf: DuplicateLookup,
): { rows: ImportRow[]; errors: { row: number; message: string }[]; notes: { row: number; message: string }[] } {
  const rows: ImportRow[] = [];
  const notes: { row: number; message: string }[] = [];
  const errors = [...sheet.parseErrors];
  const seen = new Set<string>();
  const more = mapping.moreDescriptionColumns ?? [];
  const needed = Math.max(mapping.dateColumn, mapping.amountColumn, mapping.payeeColumn ?? 0, mapping.descriptionColumn ?? 0, mapping.directionColumn ?? 0) + 1;
  const debit = new Set(mapping.debitValues.map((v) => v.toLowerCase()));
  const volksbank = sheet.layout === 'volksbank';
  const start = sheet.headerRow === null ? 0 : sheet.headerRow + 1;
  // A statement repeats its dates and payees line after line: each text is read once.
  const dates = new Map<string, string | null>();
  const dateOf = (text: string) => {
    let d = dates.get(text);
    if (d === undefined) dates.set(text, (d = parseDutchDate(text, mapping.dateFormat)));
    return d;
  };
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let n = names.get(text);
    if (n === undefined) names.set(text, (n = collapse(text).slice(0, 200)));
    return n;
  };

  for (let i = start; i < sheet.records.length; i++) {
    const cells = sheet.records[i]!;
    const row = sheet.lineOf(i);
    const fail = (message: string) => errors.push({ row, message: `Regel ${row}: ${message}` });
    if (cells.length < needed) {
      fail(`er ontbreken kolommen (${cells.length} gevonden, ${needed} nodig).`);
      continue;
    }
    const dateText = cells[mapping.dateColumn]!;
    if (isTotalLine(cells, dateText)) {
      notes.push({ row, message: `Regel ${row}: een totaalregel, geen transactie; wordt niet ingelezen.` });
      continue;
    }
    const date = dateOf(dateText);
    if (!date) {
      fail(`"${dateText.slice(0, 40)}" is geen geldige datum (verwacht ${mapping.dateFormat}).`);
      continue;
    }
    if (date < '2000-01-01' || date > '2100-12-31') {
      fail(`de datum ${dateText} valt buiten 2000–2100.`);
      continue;
    }
    const amountText = cells[mapping.amountColumn]!;
    const parsed = parseMoney(amountText);
    if (parsed === null) {
      fail(`"${amountText.slice(0, 40)}" is geen geldig bedrag.`);
      continue;
    }
    if (parsed === 0) {
      fail('het bedrag is € 0,00.');
      continue;
    }
    if (Math.abs(parsed) > MAX_AMOUNT_CENTS) {
      fail(`het bedrag ${formatMoney(parsed)} is te groot.`);
      continue;
    }
    let direction: 'af' | 'bij';
    if (mapping.signMode === 'teken') direction = parsed < 0 ? 'af' : 'bij';
    else if (mapping.signMode === 'positief-af') direction = parsed > 0 ? 'af' : 'bij';
    else {
      const d = cells[mapping.directionColumn!]!.toLowerCase();
      // A signed amount in a column layout (a correction line) keeps its own sign.
      direction = debit.has(d) !== parsed < 0 ? 'af' : 'bij';
    }
    const amountCents = Math.abs(parsed);
    const rawDescription = [mapping.descriptionColumn, ...more]
      .filter((c): c is number => c !== null)
      .map((c) => cells[c] ?? '')
      .filter(Boolean)
      .join('  ');
    const description = collapse(rawDescription).slice(0, 10_000);
    const named = mapping.payeeColumn === null ? '' : nameOf(cells[mapping.payeeColumn]!);
    const payee = named || payeeFromDescription(rawDescription, { volksbank }) || payeeFallback(rawDescription);
    if (!payee) {
      fail('de naam van de tegenpartij ontbreekt.');
      continue;
    }
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
      duplicateOf: null,
      proposal: null,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors, notes };
}
