import { create } from 'zustand';
import type { Team, TeamProfile } from '@api/team';
import { call } from '../../shared/api';

const ACTIVE_KEY = 'teamchef.activeTeamId';

interface TeamState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  teams: Team[];
  activeTeamId: number | null;
  load(): Promise<void>;
  create(profile: TeamProfile): Promise<Team>;
  update(teamId: number, profile: TeamProfile): Promise<Team>;
  setActive(teamId: number): void;
}

/** The store (SQLite) is the truth: every write re-reads the team list. */
export const useTeamStore = create<TeamState>((set, get) => ({
  status: 'idle',
  teams: [],
  activeTeamId: null,
  async load() {
    set({ status: 'loading' });
    try {
      const teams = await call('team.list');
      const saved = Number(globalThis.localStorage?.getItem(ACTIVE_KEY));
      const active = teams.find((t) => t.id === saved) ?? teams[0] ?? null;
      set({ teams, activeTeamId: active?.id ?? null, status: 'ready' });
    } catch (err) {
      set({ status: 'error' });
      throw err;
    }
  },
  async create(profile) {
    const team = await call('team.create', profile);
    globalThis.localStorage?.setItem(ACTIVE_KEY, String(team.id));
    await get().load();
    return team;
  },
  async update(teamId, profile) {
    const team = await call('team.update', { teamId, profile });
    await get().load();
    return team;
  },
  setActive(teamId) {
    globalThis.localStorage?.setItem(ACTIVE_KEY, String(teamId));
    set({ activeTeamId: teamId });
  },
}));

export const useActiveTeam = (): Team | null =>
  useTeamStore((s) => s.teams.find((t) => t.id === s.activeTeamId) ?? null);
