import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import log from 'electron-log/main';
import { AppError } from '../api/errors';
import { createCore, type Core } from '../core';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { resolveDataDir } from './data-dir';
import { createApiHandler, defaultAllowedOrigins, registerApi } from './ipc';
import { runShellRequest } from './print';
import { createShellHandler, registerShell } from './shell-ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol';
import { hardenWebContents, mainWindowOptions } from './window';

protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
log.initialize();

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

function openCore(): Core | undefined {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  try {
    const opened = createCore({ dataDir, onInternalError: (method, err) => log.error(`API ${method} failed`, err) });
    log.info(`Store opened at ${opened.file}`);
    return opened;
  } catch (err) {
    log.error('Store could not be opened', err);
    const message = err instanceof AppError ? err.message : 'Het gegevensbestand kan niet worden geopend.';
    dialog.showErrorBox('Teamchef kan niet starten', `${message}\n\nGegevensmap: ${dataDir}`);
    return undefined;
  }
}

const preloadPath = () => path.join(import.meta.dirname, '../preload/index.cjs');
const isAppUrl = (url: string) => defaultAllowedOrigins(devServerUrl).some((origin) => url.startsWith(`${origin}/`));

function createHiddenReportWindow(): BrowserWindow {
  const win = new BrowserWindow({ ...mainWindowOptions(preloadPath()), show: false });
  hardenWebContents(win.webContents, isAppUrl);
  return win;
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath()));
  hardenWebContents(win.webContents, isAppUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    core = openCore();
    if (!core) {
      app.quit();
      return;
    }
    serveAppProtocol(protocol, path.join(import.meta.dirname, '../renderer'));
    registerApi(ipcMain, createApiHandler(core.dispatch, defaultAllowedOrigins(devServerUrl)));
    registerShell(
      ipcMain,
      createShellHandler(
        (request) =>
          runShellRequest(request, {
            createHiddenWindow: createHiddenReportWindow,
            askSavePath: async (defaultName) => {
              const result = await dialog.showSaveDialog(mainWindow!, {
                defaultPath: path.join(app.getPath('documents'), defaultName),
                filters: [{ name: 'PDF', extensions: ['pdf'] }],
              });
              return result.canceled ? undefined : result.filePath;
            },
          }),
        defaultAllowedOrigins(devServerUrl),
        (err) => log.error('Printing failed', err),
      ),
    );
    mainWindow = createMainWindow();
    log.info(`Window loading ${devServerUrl ?? APP_ORIGIN}`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}
