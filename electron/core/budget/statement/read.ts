import { createHash } from 'node:crypto';
import type { Encoding, ImportPreview, LayoutId } from '../../../api/budget-import';
import { invalid } from '../../../api/errors';
import { readTable } from './csv';
import { decode } from './decode';
import { layoutInfo, layoutSignature, recognise } from './layouts';
import type { Sheet } from './parse';

/** One statement file read and recognised: records, where the header is, the layout and its signature. */
export interface StatementFile extends Sheet {
  encoding: Encoding;
  delimiter: string;
  signature: string;
  fileSha256: string;
  info: ImportPreview['layout'];
  recognisedMapping: ImportPreview['mapping'];
  sheets: string[];
  sheet: string | null;
}

export interface ReadOptions {
  encoding?: Encoding;
  layout?: LayoutId;
  headerRow?: number | null;
  sheet?: string;
}

const MAX_ROWS = 20_000;

export function readCsvStatement(bytes: Buffer, options: ReadOptions): StatementFile {
  if (bytes.length === 0) throw invalid('contentBase64', 'Het bestand is leeg.');
  const decoded = decode(bytes, options.encoding);
  const table = readTable(decoded.text);
  if (table.records.length > MAX_ROWS + 1) throw invalid('contentBase64', `Het bestand heeft meer dan ${MAX_ROWS} regels; splits het op.`);
  const widest = Math.max(0, ...table.records.slice(0, 50).map((r) => r.length));
  if (widest < 2) throw invalid('contentBase64', 'Dit lijkt geen CSV-bestand met kolommen: de eerste regel heeft geen kopjes.');
  const r = recognise(table.records, table.delimiter, options);
  return {
    records: table.records,
    headerRow: r.headerRow,
    headers: r.headers,
    lineOf: (i) => i + 1,
    parseErrors: table.errors,
    layout: r.layout,
    encoding: decoded.encoding,
    delimiter: table.delimiter,
    signature: layoutSignature(r, table.records, table.delimiter),
    fileSha256: createHash('sha256').update(bytes).digest('hex'),
    info: layoutInfo(r),
    recognisedMapping: r.mapping,
    sheets: [],
    sheet: null,
  };
}
