import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../api/errors';
import { PRINT_CHANNEL, PrintRequest, type PrintResult } from '../api/print-bridge';
import { isTrustedSender } from './ipc';

export type PrintHandler = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, request: unknown) => Promise<Envelope<PrintResult>>;

/** Same rules as the API channel: only our own page, validated input, an envelope and never a stack. */
export function createPrintHandler(
  run: (request: PrintRequest) => Promise<PrintResult>,
  allowedOrigins: readonly string[],
  onError: (err: unknown) => void,
): PrintHandler {
  return async (event, request) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, !!frame && frame.parent === null, allowedOrigins)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Deze opdracht komt niet van het Teamchef-venster en is geweigerd.' } };
    }
    const parsed = PrintRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Ongeldige opdracht voor afdrukken.' } };
    try {
      return { ok: true, data: await run(parsed.data) };
    } catch (err) {
      onError(err);
      return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error && /overzicht/.test(err.message) ? err.message : 'Afdrukken is niet gelukt; details staan in het logbestand.' } };
    }
  };
}

export function registerPrint(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handler: PrintHandler): void {
  ipcMain.removeHandler(PRINT_CHANNEL);
  ipcMain.handle(PRINT_CHANNEL, handler);
}
