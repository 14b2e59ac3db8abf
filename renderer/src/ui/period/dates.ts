import { isRealIsoDate } from '@api/schemas';

/**
 * Reads a date as people type it here: `28-11-2026` (four-digit year),
 * with `-`, `/` or `.` between, or ISO `2026-11-28`. Returns ISO, or null when it is not a date.
 */
export function parseDutchDate(text: string): string | null {
  const s = text.trim();
  let iso: string | null = null;
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (nl) iso = `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  return iso && isRealIsoDate(iso) ? iso : null;
}
