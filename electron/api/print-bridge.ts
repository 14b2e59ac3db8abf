import { z } from 'zod';

/**
 * What the page may ask of the Electron shell for printing (not of the store): print through the
 * system dialog, or save a PDF. A separate, small channel with its own validation.
 */
export const PRINT_CHANNEL = 'teamchef:print';
export const PRINT_GLOBAL = 'teamchefPrint';

const ReportQuery = z.string().min(1).max(5000);
const FileName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/);

export const PrintRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('print'), query: ReportQuery }),
  z.strictObject({ action: z.literal('savePdf'), query: ReportQuery, fileName: FileName }),
]);
export type PrintRequest = z.output<typeof PrintRequest>;

export type PrintResult = { status: 'done'; file?: string } | { status: 'cancelled' };

export interface PrintBridge {
  print(query: string): Promise<unknown>;
  savePdf(query: string, fileName: string): Promise<unknown>;
}

/** Self-contained like createBridge: the browser harness installs it from its source text. */
export function createPrintBridge(send: (request: unknown) => Promise<unknown>): PrintBridge {
  return Object.freeze({
    print: (query: string) => send({ action: 'print', query }),
    savePdf: (query: string, fileName: string) => send({ action: 'savePdf', query, fileName }),
  });
}
