import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import log from 'electron-log/main';
import { AppError } from '../api/errors';
import { createCore, type Core } from '../core';
import { newestGoodBackup, restoreOverDamaged } from '../core/backup/recovery';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { scheduleBackups } from './backup-schedule';
import { resolveDataDir } from './data-dir';
import { createApiHandler, defaultAllowedOrigins, registerApi } from './ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol';
import { describeRecovered, describeStartProblem } from './startup';
import { hardenWebContents, mainWindowOptions } from './window';

protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
log.initialize();

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let stopBackups: (() => void) | undefined;

async function openCore(): Promise<Core | undefined> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  const open = () => createCore({ dataDir, onInternalError: (method, err) => log.error(`API ${method} failed`, err) });
  try {
    const opened = open();
    log.info(`Store opened at ${opened.file}`);
    return opened;
  } catch (err) {
    log.error('Store could not be opened', err);
    const problem = describeStartProblem(err, dataDir, () => newestGoodBackup(dataDir));
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: problem.title,
      message: problem.message,
      detail: problem.detail,
      buttons: problem.buttons,
      defaultId: 0,
      cancelId: problem.buttons.length - 1,
      noLink: true,
    });
    if (!problem.offer || response !== 0) return undefined;
    try {
      const keptAs = await restoreOverDamaged(dataDir, problem.offer.name, new Date());
      const reopened = open();
      const done = describeRecovered(problem.offer, keptAs);
      log.info(`Restored ${problem.offer.name}; damaged store kept as ${keptAs}`);
      await dialog.showMessageBox({ type: 'info', title: done.title, message: done.message, buttons: ['OK'] });
      return reopened;
    } catch (restoreErr) {
      log.error('Restoring the newest backup failed', restoreErr);
      const message = restoreErr instanceof AppError ? restoreErr.message : 'De back-up kon niet worden teruggezet.';
      dialog.showErrorBox('Teamchef kan niet starten', `${message}\n\nGegevensmap: ${dataDir}`);
      return undefined;
    }
  }
}

function createMainWindow(): BrowserWindow {
  const options = mainWindowOptions(path.join(import.meta.dirname, '../preload/index.cjs'));
  // The isolation settings are repeated at the call so that no edit elsewhere can weaken them
  // (and so static checkers such as electronegativity can see them).
  const win = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return win;
}

const allowedOrigins = defaultAllowedOrigins(devServerUrl);
// Every web contents the app ever creates (the window, and anything a page might try to open)
// gets the same limits: no navigation away, no new windows, no webviews, no permissions.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, (url) => allowedOrigins.some((origin) => url.startsWith(`${origin}/`)));
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(async () => {
    core = await openCore();
    if (!core) {
      app.quit();
      return;
    }
    stopBackups = scheduleBackups(core.backups, { setInterval, clearInterval }, (when, err) => log.error(`Backup (${when}) failed`, err));
    serveAppProtocol(protocol, path.join(import.meta.dirname, '../renderer'));
    registerApi(ipcMain, createApiHandler(core.dispatch, allowedOrigins));
    mainWindow = createMainWindow();
    log.info(`Window loading ${devServerUrl ?? APP_ORIGIN}`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopBackups?.();
    core?.close();
  });
}
