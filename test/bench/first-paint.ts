import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first-paint budget for the renderer's JavaScript, gzipped. */
export const FIRST_PAINT_BUDGET_GZIP = 400 * 1024;

/**
 * What the window must download and parse before its first paint, in a built renderer folder:
 * index.html's module scripts and modulepreloads, and every module they import statically.
 * Dynamic `import()` (React.lazy screens: charts, print, import) does not count.
 */
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

export function firstPaintSize(dir: string): { totalGzip: number; files: { file: string; gzip: number }[] } {
  const files = firstPaintFiles(dir).map((f) => ({ file: relative(dir, f), gzip: gzipSync(readFileSync(f)).length }));
  return { totalGzip: files.reduce((s, f) => s + f.gzip, 0), files };
}
