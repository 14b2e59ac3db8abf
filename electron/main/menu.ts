import type { MenuItemConstructorOptions } from 'electron';
import type { ShellCommand, ShellLanguage, ShellUndoState } from '../api/shell';
import { shortcutFor } from './shortcuts';

export interface MenuActions {
  /** Sends a command to the page (navigation, search, new expense…). */
  command(command: ShellCommand): void;
  openDataFolder(): void;
}

export interface MenuOptions {
  language: ShellLanguage;
  platform: NodeJS.Platform;
  /** Development build: adds reload and the developer tools. */
  dev?: boolean;
  /** What undo and redo would do now (from the page); the Edit menu names it. */
  undo?: ShellUndoState;
}

const TEXT = {
  nl: {
    app: 'Teamchef',
    file: 'Bestand',
    newExpense: 'Nieuwe uitgave',
    backup: 'Back-up maken…',
    export: 'Exporteren…',
    print: 'Afdrukken…',
    quit: 'Afsluiten',
    close: 'Venster sluiten',
    edit: 'Bewerken',
    undo: 'Ongedaan maken',
    redo: 'Opnieuw',
    cut: 'Knippen',
    copy: 'Kopiëren',
    paste: 'Plakken',
    selectAll: 'Alles selecteren',
    search: 'Zoeken',
    view: 'Beeld',
    resetZoom: 'Ware grootte',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    fullScreen: 'Volledig scherm',
    reload: 'Opnieuw laden',
    devTools: 'Ontwikkelhulpmiddelen',
    help: 'Help',
    about: 'Over Teamchef',
    dataFolder: 'Gegevensmap openen',
    services: 'Voorzieningen',
    hide: 'Teamchef verbergen',
    hideOthers: 'Andere verbergen',
    unhide: 'Toon alles',
    window: 'Venster',
  },
  en: {
    app: 'Teamchef',
    file: 'File',
    newExpense: 'New expense',
    backup: 'Make a backup…',
    export: 'Export…',
    print: 'Print…',
    quit: 'Quit',
    close: 'Close window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    search: 'Search',
    view: 'View',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    reload: 'Reload',
    devTools: 'Developer tools',
    help: 'Help',
    about: 'About Teamchef',
    dataFolder: 'Open data folder',
    services: 'Services',
    hide: 'Hide Teamchef',
    hideOthers: 'Hide others',
    unhide: 'Show all',
    window: 'Window',
  },
} satisfies Record<ShellLanguage, Record<string, string>>;

export type MenuText = (typeof TEXT)['nl'];

/** Too long a description would make the menu as wide as the screen. */
const MAX_LABEL = 60;
const clip = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/** `Ongedaan maken: Cluster Dorpen gesplitst…` / `Opnieuw: …`; the plain word when there is nothing. */
export function undoMenuLabels(t: MenuText, state: ShellUndoState | undefined): { undo: string; redo: string } {
  return {
    undo: state?.undo ? `${t.undo}: ${clip(state.undo)}` : t.undo,
    redo: state?.redo ? `${t.redo}: ${clip(state.redo)}` : t.redo,
  };
}
export const menuText = (language: ShellLanguage): MenuText => TEXT[language];

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu as a plain template (no Electron calls), in the app's language.
 * Commands that concern the page go through `actions.command`, so their shortcuts work the same
 * from the keyboard and from the menu.
 */
export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = TEXT[options.language];
  const mac = options.platform === 'darwin';
  const command = (id: ShellCommand, label: string): MenuItemConstructorOptions => {
    const accelerator = shortcutFor(id);
    return { id, label, ...(accelerator ? { accelerator } : {}), click: () => actions.command(id) };
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: t.app,
          submenu: [
            command('about', t.about),
            separator,
            { role: 'services', label: t.services },
            separator,
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.unhide },
            separator,
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: t.file,
    submenu: [
      command('new-expense', t.newExpense),
      separator,
      command('backup', t.backup),
      command('export', t.export),
      separator,
      command('print', t.print),
      separator,
      mac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit, accelerator: 'Alt+F4' },
    ],
  };

  // Undo and redo go to the page: in a text field it undoes the typing there, elsewhere it takes
  // back the last action. The shortcut is shown but not registered on Windows and Linux, so the
  // page sees the key itself (and a text field keeps its own undo); on macOS the menu handles it.
  const labels = undoMenuLabels(t, options.undo);
  const undoItem = (id: 'undo' | 'redo', label: string, accelerator: string): MenuItemConstructorOptions => ({
    id,
    label,
    accelerator,
    registerAccelerator: mac,
    click: () => actions.command(id),
  });
  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: t.edit,
    submenu: [
      undoItem('undo', labels.undo, 'CmdOrCtrl+Z'),
      undoItem('redo', labels.redo, mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
      separator,
      command('search', t.search),
    ],
  };

  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: t.view,
    submenu: [
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.fullScreen },
      ...(options.dev ? [separator, { role: 'reload', label: t.reload } as const, { role: 'toggleDevTools', label: t.devTools } as const] : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = mac
    ? [{ role: 'windowMenu', label: t.window }]
    : [];

  const help: MenuItemConstructorOptions = {
    id: 'help',
    role: 'help',
    label: t.help,
    submenu: [...(mac ? [] : [command('about', t.about), separator]), { id: 'data-folder', label: t.dataFolder, click: () => actions.openDataFolder() }],
  };

  return [...appMenu, file, edit, view, ...windowMenu, help];
}
