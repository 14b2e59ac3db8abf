/**
 * The desktop shell's small channel next to the contract: the main process sends menu commands
 * and shortcuts to the page (`onCommand`), and the page tells the main process its language so
 * the application menu follows it (`setLanguage`). Exposed as `window.teamchefShell`.
 */
export const SHELL_GLOBAL = 'teamchefShell';
export const SHELL_COMMAND_CHANNEL = 'teamchef:shell-command';
export const SHELL_LANGUAGE_CHANNEL = 'teamchef:shell-language';
export const SHELL_UNDO_CHANNEL = 'teamchef:shell-undo';
/** "Openen met…": the main process writes a temporary copy of one receipt and hands it to the system. */
export const SHELL_OPEN_RECEIPT_CHANNEL = 'teamchef:shell-open-receipt';

/** Everything the menu can ask of the page. */
export const SHELL_COMMANDS = ['new-expense', 'backup', 'export', 'print', 'search', 'about', 'undo', 'redo'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];
export const isShellCommand = (value: unknown): value is ShellCommand =>
  typeof value === 'string' && (SHELL_COMMANDS as readonly string[]).includes(value);

export const SHELL_LANGUAGES = ['nl', 'en'] as const;
export type ShellLanguage = (typeof SHELL_LANGUAGES)[number];
export const parseShellLanguage = (value: unknown): ShellLanguage | null =>
  value === 'nl' || value === 'en' ? value : null;

/** What Edit > Ongedaan maken / Opnieuw would do now: the descriptions of the actions, or null. */
export interface ShellUndoState {
  undo: string | null;
  redo: string | null;
}

/** Accepts only two strings-or-null of sane length from the page; anything else is null. */
export function parseShellUndoState(value: unknown): ShellUndoState | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const text = (x: unknown): string | null | undefined => (x === null ? null : typeof x === 'string' && x.length <= 300 ? x : undefined);
  const undo = text(v.undo);
  const redo = text(v.redo);
  return undo === undefined || redo === undefined ? null : { undo, redo };
}

export interface ShellBridge {
  /** Calls `listener` with each command from the menu; returns the unsubscribe function. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
  setLanguage(language: ShellLanguage): void;
  /** Tells the menu what undo and redo would do now, so its items name it. */
  setUndoState(state: ShellUndoState): void;
  /** Opens a temporary copy of the receipt in the system's viewer; resolves with the envelope from main. */
  openReceipt?(teamId: number, attachmentId: number): Promise<unknown>;
}

/**
 * Builds `window.teamchefShell`. Self-contained on purpose (no imports, no closures over module
 * state) so the browser test harness can install the very same function from its source text.
 * Only known commands reach the page's listener; only known languages reach the main process.
 */
export function createShellBridge(
  commands: readonly string[],
  subscribe: (listener: (command: unknown) => void) => () => void,
  sendLanguage: (language: string) => void,
  sendUndoState: (state: { undo: string | null; redo: string | null }) => void = () => undefined,
  openReceipt?: (request: { teamId: number; attachmentId: number }) => Promise<unknown>,
): ShellBridge {
  return Object.freeze({
    onCommand(listener: (command: never) => void) {
      if (typeof listener !== 'function') throw new TypeError('onCommand expects a function');
      return subscribe((command) => {
        if (typeof command === 'string' && commands.includes(command)) listener(command as never);
      });
    },
    setLanguage(language: string) {
      if (language === 'nl' || language === 'en') sendLanguage(language);
    },
    setUndoState(state: { undo: unknown; redo: unknown }) {
      const ok = (x: unknown) => x === null || (typeof x === 'string' && x.length <= 300);
      if (state && typeof state === 'object' && ok(state.undo) && ok(state.redo)) sendUndoState({ undo: state.undo as string | null, redo: state.redo as string | null });
    },
    openReceipt(teamId: number, attachmentId: number) {
      if (!openReceipt) return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Openen met… kan alleen in de app.' } });
      return openReceipt({ teamId: Number(teamId), attachmentId: Number(attachmentId) });
    },
  });
}
