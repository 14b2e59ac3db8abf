import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Page } from 'playwright-core';
import { fixedClock } from '../../electron/core/clock';
import { LATEST_VERSION } from '../../electron/core/store/migrations';
import { STORE_FILE_NAME } from '../../electron/core/store/open';
import { startApp } from '../e2e/harness/app';
import { screenIdOf } from '../e2e/harness/screens';
import { cachedStore, TODAY, type Size } from './generate';
import { stats, type Row } from './measure';

/**
 * What the chief sees: the built renderer in Chromium (the e2e harness, the real core behind the
 * bridge) on a copy of a bench store, at 1366×768. For every screen in the navigation, in turn, the
 * time from the click on its navigation item to the screen's `data-ready` mark (renderer/src/ui/
 * ready.ts: its data in, every chart drawn, no loader) plus the frame that paints it. The first
 * round after opening the app is every screen's first visit (lazy code, first read); it is counted
 * in the median and p95 and shown on its own. Then the renderer's JavaScript heap and the memory of
 * this process, which runs the core.
 */

export const SCREEN_TARGETS = { p95: 150, heapMb: 100 };
/** Rounds over every screen after the first visits; BENCH_SCREEN_ROUNDS overrides. */
const ROUNDS = Number(process.env.BENCH_SCREEN_ROUNDS ?? (process.env.BENCH_QUICK === '1' ? 6 : 12));
const VIEWPORT = { width: 1366, height: 768 };


/**
 * The cached store of this size; when the schema moved on since it was generated (another branch's
 * migration), the newest older one, migrated on the working copy, rather than hours of generating.
 */
function benchStore(size: Size, seed: number): { file: string; note: string } {
  const root = join(tmpdir(), 'teamchef-bench-cache');
  for (let v = LATEST_VERSION; v > 0 && existsSync(root); v--) {
    const hit = readdirSync(root).find((d) => d.startsWith(`${size}-seed${seed}-schema${v}-`) && !d.includes('.partial') && existsSync(join(root, d, STORE_FILE_NAME)));
    if (hit) return { file: join(root, hit, STORE_FILE_NAME), note: v === LATEST_VERSION ? hit : `${hit}, migrated to schema ${LATEST_VERSION} on the copy` };
  }
  const cached = cachedStore(size, seed);
  return { file: cached.file, note: cached.dataDir };
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

interface NavItem {
  href: string;
  label: string;
  id: string;
}

/** Clicks the navigation item and resolves with the ms until its screen is marked ready and painted. */
function clickToReady(page: Page, item: NavItem): Promise<{ ms: number; nodes: number }> {
  return page.evaluate(
    ({ href, id }) =>
      new Promise<{ ms: number; nodes: number }>((resolve, reject) => {
        const link = document.querySelector<HTMLAnchorElement>(`nav a[href="${href}"]`);
        if (!link) return reject(new Error(`no navigation item ${href}`));
        const selector = `[data-screen="${id}"][data-ready]`;
        if (document.querySelector(selector)) return reject(new Error(`${id} is marked ready before the click`));
        const start = performance.now();
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${id} not ready 20 s after the click`));
        }, 20_000);
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          clearTimeout(timer);
          // The frame that shows it: a task after the next animation frame runs after its paint.
          requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - start, nodes: document.getElementsByTagName('*').length })));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
        link.click();
      }),
    item,
  );
}

export async function benchScreens(size: Size, seed: number, lines: string[]): Promise<Row[]> {
  const store = benchStore(size, seed);
  const work = mkdtempSync(join(tmpdir(), `teamchef-bench-screens-${size}-`));
  const rows: Row[] = [];
  try {
    // The harness writes (settings, migrations): the cached store stays as generated.
    copyFileSync(store.file, join(work, STORE_FILE_NAME));
    lines.push(`${size} screens: store ${store.note}`);
    // The core runs in this process, as in the app's main process, but this one still holds the
    // garbage of the bench's other parts (10,000-line statements, twenty bundles): collected first,
    // so that no collection of it stalls an answer during the tour.
    collectGarbage();
    const app = await startApp({ clock: fixedClock(TODAY), dataDir: work, viewport: VIEWPORT });
    try {
      const page = app.page;
      // Start outside the navigation, so that the first click on every screen is its first visit.
      await app.open('/about');
      // As a chief would: the window has shown and finished its start-up work (the screens' code
      // fetched and the common parts drawn once at idle, app/Shell.tsx) before the first click.
      // Playwright's 'networkidle' is no such signal: it is met once, at the page's load, before the
      // idle-time fetches begin. Every visit still mounts its screen afresh and reads its data.
      await page.waitForSelector('html[data-started]', { state: 'attached', timeout: 20_000 });
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
      const nav: NavItem[] = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('nav a[href]')]
          .map((a) => ({ href: a.getAttribute('href')!, label: (a.textContent ?? '').trim() }))
          .filter((a) => a.href !== '#/about'),
      ).then((items) => items.map((i) => ({ ...i, id: screenIdOf(i.href) })));
      if (nav.length < 5) throw new Error(`only ${nav.length} navigation items: ${JSON.stringify(nav)}`);
      const samples = new Map<string, { ms: number[]; nodes: number[] }>(nav.map((n) => [n.id, { ms: [], nodes: [] }]));
      for (let round = 0; round <= ROUNDS; round++) {
        for (const item of nav) {
          const r = await clickToReady(page, item);
          samples.get(item.id)!.ms.push(r.ms);
          samples.get(item.id)!.nodes.push(r.nodes);
        }
      }
      for (const item of nav) {
        const s = samples.get(item.id)!;
        rows.push({
          size,
          item: `screen ${item.label}: click → ready`,
          stats: stats(s.ms),
          target: { p95Under: SCREEN_TARGETS.p95 },
          note: `first visit ${s.ms[0]!.toFixed(0)} ms, worst ${Math.max(...s.ms).toFixed(0)} ms; ${Math.max(...s.nodes)} DOM elements`,
        });
      }
      // The heap as the chief leaves it after a tour, then after a collection (what stays referenced).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const metric = async (name: string) => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN) / 1024 / 1024;
      const heap = await metric('JSHeapUsedSize');
      await cdp.send('HeapProfiler.collectGarbage');
      const heapAfterGc = await metric('JSHeapUsedSize');
      const one = (v: number) => ({ n: 1, median: v, p95: v });
      rows.push({
        size,
        item: 'renderer JS heap after every screen (MB)',
        stats: one(heap),
        target: { p95Under: SCREEN_TARGETS.heapMb },
        note: `${heapAfterGc.toFixed(1)} MB after a garbage collection; ${nav.length * (ROUNDS + 1)} visits`,
      });
      const mem = process.memoryUsage();
      rows.push({
        size,
        item: 'bench process RSS after every screen (MB)',
        stats: one(mem.rss / 1024 / 1024),
        note: `the bench process: core, harness and test runner; JS heap ${(mem.heapUsed / 1024 / 1024).toFixed(0)} MB`,
      });
    } finally {
      await app.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
