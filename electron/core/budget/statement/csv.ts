import Papa from 'papaparse';
import { invalid } from '../../../api/errors';

/**
 * Text to records: `;`, `,`, tab or `|` between fields; `"` or `'` around them (ASN Bank quotes with
 * `'`), with separators and line breaks inside quoted fields. The separator and the quote are
 * recognised from the first lines.
 */

export interface Table {
  records: string[][];
  delimiter: string;
  quote: '"' | "'";
  errors: { row: number; message: string }[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Control characters out, surrounding spaces off; inner padding stays for the payee rules. */
export const clean = (s: string): string => s.replace(CONTROL, '').trim();

const DELIMITERS = [';', ',', '\t', '|'];

function detectQuote(head: string): '"' | "'" {
  const single = (head.match(/(?:^|[,;\t|])'/gm) ?? []).length;
  const double = (head.match(/(?:^|[,;\t|])"/gm) ?? []).length;
  return single > double ? "'" : '"';
}

function detectDelimiter(head: string, quote: string): string {
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(head, { delimiter: d, quoteChar: quote, skipEmptyLines: 'greedy' }).data;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let modal = 0;
    let freq = 0;
    for (const [n, f] of counts) if (f > freq || (f === freq && n > modal)) [modal, freq] = [n, f];
    if (modal < 2) continue;
    // Lines as wide as the first one count most: an unclosed quote swallows the lines after it, and
    // must not make another separator look more regular.
    const first = rows[0]?.length ?? 0;
    const likeFirst = first >= 2 ? rows.filter((r) => r.length === first).length : 0;
    const score = likeFirst * 1_000_000 + freq * 1000 + modal;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

export function readTable(text: string): Table {
  if (text.trim().length === 0) throw invalid('contentBase64', 'Het bestand is leeg.');
  const head = text.split(/\r\n|\n|\r/).slice(0, 30).join('\n');
  const quote = detectQuote(head);
  const delimiter = detectDelimiter(head, quote);
  const result = Papa.parse<string[]>(text, { delimiter, quoteChar: quote, escapeChar: quote, skipEmptyLines: 'greedy' });
  const errors = result.errors.map((e) => {
    const row = (e.row ?? 0) + 1;
    const what = e.code === 'MissingQuotes' ? 'een aanhalingsteken wordt niet gesloten' : 'de regel is niet te lezen';
    return { row, message: `Regel ${row}: ${what}.` };
  });
  return { records: result.data.map((r) => r.map(clean)), delimiter, quote, errors };
}
