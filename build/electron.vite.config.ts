import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './vite.renderer';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  main: {
    root,
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    root,
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandboxed preloads can only require('electron'): bundle the rest into one CommonJS file.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { external: ['electron'], output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: rendererConfig(resolve(root, 'out/renderer')),
});
