import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/**
 * The renderer's build settings, shared by electron-vite (the app) and the browser test harness,
 * so tests run exactly what ships.
 */
export const rendererRoot = resolve(import.meta.dirname, '../renderer');

/**
 * `@api/…` is the contract the renderer shares with the core (electron/api), the same path in the
 * renderer's build, the tests and tsconfig.json's `paths`.
 */
export const rendererAlias = { '@api': resolve(import.meta.dirname, '../electron/api') };

export function rendererConfig(outDir: string): UserConfig {
  return {
    root: rendererRoot,
    base: './',
    plugins: [react()],
    resolve: { alias: rendererAlias },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome140',
      sourcemap: false,
      minify: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { input: resolve(rendererRoot, 'index.html') },
    },
  };
}
