import { create } from 'zustand';
import type { Dashboard } from '@api/dashboard';
import type { PeriodChoice } from '@api/period';
import { call } from '../../shared/api';
import { earlyRead } from '../../shared/prefetch';
import { usePeriodStore } from '../../ui/period/store';

interface DashboardState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: Dashboard | null;
  load(teamId: number, period: PeriodChoice): Promise<void>;
  /** Starts the screen's first read before the screen is drawn (see shared/prefetch.ts). */
  prefetch(teamId: number): void;
}

/** The home screen's data: one call (`dashboard.get`) per team and period. */
export const useDashboardStore = create<DashboardState>((set) => {
  let seq = 0;
  const first = earlyRead(async (teamId: number, period: PeriodChoice) => {
    const mine = ++seq;
    set({ status: 'loading' });
    try {
      const data = await call('dashboard.get', { teamId, period });
      if (mine !== seq) return;
      usePeriodStore.getState().setResolved(data.period);
      set({ data, status: 'ready' });
    } catch (err) {
      if (mine === seq) set({ status: 'error' });
      throw err;
    }
  });
  return {
    status: 'idle',
    data: null,
    load: first.read,
    prefetch: (teamId) => first.start(teamId, usePeriodStore.getState().choice),
  };
});
