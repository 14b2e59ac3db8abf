import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SHELL_GLOBAL, type ShellBridge } from '@api/shell';
import { runUndoCommand } from '../features/undo/controller';
import { commandTarget, focusSearchField } from './commands';

/** `window.teamchefShell` from the preload; absent in a plain browser. */
export const shellBridge = (): ShellBridge | undefined =>
  (globalThis as Record<string, unknown>)[SHELL_GLOBAL] as ShellBridge | undefined;

/** Tells the main process the page's language, so the application menu speaks it too. */
export function useShellLanguage(): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    shellBridge()?.setLanguage(i18n.language === 'en' ? 'en' : 'nl');
  }, [i18n.language]);
}

/** Carries out the menu's commands and shortcuts inside the router. */
export function useShellCommands(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const bridge = shellBridge();
    if (!bridge) return;
    return bridge.onCommand((command) => {
      const target = commandTarget(command);
      if ('navigate' in target) void navigate(target.navigate);
      else if ('undo' in target) runUndoCommand(target.undo);
      else focusSearchField(document);
    });
  }, [navigate]);
}
