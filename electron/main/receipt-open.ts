import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { Envelope } from '../api/errors';
import type { ReceiptContent } from '../api/receipts';
import { Id } from '../api/schemas';
import { SHELL_OPEN_RECEIPT_CHANNEL } from '../api/shell';
import type { Dispatch } from '../core/dispatch';
import { EXTENSION, safeNamePart } from '../core/receipts/files';
import { isTrustedSender } from './ipc';

const Request = z.strictObject({ teamId: Id, attachmentId: Id });

export type OpenReceiptHandler = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, request: unknown) => Promise<Envelope<{ opened: true }>>;

/**
 * "Openen met…": the page names a receipt by its ids only; main reads it through the core, writes a
 * read-only copy into a fresh folder under the system's temp folder and hands that copy to the
 * system viewer. The store itself is never opened by another program, and the page never names a path.
 */
export function createOpenReceiptHandler(
  dispatch: Dispatch,
  allowedOrigins: readonly string[],
  deps: { tempRoot: string; openCopy: (copy: string) => Promise<string>; onError: (err: unknown) => void },
): OpenReceiptHandler {
  return async (event, request) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, !!frame && frame.parent === null, allowedOrigins)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Deze opdracht komt niet van het Teamchef-venster en is geweigerd.' } };
    }
    const parsed = Request.safeParse(request);
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Ongeldige opdracht om een bon te openen.' } };
    const answer = (await dispatch('receipts.content', parsed.data)) as Envelope<ReceiptContent>;
    if (!answer.ok) return answer;
    try {
      const { fileName, mime, bytes } = answer.data;
      const folder = path.join(deps.tempRoot, `teamchef-bon-${randomBytes(8).toString('hex')}`);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const copy = path.join(folder, `${safeNamePart(fileName.replace(/\.[A-Za-z0-9]{1,5}$/, ''), 80)}.${EXTENSION[mime]}`);
      writeFileSync(copy, bytes, { flag: 'wx', mode: 0o400 });
      chmodSync(copy, 0o400);
      const problem = await deps.openCopy(copy);
      if (problem) throw new Error(problem);
      return { ok: true, data: { opened: true } };
    } catch (err) {
      deps.onError(err);
      return { ok: false, error: { code: 'INTERNAL', message: 'De bon kon niet met een ander programma worden geopend; details staan in het logbestand.' } };
    }
  };
}

export function registerOpenReceipt(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handler: OpenReceiptHandler): void {
  ipcMain.removeHandler(SHELL_OPEN_RECEIPT_CHANNEL);
  ipcMain.handle(SHELL_OPEN_RECEIPT_CHANNEL, handler);
}
