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

/** Integer euro cents; bounded far beyond any team budget so sums stay exact in a double. */
export const Cents = z.number().int().min(-100_000_000_000).max(100_000_000_000);

export const Name = z.string().trim().min(1, { message: 'Vul dit veld in.' }).max(200, { message: 'Maximaal 200 tekens.' });
export const ShortText = z.string().trim().max(200, { message: 'Maximaal 200 tekens.' });
export const LongText = z.string().trim().max(10_000, { message: 'Maximaal 10.000 tekens.' });

export const Year = z.number().int().min(2000).max(2100);

export const Empty = z.strictObject({}).optional();
