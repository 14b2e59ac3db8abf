import { notifyError, notifySaved } from '../../shared/errors';

/** Runs one change; confirms it with `message`, or shows why it failed. Never rejects. */
export async function act(fn: () => Promise<unknown>, message: string): Promise<void> {
  try {
    await fn();
    notifySaved(message);
  } catch (err) {
    notifyError(err);
  }
}
