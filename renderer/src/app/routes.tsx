import type { ReactNode } from 'react';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { PrintPage } from '../features/print/PrintPage';
import { SettingsPage } from '../features/settings/SettingsPage';

import { useAgendaStore } from '../features/agenda/store';
import { useFundsStore } from '../features/budget/store';
import { useClustersStore } from '../features/clusters/store';
import { useDashboardStore } from '../features/dashboard/store';
import { useProgressStore } from '../features/progress/store';
import { useReceiptsStore } from '../features/receipts/store';
import { preloadable } from '../ui/preloadable';

const AgendaPage = preloadable(() => import('../features/agenda/AgendaPage').then((m) => m.default));
const ClustersPage = preloadable(() => import('../features/clusters/ClustersPage').then((m) => m.default));
const DistrictPage = preloadable(() => import('../features/district/DistrictPage').then((m) => m.default));
// These two preload the charts (and the import screen) they draw as well.
const FundsPage = preloadable(() => import('../features/budget/FundsPage').then(async (m) => (await m.preloadParts(), m.FundsPage)));
const ProgressPage = preloadable(() => import('../features/progress/ProgressPage').then(async (m) => (await m.preloadParts(), m.ProgressPage)));

/**
 * Fetches the code of every screen and of its charts while the window is idle after the first
 * paint, so that no first visit waits for it (recharts alone is a large chunk to parse). The paper
 * preview's code is left until it is asked for.
 */
export function preloadScreens(): Promise<void> {
  // A chunk that fails to load is fetched again on the screen's first visit, which then says so.
  return Promise.all([AgendaPage, ClustersPage, DistrictPage, FundsPage, ProgressPage].map((screen) => screen.preload().catch(() => undefined))).then(() => undefined);
}

export interface Screen {
  /** Route path; nested routes of a screen live under `${path}/*`. */
  path: string;
  /** i18n key of the navigation label. */
  labelKey: string;
  element: ReactNode;
  /** The district view: in the menu only when turned on; the one screen besides settings without a team. */
  district?: boolean;
  /** Starts the screen's first read for the team as the chief moves to it, before it is drawn. */
  prefetch?(teamId: number): void;
  /** Its sub-paths are tabs over the same first read (Versterkingsgelden), not other records. */
  tabs?: boolean;
}

/** Versterkingsgelden's overview reads the year's figures and, beside them, its missing receipts. */
function prefetchFunds(teamId: number): void {
  useFundsStore.getState().prefetch(teamId);
  useReceiptsStore.getState().prefetch(teamId, useFundsStore.getState().year);
}

/** The screens in navigation order (UX.md). A feature replaces its placeholder here. */
export const SCREENS: Screen[] = [
  { path: '/', labelKey: 'nav.dashboard', element: <DashboardPage />, prefetch: (teamId) => useDashboardStore.getState().prefetch(teamId) },
  { path: '/agenda', labelKey: 'nav.agenda', element: <AgendaPage />, prefetch: (teamId) => useAgendaStore.getState().prefetch(teamId) },
  { path: '/clusters', labelKey: 'nav.clusters', element: <ClustersPage />, prefetch: (teamId) => useClustersStore.getState().prefetch(teamId) },
  { path: '/funds', labelKey: 'nav.funds', element: <FundsPage />, prefetch: prefetchFunds, tabs: true },
  { path: '/progress', labelKey: 'nav.progress', element: <ProgressPage />, prefetch: (teamId) => useProgressStore.getState().prefetch(teamId) },
  { path: '/print', labelKey: 'nav.print', element: <PrintPage /> },
  // Shown for a district chief (turned on in settings, or started without a team); see Shell.
  { path: '/district', labelKey: 'district.nav', element: <DistrictPage />, district: true },
  { path: '/settings', labelKey: 'nav.settings', element: <SettingsPage /> },
];

/** The screens in the menu: without a team only the district view and settings; the district view when turned on. */
export const visibleScreens = (hasTeam: boolean, districtView: boolean): Screen[] =>
  SCREENS.filter((s) => (hasTeam ? !s.district || districtView : s.district || s.path === '/settings'));

/**
 * The screen a path opens, for its first read: a screen's own path (a chosen opgave under /agenda
 * reads something else), or any sub-path of a screen with tabs.
 */
export function screenToPrefetch(pathname: string): Screen | undefined {
  return SCREENS.find((s) => s.prefetch && (pathname === s.path || (s.tabs && pathname.startsWith(`${s.path}/`))));
}
