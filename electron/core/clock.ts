import type { Ctx } from '../api/define';

/** Local calendar date as ISO `YYYY-MM-DD` (the chief's day, not UTC's). */
export const localIsoDate = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export const systemClock: Ctx = {
  now: () => new Date(),
  today: () => localIsoDate(new Date()),
};

/** A clock fixed at `iso` (a date or a date-time), for tests and reproducible reports. */
export function fixedClock(iso: string): Ctx {
  const at = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return { now: () => new Date(at), today: () => localIsoDate(at) };
}
