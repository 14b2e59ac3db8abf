import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererConfig } from '../../build/vite.renderer';
import { FIRST_PAINT_BUDGET_GZIP, firstPaintFiles, firstPaintSize } from '../bench/first-paint';

/**
 * The renderer as it ships (the same build settings as the app), measured the way the window loads
 * it: index.html's entry and its static imports must stay under 400 KB gzipped; charts, print and
 * import code are loaded on demand.
 */
let outDir = '';
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'teamchef-bundle-'));
  await build({ ...rendererConfig(outDir), configFile: false, logLevel: 'warn' });
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('renderer bundle', () => {
  it('keeps the JavaScript loaded before first paint under 400 KB gzipped', () => {
    const { totalGzip, files } = firstPaintSize(outDir);
    console.log(
      `first paint: ${(totalGzip / 1024).toFixed(1)} KB gzipped in ${files.length} files\n${files.map((s) => `  ${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join('\n')}`,
    );
    expect(files.length).toBeGreaterThan(1);
    expect(totalGzip).toBeLessThan(FIRST_PAINT_BUDGET_GZIP);
  });

  it('loads charts, print and import code on demand, not before first paint', () => {
    const eager = firstPaintFiles(outDir);
    const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    for (const lazy of ['ReportPage', 'ReportView', 'ImportScreen', 'FundsCharts', 'ProgressCharts', 'ReceiptViewer']) {
      const chunk = assets.find((f) => f.startsWith(`${lazy}-`));
      expect(chunk, `a chunk of its own for ${lazy}`).toBeDefined();
      expect(eager.map((f) => basename(f)), `${lazy} before first paint`).not.toContain(chunk);
    }
    // recharts draws into this wrapper: it is in the bundle, but not in what the first paint loads.
    const has = (files: string[]) => files.some((f) => readFileSync(f, 'utf8').includes('recharts-wrapper'));
    expect(has(assets.map((f) => join(outDir, 'assets', f)))).toBe(true);
    expect(has(eager)).toBe(false);
    // pdf.js (the receipt viewer) and its worker: shipped, but loaded only when a PDF is opened.
    const pdfjs = (files: string[]) => files.some((f) => readFileSync(f, 'utf8').includes('GlobalWorkerOptions'));
    expect(pdfjs(assets.map((f) => join(outDir, 'assets', f)))).toBe(true);
    expect(pdfjs(eager)).toBe(false);
    expect(readdirSync(join(outDir, 'assets')).some((f) => /^pdf\.worker\.min-.+\.mjs$/.test(f))).toBe(true);
  });
});
