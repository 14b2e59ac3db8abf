import { create } from 'zustand';
import { PeriodChoice, type Period } from '@api/period';

type Choice = NonNullable<PeriodChoice>;

interface PeriodState {
  /** What the chief chose; a year or quarter left out means the current one (the core decides). */
  choice: Choice;
  /** The dates the core resolved the choice to, from the last answer; null before the first. */
  resolved: Period | null;
  setChoice(choice: Choice): void;
  setResolved(period: Period): void;
}

const SESSION_KEY = 'teamchef.period';

/** The choice survives a reload of the window, not a restart of the app (then it is the current year again). */
function savedChoice(): Choice {
  try {
    const raw = globalThis.sessionStorage?.getItem(SESSION_KEY);
    const parsed = raw ? PeriodChoice.safeParse(JSON.parse(raw)) : null;
    if (parsed?.success && parsed.data) return parsed.data;
  } catch {
    // A damaged saved choice falls back to the current year.
  }
  return { kind: 'year' };
}

/** One period for the whole app: the dashboard and the charts follow it. */
export const usePeriodStore = create<PeriodState>((set, get) => ({
  choice: savedChoice(),
  resolved: null,
  setChoice(choice) {
    globalThis.sessionStorage?.setItem(SESSION_KEY, JSON.stringify(choice));
    set({ choice });
  },
  setResolved(period) {
    const r = get().resolved;
    if (!r || r.from !== period.from || r.to !== period.to || r.kind !== period.kind) set({ resolved: period });
  },
}));

/** The choice one step earlier (-1) or later (+1): the previous or next quarter or year. */
export function stepPeriod(resolved: Period, step: -1 | 1): Choice | null {
  if (resolved.kind === 'year' && resolved.year) return { kind: 'year', year: resolved.year + step };
  if (resolved.kind === 'quarter' && resolved.year && resolved.quarter) {
    const index = resolved.year * 4 + (resolved.quarter - 1) + step;
    return { kind: 'quarter', year: Math.floor(index / 4), quarter: (index % 4) + 1 };
  }
  return null;
}
