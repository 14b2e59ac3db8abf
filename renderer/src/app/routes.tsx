import type { ReactNode } from 'react';
import { FundsPage } from '../features/budget/FundsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NotYetAvailable } from '../ui/NotYetAvailable';

export interface Screen {
  /** Route path; nested routes of a screen live under `${path}/*`. */
  path: string;
  /** i18n key of the navigation label. */
  labelKey: string;
  element: ReactNode;
}

/** The screens in navigation order (UX.md). A feature replaces its placeholder here. */
export const SCREENS: Screen[] = [
  { path: '/', labelKey: 'nav.dashboard', element: <DashboardPage /> },
  { path: '/agenda', labelKey: 'nav.agenda', element: <NotYetAvailable titleKey="nav.agenda" /> },
  { path: '/clusters', labelKey: 'nav.clusters', element: <NotYetAvailable titleKey="nav.clusters" /> },
  { path: '/funds', labelKey: 'nav.funds', element: <FundsPage /> },
  { path: '/progress', labelKey: 'nav.progress', element: <NotYetAvailable titleKey="nav.progress" /> },
  { path: '/print', labelKey: 'nav.print', element: <NotYetAvailable titleKey="nav.print" /> },
  { path: '/settings', labelKey: 'nav.settings', element: <SettingsPage /> },
];
