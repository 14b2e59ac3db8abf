import type { Envelope } from '../../../../electron/api/errors';
import { SHELL_GLOBAL, type ShellBridge, type ShellResult } from '../../../../electron/api/shell';
import { ApiCallError } from '../../app/api';

/** The Electron shell's print functions; absent when the page runs outside the app. */
export function shellBridge(): ShellBridge | null {
  return ((globalThis as Record<string, unknown>)[SHELL_GLOBAL] as ShellBridge | undefined) ?? null;
}

export async function shellCall(run: (shell: ShellBridge) => Promise<unknown>): Promise<ShellResult> {
  const shell = shellBridge();
  if (!shell) throw new ApiCallError({ code: 'INTERNAL', message: 'BRIDGE_MISSING' });
  const envelope = (await run(shell)) as Envelope<ShellResult>;
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.data;
}
