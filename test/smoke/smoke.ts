/**
 * `npm run smoke`: builds the app and starts the real Electron app (Playwright's Electron support)
 * on a temporary data folder, then checks it as a chief would. `npm run smoke:packaged`: the same
 * against electron-builder's unpacked output in dist/ (`npm run pack` or `npm run dist:<os>` first),
 * plus the fuses, the archive's contents and the SQLite engine's native file.
 *
 * Exit codes: 0 all checks passed, 1 a check failed, 2 wrong usage, 3 nothing to launch here (no
 * Electron runtime, or no packaged app) — one line says so; never a silent pass.
 * Runs on Node's type stripping: imports only node:, packages and .ts files without runtime TypeScript.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { SMOKE_SAVE_PATH_ENV } from '../../electron/main/smoke-switch.ts';
import {
  archiveProblems,
  devOnlyInArchive,
  devToolsEndpoint,
  EXIT_FAILED,
  EXIT_NO_RUNTIME,
  expectedFuseWire,
  expectedMenus,
  findElectronRuntime,
  fuseProblems,
  fuseStates,
  inspectorListening,
  menuProblems,
  missingTexts,
  PAGE_GLOBALS_PROBE,
  PACKAGE_MANIFEST,
  pageGlobalsProblems,
  parseSmokeArgs,
  prebuildName,
  readApplicationMenu,
  unpackedApp,
  type MenuNode,
  type PageGlobals,
  type SmokeArgs,
} from './checks.ts';
import { chooseLanguage, createTeam, expectExpenseListed, recordExpense, savePdf, SMOKE_AMOUNT_TEXT, SMOKE_PAYEE, SMOKE_TEAM, waitForWelcome } from './flow.ts';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  productName: string;
};

let args: SmokeArgs;
try {
  args = parseSmokeArgs(process.argv.slice(2));
} catch (err) {
  console.error(`Teamchef smoke: ${(err as Error).message}`);
  process.exit(2);
}
const label = args.packaged ? 'Teamchef smoke (packaged)' : 'Teamchef smoke';

// ---- What to launch; nothing there is exit 3 with one line. ----
const runtime = findElectronRuntime(path.join(root, 'node_modules/electron'), process.env, {
  exists: existsSync,
  read: (file) => readFileSync(file, 'utf8'),
});
const arch = args.arch ?? process.arch;
const packagedApp = unpackedApp(path.join(root, 'dist'), process.platform, arch, pkg);
if (!args.packaged && !runtime.ok) {
  console.log(`${label}: cannot run: ${runtime.reason}; install it with \`npm run electron:install\` on a machine with internet access.`);
  process.exit(EXIT_NO_RUNTIME);
}
if (args.packaged && !existsSync(packagedApp.executable)) {
  console.log(`${label}: cannot run: no packaged app at ${packagedApp.executable}; build it first with \`npm run pack\` (downloads Electron's runtime).`);
  process.exit(EXIT_NO_RUNTIME);
}

// ---- Scratch space ----
const scratch = mkdtempSync(path.join(tmpdir(), 'teamchef-smoke-'));
const dataDir = path.join(scratch, 'data');
const userDataDir = path.join(scratch, 'user-data');
const pdfFile = path.join(scratch, 'overzicht.pdf');
const storeFile = path.join(dataDir, 'teamchef.sqlite');
const nodeOptionsMarker = path.join(scratch, 'node-options-ran');
const nodeOptionsScript = path.join(scratch, 'node-options.cjs');
writeFileSync(nodeOptionsScript, `require('fs').writeFileSync(${JSON.stringify(nodeOptionsMarker)}, 'ran');\n`);

const appArgs = [`--data-dir=${dataDir}`, `--user-data-dir=${userDataDir}`];
const appEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  [SMOKE_SAVE_PATH_ENV]: pdfFile,
  // Where Chromium honours it (Linux), keeps the smoke test away from a Teamchef the user runs.
  XDG_CONFIG_HOME: path.join(scratch, 'config'),
};
delete appEnv.ELECTRON_RUN_AS_NODE;
delete appEnv.ELECTRON_RENDERER_URL;

// ---- Small test kit ----
class CheckFailed extends Error {}
function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new CheckFailed(message);
}
function none(problems: string[], what: string): void {
  check(problems.length === 0, `${what}:\n      - ${problems.join('\n      - ')}`);
}
async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new CheckFailed(`${what} (last seen: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
let passed = 0;
async function step(name: string, run: () => Promise<void> | void): Promise<void> {
  const started = performance.now();
  await run();
  passed++;
  console.log(`  ok  ${name} (${Math.round(performance.now() - started)} ms)`);
}

// ---- The store, read from outside the app ----
function readStore(): { integrity: string; teams: string[]; expenses: { payee: string; cents: number }[] } {
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(storeFile, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; '),
      teams: (db.prepare('SELECT name FROM team ORDER BY id').all() as { name: string }[]).map((r) => r.name),
      expenses: db.prepare('SELECT payee, amount_cents AS cents FROM expense ORDER BY id').all() as { payee: string; cents: number }[],
    };
  } finally {
    db.close();
  }
}
function checkStore(when: string): void {
  check(existsSync(storeFile), `no data file at ${storeFile} (${when})`);
  const store = readStore();
  check(store.integrity === 'ok', `PRAGMA integrity_check ${when}: ${store.integrity}`);
  check(JSON.stringify(store.teams) === JSON.stringify([SMOKE_TEAM]), `teams in the file ${when}: ${JSON.stringify(store.teams)}`);
  check(JSON.stringify(store.expenses) === JSON.stringify([{ payee: SMOKE_PAYEE, cents: 98765 }]), `expenses in the file ${when}: ${JSON.stringify(store.expenses)}`);
}

// ---- Launching: the development app through Playwright's Electron support, the packaged one over CDP ----
interface Session {
  page: Page;
  /** Main-process access (development app only: the packaged app's fuses close Node's inspector). */
  main?: ElectronApplication;
  browser?: Browser;
  child: ChildProcess;
  output(): string;
  /** Quits the way a chief does (closing the window) and waits for the process to end. */
  quit(): Promise<void>;
  kill(): void;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new CheckFailed(`process ${child.pid} did not end within ${timeoutMs / 1000} s`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

function killTree(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  if (process.platform === 'win32') {
    try {
      execFileSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
  } else child.kill('SIGKILL');
}

async function appPage(pages: () => Page[], what: string): Promise<Page> {
  const page = await poll(async () => pages().find((p) => p.url().startsWith('app:')), Boolean, `no app:// window in ${what}`, 60_000);
  page!.setDefaultTimeout(20_000);
  return page!;
}

/** A start that fails half-way must not leave the app running. */
async function orKill<T>(child: ChildProcess | undefined, output: () => string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (err) {
    if (child) killTree(child);
    const tail = output().split('\n').slice(-30).join('\n');
    if (err instanceof CheckFailed) throw new CheckFailed(`${err.message}${tail && !err.message.includes(tail) ? `\n  app output:\n${tail}` : ''}`);
    throw err;
  }
}

async function launchDevelopment(): Promise<Session> {
  const main = await _electron.launch({ args: [root, ...appArgs], env: appEnv, timeout: 90_000 });
  const child = main.process();
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const page = await orKill(child, () => out, async () => {
    await main.firstWindow({ timeout: 60_000 });
    return appPage(() => main.windows(), 'the development app');
  });
  return {
    page,
    main,
    child,
    output: () => out,
    quit: async () => {
      await main.close(); // app.quit() in the main process, then waits for the process to end
    },
    kill: () => killTree(child),
  };
}

async function launchPackaged(extraArgs: string[], extraEnv: Record<string, string>): Promise<Session> {
  const child = spawn(packagedApp.executable, ['--remote-debugging-port=0', ...extraArgs, ...appArgs], {
    env: { ...appEnv, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const { browser, page } = await orKill(child, () => out, async () => {
    const endpoint = await poll(
      async () => {
        if (child.exitCode !== null) {
          const hint = extraEnv.ELECTRON_RUN_AS_NODE ? ' — it may have run as plain Node (ELECTRON_RUN_AS_NODE honoured)' : '';
          throw new CheckFailed(`the packaged app ended at start (exit ${child.exitCode})${hint}:\n${out.slice(-2000)}`);
        }
        return devToolsEndpoint(out);
      },
      Boolean,
      'the packaged app did not open a window (no DevTools endpoint)',
      60_000,
    );
    const cdp = await chromium.connectOverCDP(endpoint!);
    return { browser: cdp, page: await appPage(() => cdp.contexts().flatMap((c) => c.pages()), 'the packaged app') };
  });
  return {
    page,
    browser,
    child,
    output: () => out,
    quit: async () => {
      // Closing the only window quits the app (window-all-closed), which closes the store. The
      // main process is out of reach here (fuses), so the fallbacks are the browser's own close
      // and, on Linux and macOS, SIGTERM, on which Electron quits in order too.
      const ways: [string, () => Promise<unknown>][] = [
        ['closing the window', () => page.evaluate(() => window.close())],
        ['Browser.close', async () => (await browser.newBrowserCDPSession()).send('Browser.close')],
        ...(process.platform === 'win32' ? [] : [['SIGTERM', async () => child.kill('SIGTERM')] as [string, () => Promise<unknown>]]),
      ];
      for (const [way, run] of ways) {
        await run().catch(() => undefined);
        try {
          await exited(child, 15_000);
          console.log(`      (quit by ${way})`);
          await browser.close().catch(() => undefined);
          return;
        } catch {
          /* try the next way */
        }
      }
      throw new CheckFailed(`the packaged app did not quit (tried ${ways.map(([w]) => w).join(', ')})`);
    },
    kill: () => killTree(child),
  };
}

const launch = (): Promise<Session> => (args.packaged ? launchPackaged([], {}) : launchDevelopment());

/** Starts the app a second time on the same folder: it must hand over to the first and end. */
async function launchSecond(): Promise<number | null> {
  const command = args.packaged ? packagedApp.executable : (runtime as { executable: string }).executable;
  // The development app runs as Playwright starts it (on Linux with --no-sandbox); the packaged one as installed.
  const prefix = args.packaged ? [] : [...(process.platform === 'linux' ? ['--no-sandbox'] : []), root];
  const second = spawn(command, [...prefix, ...appArgs], { env: appEnv, stdio: 'ignore' });
  try {
    return await exited(second, 30_000);
  } catch (err) {
    killTree(second);
    throw err;
  }
}

// ---- The run ----
async function staticPackagedChecks(): Promise<void> {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
  await step('the binary carries the configured Electron fuses', () => {
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as {
      getCurrentFuseWire(file: string): Promise<Record<string, unknown>>;
      FuseV1Options: Record<string, number | string>;
    };
    return getCurrentFuseWire(packagedApp.executable).then((wire) => {
      none(fuseProblems(fuseStates(wire, FuseV1Options), expectedFuseWire(config.electronFuses)), 'fuses');
    });
  });
  await step('app.asar holds only the built app and production dependencies; the SQLite engine is unpacked', () => {
    const asar = require('@electron/asar') as { listPackage(file: string, options: { isPack: boolean }): string[]; extractFile(archive: string, file: string): Buffer };
    const asarFile = path.join(packagedApp.resources, 'app.asar');
    check(existsSync(asarFile), `no ${asarFile}`);
    const unpackedDir = path.join(packagedApp.resources, 'app.asar.unpacked');
    const unpacked: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else unpacked.push(path.relative(unpackedDir, file));
      }
    };
    if (existsSync(unpackedDir)) walk(unpackedDir);
    const listed = asar.listPackage(asarFile, { isPack: false });
    const packages = listed
      .filter((f) => PACKAGE_MANIFEST.test(f.split(path.sep).join('/')))
      .map((f) => {
        try {
          const manifest = JSON.parse(asar.extractFile(asarFile, f.replace(/^[\\/]+/, '')).toString('utf8')) as { name?: string; version?: string };
          return manifest.name && manifest.version ? { name: manifest.name, version: manifest.version } : undefined;
        } catch {
          return undefined; // an unpacked file: better-sqlite3, checked below
        }
      })
      .filter((p): p is { name: string; version: string } => !!p);
    check(packages.some((p) => p.name === 'zod'), `no production dependency found in app.asar (${packages.length} packages read)`);
    none(
      [
        ...archiveProblems(listed, unpacked, prebuildName(process.platform, arch)),
        ...devOnlyInArchive(packages, JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'))),
      ],
      'archive',
    );
  });
}

async function run(): Promise<void> {
  const mode = args.packaged ? `packaged app ${packagedApp.executable}` : `Electron ${(runtime as { executable: string }).executable}`;
  console.log(`${label}: ${mode}\n  data folder ${dataDir}`);
  if (args.build) {
    await step('npm run build', () => {
      execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', 'build/electron.vite.config.ts'], {
        cwd: root,
        stdio: 'pipe',
      });
    });
  }
  if (args.packaged) await staticPackagedChecks();

  // First start. The packaged app starts with ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect, all
  // of which its fuses must ignore: it has to open its window, not a Node prompt.
  let session: Session | undefined;
  try {
    await step(args.packaged ? 'starts on the welcome despite ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect' : 'starts on the welcome', async () => {
      session = args.packaged
        ? await launchPackaged(['--inspect=0'], { ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: `--require "${nodeOptionsScript.split(path.sep).join('/')}"` })
        : await launchDevelopment();
      await waitForWelcome(session.page);
      if (args.packaged) {
        check(!inspectorListening(session.output()), 'the packaged app opened Node’s inspector (--inspect was honoured)');
        check(!existsSync(nodeOptionsMarker), 'the packaged app ran NODE_OPTIONS --require');
      }
    });
    const s = () => session!;

    await step('the page has no Node globals, only the teamchef, teamchefShell and teamchefPrint bridges', async () => {
      none(pageGlobalsProblems(await s().page.evaluate<PageGlobals>(PAGE_GLOBALS_PROBE)), 'page globals');
    });
    await step('creates the team on the welcome', () => createTeam(s().page));
    await step('records an expense', () => recordExpense(s().page));
    await step('the data file exists and passes PRAGMA integrity_check (second, read-only connection)', () => checkStore('while the app runs'));

    if (!args.packaged) {
      await step('saves the full overview as PDF through the hidden print window', async () => {
        const confirmation = await savePdf(s().page);
        check(existsSync(pdfFile), `no PDF at ${pdfFile} (the page said: ${confirmation})`);
        let text: string;
        try {
          text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
        } catch (err) {
          throw new CheckFailed(`pdftotext (poppler) could not read the PDF: ${(err as Error).message}`);
        }
        none(
          missingTexts(text, [`Voortgangsoverzicht — ${SMOKE_TEAM}`, SMOKE_TEAM, SMOKE_AMOUNT_TEXT]).map((t) => `the PDF lacks "${t}"`),
          'PDF text',
        );
        const windows = await s().main!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
        check(windows === 1, `the print window was not closed after saving (${windows} windows)`);
      });

      await step('the Dutch and the English menus hold the expected items', async () => {
        const menu = () => s().main!.evaluate<MenuNode[]>(readApplicationMenu);
        none(menuProblems(await menu(), expectedMenus('nl', process.platform)), 'Dutch menu');
        await chooseLanguage(s().page, 'en');
        const english = await poll(menu, (m) => menuProblems(m, expectedMenus('en', process.platform)).length === 0, 'the menu did not follow the page to English');
        none(menuProblems(english, expectedMenus('en', process.platform)), 'English menu');
        await chooseLanguage(s().page, 'nl');
        await poll(menu, (m) => menuProblems(m, expectedMenus('nl', process.platform)).length === 0, 'the menu did not return to Dutch');
      });

      await step('a second start on the same folder brings the first window back instead of opening another', async () => {
        await s().main!.evaluate(({ app, BrowserWindow }) => {
          const g = globalThis as { __smokeSecondInstances?: number };
          g.__smokeSecondInstances = 0;
          app.on('second-instance', () => g.__smokeSecondInstances!++);
          BrowserWindow.getAllWindows()[0]!.hide();
        });
        const code = await launchSecond();
        check(code === 0, `the second start ended with exit code ${code}`);
        const state = await poll(
          () =>
            s().main!.evaluate(({ BrowserWindow }) => {
              const wins = BrowserWindow.getAllWindows();
              return { windows: wins.length, visible: wins[0]?.isVisible() ?? false, events: (globalThis as { __smokeSecondInstances?: number }).__smokeSecondInstances ?? 0 };
            }),
          (st) => st.visible && st.events > 0,
          'the first window did not come back after the second start',
        );
        check(state.windows === 1, `${state.windows} windows after the second start`);
      });
    } else {
      await step('a second start on the same folder ends and opens no second window', async () => {
        const code = await launchSecond();
        check(code === 0, `the second start ended with exit code ${code}`);
        await new Promise((r) => setTimeout(r, 1000));
        const pages = s().browser!.contexts().flatMap((c) => c.pages()).filter((p) => p.url().startsWith('app:'));
        check(pages.length === 1, `${pages.length} app windows after the second start`);
      });
    }

    await step('quits by closing the window; the data file is intact', async () => {
      await s().quit();
      checkStore('after quitting');
    });
    session = undefined;

    await step('starts again and shows the team and the expense', async () => {
      session = await launch();
      await s().page.getByTestId('team-name').waitFor({ timeout: 30_000 });
      const name = (await s().page.getByTestId('team-name').textContent())?.trim();
      check(name === SMOKE_TEAM, `team after restart: ${name}`);
      await expectExpenseListed(s().page);
    });

    if (args.packaged) {
      await step(`the packaged app ignores ${SMOKE_SAVE_PATH_ENV}: saving as PDF asks the chief`, async () => {
        await s().page.getByRole('navigation').getByRole('link', { name: 'Afdrukken', exact: true }).click();
        await s().page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
        await s().page.getByTestId('report-preview').getByTestId('report-title').waitFor({ timeout: 30_000 });
        await s().page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
        await new Promise((r) => setTimeout(r, 5000));
        check(!existsSync(pdfFile), `the packaged app wrote ${pdfFile} without asking`);
        check((await s().page.getByText(/opgeslagen als/).count()) === 0, 'the page reports a saved PDF');
        // The native save dialog is open now; nothing is left to do in this session.
        s().kill();
        await exited(s().child, 20_000);
        session = undefined;
        checkStore('after the app was ended with its save dialog open');
      });
    } else {
      await step('quits again; the data file is intact', async () => {
        await s().quit();
        session = undefined;
        checkStore('after the second run');
      });
    }
  } finally {
    if (session) {
      console.log(`  app output (last lines):\n${session.output().split('\n').slice(-30).join('\n')}`);
      session.kill();
    }
  }
}

try {
  await run();
  console.log(`${label}: all ${passed} checks passed.`);
  if (!args.keep) rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
} catch (err) {
  console.log(`  FAILED after ${passed} passed checks: ${err instanceof CheckFailed ? err.message : (err as Error).stack}`);
  console.log(`  (data folder kept: ${scratch})`);
  process.exit(EXIT_FAILED);
}
