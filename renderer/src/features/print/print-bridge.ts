import type { Envelope } from '@api/errors';
import { PRINT_GLOBAL, type PrintBridge, type PrintResult } from '@api/print-bridge';
import { ApiCallError } from '../../shared/api';

/** The Electron shell's print functions; absent when the page runs outside the app. */
export function printBridge(): PrintBridge | null {
  return ((globalThis as Record<string, unknown>)[PRINT_GLOBAL] as PrintBridge | undefined) ?? null;
}

export async function printCall(run: (shell: PrintBridge) => Promise<unknown>): Promise<PrintResult> {
  const shell = printBridge();
  if (!shell) throw new ApiCallError({ code: 'INTERNAL', message: 'BRIDGE_MISSING' });
  const envelope = (await run(shell)) as Envelope<PrintResult>;
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.data;
}
