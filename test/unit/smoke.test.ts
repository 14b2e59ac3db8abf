import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMOKE_SAVE_PATH_ENV, smokeSavePath } from '../../electron/main/smoke-switch';
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
  PACKAGE_MANIFEST,
  pageGlobalsProblems,
  parseSmokeArgs,
  prebuildName,
  readApplicationMenu,
  unpackedApp,
  type MenuNode,
} from '../smoke/checks';
import { menuTemplate } from '../../electron/main/menu';

const root = path.resolve(import.meta.dirname, '../..');
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const pdf = path.resolve('/tmp/smoke/overzicht.pdf');

describe('the smoke-only save path', () => {
  it('is used by a development app only, and only as an absolute .pdf path', () => {
    expect(smokeSavePath({ [SMOKE_SAVE_PATH_ENV]: pdf }, false)).toBe(pdf);
    expect(smokeSavePath({ [SMOKE_SAVE_PATH_ENV]: pdf }, true)).toBeUndefined();
    expect(smokeSavePath({}, false)).toBeUndefined();
    expect(smokeSavePath({ [SMOKE_SAVE_PATH_ENV]: '' }, false)).toBeUndefined();
    expect(smokeSavePath({ [SMOKE_SAVE_PATH_ENV]: 'overzicht.pdf' }, false)).toBeUndefined();
    expect(smokeSavePath({ [SMOKE_SAVE_PATH_ENV]: path.resolve('/tmp/smoke/teamchef.sqlite') }, false)).toBeUndefined();
  });

  it('the main process asks it with app.isPackaged before the save dialog, and reads the variable nowhere else', () => {
    const main = readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    const ask = main.slice(main.indexOf('async function askPdfPath'), main.indexOf('showSaveDialog'));
    expect(ask).toContain('smokeSavePath(process.env, app.isPackaged)');
    expect(ask).toMatch(/if \(smokePath\)[^]*return smokePath;/);
    // The built main process still carries the check (a bundler cannot drop it: isPackaged is only known at run time).
    expect(main.match(new RegExp(SMOKE_SAVE_PATH_ENV, 'g'))).toBeNull();
  });
});

describe('finding the Electron runtime without downloading it', () => {
  const dir = path.resolve('/x/node_modules/electron');
  const probe = (files: Record<string, string>) => ({ exists: (f: string) => f in files, read: (f: string) => files[f]! });
  const pkgFile = path.join(dir, 'package.json');

  it('names what is missing: the package, the download, the binary', () => {
    expect(findElectronRuntime(dir, {}, probe({}))).toEqual({ ok: false, reason: expect.stringContaining('not installed') });
    expect(findElectronRuntime(dir, {}, probe({ [pkgFile]: '{}' }))).toEqual({ ok: false, reason: expect.stringContaining('never downloaded') });
    const withPath = { [pkgFile]: '{}', [path.join(dir, 'path.txt')]: 'electron' };
    expect(findElectronRuntime(dir, {}, probe(withPath))).toEqual({ ok: false, reason: expect.stringContaining('does not exist') });
    expect(findElectronRuntime(dir, {}, probe({ ...withPath, [path.join(dir, 'dist', 'electron')]: '' }))).toEqual({
      ok: true,
      executable: path.join(dir, 'dist', 'electron'),
    });
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const files = { [pkgFile]: '{}', [path.join(dir, 'path.txt')]: 'Electron.app/Contents/MacOS/Electron\n', [path.resolve('/opt/e/Electron.app/Contents/MacOS/Electron')]: '' };
    expect(findElectronRuntime(dir, { ELECTRON_OVERRIDE_DIST_PATH: path.resolve('/opt/e') }, probe(files))).toEqual({
      ok: true,
      executable: path.resolve('/opt/e/Electron.app/Contents/MacOS/Electron'),
    });
  });

  it('on this machine the runtime is absent, so `npm run smoke` must exit with its own code', () => {
    const here = findElectronRuntime(path.join(root, 'node_modules/electron'), process.env, {
      exists: (f) => {
        try {
          readFileSync(f);
          return true;
        } catch (err) {
          return (err as NodeJS.ErrnoException).code === 'EISDIR';
        }
      },
      read: (f) => readFileSync(f, 'utf8'),
    });
    // Either way the answer is explicit; where it is missing the reason says which file.
    if (!here.ok) expect(here.reason).toMatch(/path\.txt|does not exist/);
    expect(EXIT_NO_RUNTIME).not.toBe(EXIT_FAILED);
    expect(EXIT_NO_RUNTIME).not.toBe(0);
  });
});

describe('electron-builder’s unpacked output', () => {
  const names = { productName: 'Teamchef', name: 'teamchef' };
  it('is found per platform and architecture', () => {
    const dist = path.resolve('/r/dist');
    expect(unpackedApp(dist, 'linux', 'x64', names).executable).toBe(path.join(dist, 'linux-unpacked', 'teamchef'));
    expect(unpackedApp(dist, 'win32', 'x64', names)).toEqual({
      dir: path.join(dist, 'win-unpacked'),
      executable: path.join(dist, 'win-unpacked', 'Teamchef.exe'),
      resources: path.join(dist, 'win-unpacked', 'resources'),
    });
    expect(unpackedApp(dist, 'darwin', 'x64', names).executable).toBe(path.join(dist, 'mac', 'Teamchef.app', 'Contents', 'MacOS', 'Teamchef'));
    expect(unpackedApp(dist, 'darwin', 'arm64', names).resources).toBe(path.join(dist, 'mac-arm64', 'Teamchef.app', 'Contents', 'Resources'));
    expect(prebuildName('darwin', 'arm64')).toBe('darwin-arm64');
  });
});

describe('what the page may see', () => {
  const clean = { types: { require: 'undefined', process: 'undefined', Buffer: 'undefined' }, extras: ['teamchef', 'teamchefShell', 'teamchefPrint', '__reactRouterVersion'], protocol: 'app:' };
  it('accepts a sandboxed page with the three bridges', () => {
    expect(pageGlobalsProblems(clean)).toEqual([]);
  });
  it('refuses Node globals, a missing bridge, an extra bridge and a page not from app://', () => {
    expect(pageGlobalsProblems({ ...clean, types: { ...clean.types, require: 'function', process: 'object' } })).toEqual([
      'require is visible in the page (function)',
      'process is visible in the page (object)',
    ]);
    expect(pageGlobalsProblems({ ...clean, extras: ['teamchef', 'teamchefShell'] })).toEqual(['window.teamchefPrint is missing']);
    expect(pageGlobalsProblems({ ...clean, extras: [...clean.extras, 'ipcRenderer', 'teamchefDebug'] })).toEqual([
      'unexpected global window.ipcRenderer',
      'unexpected global window.teamchefDebug',
    ]);
    expect(pageGlobalsProblems({ ...clean, protocol: 'file:' })).toEqual(['page served from file:, not app:']);
  });
});

describe('the menus', () => {
  // The app's menu template, read the way the smoke test reads Electron's built menu.
  const asBuilt = (language: 'nl' | 'en', platform: NodeJS.Platform): MenuNode[] => {
    const template = menuTemplate({ command: () => {}, openDataFolder: () => {} }, { language, platform });
    type T = { label?: string; role?: string; type?: string; submenu?: T[] };
    const toItems = (items: T[]): unknown[] =>
      items.map((i) => ({ label: i.label ?? '', role: i.role, type: i.type ?? 'normal', submenu: i.submenu ? { items: toItems(i.submenu) } : null }));
    return readApplicationMenu({ Menu: { getApplicationMenu: () => ({ items: toItems(template as T[]) }) } });
  };

  it.each([
    ['nl', 'linux'],
    ['en', 'linux'],
    ['nl', 'win32'],
    ['en', 'darwin'],
    ['nl', 'darwin'],
  ] as const)('the %s menu on %s holds what the chief looks for', (language, platform) => {
    expect(menuProblems(asBuilt(language, platform), expectedMenus(language, platform))).toEqual([]);
  });

  it('a Dutch menu does not pass as English, and a missing item is named', () => {
    expect(menuProblems(asBuilt('nl', 'linux'), expectedMenus('en', 'linux'))[0]).toMatch(/^menu "File" is missing/);
    const menu = asBuilt('nl', 'linux').map((m) => (m.label === 'Bestand' ? { ...m, submenu: m.submenu!.filter((i) => i.label !== 'Afdrukken…') } : m));
    expect(menuProblems(menu, expectedMenus('nl', 'linux'))).toEqual([expect.stringMatching(/^"Bestand" has no "Afdrukken…"/)]);
  });
});

describe('fuses and archive', () => {
  const config = {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  };
  it('maps the builder configuration to @electron/fuses names and reports every difference', () => {
    const wire = expectedFuseWire(config);
    expect(wire).toMatchObject({ RunAsNode: false, EnableNodeCliInspectArguments: false, OnlyLoadAppFromAsar: true });
    expect(fuseProblems(wire, wire)).toEqual([]);
    expect(fuseProblems({ ...wire, RunAsNode: true, OnlyLoadAppFromAsar: undefined }, wire)).toEqual([
      'fuse RunAsNode is on, expected off',
      'fuse OnlyLoadAppFromAsar is absent, expected on',
    ]);
    expect(() => expectedFuseWire({ runAsNod: false })).toThrow(/unknown fuse/);
    // Every fuse of the real configuration has a name here.
    const builder = load(readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(Object.keys(expectedFuseWire(builder.electronFuses))).toHaveLength(Object.keys(builder.electronFuses).filter((k) => k !== 'resetAdHocDarwinSignature').length);
    expect(expectedFuseWire({ runAsNode: false, resetAdHocDarwinSignature: true })).toEqual({ RunAsNode: false });
  });

  it('reads the fuse wire from a binary with @electron/fuses, as the packaged smoke test does', async () => {
    const fuses = createRequire(import.meta.url)('@electron/fuses') as {
      getCurrentFuseWire(file: string): Promise<Record<string, unknown>>;
      FuseV1Options: Record<string, string | number>;
    };
    // A stand-in binary: Electron's sentinel, wire version 1, eight fuses as electron-builder flips them.
    const dir = mkdtempSync(path.join(tmpdir(), 'teamchef-fuses-'));
    try {
      const file = path.join(dir, 'teamchef');
      const write = (wire: string) =>
        writeFileSync(file, Buffer.concat([Buffer.from('ELF…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1'), Buffer.from('…')]));
      write('010011r0');
      const read = fuseStates(await fuses.getCurrentFuseWire(file), fuses.FuseV1Options);
      expect(read).toEqual({
        RunAsNode: false,
        EnableCookieEncryption: true,
        EnableNodeOptionsEnvironmentVariable: false,
        EnableNodeCliInspectArguments: false,
        EnableEmbeddedAsarIntegrityValidation: true,
        OnlyLoadAppFromAsar: true,
        LoadBrowserProcessSpecificV8Snapshot: undefined,
        GrantFileProtocolExtraPrivileges: false,
      });
      expect(fuseProblems(read, expectedFuseWire(config))).toEqual([]);
      // The same binary with RunAsNode left on fails the check.
      write('110011r0');
      expect(fuseProblems(fuseStates(await fuses.getCurrentFuseWire(file), fuses.FuseV1Options), expectedFuseWire(config))).toEqual(['fuse RunAsNode is on, expected off']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const asar = ['/package.json', '/out', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/node_modules', '/node_modules/zod/package.json'];
  const unpacked = ['node_modules/better-sqlite3/prebuilds/linux-x64.node', 'node_modules/better-sqlite3/lib/index.js'];
  it('accepts the built app with its own prebuild unpacked', () => {
    expect(archiveProblems(asar, unpacked, 'linux-x64')).toEqual([]);
    // Windows lists with backslashes.
    expect(archiveProblems(asar.map((f) => f.replaceAll('/', '\\')), unpacked, 'linux-x64')).toEqual([]);
  });
  it('refuses sources, maps, tests, other prebuilds, a packed native file and the C sources', () => {
    expect(
      archiveProblems(
        [...asar, '/electron/main/index.ts', '/out/main/index.js.map', '/node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', '/test/unit/x.test.ts', '/node_modules/x/y.node'],
        [...unpacked, 'node_modules/better-sqlite3/prebuilds/win32-x64.node'],
        'linux-x64',
      ),
    ).toEqual([
      'app.asar holds electron/main/index.ts, outside out/, package.json and node_modules',
      'app.asar holds a source or map: out/main/index.js.map',
      'app.asar holds test/unit/x.test.ts, outside out/, package.json and node_modules',
      'native file that does not belong in this package: node_modules/x/y.node',
      'native file that does not belong in this package: node_modules/better-sqlite3/prebuilds/win32-x64.node',
      'the package holds the SQLite C sources',
    ]);
    expect(archiveProblems(asar, [], 'linux-x64')).toEqual(['node_modules/better-sqlite3/prebuilds/linux-x64.node is not in app.asar.unpacked']);
    expect(archiveProblems(['/out/main/index.js'], unpacked, 'linux-x64')).toContain('app.asar lacks package.json');
  });

  it('finds packages’ own manifests in the listing, nested ones too, not files named package.json inside a package', () => {
    expect(PACKAGE_MANIFEST.test('/node_modules/zod/package.json')).toBe(true);
    expect(PACKAGE_MANIFEST.test('/node_modules/@mantine/core/package.json')).toBe(true);
    expect(PACKAGE_MANIFEST.test('/node_modules/exceljs/node_modules/unzipper/package.json')).toBe(true);
    expect(PACKAGE_MANIFEST.test('/node_modules/zod/v4/package.json')).toBe(false);
    expect(PACKAGE_MANIFEST.test('/package.json')).toBe(false);
  });

  it('names development packages by version: a hoisted production copy of the same name passes', () => {
    const lock = {
      packages: {
        '': { version: '0.1.0' },
        'node_modules/unzipper': { version: '0.12.5', dev: true },
        'node_modules/exceljs/node_modules/unzipper': { version: '0.10.14' },
        'node_modules/electron': { version: '45.5.0', dev: true },
        'node_modules/@mantine/core': { version: '9.8.1', dev: true },
        'node_modules/zod': { version: '4.6.7' },
      },
    };
    expect(devOnlyInArchive([{ name: 'unzipper', version: '0.10.14' }, { name: 'zod', version: '4.6.7' }], lock)).toEqual([]);
    expect(
      devOnlyInArchive(
        [
          { name: 'unzipper', version: '0.12.5' },
          { name: 'electron', version: '45.5.0' },
          { name: '@mantine/core', version: '9.8.1' },
        ],
        lock,
      ),
    ).toEqual([
      'app.asar holds @mantine/core@9.8.1, which only development needs',
      'app.asar holds electron@45.5.0, which only development needs',
      'app.asar holds unzipper@0.12.5, which only development needs',
    ]);
  });
});

describe('reading the app’s output and arguments', () => {
  it('finds the DevTools endpoint and a Node inspector line', () => {
    const out = 'some log\nDevTools listening on ws://127.0.0.1:41234/devtools/browser/abc-123\n';
    expect(devToolsEndpoint(out)).toBe('ws://127.0.0.1:41234/devtools/browser/abc-123');
    expect(devToolsEndpoint('starting…')).toBeUndefined();
    expect(inspectorListening(out)).toBe(false);
    expect(inspectorListening('Debugger listening on ws://127.0.0.1:9229/0f0e\nFor help, see: https://nodejs.org/en/docs/inspector')).toBe(true);
  });
  it('parses the options and refuses unknown ones', () => {
    expect(parseSmokeArgs([])).toEqual({ packaged: false, keep: false, build: true, arch: undefined });
    expect(parseSmokeArgs(['--packaged'])).toEqual({ packaged: true, keep: false, build: false, arch: undefined });
    expect(parseSmokeArgs(['--keep', '--no-build'])).toEqual({ packaged: false, keep: true, build: false, arch: undefined });
    expect(parseSmokeArgs(['--packaged', '--arch=x64'])).toMatchObject({ packaged: true, arch: 'x64' });
    expect(() => parseSmokeArgs(['--pakaged'])).toThrow(/unknown option --pakaged/);
    expect(() => parseSmokeArgs(['--packaged', '--arch=ia32'])).toThrow(/unknown option --arch=ia32/);
    expect(() => parseSmokeArgs(['--arch=x64'])).toThrow(/only chooses among packaged apps/);
  });
  it('finds texts in pdftotext output across line breaks and non-breaking spaces', () => {
    expect(missingTexts('Voortgangsoverzicht — Basisteam\n  Rooktest\nBesteed €\u00a0987,65', ['Basisteam Rooktest', '€ 987,65', '€ 1,00'])).toEqual(['€ 1,00']);
  });
});
