import { create } from 'zustand';
import type { PeriodChoice } from '@api/period';
import type { Checkin, CheckinInput, ProgressHistory, ProgressOverview, Rhythm } from '@api/progress';
import { call } from '../../shared/api';
import { usePeriodStore } from '../../ui/period/store';

interface ProgressState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  overview: ProgressOverview | null;
  history: ProgressHistory | null;
  checkins: Checkin[];
  load(teamId: number, period: PeriodChoice): Promise<void>;
  createCheckin(teamId: number, checkin: CheckinInput): Promise<Checkin>;
  setRhythm(teamId: number, teamOpgaveId: number, rhythm: Rhythm): Promise<void>;
}

/** The store (SQLite) is the truth: every write re-reads overview, history and check-ins. */
export const useProgressStore = create<ProgressState>((set, get) => {
  let last: { teamId: number; period: PeriodChoice } | null = null;
  let seq = 0;
  return {
    status: 'idle',
    overview: null,
    history: null,
    checkins: [],
    async load(teamId, period) {
      last = { teamId, period };
      const mine = ++seq;
      set({ status: 'loading' });
      try {
        const [overview, history, checkins] = await Promise.all([
          call('progress.overview', { teamId, period }),
          call('progress.history', { teamId, period }),
          call('progress.checkins.list', { teamId, period }),
        ]);
        if (mine !== seq) return; // a newer period was chosen meanwhile
        usePeriodStore.getState().setResolved(overview.period);
        set({ overview, history, checkins, status: 'ready' });
      } catch (err) {
        if (mine === seq) set({ status: 'error' });
        throw err;
      }
    },
    async createCheckin(teamId, checkin) {
      const saved = await call('progress.checkins.create', { teamId, checkin });
      if (last) await get().load(last.teamId, last.period);
      return saved;
    },
    async setRhythm(teamId, teamOpgaveId, rhythm) {
      await call('progress.rhythm.set', { teamId, teamOpgaveId, rhythm });
      if (last) await get().load(last.teamId, last.period);
    },
  };
});
