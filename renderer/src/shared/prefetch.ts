/** How long a finished early read waits to be taken over before it counts as old. */
const KEEP_MS = 2000;

/**
 * A screen's first read, started as the chief moves to the screen (app/routes.tsx), while the
 * screen is still being drawn; the screen's own read on opening (its mount effect) then takes it
 * over instead of asking the core again. An early read is taken at most once, only by a read with
 * the same arguments, and only while fresh: a later read (after a write) always asks anew.
 */
export function earlyRead<A extends unknown[]>(read: (...args: A) => Promise<void>) {
  let early: { key: string; promise: Promise<void>; settledAt: number | null } | null = null;
  return {
    start(...args: A): void {
      const entry = { key: JSON.stringify(args), promise: read(...args), settledAt: null as number | null };
      early = entry;
      // A failure is the screen's to report, when it takes the read over.
      entry.promise.then(
        () => (entry.settledAt = Date.now()),
        () => (entry.settledAt = Date.now()),
      );
    },
    read(...args: A): Promise<void> {
      const taken = early;
      early = null;
      if (taken && taken.key === JSON.stringify(args) && (taken.settledAt === null || Date.now() - taken.settledAt < KEEP_MS)) return taken.promise;
      return read(...args);
    },
  };
}
