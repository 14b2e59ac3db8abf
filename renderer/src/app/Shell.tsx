import { Anchor, AppShell, Group, NavLink, Text } from '@mantine/core';
import { Fragment, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { RecentAuditAlert } from '../features/audit/RecentAuditAlert';
import { useDistrictStore } from '../features/district/store';
import { useActiveTeam } from '../features/team/store';
import { TeamSwitcher } from '../features/team/TeamSwitcher';
import { useUndo } from '../features/undo/controller';
import { useUndoStore } from '../features/undo/store';
import { preloadScreens, visibleScreens } from './routes';
import { useShellCommands } from './shell';
import { WarmUp } from '../ui/WarmUp';

/**
 * The window's start-up work is over (code fetched, warm-up drawn). Tests and the benchmark wait for
 * this mark before they time a first visit, as for data-ready (ui/ready.ts); nothing in the app reads it.
 */
const markStarted = () => {
  document.documentElement.dataset.started = 'true';
};

const isActive = (screenPath: string, pathname: string) =>
  screenPath === '/' ? pathname === '/' : pathname === screenPath || pathname.startsWith(`${screenPath}/`);

export function Shell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useShellCommands();
  useUndo();
  // The window's start-up work, at idle after the first paint: the screens' code first, then the
  // warm-up, each after the other rather than both in the way of the chief's first click.
  const [codeIn, setCodeIn] = useState(false);
  useEffect(() => {
    const idle = window.requestIdleCallback(() => void preloadScreens().then(() => setCodeIn(true)), { timeout: 3000 });
    return () => window.cancelIdleCallback(idle);
  }, []);
  // Another screen (or tab, or record) opens at its top, as a new page does, not at the height the
  // chief had scrolled to on the one before. Before the paint, so the old height never shows.
  useLayoutEffect(() => {
    if (window.scrollY !== 0 || window.scrollX !== 0) window.scrollTo(0, 0);
  }, [pathname]);
  // After an undo or redo the screen is opened afresh, so it reads the data again.
  const revision = useUndoStore((s) => s.revision);
  const team = useActiveTeam();
  const districtView = useDistrictStore((s) => s.enabled);
  const screens = visibleScreens(!!team, districtView);
  // A district chief without a team of their own starts in the district view.
  if (!team && !screens.some((s) => s.path !== '/' && (pathname === s.path || pathname.startsWith(`${s.path}/`))) && pathname !== '/about')
    return <Navigate to="/district" replace />;
  return (
    <AppShell navbar={{ width: 230, breakpoint: 0 }} header={{ height: 52 }} padding="lg">
      {/* The router owns the URL's hash, so the skip link moves the focus itself. */}
      <Anchor
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Text fw={700}>{t('app.name')}</Text>
          <TeamSwitcher />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.navLabel')}>
        {screens.map((s) => (
          <NavLink
            key={s.path}
            component={RouterNavLink}
            to={s.path}
            label={t(s.labelKey)}
            active={isActive(s.path, pathname)}
            aria-current={isActive(s.path, pathname) ? 'page' : undefined}
          />
        ))}
        <NavLink
          mt="auto"
          component={RouterNavLink}
          to="/about"
          label={t('about.title')}
          active={pathname === '/about'}
          aria-current={pathname === '/about' ? 'page' : undefined}
        />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <RecentAuditAlert />
        <Suspense fallback={<Text>{t('app.loading')}</Text>}>
          <Fragment key={revision}>
            <Outlet />
          </Fragment>
        </Suspense>
      </AppShell.Main>
      {codeIn && <WarmUp onDone={markStarted} />}
    </AppShell>
  );
}
