import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The core is TypeScript; the crash tests build it once into plain JavaScript a child's Node can
 * import. It lives under the project (.tmp/, ignored by git) so the child resolves better-sqlite3
 * and zod. Returns the module path and a cleanup.
 */
export async function buildCore(name: string): Promise<{ coreModule: string; cleanup: () => void }> {
  const buildDir = join(ROOT, '.tmp', `${name}-${process.pid}`);
  mkdirSync(buildDir, { recursive: true });
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      ssr: join(ROOT, 'electron/core/index.ts'),
      outDir: buildDir,
      emptyOutDir: true,
      minify: false,
      target: 'node24',
      rollupOptions: { output: { format: 'es', entryFileNames: 'core.mjs' } },
    },
  });
  return { coreModule: join(buildDir, 'core.mjs'), cleanup: () => rmSync(buildDir, { recursive: true, force: true }) };
}
