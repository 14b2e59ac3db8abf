import { create } from 'zustand';
import type { UndoState } from '@api/undo';
import { call } from '../../shared/api';

interface UndoStore {
  teamId: number | null;
  state: UndoState | null;
  /** Goes up after each undo or redo: the shell re-opens the screen so it reads the data again. */
  revision: number;
  busy: boolean;
  refresh(teamId: number): Promise<UndoState>;
  undo(teamId: number, throughId?: number): Promise<string[]>;
  redo(teamId: number): Promise<string[]>;
}

/** The team's undo list and what Ctrl+Z / Ctrl+Y would do; the store (SQLite) is the truth. */
export const useUndoStore = create<UndoStore>((set, get) => ({
  teamId: null,
  state: null,
  revision: 0,
  busy: false,
  async refresh(teamId) {
    const state = await call('undo.list', { teamId });
    set({ teamId, state });
    return state;
  },
  async undo(teamId, throughId) {
    if (get().busy) return [];
    set({ busy: true });
    try {
      const r = await call('undo.undo', throughId === undefined ? { teamId } : { teamId, throughId });
      set((s) => ({ teamId, state: r.state, revision: s.revision + 1 }));
      return r.handled.map((a) => String(a.id));
    } finally {
      set({ busy: false });
    }
  },
  async redo(teamId) {
    if (get().busy) return [];
    set({ busy: true });
    try {
      const r = await call('undo.redo', { teamId });
      set((s) => ({ teamId, state: r.state, revision: s.revision + 1 }));
      return r.handled.map((a) => String(a.id));
    } finally {
      set({ busy: false });
    }
  },
}));
