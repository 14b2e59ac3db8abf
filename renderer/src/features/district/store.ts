import { create } from 'zustand';
import type { DistrictOverview } from '@api/district';
import { call } from '../../shared/api';

const MODE_KEY = 'teamchef.districtView';

interface DistrictState {
  /** The district overview is in the menu (a district chief turned it on, or started without a team). */
  enabled: boolean;
  setEnabled(enabled: boolean): void;
  overview: DistrictOverview | null;
  /** The period in view; null: the one most teams reported on. */
  period: { from: string; to: string } | null;
  load(period?: { from: string; to: string } | null): Promise<void>;
}

/** The store (SQLite) is the truth: the overview is read again after every import. */
export const useDistrictStore = create<DistrictState>((set, get) => ({
  enabled: globalThis.localStorage?.getItem(MODE_KEY) === '1',
  setEnabled(enabled) {
    if (enabled) globalThis.localStorage?.setItem(MODE_KEY, '1');
    else globalThis.localStorage?.removeItem(MODE_KEY);
    set({ enabled });
  },
  overview: null,
  period: null,
  async load(period) {
    const wanted = period === undefined ? get().period : period;
    const overview = await call('district.overview', wanted ?? undefined);
    set({ overview, period: overview.period });
  },
}));

/** A district report's print query (the print window loads `#/report?<query>`). */
export const districtQuery = (period: { from: string; to: string }) => new URLSearchParams({ kind: 'district', ...period }).toString();
