import { isRealIsoDate } from './schemas';

/** Date layouts found in Dutch bank exports and typed by people. */
export const DATE_FORMATS = ['dd-mm-jjjj', 'jjjjmmdd', 'jjjj-mm-dd'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const pad = (n: string) => n.padStart(2, '0');

function byFormat(s: string, format: DateFormat): string | null {
  let m: RegExpExecArray | null;
  if (format === 'dd-mm-jjjj') {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    return m ? `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}` : null;
  }
  if (format === 'jjjjmmdd') {
    m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : null;
}

/**
 * `28-11-2026`, `28/11/2026`, `20261128`, `2026-11-28` -> `2026-11-28`; null for anything that is
 * not a real calendar date (`31-02-2026`). Without a format, the layout is recognised from the text.
 */
export function parseDutchDate(text: string, format?: DateFormat): string | null {
  const s = text.trim();
  const formats = format ? [format] : DATE_FORMATS;
  for (const f of formats) {
    const iso = byFormat(s, f);
    if (iso) return isRealIsoDate(iso) ? iso : null;
  }
  return null;
}

/** The layout of a date text, or null when it fits none. */
export function detectDateFormat(text: string): DateFormat | null {
  const s = text.trim();
  return DATE_FORMATS.find((f) => byFormat(s, f) !== null) ?? null;
}
