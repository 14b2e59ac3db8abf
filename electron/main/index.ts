import { tmpdir } from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, shell } from 'electron';
import log from 'electron-log/main';
import { AppError } from '../api/errors';
import { parseShellLanguage, parseShellUndoState, SHELL_LANGUAGE_CHANNEL, SHELL_UNDO_CHANNEL, type ShellLanguage, type ShellUndoState } from '../api/shell';
import { createCore, type Core } from '../core';
import { newestGoodBackup, restoreOverDamaged } from '../core/backup/recovery';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { scheduleBackups } from './backup-schedule';
import { resolveDataDir } from './data-dir';
import { createApiHandler, defaultAllowedOrigins, isTrustedSender, registerApi } from './ipc';
import { menuTemplate } from './menu';
import { runPrintRequest } from './print';
import { createPrintHandler, registerPrint } from './print-ipc';
import { createOpenReceiptHandler, registerOpenReceipt } from './receipt-open';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol';
import { sendShellCommand } from './shortcuts';
import { claimSingleInstance } from './single-instance';
import { smokeSavePath } from './smoke-switch';
import { describeRecovered, describeStartProblem, restartWhenPageCheckFails } from './startup';
import { hardenWebContents, mainWindowOptions } from './window';
import { keyProtectionFrom } from './key-protection';
import { loadWindowState, restoreBounds, saveWindowState } from './window-state';

protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
log.initialize();
log.errorHandler.startCatching({ showDialog: false });

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const allowedOrigins = defaultAllowedOrigins(devServerUrl);
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let language: ShellLanguage = 'nl';
let undoState: ShellUndoState = { undo: null, redo: null };
let stopBackups: (() => void) | undefined;

async function openCore(): Promise<Core | undefined> {
  const open = () =>
    createCore({
      dataDir,
      onInternalError: (method, err) => log.error(`API ${method} failed`, err),
      app: { version: app.getVersion(), logFile: log.transports.file.getFile().path },
      keyProtection: keyProtectionFrom(safeStorage),
    });
  try {
    const opened = open();
    log.info(`Teamchef ${app.getVersion()}: store opened at ${opened.file}`);
    const stale = opened.lock.takenOver;
    if (stale) log.warn(`Took over the data folder lock left by pid ${stale.pid} on ${stale.host} (since ${stale.since}); that Teamchef ended without closing`);
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

const preloadPath = () => path.join(import.meta.dirname, '../preload/index.cjs');
const isAppUrl = (url: string) => allowedOrigins.some((origin) => url.startsWith(`${origin}/`));

/** The print window: hidden, hardened like the main window, with the same preload. */
function createHiddenReportWindow(): BrowserWindow {
  const options = mainWindowOptions(preloadPath());
  return new BrowserWindow({
    ...options,
    show: false,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
}

async function askPdfPath(defaultName: string): Promise<string | undefined> {
  const smokePath = smokeSavePath(process.env, app.isPackaged);
  if (smokePath) {
    log.warn(`Save dialog answered by the smoke test: ${smokePath}`);
    return smokePath;
  }
  const result = await dialog.showSaveDialog(mainWindow!, {
    defaultPath: path.join(app.getPath('documents'), defaultName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  return result.canceled ? undefined : result.filePath;
}

function installMenu(): void {
  const template = menuTemplate(
    {
      command: (command) => sendShellCommand(mainWindow, command),
      openDataFolder: () => void shell.openPath(dataDir),
    },
    { language, platform: process.platform, dev: !app.isPackaged, undo: undoState },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createMainWindow(): BrowserWindow {
  const base = mainWindowOptions(preloadPath());
  const { maximized, ...bounds } = restoreBounds(
    loadWindowState(dataDir),
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
    { width: base.width!, height: base.height!, minWidth: base.minWidth!, minHeight: base.minHeight! },
  );
  // The isolation settings are repeated at the call so that no edit elsewhere can weaken them
  // (and so static checkers such as electronegativity can see them).
  const win = new BrowserWindow({
    ...base,
    ...bounds,
    webPreferences: { ...base.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      saveWindowState(dataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (err) {
      log.warn('Window state not saved', err);
    }
  });
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return win;
}

// Every web contents the app ever creates (the window, the print window, anything a page might try
// to open) gets the same limits: no navigation away, no new windows, no webviews, no permissions.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));

if (claimSingleInstance(app, () => mainWindow)) {
  void app.whenReady().then(async () => {
    core = await openCore();
    if (!core) {
      app.quit();
      return;
    }
    restartWhenPageCheckFails(core, (err) => {
      log.error('The background page check found damage; starting again to offer the newest good backup', err);
      app.relaunch();
      app.quit();
    });
    stopBackups = scheduleBackups(core.backups, { setInterval, clearInterval }, (when, err) => log.error(`Backup (${when}) failed`, err));
    serveAppProtocol(protocol, path.join(import.meta.dirname, '../renderer'));
    registerApi(ipcMain, createApiHandler(core.dispatch, allowedOrigins));
    // The page reports its language; the menu follows it.
    ipcMain.on(SHELL_LANGUAGE_CHANNEL, (event, value: unknown) => {
      const frame = event.senderFrame;
      const next = parseShellLanguage(value);
      if (!next || !isTrustedSender(frame?.url, !!frame && frame.parent === null, allowedOrigins) || next === language) return;
      language = next;
      installMenu();
    });
    // The page reports what undo and redo would do; the Edit menu names it.
    ipcMain.on(SHELL_UNDO_CHANNEL, (event, value: unknown) => {
      const frame = event.senderFrame;
      const next = parseShellUndoState(value);
      if (!next || !isTrustedSender(frame?.url, !!frame && frame.parent === null, allowedOrigins)) return;
      if (next.undo === undoState.undo && next.redo === undoState.redo) return;
      undoState = next;
      installMenu();
    });
    registerPrint(
      ipcMain,
      createPrintHandler(
        (request) => runPrintRequest(request, { createHiddenWindow: createHiddenReportWindow, askSavePath: askPdfPath }),
        allowedOrigins,
        (err) => log.error('Printing failed', err),
      ),
    );
    // "Openen met…": a temporary copy of one receipt, never the store, opened by the system.
    registerOpenReceipt(
      ipcMain,
      createOpenReceiptHandler(core.dispatch, allowedOrigins, {
        tempRoot: tmpdir(),
        openCopy: (copy) => shell.openPath(copy),
        onError: (err) => log.error('Opening a receipt failed', err),
      }),
    );
    installMenu();
    mainWindow = createMainWindow();
    log.info(`Window loading ${devServerUrl ?? APP_ORIGIN}`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopBackups?.();
    core?.close();
  });
}
