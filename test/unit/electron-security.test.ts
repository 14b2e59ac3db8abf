import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/main/protocol';
import { hardenWebContents, mainWindowOptions } from '../../electron/main/window';
import { tempDir } from './helpers';

/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item, on
 * the main process's configuration. Items on the window and IPC sender are also in
 * main-process.test.ts; this file covers the rest and checks the sources for what must not appear.
 * Item 18 (Electron fuses) is not applicable yet: there is no packaging configuration to set them
 * in; it belongs with the installer (electron-builder `electronFuses`).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name)) out.push({ file: rel, text: read(rel) });
  }
  return out;
}
const electronSources = sources('electron');
const mainSources = sources('electron/main');

type Listener = (...args: unknown[]) => void;
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  let permissionRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
  let permissionCheck: ((...a: unknown[]) => boolean) | undefined;
  const contents = {
    on: (event: string, fn: Listener) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    session: {
      setPermissionRequestHandler: (fn: typeof permissionRequest) => (permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof permissionCheck) => (permissionCheck = fn),
    },
  };
  const fire = (event: string, ...args: unknown[]) => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  };
  return { contents, listeners, fire, open: (url: string) => openHandler!({ url }), request: (p: string) => {
    let granted: boolean | undefined;
    permissionRequest!(contents, p, (g) => (granted = g));
    return granted;
  }, check: (p: string) => permissionCheck!(contents, p, APP_ORIGIN, {}) };
}

const isOwn = (url: string) => url.startsWith(`${APP_ORIGIN}/`);

describe("Electron's security checklist", () => {
  const prefs = mainWindowOptions('/x/preload.cjs').webPreferences!;

  it('1. only loads secure, local content: the page comes from app://, never http(s) or file://', () => {
    expect(APP_ENTRY_URL.startsWith('app://')).toBe(true);
    const main = read('electron/main/index.ts');
    expect(main).not.toMatch(/loadFile\(|file:\/\/|http:\/\/(?!localhost)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('2–4. no Node.js in the page, context isolation and the sandbox: set in the options and again at the BrowserWindow call', () => {
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, contextIsolation: true, sandbox: true });
    const main = read('electron/main/index.ts');
    const call = main.slice(main.indexOf('new BrowserWindow('));
    expect(call).toMatch(/contextIsolation: true/);
    expect(call).toMatch(/sandbox: true/);
    expect(call).toMatch(/nodeIntegration: false/);
  });

  it('5. refuses every permission request and check (camera, notifications, geolocation, …)', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents as never, isOwn);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      expect(wc.request(p), p).toBe(false);
      expect(wc.check(p), p).toBe(false);
    }
  });

  it('6, 8, 9, 10. web security on, no insecure content, no experimental or Blink features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    for (const { file, text } of electronSources) {
      expect(text, file).not.toMatch(/enableBlinkFeatures|webSecurity:\s*false|allowRunningInsecureContent:\s*true|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
    }
  });

  it('7. a content security policy on every response of the app:// protocol', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'a.js'), '1');
    let handler: ((r: Request) => Promise<Response>) | undefined;
    serveAppProtocol({ handle: (_scheme: string, fn: (r: Request) => Promise<Response>) => (handler = fn) }, root);
    for (const url of [APP_ENTRY_URL, `${APP_ORIGIN}/assets/a.js`]) {
      const res = await handler!(new Request(url));
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
    expect((await handler!(new Request(`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`))).status).not.toBe(200);
    // The scheme is privileged as a secure standard origin, without bypassing the CSP or enabling service workers.
    expect(APP_SCHEME_PRIVILEGES[0]!.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES[0]!.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES[0]!.privileges).not.toHaveProperty('allowServiceWorkers');
  });

  it('11. no <webview>: the tag is off and attaching one is prevented', () => {
    expect(prefs.webviewTag).toBe(false);
    const wc = fakeWebContents();
    hardenWebContents(wc.contents as never, isOwn);
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true);
  });

  it('12. navigation is limited to the app itself (also redirects)', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents as never, isOwn);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(wc.fire(event, 'https://evil.example/'), event).toBe(true);
      expect(wc.fire(event, 'file:///etc/passwd'), event).toBe(true);
      expect(wc.fire(event, 'app://other/index.html'), event).toBe(true);
      expect(wc.fire(event, `${APP_ORIGIN}/index.html#/settings`), event).toBe(false);
    }
    // Applied to every web contents the app creates, not only the main window.
    expect(read('electron/main/index.ts')).toMatch(/app\.on\('web-contents-created',[\s\S]*hardenWebContents\(contents/);
  });

  it('13. no new windows (also not by middle click): every window.open is denied', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents as never, isOwn);
    expect(wc.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(wc.open(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' });
  });

  it('14. shell.openExternal is never called, and openPath only with the data folder (Help > Gegevensmap openen)', () => {
    for (const { file, text } of electronSources) {
      expect(text, file).not.toMatch(/openExternal/);
      // Besides the data folder, only the temporary copy of a receipt ("Openen met…"), made in receipt-open.ts.
      for (const call of text.match(/openPath\([^)]*\)/g) ?? []) expect(['openPath(dataDir)', 'openPath(copy)'], file).toContain(call);
    }
  });

  it('15. a current, exactly pinned Electron', () => {
    const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    const version = pkg.devDependencies.electron!;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('16. IPC: the API, the print channel, the language and undo-state reports, each behind the sender check; nothing else listens', () => {
    const expected: Record<string, string[]> = {
      'ipc.ts': ['ipcMain.handle('],
      'print-ipc.ts': ['ipcMain.handle('],
      'receipt-open.ts': ['ipcMain.handle('],
      'index.ts': ['ipcMain.on(', 'ipcMain.on('],
    };
    for (const { file, text } of mainSources) {
      const handles = text.match(/ipcMain\.(handle|on|once|handleOnce)\(/g) ?? [];
      expect(handles, file).toEqual(expected[file.split('/').pop()!] ?? []);
    }
    const main = read('electron/main/index.ts');
    expect(main).toMatch(/registerApi\(ipcMain, createApiHandler\(/);
    expect(main).toMatch(/registerPrint\(\s*ipcMain,\s*createPrintHandler\(/);
    expect(main).toMatch(/ipcMain\.on\(SHELL_LANGUAGE_CHANNEL[\s\S]{0,300}isTrustedSender\(/);
    expect(main).toMatch(/ipcMain\.on\(SHELL_UNDO_CHANNEL[\s\S]{0,300}isTrustedSender\(/);
    expect(read('electron/main/print-ipc.ts')).toMatch(/isTrustedSender\(/);
    expect(read('electron/main/receipt-open.ts')).toMatch(/isTrustedSender\(/);
    expect(main).toMatch(/registerOpenReceipt\(\s*ipcMain,\s*createOpenReceiptHandler\(/);
  });

  it('17. file:// is not used: the page, its assets and the API origin check all use app://', () => {
    for (const { file, text } of mainSources) expect(text, file).not.toMatch(/protocol\.(registerFileProtocol|interceptFileProtocol)|loadFile\(/);
  });

  it('19. the preload exposes only the three typed bridges, never ipcRenderer or other Electron APIs', () => {
    const preload = read('electron/preload/index.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(3);
    expect(preload).toMatch(/exposeInMainWorld\(\s*BRIDGE_GLOBAL,\s*createBridge\(METHODS,/);
    expect(preload).toMatch(/exposeInMainWorld\(\s*SHELL_GLOBAL,\s*createShellBridge\(/);
    expect(preload).toMatch(/exposeInMainWorld\(\s*PRINT_GLOBAL,\s*createPrintBridge\(/);
    // Listening and sending only on the shell's own channels; the IPC event never reaches the page.
    expect(preload.match(/ipcRenderer\.(on|once|send|sendSync|postMessage)\([^,]*/g)).toEqual([
      'ipcRenderer.on(SHELL_COMMAND_CHANNEL',
      'ipcRenderer.send(SHELL_LANGUAGE_CHANNEL',
      'ipcRenderer.send(SHELL_UNDO_CHANNEL',
    ]);
    expect(preload).toMatch(/\(_event: Electron\.IpcRendererEvent, command: unknown\) => listener\(command\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*,\s*ipcRenderer\s*\)/);
  });
});
