import { isShellCommand, SHELL_COMMAND_CHANNEL, type ShellCommand } from '../api/shell';

/** The keyboard shortcuts of the menu commands (Ctrl on Windows and Linux, Cmd on macOS). */
export const SHORTCUTS = {
  'new-expense': 'CmdOrCtrl+N',
  print: 'CmdOrCtrl+P',
  search: 'CmdOrCtrl+F',
} as const satisfies Partial<Record<ShellCommand, string>>;

export const shortcutFor = (command: ShellCommand): string | undefined => (SHORTCUTS as Partial<Record<ShellCommand, string>>)[command];

export interface CommandTarget {
  isDestroyed(): boolean;
  webContents: { send(channel: string, ...args: unknown[]): void };
}

/**
 * Hands a menu command to the page over the shell channel. Unknown commands and closed windows
 * are dropped; answers whether the command was sent.
 */
export function sendShellCommand(target: CommandTarget | undefined, command: unknown): boolean {
  if (!isShellCommand(command) || !target || target.isDestroyed()) return false;
  target.webContents.send(SHELL_COMMAND_CHANNEL, command);
  return true;
}
