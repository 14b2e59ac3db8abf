/**
 * Which keys mean undo and redo, and where the app's undo must keep out: in a text field the
 * field's own undo works (the typing is taken back, not the last saved action).
 */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'month', 'week', 'time', 'datetime-local', '']);

/** A field where Ctrl+Z undoes typing: textarea, a text-like input, anything content-editable. */
export function isTextField(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has((target.type ?? '').toLowerCase());
}

/**
 * Ctrl+Z / Cmd+Z: undo. Ctrl+Y, Ctrl+Shift+Z (Windows, Linux) and Shift+Cmd+Z (macOS): redo.
 * Null for any other key, and inside a text field.
 */
export function undoKeyIntent(e: KeyLike, target: TargetLike | null | undefined, mac: boolean): 'undo' | 'redo' | null {
  if (e.altKey || isTextField(target)) return null;
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !mac && !e.shiftKey) return 'redo';
  return null;
}

/**
 * The same request can arrive twice for one key press (the page's key handler and the menu's
 * accelerator on some systems); a second one within this many milliseconds is dropped.
 */
export const DOUBLE_REQUEST_MS = 250;
