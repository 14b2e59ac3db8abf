/**
 * Renders build/icon.svg to build/icon.png (512x512, transparent corners) in Chromium, the
 * same engine the app runs on. electron-builder derives the Windows .ico and macOS .icns from it.
 * Run after changing the SVG: `npx node build/render-icon.ts` (CHROMIUM_PATH for another browser).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = import.meta.dirname;
const svg = readFileSync(resolve(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(resolve(dir, 'icon.png'), png);
} finally {
  await browser.close();
}
