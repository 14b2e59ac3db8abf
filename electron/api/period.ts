import { z } from 'zod';
import { IsoDate, Year } from './schemas';

/**
 * The period the dashboard and the charts follow: a quarter, a year, or custom dates.
 * A year or quarter left out means "the current one" (as the core's clock sees it), so the
 * renderer can start without knowing today's date.
 */
export const PeriodChoice = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('year'), year: Year.optional() }),
      z.strictObject({
        kind: z.literal('quarter'),
        year: Year.optional(),
        quarter: z.number().int().min(1, { message: 'Kies kwartaal 1 tot en met 4.' }).max(4, { message: 'Kies kwartaal 1 tot en met 4.' }).optional(),
      }),
      z
        .strictObject({ kind: z.literal('custom'), from: IsoDate, to: IsoDate })
        .refine((p) => p.to >= p.from, { message: 'De einddatum ligt voor de startdatum.', path: ['to'] }),
    ],
    { message: 'Kies een periode: kwartaal, jaar of eigen datums.' },
  )
  .optional();
export type PeriodChoice = z.output<typeof PeriodChoice>;

export interface Period {
  kind: 'year' | 'quarter' | 'custom';
  year: number | null;
  quarter: number | null;
  /** First day, inclusive, ISO. */
  from: string;
  /** Last day, inclusive, ISO. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** `2026-01-31` + 1 month = `2026-02-28`: the day is clamped to the target month's last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${ny}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

export const quarterOf = (iso: string): number => Math.floor((parts(iso)[1] - 1) / 3) + 1;

export function quarterBounds(year: number, quarter: number): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}` };
}

/** The concrete dates of a choice; without a choice, the current year. */
export function resolvePeriod(choice: PeriodChoice, today: string): Period {
  const thisYear = parts(today)[0];
  if (!choice || choice.kind === 'year') {
    const year = choice?.year ?? thisYear;
    return { kind: 'year', year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31` };
  }
  if (choice.kind === 'quarter') {
    const year = choice.year ?? thisYear;
    const quarter = choice.quarter ?? (year === thisYear ? quarterOf(today) : 1);
    return { kind: 'quarter', year, quarter, ...quarterBounds(year, quarter) };
  }
  return { kind: 'custom', year: null, quarter: null, from: choice.from, to: choice.to };
}

/** The day a period is judged on: today, or the period's last day when the period is over. */
export const asOfDate = (period: Period, today: string): string => (period.to < today ? period.to : today);
