import { create } from 'zustand';
import type { BudgetEntry, BudgetLinks, BudgetOverview, Decision, Expense } from '@api/budget';
import type { Input, Method, Result } from '@api/contract';
import { call } from '../../shared/api';
import { earlyRead } from '../../shared/prefetch';

interface FundsState {
  teamId: number | null;
  year: number;
  years: number[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  overview: BudgetOverview | null;
  entries: BudgetEntry[];
  decisions: Decision[];
  /** The year's expenses: read only while the expense list is open (thousands of rows a year at district size). */
  expenses: Expense[];
  expensesLoaded: boolean;
  links: BudgetLinks;
  load(teamId: number, year?: number): Promise<void>;
  /** Starts the screen's first read before the screen is drawn (see shared/prefetch.ts). */
  prefetch(teamId: number): void;
  setYear(year: number): Promise<void>;
  /** The expense list opens (`true`: read the expenses, and again after every write) or closes (drops them). */
  wantExpenses(on: boolean): Promise<void>;
  /** Any write: calls the method, then re-reads everything (the store is the truth). */
  write<M extends Method>(method: M, input: Input<M>): Promise<Result<M>>;
}

const EMPTY_LINKS: BudgetLinks = { opgaven: [], actions: [], clusters: [], decisions: [] };

let expensesWanted = false;

export const useFundsStore = create<FundsState>((set, get) => {
  const first = earlyRead(async (teamId: number, year: number) => {
    set({ status: get().overview ? 'ready' : 'loading', teamId, year });
    try {
      const [years, overview, entries, decisions, expenses, links] = await Promise.all([
        call('budget.years', { teamId }),
        call('budget.overview', { teamId, year }),
        call('budget.entries.list', { teamId, year }),
        call('budget.decisions.list', { teamId, year }),
        expensesWanted ? call('budget.expenses.list', { teamId, year }) : null,
        call('budget.links', { teamId }),
      ]);
      set({
        years: [...new Set([...years, year])].sort((a, b) => a - b),
        overview,
        entries,
        decisions,
        expenses: expenses ?? [],
        expensesLoaded: expenses !== null,
        links,
        status: 'ready',
      });
    } catch (err) {
      set({ status: 'error' });
      throw err;
    }
  });
  return {
    teamId: null,
    year: new Date().getFullYear(),
    years: [],
    status: 'idle',
    overview: null,
    entries: [],
    decisions: [],
    expenses: [],
    expensesLoaded: false,
    links: EMPTY_LINKS,
    load: (teamId, year = get().year) => first.read(teamId, year),
    prefetch: (teamId) => first.start(teamId, get().year),
    async setYear(year) {
      const { teamId } = get();
      set({ year });
      if (teamId !== null) await get().load(teamId, year);
    },
    async wantExpenses(on) {
      expensesWanted = on;
      if (!on) return set({ expenses: [], expensesLoaded: false });
      const { teamId, year } = get();
      if (teamId === null || get().expensesLoaded) return;
      const expenses = await call('budget.expenses.list', { teamId, year });
      if (expensesWanted && get().teamId === teamId && get().year === year) set({ expenses, expensesLoaded: true });
    },
    async write(method, input) {
      const result = await call(method, ...([input] as [Input<typeof method>]));
      const { teamId, year } = get();
      if (teamId !== null) await get().load(teamId, year);
      return result;
    },
  };
});
