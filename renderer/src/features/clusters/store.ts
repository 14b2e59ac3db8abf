import { create } from 'zustand';
import type { Cluster, ClusterOverview } from '@api/clusters';
import type { Input } from '@api/contract';
import { call } from '../../shared/api';
import { earlyRead } from '../../shared/prefetch';

interface ClustersState {
  clusters: Cluster[];
  overview: ClusterOverview | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  load(teamId: number): Promise<void>;
  /** Starts the screen's first read before the screen is drawn (see shared/prefetch.ts). */
  prefetch(teamId: number): void;
  create(input: Input<'clusters.create'>): Promise<Cluster>;
  update(input: Input<'clusters.update'>): Promise<Cluster>;
  end(input: Input<'clusters.end'>): Promise<Cluster>;
  split(input: Input<'clusters.split'>): Promise<Cluster[]>;
  archive(input: Input<'clusters.archive'>): Promise<Cluster>;
}

/** The store (SQLite) is the truth: every write re-reads the clusters and the overview. */
export const useClustersStore = create<ClustersState>((set, get) => {
  const after =
    <I extends { teamId: number }, R>(fn: (input: I) => Promise<R>) =>
    async (input: I): Promise<R> => {
      const result = await fn(input);
      await get().load(input.teamId);
      return result;
    };
  const first = earlyRead(async (teamId: number) => {
    set({ status: get().status === 'ready' ? 'ready' : 'loading' });
    try {
      const [clusters, overview] = await Promise.all([call('clusters.list', { teamId }), call('clusters.overview', { teamId })]);
      set({ clusters, overview, status: 'ready' });
    } catch (err) {
      set({ status: 'error' });
      throw err;
    }
  });
  return {
    clusters: [],
    overview: null,
    status: 'idle',
    load: first.read,
    prefetch: (teamId) => first.start(teamId),
    create: after((input: Input<'clusters.create'>) => call('clusters.create', input)),
    update: after((input: Input<'clusters.update'>) => call('clusters.update', input)),
    end: after((input: Input<'clusters.end'>) => call('clusters.end', input)),
    split: after((input: Input<'clusters.split'>) => call('clusters.split', input)),
    archive: after((input: Input<'clusters.archive'>) => call('clusters.archive', input)),
  };
});
