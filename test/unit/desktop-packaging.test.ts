import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The installers cannot be built here (electron-builder downloads the Electron runtime), so this
 * checks what `npm run dist` would use: the builder configuration, validated by electron-builder's
 * own schema, and the app's file list, computed with electron-builder's own file matcher over the
 * real tree after `npm run build`.
 */
const root = resolve(import.meta.dirname, '../..');
const CONFIG = 'build/electron-builder.yml';
const require = createRequire(import.meta.url);

type Matcher = { createFilter(): (file: string, stat: Stats) => boolean; patterns: string[] };
type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  directories: { buildResources: string; output: string };
  win: { target: unknown[] };
  mac: { target: unknown[] };
  linux: { target: unknown[] };
  nsis: Record<string, unknown>;
};

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Config>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { getMainFileMatchers } = require('app-builder-lib/out/fileMatcher.js') as {
  getMainFileMatchers(...args: unknown[]): Matcher[];
};
const { getNodeModuleFileMatcher, FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  getNodeModuleFileMatcher(...args: unknown[]): Matcher & { macroExpander: (p: string) => string };
  FileMatcher: new (from: string, to: string, expander: (p: string) => string, patterns: string[]) => Matcher;
};
const { NodeModuleCopyHelper } = require('app-builder-lib/out/util/NodeModuleCopyHelper.js') as {
  NodeModuleCopyHelper: new (matcher: Matcher, info: unknown) => {
    collectNodeModules(dep: { dir: string; name: string }, excludedExts: string[], destination: string): Promise<(string | null)[]>;
  };
};
const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(pattern: string, arch: string | null, appInfo: unknown, extra: Record<string, string>): string;
};
// The matcher electron-builder itself uses for asarUnpack and files.
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
  minimatch(path: string, pattern: string, options: { dot: boolean }): boolean;
};
// electron-builder's own command line and target resolution, to read the dist scripts as it would.
const cli = require('electron-builder/out/builder.js') as {
  createYargs(): unknown;
  configureBuildCommand(yargs: unknown): { parse(args: string[]): unknown };
  normalizeOptions(args: unknown): { targets: Map<{ buildConfigurationKey: string }, Map<number, string[]>> };
};
const { computeArchToTargetNamesMap } = require('app-builder-lib/out/targets/targetFactory.js') as {
  computeArchToTargetNamesMap(raw: Map<number, string[]>, packager: { platformSpecificBuildOptions: unknown }, platform: unknown): Map<number, string[]>;
};
const { Arch } = require('builder-util') as { Arch: Record<number, string> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  productName: string;
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let config: Config;

/**
 * The files electron-builder would put into the app for one platform (outside node_modules, which it
 * adds from "dependencies"): every matcher it builds from the top-level and the platform's `files`.
 */
function packagedFiles(cfg: Config, os?: 'win' | 'mac' | 'linux'): string[] {
  const matchers = getMainFileMatchers(
    root,
    '/packaged/resources/app',
    (pattern: string) => pattern.replace('${arch}', 'x64'),
    os ? cfg[os] : {},
    { info: { isPrepackedAppAsar: false, config: cfg, projectDir: root, buildResourcesDir: cfg.directories.buildResources, debugLogger: { isEnabled: false } } },
    resolve(root, cfg.directories.output),
    false,
  );
  const out = new Set<string>();
  for (const matcher of matchers) {
    const filter = matcher.createFilter();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = join(dir, name);
        if (name === '.git' || name === 'node_modules') continue;
        const stat = statSync(file);
        if (!filter(file, stat)) continue;
        if (stat.isDirectory()) walk(file);
        else out.add(relative(root, file).split('\\').join('/'));
      }
    };
    walk(root);
  }
  return [...out].sort();
}

beforeAll(async () => {
  // `npm run build`, so the file list below is the real one.
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', 'build/electron.vite.config.ts'], {
    cwd: root,
    stdio: 'pipe',
  });
  config = await getConfig(root, CONFIG, null);
}, 120_000);

describe('electron-builder configuration', () => {
  it('is valid by electron-builder’s own schema, and the check catches a wrong key', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: false } }, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('names the app, takes the version from package.json and has its own icon', () => {
    expect(config.appId).toBe('nl.politie.teamchef');
    expect(config.productName).toBe('Teamchef');
    expect(pkg.productName).toBe('Teamchef');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    // No version in the builder config: electron-builder reads package.json.
    expect(config).not.toHaveProperty('version');
    expect(config).not.toHaveProperty('extraMetadata');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'dist' });
    const icon = readFileSync(join(root, 'build/icon.png'));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    expect(readFileSync(join(root, 'build/icon.svg'), 'utf8')).toMatch(/^<svg[^>]+viewBox="0 0 512 512"/);
    for (const platform of ['win', 'mac', 'linux'] as const) expect((config[platform] as { icon?: string }).icon ?? config.icon).toBe('build/icon.png');
  });

  it('builds per-user Windows installers (no admin), a portable exe, a macOS dmg, an AppImage and a deb', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    // Installer and portable must not overwrite each other in dist/.
    const ext = { nsis: 'exe', portable: 'exe', dmg: 'dmg', appImage: 'AppImage', deb: 'deb' };
    const names = Object.entries(ext).map(([t, e]) => (config[t] as { artifactName: string }).artifactName.replace('${ext}', e));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toContain('${version}');
  });

  it('does not rebuild the native module and unpacks it from the asar archive', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    // Node-API prebuilds: the same binary loads in Node and in Electron.
    expect(existsSync(join(root, 'node_modules/better-sqlite3/prebuilds/win32-x64.node'))).toBe(true);
  });

  it('sets the Electron fuses as the security checklist advises', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      // Not a fuse: re-signs the Mac app ad hoc after the flip, so an unsigned build starts on Apple silicon.
      resetAdHocDarwinSignature: true,
    });
  });

  it('each dist script builds every target of its system: Windows x64, both Mac architectures, Linux x64', () => {
    // Naming targets on the command line (`--mac dmg`) would drop the configured architectures and
    // build only the machine's own; the scripts name none, so the configuration's apply on any machine.
    const built = (script: string) => {
      const args = pkg.scripts[script]!.split('electron-builder ')[1]!.split(/\s+/);
      const { targets } = cli.normalizeOptions(cli.configureBuildCommand(cli.createYargs()).parse(args));
      return [...targets].flatMap(([platform, raw]) =>
        [...computeArchToTargetNamesMap(raw, { platformSpecificBuildOptions: config[platform.buildConfigurationKey] }, platform)].map(
          ([arch, names]) => `${platform.buildConfigurationKey} ${Arch[arch]}: ${names.join(', ')}`,
        ),
      );
    };
    expect(built('dist:win')).toEqual(['win x64: nsis, portable']);
    expect(built('dist:mac').sort()).toEqual(['mac arm64: dmg', 'mac x64: dmg']);
    expect(built('dist:linux')).toEqual(['linux x64: AppImage, deb']);
    // The check sees the difference.
    const named = { ...pkg.scripts, 'dist:mac': `${pkg.scripts['dist:mac']} dmg` };
    const args = named['dist:mac'].split('electron-builder ')[1]!.split(/\s+/);
    const { targets } = cli.normalizeOptions(cli.configureBuildCommand(cli.createYargs()).parse(args));
    const [platform, raw] = [...targets][0]!;
    expect([...computeArchToTargetNamesMap(raw, { platformSpecificBuildOptions: config.mac }, platform).keys()].map((a) => Arch[a])).toEqual([process.arch]);
  });

  it('has npm scripts that use this configuration, with the Electron version pinned', () => {
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder --config build\/electron-builder\.yml/);
    for (const script of ['dist:win', 'dist:mac', 'dist:linux']) expect(pkg.scripts[script]).toContain(`--config ${CONFIG}`);
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies).not.toHaveProperty('electron');
  });
});

describe('packaged files', () => {
  it.each([undefined, 'win', 'mac', 'linux'] as const)('ship the built app and nothing of the tests, sources or build configuration (%s)', (os) => {
    const files = packagedFiles(config, os);
    expect(files).toContain('package.json');
    expect(files).toContain(pkg.main);
    expect(files).toContain('out/preload/index.cjs');
    expect(files).toContain('out/renderer/index.html');
    expect(files.some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    const outside = files.filter((f) => f !== 'package.json' && !f.startsWith('out/'));
    expect(outside).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || f.endsWith('.tsx'))).toEqual([]);
  });

  it('the matcher itself refuses sources, tests and configs when they are in the tree', () => {
    const [matcher] = getMainFileMatchers(
      root,
      '/packaged',
      (p: string) => p,
      {},
      { info: { isPrepackedAppAsar: false, config, projectDir: root, buildResourcesDir: 'build', debugLogger: { isEnabled: false } } },
      resolve(root, 'dist'),
      false,
    );
    const filter = matcher!.createFilter();
    const file = { isDirectory: () => false } as Stats;
    const accepted = (rel: string) => filter(join(root, rel), file);
    expect(accepted('out/main/index.js')).toBe(true);
    expect(accepted('out/renderer/assets/index-abc.js')).toBe(true);
    for (const rel of [
      'electron/main/index.ts',
      'renderer/src/main.tsx',
      'test/unit/store.test.ts',
      'test/e2e/harness/app.ts',
      'build/electron-builder.yml',
      'build/electron.vite.config.ts',
      'tsconfig.json',
      'README.md',
      'package-lock.json',
      '.ci/run',
      'dist/Teamchef-Setup-0.1.0.exe',
      'out/main/index.js.map',
    ]) {
      expect(accepted(rel), rel).toBe(false);
    }
  });

  it('every production dependency is one the main process loads: the renderer’s libraries are bundled into out/renderer', () => {
    // electron-builder packs "dependencies" (and what they need) into app.asar; anything only the
    // renderer uses is already inside out/renderer/assets and would only add megabytes to every installer.
    const bundles = ['out/main/index.js', 'out/preload/index.cjs'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    const loaded = new Set<string>();
    for (const m of bundles.matchAll(/(?:\bfrom\s*|(?<![."'\w])import\s*\(?\s*|\brequire\s*\(\s*)["']([^"'./\n][^"'\n]*)["']/g)) {
      const s = m[1]!;
      loaded.add(s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
    }
    expect(Object.keys(pkg.dependencies).filter((name) => !loaded.has(name))).toEqual([]);
    // The renderer bundle imports nothing at run time: it is a browser bundle.
    const assets = readdirSync(join(root, 'out/renderer/assets')).filter((f) => f.endsWith('.js'));
    for (const asset of assets) expect(readFileSync(join(root, 'out/renderer/assets', asset), 'utf8')).not.toMatch(/\bfrom\s*["'](react|@mantine\/core|recharts)["']/);
  });

  it('the main process needs only packaged dependencies at run time', () => {
    const bundle = readFileSync(join(root, pkg.main), 'utf8');
    const specifiers = new Set<string>();
    for (const m of bundle.matchAll(/(?:\bfrom\s*|(?<![."'\w])import\s*\(?\s*|\brequire\s*\(\s*)["']([^"'./\n][^"'\n]*)["']/g)) specifiers.add(m[1]!);
    expect(specifiers.has('electron')).toBe(true);
    const builtins = new Set(builtinModules.flatMap((b) => [b, `node:${b}`]));
    const missing = [...specifiers]
      .filter((s) => s !== 'electron' && !builtins.has(s))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!))
      .filter((name) => !(name in pkg.dependencies));
    expect(missing).toEqual([]);
  });
});

/**
 * The files of better-sqlite3 that electron-builder copies into the package for one target, by its
 * own code: the node_modules matcher from the configuration (top level plus the platform's section,
 * `${arch}` expanded as for that target) and the copier that walks a production dependency.
 */
async function packagedModuleFiles(
  cfg: Config,
  target: { platform: NodeJS.Platform; os: 'win' | 'mac' | 'linux'; arch: 'x64' | 'arm64' },
  name = 'better-sqlite3',
): Promise<string[]> {
  const appInfo = { productName: pkg.productName, sanitizedProductName: pkg.productName, version: pkg.version, type: 'module' };
  const info = { config: cfg, debugLogger: { isEnabled: false }, appInfo, getWorkspaceRoot: async () => root };
  const expander = (pattern: string) => expandMacro(pattern, target.arch, appInfo, { os: target.os });
  // electron-builder's ${platform} is process.platform: the system it runs on, which is the
  // target's own (each system's installers are built on that system).
  const main = onPlatform(target.platform, () => getNodeModuleFileMatcher(root, '/packaged/resources/app', expander, cfg[target.os], info));
  const dir = join(root, 'node_modules', name);
  const matcher = new FileMatcher(dir, `/packaged/resources/app/node_modules/${name}`, main.macroExpander, main.patterns);
  const files = await new NodeModuleCopyHelper(matcher, info).collectNodeModules({ dir, name }, [], `node_modules/${name}`);
  return files.filter((f): f is string => typeof f === 'string').map((f) => relative(dir, f).split('\\').join('/')).sort();
}

function onPlatform<T>(platform: NodeJS.Platform, run: () => T): T {
  const original = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { ...original, value: platform });
  try {
    return run();
  } finally {
    Object.defineProperty(process, 'platform', original);
  }
}

describe('the SQLite engine in each package', () => {
  // Node-API prebuilds come inside better-sqlite3's npm package (its install script is not allowed
  // to run, see "allowScripts"), one per platform; each installer must carry its own.
  const TARGETS = [
    { platform: 'win32', os: 'win', arch: 'x64', prebuild: 'win32-x64' },
    { platform: 'darwin', os: 'mac', arch: 'x64', prebuild: 'darwin-x64' },
    { platform: 'darwin', os: 'mac', arch: 'arm64', prebuild: 'darwin-arm64' },
    { platform: 'linux', os: 'linux', arch: 'x64', prebuild: 'linux-x64' },
  ] as const;

  it('the npm package holds the prebuild of every target and nothing compiled locally', () => {
    expect(pkg.devDependencies).not.toHaveProperty('better-sqlite3');
    expect((pkg as unknown as { allowScripts: Record<string, boolean> }).allowScripts['better-sqlite3']).toBe(false);
    const prebuilds = readdirSync(join(root, 'node_modules/better-sqlite3/prebuilds'));
    for (const { prebuild } of TARGETS) expect(prebuilds).toContain(`${prebuild}.node`);
    // A build/Release binary would win over the prebuild at run time (lib/binding.js), for one platform only.
    expect(existsSync(join(root, 'node_modules/better-sqlite3/build'))).toBe(false);
    const binding = readFileSync(join(root, 'node_modules/better-sqlite3/lib/binding.js'), 'utf8');
    expect(binding).toContain("'prebuilds', `${target}.node`");
  });

  it.each(TARGETS)('the $os $arch package carries exactly the $prebuild prebuild, unpacked, and no C sources', async (target) => {
    const { prebuild } = target;
    const files = await packagedModuleFiles(config, target);
    expect(files.filter((f) => f.endsWith('.node'))).toEqual([`prebuilds/${prebuild}.node`]);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'lib/index.js', 'lib/binding.js', 'lib/database.js']));
    expect(files.filter((f) => /^(deps|src)\//.test(f) || f.endsWith('.c') || f.endsWith('.cpp'))).toEqual([]);
    // Unpacked from the asar archive: a native file cannot be loaded from inside it.
    expect(config.asarUnpack.some((p) => minimatch(`node_modules/better-sqlite3/prebuilds/${prebuild}.node`, p, { dot: true }))).toBe(true);
  });

  it('the check itself sees every prebuild when the configuration does not choose', async () => {
    const sets = config.files as unknown as { filter: string[] }[];
    const open = { ...config, files: sets.map((set) => ({ filter: set.filter.filter((p) => !p.includes('prebuilds')) })) } as unknown as Config;
    const files = await packagedModuleFiles(open, TARGETS[0]);
    expect(files.filter((f) => f.endsWith('.node')).length).toBeGreaterThan(1);
  });

  it('other dependencies are copied whole (the exclusions name only better-sqlite3)', async () => {
    const files = await packagedModuleFiles(config, TARGETS[3], 'zod');
    expect(files).toContain('package.json');
    expect(files.length).toBeGreaterThan(10);
  });
});
