import { create } from 'zustand';
import type { ActionTemplate, ChosenOpgave, ChosenOpgaveDetail, Opgave, Partner } from '@api/agenda';
import type { Input } from '@api/contract';
import { call } from '../../shared/api';
import { earlyRead } from '../../shared/prefetch';

interface AgendaState {
  catalogue: Opgave[];
  templates: ActionTemplate[];
  chosen: ChosenOpgave[];
  partners: Partner[];
  detail: ChosenOpgaveDetail | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadOverview(teamId: number): Promise<void>;
  /** Starts the overview's first read before the screen is drawn (see shared/prefetch.ts). */
  prefetch(teamId: number): void;
  /** The eight opgaven only (cached): for screens that name an opgave by a label from another domain. */
  loadCatalogue(): Promise<void>;
  loadDetail(teamId: number, teamOpgaveId: number): Promise<void>;
  choose(input: Input<'agenda.choose'>): Promise<ChosenOpgave>;
  update(input: Input<'agenda.update'>): Promise<ChosenOpgave>;
  setStatus(input: Input<'agenda.setStatus'>): Promise<ChosenOpgave>;
  archive(input: Input<'agenda.archive'>): Promise<ChosenOpgave>;
  remove(input: Input<'agenda.remove'>): Promise<void>;
  createAction(input: Input<'action.create'>): Promise<void>;
  updateAction(input: Input<'action.update'>, teamOpgaveId: number): Promise<void>;
  setActionStatus(input: Input<'action.setStatus'>, teamOpgaveId: number): Promise<void>;
  archiveAction(input: Input<'action.archive'>, teamOpgaveId: number): Promise<void>;
}

/** The store (SQLite) is the truth: every write re-reads what the screens show. */
export const useAgendaStore = create<AgendaState>((set, get) => {
  const refresh = async (teamId: number, teamOpgaveId?: number) => {
    await get().loadOverview(teamId);
    if (teamOpgaveId !== undefined && get().detail?.id === teamOpgaveId) await get().loadDetail(teamId, teamOpgaveId);
  };
  const first = earlyRead(async (teamId: number) => {
    set({ status: get().status === 'ready' ? 'ready' : 'loading' });
    try {
      const [catalogue, templates, chosen, partners] = await Promise.all([
        get().catalogue.length ? get().catalogue : call('agenda.catalogue'),
        get().templates.length ? get().templates : call('agenda.templates'),
        call('agenda.list', { teamId, includeArchived: true }),
        call('partner.list', { teamId }),
      ]);
      set({ catalogue, templates, chosen, partners, status: 'ready' });
    } catch (err) {
      set({ status: 'error' });
      throw err;
    }
  });
  return {
    catalogue: [],
    templates: [],
    chosen: [],
    partners: [],
    detail: null,
    status: 'idle',
    loadOverview: first.read,
    prefetch: (teamId) => first.start(teamId),
    async loadCatalogue() {
      if (!get().catalogue.length) set({ catalogue: await call('agenda.catalogue') });
    },
    async loadDetail(teamId, teamOpgaveId) {
      const detail = await call('agenda.get', { teamId, teamOpgaveId });
      set({ detail });
    },
    async choose(input) {
      const chosen = await call('agenda.choose', input);
      await refresh(input.teamId);
      return chosen;
    },
    async update(input) {
      const chosen = await call('agenda.update', input);
      await refresh(input.teamId, input.teamOpgaveId);
      return chosen;
    },
    async setStatus(input) {
      const chosen = await call('agenda.setStatus', input);
      await refresh(input.teamId, input.teamOpgaveId);
      return chosen;
    },
    async archive(input) {
      const chosen = await call('agenda.archive', input);
      await refresh(input.teamId, input.teamOpgaveId);
      return chosen;
    },
    async remove(input) {
      await call('agenda.remove', input);
      set({ detail: null });
      await refresh(input.teamId);
    },
    async createAction(input) {
      await call('action.create', input);
      await refresh(input.teamId, input.teamOpgaveId);
    },
    async updateAction(input, teamOpgaveId) {
      await call('action.update', input);
      await refresh(input.teamId, teamOpgaveId);
    },
    async setActionStatus(input, teamOpgaveId) {
      await call('action.setStatus', input);
      await refresh(input.teamId, teamOpgaveId);
    },
    async archiveAction(input, teamOpgaveId) {
      await call('action.archive', input);
      await refresh(input.teamId, teamOpgaveId);
    },
  };
});
