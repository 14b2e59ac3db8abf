import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { BRIDGE_GLOBAL, createBridge } from '../../../electron/api/bridge';
import { METHODS } from '../../../electron/api/contract';
import { createPrintBridge, PRINT_GLOBAL } from '../../../electron/api/print-bridge';
import type { Ctx } from '../../../electron/api/define';
import type { Envelope } from '../../../electron/api/errors';
import { createCore, type Core, type CoreOptions } from '../../../electron/core';
import { launchChromium } from './browser';
import { serveRenderer } from './static-server';
import { toWire } from './wire';

const TRANSPORT = '__teamchefTransport';
const PRINT_TRANSPORT = '__teamchefPrintTransport';
const WIRE = '__teamchefWire';

export interface AppHarness {
  page: Page;
  core: Core;
  dataDir: string;
  url: string;
  /** Loads the app fresh (a new page load; the store stays). */
  open(hash?: string): Promise<void>;
  /** Calls the transport from inside the page, exactly as a hostile or buggy page could. */
  rawCall(method: unknown, payload: unknown): Promise<Envelope<unknown>>;
  /** Requests the page sent to the Electron shell's print channel; the harness answers 'done'. */
  printRequests: unknown[];
  /** Closes the core and opens the same store file again (as a restart of the app would). */
  restartCore(): Promise<void>;
  /**
   * Another page on the same store and server, in its own browser context: another screen
   * (deviceScaleFactor is the OS display scale, as on a laptop at 125%) or another browser locale.
   */
  newPage(options: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** The browser's (the operating system's) locale; the app's language is its own setting. */
  locale?: string;
}

export interface HarnessOptions {
  clock?: Ctx;
  /** Fill the store before the page opens. */
  seed?(core: Core): void | Promise<void>;
  viewport?: { width: number; height: number };
  /** The browser's locale (nl-NL unless told). */
  locale?: string;
  /** Open this existing data folder instead of a fresh temp one; it is left in place on close. */
  dataDir?: string;
  /** Pacing of the full audit verification's workers (see electron/core/audit/verify-job.ts). */
  auditVerify?: CoreOptions['auditVerify'];
}

/**
 * Plays the main process: the real core on a temp SQLite file in this test process, the built
 * renderer in Chromium, and the bridge installed in the page by the preload's own factory, each
 * call forwarded to the core's dispatcher. Only Electron's IPC transport is replaced.
 */
export async function startApp(options: HarnessOptions = {}): Promise<AppHarness> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'teamchef-e2e-'));
  let core = createCore({ dataDir, clock: options.clock, auditVerify: options.auditVerify });
  await options.seed?.(core);
  const server = await serveRenderer(inject('rendererDir'));
  const browser: Browser = await launchChromium();
  const printRequests: unknown[] = [];
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  async function openPage(opts: PageOptions): Promise<Page> {
    const context: BrowserContext = await browser.newContext({
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      deviceScaleFactor: opts.deviceScaleFactor ?? 1,
      locale: opts.locale ?? 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    contexts.push(context);
    // The answer travels as JSON text when that carries it unchanged: Playwright's own encoding of a
    // large object cost a screen 100–250 ms per call, where Electron's IPC costs about a millisecond.
    await context.exposeBinding(WIRE, async (_source, method: unknown, payload: unknown) => toWire(await core.dispatch(method, payload)));
    await context.addInitScript(
      `window[${JSON.stringify(TRANSPORT)}] = (m, p) => window[${JSON.stringify(WIRE)}](m, p).then((r) => (typeof r === 'string' ? JSON.parse(r) : r));`,
    );
    await context.exposeBinding(PRINT_TRANSPORT, (_source, request: unknown) => {
      printRequests.push(request);
      return { ok: true, data: { status: 'done', file: '/tmp/overzicht.pdf' } };
    });
    await context.addInitScript(
      `window[${JSON.stringify(PRINT_GLOBAL)}] = (${createPrintBridge.toString()})((r) => window[${JSON.stringify(PRINT_TRANSPORT)}](r));`,
    );
    await context.addInitScript(
      `window[${JSON.stringify(BRIDGE_GLOBAL)}] = (${createBridge.toString()})(${JSON.stringify(METHODS)}, (m, p) => window[${JSON.stringify(TRANSPORT)}](m, p));`,
    );
    const p = await context.newPage();
    p.setDefaultTimeout(10_000);
    p.on('pageerror', (err) => pageErrors.push(String(err)));
    return p;
  }
  const page = await openPage({ viewport: options.viewport, locale: options.locale });

  const harness: AppHarness = {
    page,
    get core() {
      return core;
    },
    dataDir,
    url: server.url,
    printRequests,
    async open(hash = '') {
      await page.goto(`${server.url}${hash ? `#${hash}` : ''}`);
      await page.locator('main').first().waitFor();
    },
    rawCall: (method, payload) =>
      page.evaluate(([t, m, p]) => (window as unknown as Record<string, (a: unknown, b: unknown) => Promise<Envelope<unknown>>>)[t as string]!(m, p), [
        TRANSPORT,
        method,
        payload,
      ] as const),
    async restartCore() {
      core.close();
      core = createCore({ dataDir, clock: options.clock, auditVerify: options.auditVerify });
    },
    newPage: openPage,
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.close();
      core.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      if (pageErrors.length) throw new Error(`Uncaught errors in the page:\n${pageErrors.join('\n')}`);
    },
  };
  return harness;
}
