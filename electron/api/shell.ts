import { z } from 'zod';

/**
 * What the page may ask of the Electron shell itself (not of the store): printing through the
 * system dialog and saving a PDF. A separate, small channel with its own validation.
 */
export const SHELL_CHANNEL = 'teamchef:shell';
export const SHELL_GLOBAL = 'teamchefShell';

const ReportQuery = z.string().min(1).max(5000);
const FileName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/);

export const ShellRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('print'), query: ReportQuery }),
  z.strictObject({ action: z.literal('savePdf'), query: ReportQuery, fileName: FileName }),
]);
export type ShellRequest = z.output<typeof ShellRequest>;

export type ShellResult = { status: 'done'; file?: string } | { status: 'cancelled' };

export interface ShellBridge {
  print(query: string): Promise<unknown>;
  savePdf(query: string, fileName: string): Promise<unknown>;
}

/** Self-contained like createBridge: the browser harness installs it from its source text. */
export function createShellBridge(send: (request: unknown) => Promise<unknown>): ShellBridge {
  return Object.freeze({
    print: (query: string) => send({ action: 'print', query }),
    savePdf: (query: string, fileName: string) => send({ action: 'savePdf', query, fileName }),
  });
}
