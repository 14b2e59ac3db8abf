import type { BackupService } from '../core/backup/service';

/** How often the main process asks the core whether today's backup is due. */
export const DAILY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/**
 * The timer side of automatic backups: one at start, then hourly "is today's backup due?" (the
 * decision and the rotation live in the core). Returns a stop function for quitting.
 */
export function scheduleBackups(
  backups: Pick<BackupService, 'atStart' | 'dailyIfDue'>,
  timers: Timers,
  onError: (when: string, err: unknown) => void,
): () => void {
  backups.atStart().catch((err: unknown) => onError('start', err));
  const handle = timers.setInterval(() => {
    backups.dailyIfDue().catch((err: unknown) => onError('daily', err));
  }, DAILY_CHECK_INTERVAL_MS);
  (handle as { unref?: () => void } | null)?.unref?.();
  return () => timers.clearInterval(handle);
}
