import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { methodKind } from '@api/method-kinds';
import { SHELL_GLOBAL, type ShellBridge } from '@api/shell';
import type { UndoAction } from '@api/undo';
import i18n from '../../i18n';
import { ApiCallError, onAction } from '../../shared/api';
import { describeError } from '../../shared/errors';
import { offerInNotice, showNotice } from '../../shared/notice';
import { useTeamStore } from '../team/store';
import { DOUBLE_REQUEST_MS, isTextField, undoKeyIntent } from './keys';
import { useUndoStore } from './store';

/** Undo's own notices (undone, redone, refused) take the action slot too: one notice at a time. */
const notify = showNotice;
const shell = () => (globalThis as Record<string, unknown>)[SHELL_GLOBAL] as ShellBridge | undefined;
const NOT_OFFERED = new Set<string>(['district.import', 'budget.refunds.create']);
const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** The action's description in the language on screen. */
export const describe = (a: UndoAction): string =>
  // An amount in the description is read as one word, as everywhere on screen: `€ 4.801,89` never splits.
  (i18n.language === 'en' ? a.descriptionEn : a.descriptionNl).replace(/€ (?=[-\d])/g, '€\u00a0');

/** A refusal names what is in the way: always show the sentence itself, not a generic code text. */
function showRefusal(err: unknown) {
  const message = err instanceof ApiCallError && err.error.code === 'CONFLICT' ? err.error.message : describeError(err);
  notify({ color: 'red', title: i18n.t('undo.refusedTitle'), message, autoClose: 12_000 });
}

/** After an undo or redo: the team list may have changed too (profile, a new team). */
const afterStep = () => useTeamStore.getState().load().catch(() => undefined);

let last = { at: 0, source: '', intent: '' };
let queue: Promise<void> = Promise.resolve();

/**
 * Undo or redo of the team's newest action (Ctrl+Z, Ctrl+Y, the menu, a button). Requests run one
 * after another, so pressing Ctrl+Z three times undoes three actions. The same key press can reach
 * the page twice on some systems (its own key handler and the menu's accelerator): a request from
 * the other source for the same intent within DOUBLE_REQUEST_MS is that echo and is dropped.
 */
export function requestUndo(intent: 'undo' | 'redo', throughId?: number, source: 'key' | 'menu' | 'button' = 'button'): Promise<void> {
  const now = Date.now();
  const echo = source !== 'button' && last.intent === intent && last.source !== '' && last.source !== source && now - last.at < DOUBLE_REQUEST_MS;
  if (echo) return queue;
  if (source !== 'button') last = { at: now, source, intent };
  queue = queue.then(() => runRequest(intent, throughId)).catch(() => undefined);
  return queue;
}

async function runRequest(intent: 'undo' | 'redo', throughId?: number): Promise<void> {
  const teamId = useTeamStore.getState().activeTeamId;
  if (teamId === null) return;
  const store = useUndoStore.getState();
  const before = store.state ?? (await store.refresh(teamId).catch(() => null));
  const next = intent === 'undo' ? (throughId === undefined ? before?.nextUndo : before?.actions.find((a) => a.id === throughId)) : before?.nextRedo;
  if (!next) {
    notify({ message: i18n.t(intent === 'undo' ? 'undo.nothingToUndo' : 'undo.nothingToRedo'), autoClose: 3000 });
    return;
  }
  try {
    const handled = intent === 'undo' ? await store.undo(teamId, throughId) : await store.redo(teamId);
    if (handled.length === 0) return;
    const message =
      intent === 'redo'
        ? i18n.t('undo.redone', { description: describe(next) })
        : handled.length > 1
          ? i18n.t('undo.undoneMany', { count: handled.length, description: describe(next) })
          : i18n.t('undo.undone', { description: describe(next) });
    notify({ color: 'blue', message, autoClose: 5000 });
    await afterStep();
  } catch (err) {
    showRefusal(err);
    await store.refresh(teamId).catch(() => undefined);
  }
}

/** A menu command: in a text field the field's own undo, elsewhere the app's. */
export function runUndoCommand(intent: 'undo' | 'redo'): void {
  const active = globalThis.document?.activeElement as (HTMLElement & { type?: string }) | null;
  if (isTextField(active)) {
    document.execCommand(intent);
    return;
  }
  void requestUndo(intent, undefined, 'menu');
}

/**
 * Undo for the whole shell: keeps the team's undo state, offers "Ongedaan maken" after each
 * action, answers Ctrl+Z / Ctrl+Y outside text fields, and tells the menu what it would undo.
 */
export function useUndo(): void {
  const { i18n: i18next } = useTranslation();
  const teamId = useTeamStore((s) => s.activeTeamId);
  const state = useUndoStore((s) => s.state);
  const refresh = useUndoStore((s) => s.refresh);

  useEffect(() => {
    if (teamId !== null) refresh(teamId).catch(() => undefined);
  }, [teamId, refresh]);

  useEffect(
    () =>
      onAction((method) => {
        if (method === 'undo.undo' || method === 'undo.redo') return;
        const id = useTeamStore.getState().activeTeamId;
        if (id === null) return;
        void refresh(id)
          .then((s) => {
            // Offered only for the action just done (not an older one after a backup or an export),
            // and not where the undo is refused anyway (evidence and refunds stay, see core/undo/apply.ts).
            if (methodKind(method) !== 'write' || NOT_OFFERED.has(method) || s.nextUndo?.method !== method) return;
            offerInNotice({ label: i18n.t('undo.undo'), description: describe(s.nextUndo), onClick: () => void requestUndo('undo') });
          })
          .catch(() => undefined);
      }),
    [refresh],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const intent = undoKeyIntent(e, e.target as HTMLElement | null, isMac());
      if (!intent) return;
      e.preventDefault();
      void requestUndo(intent, undefined, 'key');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    shell()?.setUndoState({
      undo: state?.nextUndo ? describe(state.nextUndo) : null,
      redo: state?.nextRedo ? describe(state.nextRedo) : null,
    });
  }, [state, i18next.language]);
}
