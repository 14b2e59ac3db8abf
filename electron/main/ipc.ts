import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../api/bridge';
import type { Envelope } from '../api/errors';
import type { Dispatch } from '../core/dispatch';
import { APP_ORIGIN } from './protocol';

/** Only our own top-level page may call the API: not a subframe, not a navigated-away page. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, allowedOrigins: readonly string[]): boolean {
  if (!frameUrl || !isMainFrame) return false;
  let origin: string;
  try {
    const url = new URL(frameUrl);
    origin = url.protocol === 'app:' ? `app://${url.host}` : url.origin;
  } catch {
    return false;
  }
  return allowedOrigins.includes(origin);
}

export const defaultAllowedOrigins = (devServerUrl?: string): string[] =>
  devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

export type ApiHandler = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, payload: unknown) => Promise<Envelope<unknown>>;

export function createApiHandler(dispatch: Dispatch, allowedOrigins: readonly string[]): ApiHandler {
  return async (event, method, payload) => {
    const frame = event.senderFrame;
    const isMainFrame = !!frame && frame.parent === null;
    if (!isTrustedSender(frame?.url, isMainFrame, allowedOrigins)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Deze opdracht komt niet van het Teamchef-venster en is geweigerd.' } };
    }
    return dispatch(method, payload);
  };
}

/** One channel for the whole contract, registered once; the dispatcher checks the method name. */
export function registerApi(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handler: ApiHandler): void {
  ipcMain.removeHandler(IPC_CHANNEL);
  ipcMain.handle(IPC_CHANNEL, handler);
}
