import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../electron/api/app';
import { createShellBridge, isShellCommand, parseShellUndoState, SHELL_COMMAND_CHANNEL, SHELL_COMMANDS, type ShellCommand } from '../../electron/api/shell';
import { menuTemplate, menuText, undoMenuLabels } from '../../electron/main/menu';
import { isTextField, undoKeyIntent } from '../../renderer/src/features/undo/keys';
import { sendShellCommand, SHORTCUTS } from '../../electron/main/shortcuts';
import { claimSingleInstance, focusExistingWindow, type FocusableWindow } from '../../electron/main/single-instance';
import {
  loadWindowState,
  parseWindowState,
  restoreBounds,
  saveWindowState,
  WINDOW_STATE_FILE,
  type Rect,
  type WindowState,
} from '../../electron/main/window-state';
import { commandTarget, focusSearchField } from '../../renderer/src/app/commands';
import { call, tempDir, testCore } from './helpers';
import { createCore } from '../../electron/core';

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined): Item[] => (item?.submenu ?? []) as Item[];
const labels = (items: Item[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const find = (items: Item[], pred: (i: Item) => boolean): Item | undefined => {
  for (const item of items) {
    if (pred(item)) return item;
    const inner = find(submenu(item), pred);
    if (inner) return inner;
  }
  return undefined;
};
const allItems = (items: Item[]): Item[] => items.flatMap((i) => [i, ...allItems(submenu(i))]);

function recorder() {
  const sent: ShellCommand[] = [];
  let opened = 0;
  return { sent, opened: () => opened, actions: { command: (c: ShellCommand) => sent.push(c), openDataFolder: () => void opened++ } };
}

describe('application menu', () => {
  it('is Dutch by default on Windows: Bestand, Bewerken, Beeld, Help with the agreed items', () => {
    const menu = menuTemplate(recorder().actions, { language: 'nl', platform: 'win32' });
    expect(labels(menu)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    expect(labels(submenu(menu[0]))).toEqual(['Nieuwe uitgave', 'Back-up maken…', 'Exporteren…', 'Afdrukken…', 'Afsluiten']);
    expect(labels(submenu(menu[1]))).toEqual(['Ongedaan maken', 'Opnieuw', 'Knippen', 'Kopiëren', 'Plakken', 'Alles selecteren', 'Zoeken']);
    expect(labels(submenu(menu[3]))).toEqual(['Over Teamchef', 'Gegevensmap openen']);
    expect(submenu(menu[0]).at(-1)).toMatchObject({ role: 'quit' });
  });

  it('is English when the app is English, with the same structure', () => {
    const nl = menuTemplate(recorder().actions, { language: 'nl', platform: 'linux' });
    const en = menuTemplate(recorder().actions, { language: 'en', platform: 'linux' });
    expect(labels(en)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(submenu(en[0]))).toEqual(['New expense', 'Make a backup…', 'Export…', 'Print…', 'Quit']);
    expect(labels(submenu(en[3]))).toEqual(['About Teamchef', 'Open data folder']);
    // Same items in the same places; only the words differ, and every item has a word.
    const shape = (items: Item[]) => allItems(items).map((i) => [i.id ?? null, i.role ?? null, i.type ?? null, i.accelerator ?? null]);
    expect(shape(en)).toEqual(shape(nl));
    for (const item of allItems(en)) if (item.type !== 'separator' && item.role !== 'windowMenu') expect(item.label, JSON.stringify(item)).toBeTruthy();
    const nlLabels = allItems(nl).map((i) => i.label).filter(Boolean);
    const enLabels = allItems(en).map((i) => i.label).filter(Boolean);
    expect(nlLabels.filter((l, i) => l === enLabels[i] && l !== 'Help')).toEqual([]);
  });

  it('follows macOS conventions: an app menu with About and Quit, Close instead of Quit in File', () => {
    const menu = menuTemplate(recorder().actions, { language: 'nl', platform: 'darwin' });
    expect(labels(menu)).toEqual(['Teamchef', 'Bestand', 'Bewerken', 'Beeld', 'Venster', 'Help']);
    expect(submenu(menu[0])[0]).toMatchObject({ id: 'about', label: 'Over Teamchef' });
    expect(submenu(menu[0]).at(-1)).toMatchObject({ role: 'quit' });
    expect(submenu(menu[1]).at(-1)).toMatchObject({ role: 'close' });
    expect(labels(submenu(menu[5]))).toEqual(['Gegevensmap openen']);
  });

  it('has developer tools and reload only in a development build', () => {
    const roles = (dev: boolean) => allItems(menuTemplate(recorder().actions, { language: 'nl', platform: 'win32', dev })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('sends each page command once through the actions, and opens the data folder itself', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const rec = recorder();
      const menu = menuTemplate(rec.actions, { language: 'nl', platform });
      for (const command of SHELL_COMMANDS) {
        const item = find(menu, (i) => i.id === command);
        expect(item, `${platform} ${command}`).toBeDefined();
        (item!.click as () => void)();
      }
      expect(rec.sent).toEqual([...SHELL_COMMANDS]);
      (find(menu, (i) => i.id === 'data-folder')!.click as () => void)();
      expect(rec.opened()).toBe(1);
      // No command is in the menu twice (a shortcut would fire twice).
      const ids = allItems(menu).map((i) => i.id).filter(Boolean);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('shortcuts', () => {
  it('Ctrl/Cmd+P prints, Ctrl/Cmd+F searches, Ctrl/Cmd+N starts a new expense, from the menu', () => {
    expect(SHORTCUTS).toEqual({ print: 'CmdOrCtrl+P', search: 'CmdOrCtrl+F', 'new-expense': 'CmdOrCtrl+N' });
    const rec = recorder();
    const menu = menuTemplate(rec.actions, { language: 'en', platform: 'win32' });
    const byAccelerator = (acc: string) => allItems(menu).filter((i) => i.accelerator === acc);
    for (const [command, accelerator] of Object.entries(SHORTCUTS)) {
      const items = byAccelerator(accelerator);
      expect(items).toHaveLength(1);
      (items[0]!.click as () => void)();
      expect(rec.sent.at(-1)).toBe(command);
    }
    // No accelerator is bound twice.
    const accelerators = allItems(menu).map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('reach the page on the shell channel; unknown commands and closed windows are dropped', () => {
    const send = vi.fn();
    const win = { isDestroyed: () => false, webContents: { send } };
    expect(sendShellCommand(win, 'print')).toBe(true);
    expect(send).toHaveBeenCalledWith(SHELL_COMMAND_CHANNEL, 'print');
    for (const bad of ['rm -rf', '', null, 42, { command: 'print' }, '__proto__', 'PRINT']) expect(sendShellCommand(win, bad)).toBe(false);
    expect(sendShellCommand(undefined, 'print')).toBe(false);
    expect(sendShellCommand({ isDestroyed: () => true, webContents: { send } }, 'print')).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('the page’s bridge passes on only known commands and languages, and unsubscribes', () => {
    let listener: ((c: unknown) => void) | undefined;
    const languages: string[] = [];
    const bridge = createShellBridge(
      SHELL_COMMANDS,
      (l) => {
        listener = l;
        return () => (listener = undefined);
      },
      (lng) => languages.push(lng),
    );
    expect(Object.isFrozen(bridge)).toBe(true);
    const got: string[] = [];
    const off = bridge.onCommand((c) => got.push(c));
    for (const c of ['print', 'evil', 7, undefined, 'search', 'constructor', 'new-expense']) listener!(c);
    expect(got).toEqual(['print', 'search', 'new-expense']);
    off();
    expect(listener).toBeUndefined();
    expect(() => bridge.onCommand('x' as never)).toThrow(TypeError);
    bridge.setLanguage('en');
    bridge.setLanguage('de' as never);
    bridge.setLanguage({} as never);
    expect(languages).toEqual(['en']);
    // The bridge must survive being installed from its source text (the test harness does that).
    expect(createShellBridge.toString()).not.toMatch(/\bSHELL_|import\(/);
  });

  it('the page turns each command into a navigation or the search focus', () => {
    expect(commandTarget('print')).toEqual({ navigate: '/print' });
    expect(commandTarget('new-expense')).toEqual({ navigate: '/funds?intent=new-expense' });
    expect(commandTarget('backup')).toEqual({ navigate: '/settings?intent=backup' });
    expect(commandTarget('export')).toEqual({ navigate: '/settings?intent=export' });
    expect(commandTarget('about')).toEqual({ navigate: '/about' });
    expect(commandTarget('search')).toEqual({ focusSearch: true });
    for (const c of SHELL_COMMANDS) expect(commandTarget(c)).toBeTruthy();
    expect(isShellCommand('print')).toBe(true);
  });

  it('search focuses the screen’s search field when there is one', () => {
    const focused: string[] = [];
    const field = (name: string) => ({ focus: () => focused.push(name), select: () => focused.push(`${name}:select`) });
    const root = (match: ReturnType<typeof field> | null) => ({ querySelector: (_sel: string) => match });
    expect(focusSearchField(root(field('zoek')) as never)).toBe(true);
    expect(focused).toEqual(['zoek', 'zoek:select']);
    expect(focusSearchField(root(null) as never)).toBe(false);
  });
});

describe('undo and redo in the shell', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  const body = { tagName: 'BODY' };

  it('the Edit menu names what undo and redo would do, and follows the page as it changes', () => {
    const state = { undo: 'Cluster Dorpen gesplitst in Buren en West Betuwe', redo: '12 uitgaven ingelezen uit ING-2026-03.csv' };
    const nl = menuTemplate(recorder().actions, { language: 'nl', platform: 'win32', undo: state });
    expect(labels(submenu(nl[1])).slice(0, 2)).toEqual([
      'Ongedaan maken: Cluster Dorpen gesplitst in Buren en West Betuwe',
      'Opnieuw: 12 uitgaven ingelezen uit ING-2026-03.csv',
    ]);
    const en = menuTemplate(recorder().actions, { language: 'en', platform: 'linux', undo: { undo: 'Cluster Dorpen split into Buren and West Betuwe', redo: null } });
    expect(labels(submenu(en[1])).slice(0, 2)).toEqual(['Undo: Cluster Dorpen split into Buren and West Betuwe', 'Redo']);
    // Nothing to undo: the plain word.
    expect(undoMenuLabels(menuText('nl'), { undo: null, redo: null })).toEqual({ undo: 'Ongedaan maken', redo: 'Opnieuw' });
    // A very long description is cut so the menu stays narrow.
    const long = undoMenuLabels(menuText('nl'), { undo: 'x'.repeat(300), redo: null }).undo;
    expect(long.length).toBeLessThanOrEqual('Ongedaan maken: '.length + 60);
    expect(long.endsWith('…')).toBe(true);
  });

  it('the menu items send undo and redo to the page, with Ctrl+Z/Ctrl+Y (Cmd+Z/Shift+Cmd+Z on macOS) shown', () => {
    for (const [platform, redo] of [['win32', 'Ctrl+Y'], ['linux', 'Ctrl+Y'], ['darwin', 'Shift+Cmd+Z']] as const) {
      const rec = recorder();
      const menu = menuTemplate(rec.actions, { language: 'nl', platform });
      const undoItem = find(menu, (i) => i.id === 'undo')!;
      const redoItem = find(menu, (i) => i.id === 'redo')!;
      expect(undoItem.accelerator).toBe('CmdOrCtrl+Z');
      expect(redoItem.accelerator).toBe(redo);
      // Windows/Linux: shown, not grabbed, so a text field keeps its own Ctrl+Z.
      expect(undoItem.registerAccelerator).toBe(platform === 'darwin');
      (undoItem.click as () => void)();
      (redoItem.click as () => void)();
      expect(rec.sent).toEqual(['undo', 'redo']);
    }
    expect(commandTarget('undo')).toEqual({ undo: 'undo' });
    expect(commandTarget('redo')).toEqual({ undo: 'redo' });
  });

  it('the keys: Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, Cmd on macOS; never inside a text field', () => {
    expect(undoKeyIntent(key('z', { ctrlKey: true }), body, false)).toBe('undo');
    expect(undoKeyIntent(key('Z', { ctrlKey: true, shiftKey: true }), body, false)).toBe('redo');
    expect(undoKeyIntent(key('y', { ctrlKey: true }), body, false)).toBe('redo');
    expect(undoKeyIntent(key('z', { metaKey: true }), body, true)).toBe('undo');
    expect(undoKeyIntent(key('z', { metaKey: true, shiftKey: true }), body, true)).toBe('redo');
    expect(undoKeyIntent(key('z', { ctrlKey: true }), body, true)).toBeNull();
    expect(undoKeyIntent(key('z'), body, false)).toBeNull();
    expect(undoKeyIntent(key('z', { ctrlKey: true, altKey: true }), body, false)).toBeNull();
    expect(undoKeyIntent(key('x', { ctrlKey: true }), body, false)).toBeNull();
    for (const field of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'input', type: 'search' }, { tagName: 'TEXTAREA' }, { tagName: 'DIV', isContentEditable: true }, { tagName: 'INPUT', type: '' }]) {
      expect(isTextField(field)).toBe(true);
      expect(undoKeyIntent(key('z', { ctrlKey: true }), field, false)).toBeNull();
    }
    // A checkbox or a button is no text field: there Ctrl+Z undoes the last action.
    expect(undoKeyIntent(key('z', { ctrlKey: true }), { tagName: 'INPUT', type: 'checkbox' }, false)).toBe('undo');
    expect(undoKeyIntent(key('z', { ctrlKey: true }), { tagName: 'BUTTON' }, false)).toBe('undo');
  });

  it('the page’s undo state reaches the main process only as two short strings or nulls', () => {
    const sent: unknown[] = [];
    const bridge = createShellBridge(SHELL_COMMANDS, () => () => undefined, () => undefined, (s) => sent.push(s));
    bridge.setUndoState({ undo: 'Cluster Dorpen aangemaakt', redo: null });
    bridge.setUndoState({ undo: 5 as never, redo: null });
    bridge.setUndoState({ undo: 'x'.repeat(301), redo: null });
    bridge.setUndoState(null as never);
    expect(sent).toEqual([{ undo: 'Cluster Dorpen aangemaakt', redo: null }]);
    expect(parseShellUndoState({ undo: 'a', redo: 'b' })).toEqual({ undo: 'a', redo: 'b' });
    expect(parseShellUndoState({ undo: null, redo: null })).toEqual({ undo: null, redo: null });
    for (const bad of [null, 'x', 7, {}, { undo: 1, redo: null }, { undo: 'a' }, { undo: 'x'.repeat(301), redo: null }]) expect(parseShellUndoState(bad)).toBeNull();
  });
});

describe('single instance', () => {
  const fakeWindow = (state: { minimized?: boolean; visible?: boolean; destroyed?: boolean } = {}) => {
    const calls: string[] = [];
    const win: FocusableWindow = {
      isDestroyed: () => !!state.destroyed,
      isMinimized: () => !!state.minimized,
      restore: () => calls.push('restore'),
      isVisible: () => state.visible ?? true,
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    return { win, calls };
  };

  it('a second start brings the first window to the front, restoring and showing it', () => {
    const minimized = fakeWindow({ minimized: true });
    expect(focusExistingWindow(minimized.win)).toBe('focused');
    expect(minimized.calls).toEqual(['restore', 'focus']);
    const hidden = fakeWindow({ visible: false });
    focusExistingWindow(hidden.win);
    expect(hidden.calls).toEqual(['show', 'focus']);
    const normal = fakeWindow();
    focusExistingWindow(normal.win);
    expect(normal.calls).toEqual(['focus']);
    expect(focusExistingWindow(undefined)).toBe('none');
    const gone = fakeWindow({ destroyed: true });
    expect(focusExistingWindow(gone.win)).toBe('none');
    expect(gone.calls).toEqual([]);
  });

  it('the first process takes the lock and listens; the second quits at once', () => {
    const fakeApp = (lock: boolean) => {
      const handlers: Record<string, () => void> = {};
      let quit = 0;
      return {
        app: { requestSingleInstanceLock: () => lock, quit: () => void quit++, on: (e: string, fn: () => void) => (handlers[e] = fn) },
        handlers,
        quits: () => quit,
      };
    };
    const first = fakeApp(true);
    const { win, calls } = fakeWindow({ minimized: true });
    const slot: { current?: FocusableWindow } = {};
    expect(claimSingleInstance(first.app as never, () => slot.current)).toBe(true);
    expect(first.quits()).toBe(0);
    first.handlers['second-instance']!(); // before the window exists: nothing to do, no crash
    slot.current = win;
    first.handlers['second-instance']!();
    expect(calls).toEqual(['restore', 'focus']);

    const second = fakeApp(false);
    expect(claimSingleInstance(second.app as never, () => win)).toBe(false);
    expect(second.quits()).toBe(1);
    expect(second.handlers).toEqual({});
  });
});

describe('window state', () => {
  const defaults = { width: 1280, height: 820, minWidth: 900, minHeight: 600 };
  const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
  const monitorRight: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
  const state = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized });

  it('opens at the default size when nothing was saved, shrunk to a small screen', () => {
    expect(restoreBounds(null, [laptop], defaults)).toEqual({ width: 1280, height: 820, maximized: false });
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 1024, height: 700 }], defaults)).toEqual({ width: 1024, height: 700, maximized: false });
  });

  it('restores size, position and maximised state on the display it was on', () => {
    expect(restoreBounds(state({ x: 2100, y: 100, width: 1500, height: 900 }, true), [laptop, monitorRight], defaults)).toEqual({
      x: 2100,
      y: 100,
      width: 1500,
      height: 900,
      maximized: true,
    });
  });

  it('moves a window that hangs off the edge back onto its display', () => {
    expect(restoreBounds(state({ x: 1500, y: -50, width: 1000, height: 700 }), [laptop], defaults)).toEqual({
      x: 920,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('centres the saved size on the primary display when its monitor is gone (laptop off the dock)', () => {
    expect(restoreBounds(state({ x: 2100, y: 100, width: 2400, height: 1300 }), [laptop], defaults)).toEqual({
      width: 1920,
      height: 1040,
      maximized: false,
    });
  });

  it('keeps any saved bounds fully visible on some display, at least the minimum size where it fits', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 6000 }),
    });
    const area = fc.record({
      x: fc.integer({ min: -3000, max: 3000 }),
      y: fc.integer({ min: -3000, max: 3000 }),
      width: fc.integer({ min: 640, max: 4000 }),
      height: fc.integer({ min: 480, max: 3000 }),
    });
    fc.assert(
      fc.property(rect, fc.array(area, { minLength: 1, maxLength: 3 }), fc.boolean(), (bounds, areas, maximized) => {
        const r = restoreBounds(state(bounds, maximized), areas, defaults);
        expect(r.maximized).toBe(maximized);
        if (r.x === undefined || r.y === undefined) {
          expect(r.y).toBeUndefined();
          expect(r.width).toBeLessThanOrEqual(areas[0]!.width);
          expect(r.height).toBeLessThanOrEqual(areas[0]!.height);
          return;
        }
        const on = areas.find((a) => r.x! >= a.x && r.y! >= a.y && r.x! + r.width <= a.x + a.width && r.y! + r.height <= a.y + a.height);
        expect(on, JSON.stringify({ bounds, areas, r })).toBeDefined();
        expect(r.width).toBeGreaterThanOrEqual(Math.min(defaults.minWidth, on!.width));
        expect(r.height).toBeGreaterThanOrEqual(Math.min(defaults.minHeight, on!.height));
      }),
      { numRuns: 500 },
    );
  });

  it('saves to a small JSON file in the data folder and reads it back; damaged files count as nothing saved', () => {
    const dir = tempDir();
    expect(loadWindowState(dir)).toBeNull();
    const saved = state({ x: 10, y: 20, width: 1000, height: 700 }, true);
    saveWindowState(dir, saved);
    expect(loadWindowState(dir)).toEqual(saved);
    expect(existsSync(join(dir, `${WINDOW_STATE_FILE}.tmp`))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(saved);
    for (const bad of ['', '{', 'null', '[]', '{"bounds":{"x":1,"y":1,"width":0,"height":5},"maximized":false}', '{"bounds":{"x":"1","y":1,"width":9,"height":5},"maximized":false}', '{"bounds":{"x":1,"y":1,"width":9,"height":5}}', '{"bounds":{"x":1e300,"y":1,"width":9,"height":5},"maximized":true}']) {
      writeFileSync(join(dir, WINDOW_STATE_FILE), bad);
      expect(loadWindowState(dir), bad).toBeNull();
      expect(parseWindowState(bad)).toBeNull();
    }
  });
});

describe('app.info', () => {
  it('answers version, data folder, store file and log file as passed in at start', async () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, app: { version: '1.2.3', logFile: '/logs/main.log' } });
    try {
      expect(await call<AppInfo>(core, 'app.info')).toEqual({ version: '1.2.3', dataDir: dir, storeFile: core.file, logFile: '/logs/main.log' });
      expect(await call<AppInfo>(core, 'app.info', {})).toMatchObject({ version: '1.2.3' });
      expect(await core.dispatch('app.info', { path: '/etc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      core.close();
    }
  });

  it('falls back to the package version and no log file', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(await call<AppInfo>(testCore(), 'app.info')).toMatchObject({ version: pkg.version, logFile: null });
  });
});
