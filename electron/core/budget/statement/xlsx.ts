import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { LAYOUTS } from '../../../api/budget-import';
import { invalid } from '../../../api/errors';
import { clean } from './csv';
import { layoutInfo, layoutSignature, recognise } from './layouts';
import type { ReadOptions, StatementFile } from './read';

/**
 * Spending overviews from the finance department as .xlsx: the first worksheet (or the chosen one)
 * becomes records of text exactly as the rest of the import reads them — dates as jjjj-mm-dd,
 * amounts with a decimal point — so the same recognition, mapping and preview apply.
 */

const MAX_ROWS = 20_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as jjjj-mm-dd (Excel dates carry no time zone), numbers without float noise. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  const value = typeof v === 'object' && 'result' in v ? (v.result as unknown) : v;
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    const decimals = /0[.,]00/.test(cell.numFmt ?? '') || !Number.isInteger(value);
    if (!decimals) return String(value);
    const cents = Math.round(Math.abs(value) * 100);
    return `${value < 0 ? '-' : ''}${Math.floor(cents / 100)}.${pad(cents % 100)}`;
  }
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  if (typeof value === 'object' && value !== null && 'error' in value) return String((value as { error: string }).error);
  return clean(cell.text ?? '');
}

export const isXlsx = (bytes: Buffer, fileName: string) =>
  (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) || /\.xlsx$/i.test(fileName);
export const isOldExcel = (bytes: Buffer) => bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export async function readXlsxStatement(bytes: Buffer, options: ReadOptions): Promise<StatementFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('contentBase64', 'Dit Excel-bestand is beschadigd of geen .xlsx-bestand. Sla het in Excel opnieuw op als .xlsx of als CSV.');
  }
  const sheets = wb.worksheets.map((w) => w.name);
  if (sheets.length === 0) throw invalid('contentBase64', 'Het Excel-bestand heeft geen werkbladen.');
  const ws = options.sheet === undefined ? wb.worksheets[0]! : wb.worksheets.find((w) => w.name === options.sheet);
  if (!ws) throw invalid('sheet', 'Dit werkblad bestaat niet in het bestand.');
  const records: string[][] = [];
  const lines: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (records.length > MAX_ROWS + 50) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 200); c++) cells.push(cellText(row.getCell(c)));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((s) => s !== '')) {
      records.push(cells);
      lines.push(row.number);
    }
  });
  if (records.length === 0) throw invalid('contentBase64', `Het werkblad "${ws.name}" is leeg.`);
  if (records.length > MAX_ROWS + 1) throw invalid('contentBase64', `Het werkblad heeft meer dan ${MAX_ROWS} regels; splits het op.`);
  const width = Math.max(...records.map((r) => r.length));
  for (const r of records) while (r.length < width) r.push('');
  const r = recognise(records, '', options);
  const generic = r.layout.startsWith('generiek');
  // A spending overview lists what was spent as positive amounts: read those as money out.
  if (generic && r.mapping && r.mapping.signMode === 'teken') {
    const start = r.headerRow === null ? 0 : r.headerRow + 1;
    const amounts = records.slice(start).map((row) => row[r.mapping!.amountColumn] ?? '').filter((s) => /^-?\d/.test(s));
    if (amounts.filter((s) => !s.startsWith('-')).length * 2 > amounts.length) r.mapping = { ...r.mapping, signMode: 'positief-af' };
  }
  const excel = LAYOUTS.find((l) => l.id === 'excel')!;
  return {
    records,
    headerRow: r.headerRow,
    headers: r.headers,
    lineOf: (i) => lines[i]!,
    parseErrors: [],
    layout: generic ? 'excel' : r.layout,
    encoding: 'utf-8',
    delimiter: '',
    signature: layoutSignature(r, records, 'xlsx'),
    fileSha256: createHash('sha256').update(bytes).digest('hex'),
    info: generic ? { id: excel.id, bank: '', label: excel.label } : layoutInfo(r),
    recognisedMapping: r.mapping,
    sheets,
    sheet: ws.name,
  };
}
