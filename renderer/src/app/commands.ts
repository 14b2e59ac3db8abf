import type { ShellCommand } from '@api/shell';

/**
 * What the page does with a command from the application menu or its shortcut. Screens pick up
 * an intent from the query (`?intent=new-expense`): Versterkingsgelden opens a new expense,
 * Instellingen jumps to backup or export. Search focuses the screen's search field.
 */
export type CommandTarget = { navigate: string } | { focusSearch: true } | { undo: 'undo' | 'redo' };

export const INTENT_PARAM = 'intent';

export function commandTarget(command: ShellCommand): CommandTarget {
  switch (command) {
    case 'print':
      return { navigate: '/print' };
    case 'new-expense':
      return { navigate: `/funds?${INTENT_PARAM}=new-expense` };
    case 'backup':
      return { navigate: `/settings?${INTENT_PARAM}=backup` };
    case 'export':
      return { navigate: `/settings?${INTENT_PARAM}=export` };
    case 'about':
      return { navigate: '/about' };
    case 'search':
      return { focusSearch: true };
    case 'undo':
    case 'redo':
      return { undo: command };
  }
}

/**
 * A screen's search field: an `<input type="search">` or any element marked `data-search-field`
 * inside the main content. Mantine: `<TextInput type="search" … />`.
 */
export const SEARCH_FIELD_SELECTOR = 'main [data-search-field], main input[type="search"]';

interface Focusable {
  focus(): void;
  select?(): void;
}

/** Focuses (and selects) the current screen's search field; false when the screen has none. */
export function focusSearchField(root: { querySelector(selector: string): unknown }): boolean {
  const field = root.querySelector(SEARCH_FIELD_SELECTOR) as Focusable | null;
  if (!field) return false;
  field.focus();
  field.select?.();
  return true;
}
