import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportQuery, type ReportOptions } from '../../../electron/api/report';
import type { AppHarness } from './app';

export interface RenderedPdf {
  file: string;
  pages: number;
  /** pdftotext -layout output, one string per page. */
  pageTexts: string[];
  text: string;
  /** Milliseconds from navigation to the finished PDF. */
  ms: number;
}

/**
 * Renders the report route to PDF exactly as the Electron print window does: the same route,
 * the same readiness flag, and Chromium's print engine (page.pdf is printToPDF). Needs poppler-utils.
 */
export function renderReportPdf(app: AppHarness, options: ReportOptions, outDir?: string): Promise<RenderedPdf> {
  return renderQueryPdf(app, reportQuery(options), options.kind, outDir);
}

/** Any print route query (`#/report?<query>`) to PDF, e.g. the district overview's `kind=district&from=…&to=…`. */
export async function renderQueryPdf(app: AppHarness, query: string, name: string, outDir?: string): Promise<RenderedPdf> {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'teamchef-pdf-'));
  const started = performance.now();
  await app.page.goto(`${app.url}#/report?${query}`);
  await app.page.waitForFunction(() => document.documentElement.dataset.reportReady, undefined, { timeout: 60_000 });
  const ready = await app.page.evaluate(() => document.documentElement.dataset.reportReady);
  if (ready !== 'true') throw new Error(`Report did not render: ${await app.page.locator('body').innerText()}`);
  const pdf = await app.page.pdf({ preferCSSPageSize: true, printBackground: true });
  const ms = performance.now() - started;
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  // A ten-year report's text runs to megabytes, past execFileSync's default 1 MB output buffer.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { file, pages, pageTexts: text.split('\f').slice(0, pages), text, ms };
}

/** PNG pages (pdftoppm) for looking at the paper, e.g. `pdfToPngs(pdf.file, 'test-results/report')`. */
export function pdfToPngs(file: string, prefix: string, dpi = 60): string[] {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
  const dir = join(prefix, '..');
  const base = prefix.split('/').pop()!;
  return readdirSync(dir)
    .filter((f) => f.startsWith(base) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
