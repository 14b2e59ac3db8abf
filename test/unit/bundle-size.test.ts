import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererConfig } from '../../build/vite.renderer';

/**
 * What the window must download and parse before its first paint: index.html's entry script and
 * every module it imports statically (plus anything index.html preloads). Charts, print and import
 * screens are loaded on demand (React.lazy / dynamic import) and do not count.
 */
const FIRST_PAINT_BUDGET_GZIP = 400 * 1024;

let outDir = '';
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'teamchef-bundle-'));
  await build({ ...rendererConfig(outDir), configFile: false, logLevel: 'warn' });
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The files reached from the entry through static `import … from` / `import '…'` only. */
export function firstPaintFiles(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const roots = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ].map((src) => resolve(dir, src));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`; not `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{][^'"()]*?from\s*)?["']([^"']+\.js)["']/g)) {
      visit(resolve(dirname(file), m[1]!));
    }
  };
  roots.forEach(visit);
  return [...seen];
}

describe('renderer bundle', () => {
  it('keeps the JavaScript loaded before first paint under 400 KB gzipped', () => {
    const files = firstPaintFiles(outDir);
    const sizes = files.map((f) => ({ file: relative(outDir, f), gzip: gzipSync(readFileSync(f)).length }));
    const total = sizes.reduce((s, f) => s + f.gzip, 0);
    console.log(`first paint: ${(total / 1024).toFixed(1)} KB gzipped in ${files.length} files\n${sizes.map((s) => `  ${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join('\n')}`);
    expect(files.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(FIRST_PAINT_BUDGET_GZIP);
  });

  it('loads charts, print and import code on demand, not before first paint', () => {
    const eager = firstPaintFiles(outDir).map((f) => readFileSync(f, 'utf8')).join('\n');
    // recharts draws with these class names; papaparse and the report view have their own markers.
    expect(eager).not.toMatch(/recharts-wrapper/);
    expect(eager).not.toMatch(/papaparse|UndetectableDelimiter/);
    expect(eager).not.toMatch(/reportReady/);
  });
});
