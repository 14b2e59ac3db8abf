import { Alert, NativeSelect, Stack, Tabs, Text } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { notifyError } from '../../shared/errors';
import { PageHeader } from '../../ui/PageHeader';
import { useActiveTeam } from '../team/store';
import { DecisionsScreen } from './DecisionsScreen';
import { ExpensesScreen } from './ExpensesScreen';
import { HistoryScreen } from './HistoryScreen';
import { FundsCharts, OverviewScreen } from './OverviewScreen';
import { useFundsStore } from './store';
import { useShallow } from 'zustand/react/shallow';
import { preloadable } from '../../ui/preloadable';
import { useReadyMark } from '../../ui/ready';

const ImportScreen = preloadable(() => import('./ImportScreen').then((m) => m.default));

/** The code this screen fetches apart (see app/routes.tsx). */
export const preloadParts = () => Promise.all([FundsCharts.preload(), ImportScreen.preload()]).then(() => undefined);

const TABS = ['overview', 'decisions', 'expenses', 'import'] as const;

/** Versterkingsgelden at /funds, with nested screens for decisions, expenses, import and history. */
export function FundsPage() {
  const { t } = useTranslation();
  const team = useActiveTeam();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { year, years, status, load, setYear } = useFundsStore(useShallow((s) => ({ year: s.year, years: s.years, status: s.status, load: s.load, setYear: s.setYear })));
  const mark = useReadyMark(status === 'ready');

  useEffect(() => {
    if (team) load(team.id).catch(notifyError);
  }, [team, load]);

  if (!team) return null;
  const sub = pathname.split('/')[2] ?? '';
  const tab = sub === '' ? 'overview' : sub;
  return (
    <Stack gap="md" ref={mark} data-screen="funds">
      <PageHeader
        title={t('budget.title')}
        actions={
          // The system's own list: a short list of years needs no searchable select, which cost the screen's first render.
          <NativeSelect
            label={t('budget.year')}
            w={120}
            value={String(year)}
            data={(years.length ? years : [year]).map(String)}
            onChange={(e) => void setYear(Number(e.currentTarget.value)).catch(notifyError)}
          />
        }
      />
      <Tabs value={TABS.includes(tab as (typeof TABS)[number]) ? tab : null} onChange={(v) => void navigate(v === 'overview' ? '/funds' : `/funds/${v}`)}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`budget.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {status === 'error' && (
        <Alert color="red" role="alert">
          {t('errors.INTERNAL')}
        </Alert>
      )}
      {status === 'loading' ? (
        <Text>{t('app.loading')}</Text>
      ) : (
        <Suspense fallback={<Text data-pending="true">{t('app.loading')}</Text>}>
          <Routes>
            <Route index element={<OverviewScreen teamId={team.id} />} />
            <Route path="decisions" element={<DecisionsScreen teamId={team.id} />} />
            <Route path="expenses" element={<ExpensesScreen teamId={team.id} />} />
            <Route path="import" element={<ImportScreen teamId={team.id} />} />
            <Route path="history/:entity/:id" element={<HistoryScreen teamId={team.id} />} />
          </Routes>
        </Suspense>
      )}
    </Stack>
  );
}
