import { z } from 'zod';

/** Building blocks shared by every domain's input schemas. */

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const isRealIsoDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2200 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

export const IsoDate = z.string().refine(isRealIsoDate, { message: 'Geen geldige datum (verwacht JJJJ-MM-DD).' });

/** A date field limited to the years it can sensibly hold; the message names the range. */
export const dateBetween = (fromYear: number, toYear: number) =>
  z.string().superRefine((s, ctx) => {
    if (!isRealIsoDate(s)) ctx.addIssue({ code: 'custom', message: 'Geen geldige datum (verwacht JJJJ-MM-DD).' });
    else if (Number(s.slice(0, 4)) < fromYear || Number(s.slice(0, 4)) > toYear)
      ctx.addIssue({ code: 'custom', message: `Kies een datum tussen 1-1-${fromYear} en 31-12-${toYear}.` });
  });

/** Dates of money (budget entries, decisions, expenses): the book years the store accepts. */
export const MoneyDate = dateBetween(2000, 2100);
/** Dates of the team's work (agenda, clusters, progress): from a cluster begun long ago to far ahead. */
export const PlanDate = dateBetween(1990, 2100);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const NUL_MESSAGE = 'Deze tekst bevat een onzichtbaar nul-teken. Haal het weg (typ de tekst opnieuw) en probeer het nog eens.';
export const SURROGATE_MESSAGE = 'Deze tekst bevat een half teken (een kapotte emoji of een ander speciaal teken). Typ de tekst opnieuw.';

/**
 * Every free-text field: no NUL character (SQLite and C libraries cut text there) and no lone
 * UTF-16 surrogate (it cannot be stored as UTF-8 and would silently become U+FFFD). Trimmed,
 * at most `max` characters.
 */
export const text = (max: number, message: string) =>
  z
    .string()
    .refine((s) => !s.includes('\u0000'), { message: NUL_MESSAGE, abort: true })
    .refine((s) => !LONE_SURROGATE.test(s), { message: SURROGATE_MESSAGE, abort: true })
    .trim()
    .max(max, { message });

/** Integer euro cents; bounded far beyond any team budget so sums stay exact in a double. */
export const Cents = z.number().int().min(-100_000_000_000).max(100_000_000_000);

export const Name = text(200, 'Maximaal 200 tekens.').min(1, { message: 'Vul dit veld in.' });
export const ShortText = text(200, 'Maximaal 200 tekens.');
export const LongText = text(10_000, 'Maximaal 10.000 tekens.');

export const Year = z.number().int().min(2000).max(2100);

export const Empty = z.strictObject({}).optional();
