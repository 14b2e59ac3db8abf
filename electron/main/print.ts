import { writeFile } from 'node:fs/promises';
import type { BrowserWindow, PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { PrintRequest, PrintResult } from '../api/print-bridge';
import { APP_ENTRY_URL } from './protocol';

export const reportUrl = (query: string): string => `${APP_ENTRY_URL}#/report?${query.replace(/^\?/, '')}`;

/** Page size, margins, footer and page numbers come from the report's own @page rules. */
export const PDF_OPTIONS: PrintToPDFOptions = { printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true };
export const PRINT_OPTIONS: WebContentsPrintOptions = { silent: false, printBackground: true };

export const READY_TIMEOUT_MS = 30_000;

/** Waits until the report route says its data and charts are drawn (`data-report-ready`). */
export async function waitForReport(evaluate: () => Promise<unknown>, timeoutMs = READY_TIMEOUT_MS, stepMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await evaluate();
    if (state === 'true') return;
    if (state === 'error') throw new Error('Het overzicht kon niet worden opgemaakt.');
    if (Date.now() > deadline) throw new Error('Het opmaken van het overzicht duurde te lang.');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export interface PrintDeps {
  /** A hidden window, hardened like the main window, with the same preload. */
  createHiddenWindow(): BrowserWindow;
  askSavePath(defaultName: string): Promise<string | undefined>;
}

/** Loads the report route in a hidden window, then prints it or saves it as PDF. */
export async function runPrintRequest(request: PrintRequest, deps: PrintDeps): Promise<PrintResult> {
  let file: string | undefined;
  if (request.action === 'savePdf') {
    file = await deps.askSavePath(request.fileName.endsWith('.pdf') ? request.fileName : `${request.fileName}.pdf`);
    if (!file) return { status: 'cancelled' };
  }
  const win = deps.createHiddenWindow();
  try {
    await win.loadURL(reportUrl(request.query));
    await waitForReport(() => win.webContents.executeJavaScript('document.documentElement.dataset.reportReady ?? null'));
    if (request.action === 'savePdf') {
      const pdf = await win.webContents.printToPDF(PDF_OPTIONS);
      await writeFile(file!, pdf);
      return { status: 'done', file };
    }
    const printed = await new Promise<boolean>((resolve) => win.webContents.print(PRINT_OPTIONS, (success) => resolve(success)));
    return printed ? { status: 'done' } : { status: 'cancelled' };
  } finally {
    win.destroy();
  }
}
