import { describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, createBridge, IPC_CHANNEL } from '../../electron/api/bridge';
import { METHODS } from '../../electron/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { resolveDataDir } from '../../electron/main/data-dir';
import { createApiHandler, defaultAllowedOrigins, isTrustedSender, registerApi } from '../../electron/main/ipc';
import { APP_ORIGIN, resolveAppPath } from '../../electron/main/protocol';
import { mainWindowOptions } from '../../electron/main/window';
import { PROFILE, testCore } from './helpers';

describe('app:// protocol path handling', () => {
  const root = '/opt/teamchef/renderer';
  it.each([
    ['app://teamchef/', '/opt/teamchef/renderer/index.html'],
    ['app://teamchef/index.html', '/opt/teamchef/renderer/index.html'],
    ['app://teamchef/assets/index-abc.js', '/opt/teamchef/renderer/assets/index-abc.js'],
    ['app://teamchef/assets/a%20b.css', '/opt/teamchef/renderer/assets/a b.css'],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppPath(root, url)).toBe(file);
  });

  it.each(['app://teamchef/../../etc/passwd', 'app://teamchef/%2e%2e/%2e%2e/etc/passwd', 'app://teamchef/a/../../../x'])(
    'keeps %s inside the renderer folder',
    (url) => {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(`${root}/`)).toBe(true);
    },
  );

  it.each([
    'app://teamchef/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://teamchef/..%5c..%5cwindows%5csystem.ini',
    'app://teamchef/index.html%00.js',
    'app://teamchef/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://teamchef/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('IPC', () => {
  const allowed = defaultAllowedOrigins();
  it('trusts only the app page in the main frame', () => {
    expect(isTrustedSender(`${APP_ORIGIN}/index.html#/funds`, true, allowed)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`, false, allowed)).toBe(false);
    expect(isTrustedSender('https://example.org/', true, allowed)).toBe(false);
    expect(isTrustedSender('file:///tmp/x.html', true, allowed)).toBe(false);
    expect(isTrustedSender('app://other/index.html', true, allowed)).toBe(false);
    expect(isTrustedSender(undefined, true, allowed)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, allowed)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, defaultAllowedOrigins('http://localhost:5173/'))).toBe(true);
  });

  it('registers exactly one handler on one channel and refuses foreign senders without touching the store', async () => {
    const core = testCore();
    const registered: [string, unknown][] = [];
    const handler = createApiHandler(core.dispatch, allowed);
    registerApi({ handle: (ch: string, fn: unknown) => registered.push([ch, fn]), removeHandler: () => undefined }, handler);
    expect(registered).toEqual([[IPC_CHANNEL, handler]]);

    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;
    expect(await handler(foreign, 'team.create', PROFILE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const subframe = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: {} } } as never;
    expect(await handler(subframe, 'team.create', PROFILE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM team').get()).toEqual({ n: 0 });

    const own = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } } as never;
    expect(await handler(own, 'team.create', PROFILE)).toMatchObject({ ok: true });
    expect(await handler(own, 'nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('the bridge exposes exactly the contract, frozen', async () => {
    const calls: [string, unknown][] = [];
    const bridge = createBridge(METHODS, async (m, p) => calls.push([m, p]));
    expect(Object.keys(bridge).sort()).toEqual([...METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge['team.get']!({ teamId: 1 });
    expect(calls).toEqual([['team.get', { teamId: 1 }]]);
    expect(BRIDGE_GLOBAL).toBe('teamchef');
  });
});

describe('window and page security', () => {
  it('isolates the renderer', () => {
    const prefs = mainWindowOptions('/x/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('has a strict content security policy', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
  });
});

describe('data folder', () => {
  it('prefers --data-dir, then TEAMCHEF_DATA_DIR, then userData', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir=/d1'], { TEAMCHEF_DATA_DIR: '/d2' }, '/u')).toBe('/d1');
    expect(resolveDataDir(['electron', '.', '--data-dir', '/d1'], {}, '/u')).toBe('/d1');
    expect(resolveDataDir(['electron', '.'], { TEAMCHEF_DATA_DIR: '/d2' }, '/u')).toBe('/d2');
    expect(resolveDataDir(['electron', '.'], {}, '/u')).toBe('/u');
  });
});
