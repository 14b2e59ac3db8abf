/**
 * The smoke test's decisions, as pure functions (unit-tested in test/unit/smoke.test.ts): where the
 * Electron runtime and the unpacked app are, what the page may see, what the menus must hold, what
 * the archive may contain and which fuses the binary must carry. Only node: imports, so that
 * test/smoke/smoke.ts runs straight on Node's type stripping.
 */
import path from 'node:path';

/** Exit code when there is nothing to launch: distinct from a failed check (1). */
export const EXIT_NO_RUNTIME = 3;
export const EXIT_FAILED = 1;

export type Runtime = { ok: true; executable: string } | { ok: false; reason: string };

export interface FileProbe {
  exists(file: string): boolean;
  read(file: string): string;
}

/**
 * The Electron binary the `electron` package would start, found without requiring the package
 * (its index.js downloads the runtime when it is missing, which must not happen in a test).
 */
export function findElectronRuntime(electronDir: string, env: Readonly<Record<string, string | undefined>>, fs: FileProbe): Runtime {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.exists(path.join(electronDir, 'package.json'))) return { ok: false, reason: `the electron package is not installed (${electronDir})` };
  const relative = fs.exists(pathFile) ? fs.read(pathFile).trim() : '';
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  if (!relative) return { ok: false, reason: `Electron's runtime was never downloaded (no ${pathFile})` };
  const executable = path.join(distDir, relative);
  if (!fs.exists(executable)) return { ok: false, reason: `Electron's runtime is missing (${executable} does not exist)` };
  return { ok: true, executable };
}

export interface UnpackedApp {
  /** What electron-builder --dir wrote for this platform and architecture. */
  dir: string;
  executable: string;
  /** The folder that holds app.asar and app.asar.unpacked. */
  resources: string;
}

/** electron-builder's --dir output folder and binary names for the machine the smoke test runs on. */
export function unpackedApp(distDir: string, platform: NodeJS.Platform, arch: string, names: { productName: string; name: string }): UnpackedApp {
  if (platform === 'darwin') {
    const dir = path.join(distDir, arch === 'x64' ? 'mac' : `mac-${arch}`);
    const bundle = path.join(dir, `${names.productName}.app`);
    return { dir, executable: path.join(bundle, 'Contents', 'MacOS', names.productName), resources: path.join(bundle, 'Contents', 'Resources') };
  }
  if (platform === 'win32') {
    const dir = path.join(distDir, arch === 'x64' ? 'win-unpacked' : `win-${arch}-unpacked`);
    return { dir, executable: path.join(dir, `${names.productName}.exe`), resources: path.join(dir, 'resources') };
  }
  const dir = path.join(distDir, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
  return { dir, executable: path.join(dir, names.name), resources: path.join(dir, 'resources') };
}

/** better-sqlite3's prebuild name for a platform and architecture (glibc Linux). */
export const prebuildName = (platform: NodeJS.Platform, arch: string): string => `${platform}-${arch}`;

/** What the page reports about itself (collected by PAGE_GLOBALS_PROBE). */
export interface PageGlobals {
  types: Record<string, string>;
  /** Own window properties that are not in a plain browser window. */
  extras: string[];
  protocol: string;
}

/** Runs in the page: no Node global may be visible, and only the preload's three bridges are added. */
export const PAGE_GLOBALS_PROBE = `(() => {
  const names = ['require', 'process', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate', 'electron', 'ipcRenderer'];
  const types = {};
  for (const n of names) types[n] = typeof globalThis[n];
  const frame = document.createElement('iframe');
  frame.style.display = 'none';
  document.body.append(frame);
  const plain = new Set(Object.getOwnPropertyNames(frame.contentWindow));
  frame.remove();
  // An init script may add the same names to the blank frame too: bridge-like names always count.
  const extras = Object.getOwnPropertyNames(window).filter((k) => !plain.has(k) || /teamchef|electron|^ipc|bridge/i.test(k));
  return { types, extras, protocol: location.protocol };
})()`;

export const EXPECTED_BRIDGES = ['teamchef', 'teamchefPrint', 'teamchefShell'] as const;

/** Everything wrong with the page's globals; empty when the page is a sandboxed web page with our bridges only. */
export function pageGlobalsProblems(globals: PageGlobals): string[] {
  const problems: string[] = [];
  for (const [name, type] of Object.entries(globals.types)) if (type !== 'undefined') problems.push(`${name} is visible in the page (${type})`);
  for (const bridge of EXPECTED_BRIDGES) if (!globals.extras.includes(bridge)) problems.push(`window.${bridge} is missing`);
  // Frameworks add their own globals (React's dev hooks, Vite's preload list, Mantine's…): only
  // names that look like a bridge to the shell are refused.
  const suspicious = globals.extras.filter((k) => !(EXPECTED_BRIDGES as readonly string[]).includes(k) && /teamchef|electron|^ipc|bridge/i.test(k));
  for (const name of suspicious) problems.push(`unexpected global window.${name}`);
  if (globals.protocol !== 'app:') problems.push(`page served from ${globals.protocol}, not app:`);
  return problems;
}

/** A menu as read from `Menu.getApplicationMenu()` in the main process. */
export interface MenuNode {
  label: string;
  role?: string | null;
  accelerator?: string | null;
  submenu?: MenuNode[];
}

/** Runs in the main process via electronApp.evaluate: the application menu as plain data. */
export const readApplicationMenu = ({ Menu }: { Menu: { getApplicationMenu(): unknown } }): MenuNode[] => {
  type Item = { label: string; role?: string; accelerator?: string; type: string; submenu?: { items: Item[] } | null };
  const walk = (items: Item[]): MenuNode[] =>
    items
      .filter((i) => i.type !== 'separator')
      .map((i) => ({ label: i.label, role: i.role ?? null, accelerator: i.accelerator ?? null, ...(i.submenu ? { submenu: walk(i.submenu.items) } : {}) }));
  const menu = Menu.getApplicationMenu() as { items: Item[] } | null;
  return menu ? walk(menu.items) : [];
};

/**
 * The menus a chief must find, written from what the chief sees (not from the app's own table):
 * top-level menu → items it must contain.
 */
export function expectedMenus(language: 'nl' | 'en', platform: NodeJS.Platform): Record<string, string[]> {
  const mac = platform === 'darwin';
  if (language === 'nl') {
    return {
      ...(mac ? { Teamchef: ['Over Teamchef', 'Afsluiten'] } : {}),
      Bestand: ['Nieuwe uitgave', 'Back-up maken…', 'Exporteren…', 'Afdrukken…', mac ? 'Venster sluiten' : 'Afsluiten'],
      Bewerken: ['Ongedaan maken', 'Opnieuw', 'Knippen', 'Kopiëren', 'Plakken', 'Alles selecteren', 'Zoeken'],
      Beeld: ['Ware grootte', 'Inzoomen', 'Uitzoomen', 'Volledig scherm'],
      Help: [...(mac ? [] : ['Over Teamchef']), 'Gegevensmap openen'],
    };
  }
  return {
    ...(mac ? { Teamchef: ['About Teamchef', 'Quit'] } : {}),
    File: ['New expense', 'Make a backup…', 'Export…', 'Print…', mac ? 'Close window' : 'Quit'],
    Edit: ['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select all', 'Search'],
    View: ['Actual size', 'Zoom in', 'Zoom out', 'Full screen'],
    Help: [...(mac ? [] : ['About Teamchef']), 'Open data folder'],
  };
}

/** What is missing from the menu bar compared with `expected`. */
export function menuProblems(menu: readonly MenuNode[], expected: Record<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [top, items] of Object.entries(expected)) {
    const found = menu.find((m) => m.label === top);
    if (!found) {
      problems.push(`menu "${top}" is missing (menu bar: ${menu.map((m) => m.label).join(', ')})`);
      continue;
    }
    const labels = (found.submenu ?? []).map((i) => i.label);
    for (const item of items) if (!labels.includes(item)) problems.push(`"${top}" has no "${item}" (has: ${labels.join(', ')})`);
  }
  return problems;
}

/** The fuse settings of build/electron-builder.yml, by @electron/fuses' option names. */
export function expectedFuseWire(electronFuses: Record<string, boolean>): Record<string, boolean> {
  const names: Record<string, string> = {
    runAsNode: 'RunAsNode',
    enableCookieEncryption: 'EnableCookieEncryption',
    enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
    enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
    enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
    onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
    loadBrowserProcessSpecificV8Snapshot: 'LoadBrowserProcessSpecificV8Snapshot',
    grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
  };
  // Options of the flip itself, not fuses in the binary.
  const notFuses = new Set(['resetAdHocDarwinSignature', 'strictlyRequireAllFuses']);
  const wire: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(electronFuses)) {
    if (notFuses.has(key)) continue;
    const name = names[key];
    if (!name) throw new Error(`unknown fuse in the builder configuration: ${key}`);
    wire[name] = value;
  }
  return wire;
}

/**
 * The fuse wire as @electron/fuses' getCurrentFuseWire reads it from the binary (fuse index → state
 * byte: '0' disabled, '1' enabled, 'r' removed), by option name; absent or removed fuses are undefined.
 */
export function fuseStates(wire: Record<string, unknown>, options: Record<string, string | number>): Record<string, boolean | undefined> {
  const states: Record<string, boolean | undefined> = {};
  for (const [name, index] of Object.entries(options)) {
    if (typeof index !== 'number') continue;
    const state = wire[index];
    states[name] = state === 48 ? false : state === 49 ? true : undefined;
  }
  return states;
}

/** Differences between the fuses read from the binary (option name → enabled) and the configured ones. */
export function fuseProblems(actual: Record<string, boolean | undefined>, expected: Record<string, boolean>): string[] {
  return Object.entries(expected)
    .filter(([name, value]) => actual[name] !== value)
    .map(([name, value]) => `fuse ${name} is ${actual[name] === undefined ? 'absent' : actual[name] ? 'on' : 'off'}, expected ${value ? 'on' : 'off'}`);
}

/**
 * What the app archive (app.asar, paths as @electron/asar lists them) and its unpacked folder may
 * hold: the built app without source maps, package.json and the production dependencies (no package
 * that only development needs, such as electron, vitest or the renderer's libraries, which Vite has
 * bundled into out/renderer); better-sqlite3's native file only unpacked, and only this platform's.
 */
export function archiveProblems(asarFiles: readonly string[], unpackedFiles: readonly string[], prebuild: string): string[] {
  const norm = (f: string) => f.split('\\').join('/').replace(/^\/+/, '');
  const files = asarFiles.map(norm);
  const unpacked = unpackedFiles.map(norm);
  const problems = new Set<string>();
  for (const need of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!files.includes(need)) problems.add(`app.asar lacks ${need}`);
  }
  for (const file of files) {
    const parts = file.split('/');
    const top = parts[0]!;
    if (file === 'package.json') continue;
    if (top === 'out') {
      if (/\.(map|tsx?)$/.test(file)) problems.add(`app.asar holds a source or map: ${file}`);
      continue;
    }
    if (top === 'node_modules') continue; // judged by devOnlyInArchive, by name and version
    problems.add(`app.asar holds ${file}, outside out/, package.json and node_modules`);
  }
  const natives = [...files, ...unpacked].filter((f) => f.endsWith('.node'));
  const wanted = `node_modules/better-sqlite3/prebuilds/${prebuild}.node`;
  if (!unpacked.includes(wanted)) problems.add(`${wanted} is not in app.asar.unpacked`);
  for (const f of natives) if (f !== wanted) problems.add(`native file that does not belong in this package: ${f}`);
  if ([...files, ...unpacked].some((f) => /^node_modules\/better-sqlite3\/(deps|src)\//.test(f))) problems.add('the package holds the SQLite C sources');
  return [...problems];
}

/** Where a package's own package.json sits in the archive (node_modules/<name>/package.json, nested too). */
export const PACKAGE_MANIFEST = /^\/?(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+\/package\.json$/;

type Lock = { packages?: Record<string, { version?: string; dev?: boolean }> };

/**
 * Packages in the archive (name and version, from their package.json there) that the lockfile knows
 * only as development packages. By version, because electron-builder hoists a production
 * dependency's nested copy (exceljs' own unzipper 0.10) to the top, where the lockfile has a
 * development package of the same name (unzipper 0.12).
 */
export function devOnlyInArchive(packages: readonly { name: string; version: string }[], lock: Lock): string[] {
  const dev = new Set<string>();
  const prod = new Set<string>();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const at = key.lastIndexOf('node_modules/');
    if (at < 0 || !entry.version) continue;
    const id = `${key.slice(at + 'node_modules/'.length)}@${entry.version}`;
    (entry.dev ? dev : prod).add(id);
  }
  const found = packages.map((p) => `${p.name}@${p.version}`).filter((id) => dev.has(id) && !prod.has(id));
  return [...new Set(found)].sort().map((id) => `app.asar holds ${id}, which only development needs`);
}

/** Texts the saved PDF must contain; missing ones are returned. */
export function missingTexts(text: string, needles: readonly string[]): string[] {
  const flat = text.replace(/\s+/g, ' ');
  return needles.filter((n) => !flat.includes(n.replace(/\s+/g, ' ')));
}

export interface SmokeArgs {
  packaged: boolean;
  /** Keep the temp data folder for a look afterwards. */
  keep: boolean;
  /** Run `npm run build` first (not for the packaged app: it is built already). */
  build: boolean;
  /** Which unpacked app (`--arch=x64` runs the Intel Mac build under Rosetta on Apple silicon). */
  arch: string | undefined;
}

export function parseSmokeArgs(argv: readonly string[]): SmokeArgs {
  const flags = new Set(['--packaged', '--keep', '--no-build']);
  const unknown = argv.filter((a) => !flags.has(a) && !/^--arch=(x64|arm64)$/.test(a));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')} (known: ${[...flags].join(', ')}, --arch=x64|arm64)`);
  const arch = argv.find((a) => a.startsWith('--arch='))?.slice('--arch='.length);
  if (arch && !argv.includes('--packaged')) throw new Error('--arch only chooses among packaged apps (with --packaged)');
  return { packaged: argv.includes('--packaged'), keep: argv.includes('--keep'), build: !argv.includes('--no-build') && !argv.includes('--packaged'), arch };
}

/** "DevTools listening on ws://…" as Chromium prints it on stderr with --remote-debugging-port. */
export function devToolsEndpoint(output: string): string | undefined {
  return /^DevTools listening on (ws:\/\/\S+)/m.exec(output)?.[1];
}

/** Node's inspector line: must never appear from a packaged app (the fuse turns --inspect off). */
export const inspectorListening = (output: string): boolean => /^Debugger listening on ws:\/\//m.test(output);
