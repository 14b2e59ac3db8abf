import { localIsoDate } from '../api/dates';
import type { Ctx } from '../api/define';

export { localIsoDate };

export const systemClock: Ctx = {
  now: () => new Date(),
  today: () => localIsoDate(new Date()),
};

/** A clock fixed at `iso` (a date or a date-time), for tests and reproducible reports. */
export function fixedClock(iso: string): Ctx {
  const at = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return { now: () => new Date(at), today: () => localIsoDate(at) };
}
