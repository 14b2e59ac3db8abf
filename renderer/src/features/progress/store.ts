import { create } from 'zustand';
import type { PeriodChoice } from '@api/period';
import type { Checkin, CheckinInput, CheckinPage, ProgressHistory, ProgressOverview, Rhythm } from '@api/progress';
import { call } from '../../shared/api';
import { earlyRead } from '../../shared/prefetch';
import { usePeriodStore } from '../../ui/period/store';

interface ProgressState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  overview: ProgressOverview | null;
  history: ProgressHistory | null;
  /** The history table's page: the core answers one page, not every check-in of the period. */
  checkins: CheckinPage | null;
  load(teamId: number, period: PeriodChoice): Promise<void>;
  /** Starts the screen's first read before the screen is drawn (see shared/prefetch.ts). */
  prefetch(teamId: number): void;
  showPage(teamId: number, page: number): Promise<void>;
  createCheckin(teamId: number, checkin: CheckinInput): Promise<Checkin>;
  setRhythm(teamId: number, teamOpgaveId: number, rhythm: Rhythm): Promise<void>;
}

/** Rows per page of the history table. */
export const CHECKIN_PAGE_SIZE = 20;

/** The store (SQLite) is the truth: every write re-reads overview, history and check-ins. */
export const useProgressStore = create<ProgressState>((set, get) => {
  let last: { teamId: number; period: PeriodChoice } | null = null;
  let seq = 0;
  let pageSeq = 0;
  const first = earlyRead(async (teamId: number, period: PeriodChoice) => {
    // Another period starts on the first page; a re-read after a write stays on the page in view.
    const page = last && last.teamId === teamId && last.period === period ? (get().checkins?.page ?? 1) : 1;
    last = { teamId, period };
    const mine = ++seq;
    ++pageSeq;
    set({ status: 'loading' });
    try {
      const [overview, history, checkins] = await Promise.all([
        call('progress.overview', { teamId, period }),
        call('progress.history', { teamId, period }),
        call('progress.checkins.page', { teamId, period, page, pageSize: CHECKIN_PAGE_SIZE }),
      ]);
      if (mine !== seq) return; // a newer period was chosen meanwhile
      usePeriodStore.getState().setResolved(overview.period);
      set({ overview, history, checkins, status: 'ready' });
    } catch (err) {
      if (mine === seq) set({ status: 'error' });
      throw err;
    }
  });
  return {
    status: 'idle',
    overview: null,
    history: null,
    checkins: null,
    load: first.read,
    prefetch: (teamId) => first.start(teamId, usePeriodStore.getState().choice),
    async showPage(teamId, page) {
      if (!last) return;
      const mine = ++pageSeq;
      const checkins = await call('progress.checkins.page', { teamId, period: last.period, page, pageSize: CHECKIN_PAGE_SIZE });
      if (mine === pageSeq) set({ checkins });
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
