import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { rendererConfig } from '../../../build/vite.renderer';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
  }
}

/** Builds the renderer once per run, exactly as the app ships it, into a private folder. */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'teamchef-renderer-'));
  const config = rendererConfig(outDir);
  // Vitest sets NODE_ENV=test, which would make Vite ship React's development build; test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...config, mode: 'production', configFile: false, logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('rendererDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
