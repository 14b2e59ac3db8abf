import { createHash } from 'node:crypto';
import { LAYOUTS, type ImportMapping, type LayoutId } from '../../../api/budget-import';
import { detectDateFormat, type DateFormat } from '../../../api/budget-parse';
import { parseMoney } from '../../../api/money';

/**
 * The layouts of Dutch bank exports, recognised from the content: header names where a bank writes a
 * header row, column count and the shape of the first line where it does not (ABN AMRO, the
 * Volksbank banks and Triodos start with a transaction). Each gives a full column mapping.
 */

export interface Recognised {
  layout: LayoutId;
  /** The bank, more precise than the layout where the content tells (ASN Bank, SNS or RegioBank). */
  bank: string;
  headerRow: number | null;
  mapping: ImportMapping | null;
  /** Column titles: the header row, or the layout's own names for a file without one. */
  headers: string[];
}

const lower = (s: string) => s.trim().toLowerCase();
export const isDateCell = (s: string) => detectDateFormat(s) !== null;
/** An amount as banks write it: always with decimals (a reference number is not an amount). */
export const isAmountCell = (s: string) => /[.,]\d{1,2}-?$/.test(s.trim()) && parseMoney(s) !== null;
const isIbanish = (s: string) => /^[A-Z]{2}\d{2}[A-Z0-9]{4,30}$/.test(s.replace(/\s/g, '')) || /^\d{7,10}$/.test(s);

const indexOf = (headers: string[], name: string) => headers.findIndex((h) => lower(h) === name);
const sampleFormat = (rows: string[][], col: number, fallback: DateFormat): DateFormat => {
  for (const r of rows) {
    const cell = r[col];
    const f = cell ? detectDateFormat(cell) : null;
    if (f) return f;
  }
  return fallback;
};

const ING_HEADERS = ['datum', 'naam / omschrijving', 'rekening', 'tegenrekening', 'code', 'af bij', 'bedrag (eur)'];
const BUNQ_HEADERS = ['date', 'amount', 'account', 'counterparty', 'name', 'description'];
const ABN_NAMES = ['Rekeningnummer', 'Munt', 'Transactiedatum', 'Beginsaldo', 'Eindsaldo', 'Rentedatum', 'Bedrag', 'Omschrijving'];
const VOLKSBANK_NAMES = [
  'Boekingsdatum', 'Opdrachtgeversrekening', 'Tegenrekeningnummer', 'Naam tegenrekening', 'Adres', 'Postcode', 'Plaats',
  'Valutasoort rekening', 'Saldo voor mutatie', 'Valutasoort mutatie', 'Transactiebedrag', 'Journaaldatum', 'Valutadatum',
  'Interne transactiecode', 'Globale transactiecode', 'Volgnummer transactie', 'Betalingskenmerk', 'Omschrijving', 'Afschriftnummer',
];
const TRIODOS_NAMES = ['Boekdatum', 'Rekeningnummer', 'Bedrag', 'Debet/Credit', 'Naam tegenrekening', 'Tegenrekening', 'Code', 'Omschrijving', 'Saldo na mutatie'];

const hasAll = (row: string[] | undefined, names: string[]) => !!row && names.every((n) => row.some((c) => lower(c) === n));
const named = (names: string[], count: number) => Array.from({ length: count }, (_, i) => names[i] ?? `Kolom ${i + 1}`);
const base = { moreDescriptionColumns: [] as number[], debitValues: [] as string[] };

function knownHeader(records: string[][], delimiter: string): Recognised | null {
  for (let h = 0; h < Math.min(records.length, 5); h++) {
    const row = records[h]!;
    const data = records.slice(h + 1, h + 21);
    if (hasAll(row, ING_HEADERS)) {
      return {
        layout: delimiter === ';' ? 'ing-puntkomma' : 'ing-komma',
        bank: 'ING',
        headerRow: h,
        headers: row,
        mapping: {
          ...base,
          dateColumn: indexOf(row, 'datum'),
          dateFormat: sampleFormat(data, indexOf(row, 'datum'), 'jjjjmmdd'),
          amountColumn: indexOf(row, 'bedrag (eur)'),
          signMode: 'kolom',
          directionColumn: indexOf(row, 'af bij'),
          debitValues: ['Af'],
          payeeColumn: indexOf(row, 'naam / omschrijving'),
          descriptionColumn: indexOf(row, 'mededelingen') >= 0 ? indexOf(row, 'mededelingen') : null,
        },
      };
    }
    if (lower(row[0] ?? '') === 'iban/bban' && hasAll(row, ['volgnr', 'datum', 'bedrag'])) {
      const more = ['omschrijving-2', 'omschrijving-3'].map((n) => indexOf(row, n)).filter((i) => i >= 0);
      const payee = indexOf(row, 'naam tegenpartij');
      const desc = indexOf(row, 'omschrijving-1');
      return {
        layout: 'rabobank',
        bank: 'Rabobank',
        headerRow: h,
        headers: row,
        mapping: {
          ...base,
          dateColumn: indexOf(row, 'datum'),
          dateFormat: sampleFormat(data, indexOf(row, 'datum'), 'jjjj-mm-dd'),
          amountColumn: indexOf(row, 'bedrag'),
          signMode: 'teken',
          directionColumn: null,
          payeeColumn: payee >= 0 ? payee : null,
          descriptionColumn: desc >= 0 ? desc : null,
          moreDescriptionColumns: more,
        },
      };
    }
    if (hasAll(row, ['creditdebet', 'tegenrekeninghouder', 'bedrag'])) {
      const date = indexOf(row, 'transactiedatum') >= 0 ? indexOf(row, 'transactiedatum') : indexOf(row, 'boekdatum');
      const desc = indexOf(row, 'omschrijving');
      return {
        layout: 'knab',
        bank: 'Knab',
        headerRow: h,
        headers: row,
        mapping: {
          ...base,
          dateColumn: date,
          dateFormat: sampleFormat(data, date, 'dd-mm-jjjj'),
          amountColumn: indexOf(row, 'bedrag'),
          signMode: 'kolom',
          directionColumn: indexOf(row, 'creditdebet'),
          debitValues: ['D'],
          payeeColumn: indexOf(row, 'tegenrekeninghouder'),
          descriptionColumn: desc >= 0 ? desc : null,
        },
      };
    }
    if (hasAll(row, BUNQ_HEADERS) && indexOf(row, 'interest date') >= 0) {
      return {
        layout: 'bunq',
        bank: 'bunq',
        headerRow: h,
        headers: row,
        mapping: {
          ...base,
          dateColumn: indexOf(row, 'date'),
          dateFormat: sampleFormat(data, indexOf(row, 'date'), 'jjjj-mm-dd'),
          amountColumn: indexOf(row, 'amount'),
          signMode: 'teken',
          directionColumn: null,
          payeeColumn: indexOf(row, 'name'),
          descriptionColumn: indexOf(row, 'description'),
        },
      };
    }
  }
  return null;
}

const VOLKSBANK_BANKS: Record<string, string> = { ASNB: 'ASN Bank', SNSB: 'SNS', RBRB: 'RegioBank' };

function knownHeaderless(records: string[][], delimiter: string): Recognised | null {
  const first = records[0];
  if (!first) return null;
  const width = Math.max(...records.slice(0, 50).map((r) => r.length));
  if (delimiter === '\t' && first.length >= 8 && /^[A-Z]{3}$/.test(first[1]!) && /^\d{8}$/.test(first[2]!) && /^\d{8}$/.test(first[5]!) && isAmountCell(first[6]!)) {
    return {
      layout: 'abnamro-tab',
      bank: 'ABN AMRO',
      headerRow: null,
      headers: named(ABN_NAMES, width),
      mapping: { ...base, dateColumn: 2, dateFormat: 'jjjjmmdd', amountColumn: 6, signMode: 'teken', directionColumn: null, payeeColumn: null, descriptionColumn: 7 },
    };
  }
  if (delimiter === ',' && first.length === 19 && detectDateFormat(first[0]!) === 'dd-mm-jjjj' && /^[A-Z]{3}$/.test(first[7]!) && /^[A-Z]{3}$/.test(first[9]!) && isAmountCell(first[10]!)) {
    const code = /^NL\d{2}([A-Z]{4})/.exec(first[1]!.replace(/\s/g, ''))?.[1] ?? '';
    return {
      layout: 'volksbank',
      bank: VOLKSBANK_BANKS[code] ?? 'ASN Bank / SNS / RegioBank',
      headerRow: null,
      headers: named(VOLKSBANK_NAMES, width),
      mapping: { ...base, dateColumn: 0, dateFormat: 'dd-mm-jjjj', amountColumn: 10, signMode: 'teken', directionColumn: null, payeeColumn: 3, descriptionColumn: 17 },
    };
  }
  if (delimiter === ',' && first.length >= 8 && first.length <= 10 && detectDateFormat(first[0]!) === 'dd-mm-jjjj' && isIbanish(first[1]!) && /^(debet|credit)$/i.test(first[3]!) && isAmountCell(first[2]!)) {
    return {
      layout: 'triodos',
      bank: 'Triodos Bank',
      headerRow: null,
      headers: named(TRIODOS_NAMES, width),
      mapping: { ...base, dateColumn: 0, dateFormat: 'dd-mm-jjjj', amountColumn: 2, signMode: 'kolom', directionColumn: 3, debitValues: ['Debet'], payeeColumn: 4, descriptionColumn: 7 },
    };
  }
  return null;
}

/** A line that looks like a transaction: a date and an amount among its cells. */
const looksLikeData = (row: string[]) => row.some(isDateCell) && row.some(isAmountCell);

const find = (headers: string[], patterns: RegExp[], not: number[] = []): number | null => {
  for (const p of patterns) {
    const i = headers.findIndex((h, idx) => !not.includes(idx) && p.test(h.toLowerCase()));
    if (i >= 0) return i;
  }
  return null;
};

/** A first guess from column titles (card portals, the finance department's overviews, other banks). */
export function guessFromHeaders(headers: string[], data: string[][]): ImportMapping | null {
  const h = headers;
  const dateColumn = find(h, [/^(boek|transactie)?datum$/, /^datum/, /date/, /datum/]);
  const amountColumn = find(h, [/^bedrag/, /bedrag/, /amount/]);
  const directionColumn = find(h, [/^af ?\/? ?bij$/, /af.?bij/, /debet.?credit|credit.?debet/, /^d\/c$/]);
  const payeeColumn = find(h, [/naam tegenpartij/, /tegenpartij/, /^naam/, /begunstigde|leverancier|crediteur|payee|name|naam/], [dateColumn ?? -1, amountColumn ?? -1]);
  const descriptionColumn = find(h, [/mededeling/, /omschrijving/, /description|beschrijving|toelichting|details/], [payeeColumn ?? -1]);
  if (dateColumn === null || amountColumn === null || (payeeColumn === null && descriptionColumn === null)) return null;
  return {
    ...base,
    dateColumn,
    dateFormat: sampleFormat(data, dateColumn, 'dd-mm-jjjj'),
    amountColumn,
    signMode: directionColumn === null ? 'teken' : 'kolom',
    directionColumn,
    debitValues: ['Af', 'D', 'Debet', 'Debit'],
    payeeColumn,
    descriptionColumn,
  };
}

/** The shape of every column over the first lines: d(ate), a(mount) or t(ext). */
export function columnShapes(rows: string[][], width: number): string {
  let out = '';
  for (let c = 0; c < width; c++) {
    const cells = rows.slice(0, 50).map((r) => r[c] ?? '').filter((s) => s !== '');
    if (cells.length && cells.every(isDateCell)) out += 'd';
    else if (cells.length && cells.every(isAmountCell)) out += 'a';
    else out += 't';
  }
  return out;
}

/** Columns guessed from their content alone, for a file without a header row the app does not know. */
export function guessFromShapes(rows: string[][], width: number): ImportMapping | null {
  const shapes = columnShapes(rows, width);
  const dateColumn = shapes.indexOf('d');
  if (dateColumn < 0) return null;
  const amounts = [...shapes].flatMap((s, i) => (s === 'a' ? [i] : []));
  // A signed amount column is the transaction; unsigned ones beside it are usually balances.
  const amountColumn = amounts.find((i) => rows.some((r) => /^[-+]/.test(r[i] ?? ''))) ?? amounts[0];
  if (amountColumn === undefined) return null;
  const directionColumn = [...Array(width).keys()].find((i) => {
    const cells = rows.slice(0, 50).map((r) => lower(r[i] ?? '')).filter(Boolean);
    return cells.length > 0 && cells.every((v) => ['af', 'bij', 'd', 'c', 'debet', 'credit', 'debit'].includes(v));
  });
  const avgLength = (i: number) => rows.slice(0, 50).reduce((s, r) => s + (r[i]?.length ?? 0), 0);
  const texts = [...shapes].flatMap((s, i) => (s === 't' && i !== directionColumn && !rows.slice(0, 50).every((r) => isIbanish(r[i] ?? '') || !r[i]) ? [i] : []));
  // Two or more text columns: the first names the payee (as card portals and most banks order them), the longest other describes.
  const payeeColumn = texts.length >= 2 ? texts[0]! : null;
  const rest = texts.filter((i) => i !== payeeColumn);
  const descriptionColumn = rest.length ? rest.reduce((a, b) => (avgLength(b) > avgLength(a) ? b : a)) : null;
  return {
    ...base,
    dateColumn,
    dateFormat: sampleFormat(rows, dateColumn, 'dd-mm-jjjj'),
    amountColumn,
    signMode: directionColumn === undefined ? 'teken' : 'kolom',
    directionColumn: directionColumn ?? null,
    debitValues: directionColumn === undefined ? [] : ['Af', 'D', 'Debet', 'Debit'],
    payeeColumn,
    descriptionColumn,
  };
}

const labelOf = (id: LayoutId) => LAYOUTS.find((l) => l.id === id)!;

/**
 * The layout of a file. `forced` (the chief's choice) wins; a forced header row, or null for none,
 * overrides where the header is. Without a match the file is read as a generic one.
 */
export function recognise(records: string[][], delimiter: string, forced?: { layout?: LayoutId; headerRow?: number | null }): Recognised {
  const wantLayout = forced?.layout;
  const headerForced = forced?.headerRow !== undefined;
  if (!headerForced && (!wantLayout || !wantLayout.startsWith('generiek'))) {
    const known = knownHeader(records, delimiter) ?? knownHeaderless(records, delimiter);
    if (known && (!wantLayout || wantLayout === known.layout || wantLayout === 'excel')) return known;
  }
  let headerRow: number | null;
  if (forced?.headerRow !== undefined) headerRow = forced.headerRow;
  else if (wantLayout === 'generiek-zonder-kop') headerRow = null;
  else {
    const firstData = records.slice(0, 30).findIndex(looksLikeData);
    headerRow = firstData === 0 ? (wantLayout === 'generiek-kop' ? 0 : null) : firstData > 0 ? firstData - 1 : 0;
  }
  const data = records.slice(headerRow === null ? 0 : headerRow + 1);
  const width = Math.max(0, ...records.slice(0, 50).map((r) => r.length));
  if (headerRow === null) {
    return { layout: 'generiek-zonder-kop', bank: '', headerRow, headers: named([], width), mapping: guessFromShapes(data, width) };
  }
  const headers = named(records[headerRow] ?? [], Math.max(width, records[headerRow]?.length ?? 0)).map((h, i) => (h === '' ? `Kolom ${i + 1}` : h));
  return { layout: 'generiek-kop', bank: '', headerRow, headers, mapping: guessFromHeaders(headers, data) };
}

export const layoutInfo = (r: Recognised) => {
  const l = labelOf(r.layout);
  return { id: l.id, bank: r.bank || l.bank, label: l.label };
};

/** A file layout is recognised by its header row: same columns, same order, same separator. */
export const headerSignature = (headers: string[], delimiter: string): string =>
  createHash('sha256')
    .update(`${delimiter}\u001f${headers.map((h) => h.trim().toLowerCase()).join('\u001f')}`)
    .digest('hex')
    .slice(0, 16);

/**
 * The signature a mapping is remembered by. With a header row: the titles (as before). Without one:
 * separator, column count and the shape of every column, which stay the same from month to month.
 */
export function layoutSignature(r: Recognised, records: string[][], delimiter: string): string {
  if (r.headerRow !== null) return headerSignature(records[r.headerRow] ?? r.headers, delimiter);
  const width = r.headers.length;
  return createHash('sha256').update(`zonder-kop\u001f${delimiter}\u001f${width}\u001f${columnShapes(records, width)}`).digest('hex').slice(0, 16);
}
