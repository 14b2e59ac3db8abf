import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../api/errors';
import { SHELL_CHANNEL, ShellRequest, type ShellResult } from '../api/shell';
import { isTrustedSender } from './ipc';

export type ShellHandler = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, request: unknown) => Promise<Envelope<ShellResult>>;

/** Same rules as the API channel: only our own page, validated input, an envelope and never a stack. */
export function createShellHandler(
  run: (request: ShellRequest) => Promise<ShellResult>,
  allowedOrigins: readonly string[],
  onError: (err: unknown) => void,
): ShellHandler {
  return async (event, request) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, !!frame && frame.parent === null, allowedOrigins)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Deze opdracht komt niet van het Teamchef-venster en is geweigerd.' } };
    }
    const parsed = ShellRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Ongeldige opdracht voor afdrukken.' } };
    try {
      return { ok: true, data: await run(parsed.data) };
    } catch (err) {
      onError(err);
      return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error && /overzicht/.test(err.message) ? err.message : 'Afdrukken is niet gelukt; details staan in het logbestand.' } };
    }
  };
}

export function registerShell(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handler: ShellHandler): void {
  ipcMain.removeHandler(SHELL_CHANNEL);
  ipcMain.handle(SHELL_CHANNEL, handler);
}
