import type { App } from 'electron';

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/** Brings the running window to the front: un-minimised, shown and focused. */
export function focusExistingWindow(win: FocusableWindow | undefined): 'focused' | 'none' {
  if (!win || win.isDestroyed()) return 'none';
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
  return 'focused';
}

/**
 * One Teamchef per user: two processes on one SQLite file would fight over it. The second start
 * quits at once (answers false) and the first one's window comes to the front.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit'> & { on(event: 'second-instance', listener: () => void): unknown },
  getWindow: () => FocusableWindow | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusExistingWindow(getWindow()));
  return true;
}
