import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, shell } from 'electron';
import log from 'electron-log/main';
import { AppError } from '../api/errors';
import { parseShellLanguage, SHELL_LANGUAGE_CHANNEL, type ShellLanguage } from '../api/shell';
import { createCore, type Core } from '../core';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { resolveDataDir } from './data-dir';
import { createApiHandler, defaultAllowedOrigins, isTrustedSender, registerApi } from './ipc';
import { menuTemplate } from './menu';
import { runPrintRequest } from './print';
import { createPrintHandler, registerPrint } from './print-ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol';
import { sendShellCommand } from './shortcuts';
import { claimSingleInstance } from './single-instance';
import { hardenWebContents, mainWindowOptions } from './window';
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

function openCore(): Core | undefined {
  try {
    const opened = createCore({
      dataDir,
      onInternalError: (method, err) => log.error(`API ${method} failed`, err),
      app: { version: app.getVersion(), logFile: log.transports.file.getFile().path },
    });
    log.info(`Teamchef ${app.getVersion()}: store opened at ${opened.file}`);
    return opened;
  } catch (err) {
    log.error('Store could not be opened', err);
    const message = err instanceof AppError ? err.message : 'Het gegevensbestand kan niet worden geopend.';
    dialog.showErrorBox('Teamchef kan niet starten', `${message}\n\nGegevensmap: ${dataDir}`);
    return undefined;
  }
}

const preloadPath = () => path.join(import.meta.dirname, '../preload/index.cjs');
const isAppUrl = (url: string) => allowedOrigins.some((origin) => url.startsWith(`${origin}/`));

/** The print window: hidden, hardened like the main window, with the same preload. */
function createHiddenReportWindow(): BrowserWindow {
  const win = new BrowserWindow({ ...mainWindowOptions(preloadPath()), show: false });
  hardenWebContents(win.webContents, isAppUrl);
  return win;
}

async function askPdfPath(defaultName: string): Promise<string | undefined> {
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
    { language, platform: process.platform, dev: !app.isPackaged },
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
  const win = new BrowserWindow({ ...base, ...bounds });
  hardenWebContents(win.webContents, isAppUrl);
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

if (claimSingleInstance(app, () => mainWindow)) {
  void app.whenReady().then(() => {
    core = openCore();
    if (!core) {
      app.quit();
      return;
    }
    serveAppProtocol(protocol, path.join(import.meta.dirname, '../renderer'));
    registerApi(ipcMain, createApiHandler(core.dispatch, allowedOrigins));
    // The page reports its language; the menu follows it.
    ipcMain.on(SHELL_LANGUAGE_CHANNEL, (event, value: unknown) => {
      const frame = event.senderFrame;
      const next = parseShellLanguage(value);
      if (!next || !isTrustedSender(frame?.url, !!frame && frame.parent === null, allowedOrigins) || next === language) return;
      language = next;
      registerPrint(
      ipcMain,
      createPrintHandler(
        (request) => runPrintRequest(request, { createHiddenWindow: createHiddenReportWindow, askSavePath: askPdfPath }),
        allowedOrigins,
        (err) => log.error('Printing failed', err),
      ),
    );
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
    installMenu();
    mainWindow = createMainWindow();
    log.info(`Window loading ${devServerUrl ?? APP_ORIGIN}`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}
