import { Center, Loader, Text } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import { AboutPage } from '../features/about/AboutPage';
import { WelcomePage } from '../features/team/WelcomePage';
import { useTeamStore } from '../features/team/store';
import { useDistrictStore } from '../features/district/store';
import { SCREENS, screenToPrefetch } from './routes';
import { useShellLanguage } from './shell';
import { Shell } from './Shell';

const ReportPage = lazy(() => import('../features/print/report/ReportPage'));

const router = createHashRouter([
  {
    // The printable overview stands alone, without navigation: the print window loads it.
    path: '/report',
    element: (
      <Suspense>
        <ReportPage />
      </Suspense>
    ),
  },
  {
    element: <Shell />,
    children: [
      ...SCREENS.map((s) => ({ path: s.path === '/' ? '/' : `${s.path}/*`, element: s.element })),
      // Not in the navigation: reached from Help > Over Teamchef and the link under the navigation.
      { path: '/about', element: <AboutPage /> },
    ],
  },
]);

// Each move to another screen starts its first read at once, while React draws the screen
// (shared/prefetch.ts); a move within a screen (a tab) keeps the screen and its data.
let lastScreen = screenToPrefetch(router.state.location.pathname);
router.subscribe((state) => {
  const screen = screenToPrefetch(state.location.pathname);
  if (screen === lastScreen) return;
  lastScreen = screen;
  const teamId = useTeamStore.getState().activeTeamId;
  if (screen && teamId !== null) screen.prefetch?.(teamId);
});

export function App() {
  const { t } = useTranslation();
  const { status, teams, load } = useTeamStore();
  const districtView = useDistrictStore((s) => s.enabled);
  useShellLanguage();

  useEffect(() => {
    // A failed first load shows the error screen below; the reason is in the store's status.
    load().catch(() => undefined);
  }, [load]);

  if (status === 'idle' || (status === 'loading' && teams.length === 0)) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (status === 'error') {
    return (
      <Center h="100vh" role="alert">
        <Text>{t('errors.INTERNAL')}</Text>
      </Center>
    );
  }
  if (teams.length === 0 && !districtView) return <WelcomePage />;
  return <RouterProvider router={router} />;
}
