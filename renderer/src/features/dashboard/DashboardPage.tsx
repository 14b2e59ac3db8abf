import { Alert, Anchor, Button, Card, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyError } from '../../shared/errors';
import { formatDate } from '../../ui/format';
import { useMonths } from '../../ui/months';
import { PageHeader } from '../../ui/PageHeader';
import { PeriodPicker } from '../../ui/period/PeriodPicker';
import { usePeriodStore } from '../../ui/period/store';
import { StatusBadge } from '../progress/StatusBadge';
import { Trend } from '../progress/Trend';
import { TeamProfileCard } from '../team/TeamProfileCard';
import { useActiveTeam } from '../team/store';
import { DashboardMoneyTile } from './DashboardMoneyTile';
import { useDashboardStore } from './store';

/** A tile whose title leads to its screen. */
function Tile({ title, to, testId, children }: { title: string; to: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId} component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        <Anchor component={Link} to={to} inherit>
          {title}
        </Anchor>
      </Title>
      {children}
    </Card>
  );
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const months = useMonths();
  const team = useActiveTeam();
  const choice = usePeriodStore((s) => s.choice);
  const { data, status, load } = useDashboardStore();
  const en = i18n.language === 'en';

  useEffect(() => {
    if (team) load(team.id, choice).catch(notifyError);
  }, [team, choice, load]);

  if (!team) return null;
  const d = data && data.team.id === team.id ? data : null;
  return (
    <Stack>
      <PageHeader
        title={t('dashboard.title')}
        actions={
          <Button component={Link} to="/settings" variant="light">
            {t('dashboard.editProfile')}
          </Button>
        }
      />
      <PeriodPicker />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TeamProfileCard team={team} />
        {!d ? (
          status === 'error' ? <Alert color="red">{t('errors.INTERNAL')}</Alert> : <Loader aria-label={t('app.loading')} />
        ) : (
          <Tile title={t('progress.dashboard.overall')} to="/progress" testId="tile-overall">
            <Stack gap="xs">
              <div data-testid="overall-status">
                <StatusBadge status={d.overall} size="xl" />
              </div>
              <Text size="sm" c="dimmed">
                {t('progress.dashboard.asOf', { date: months.dateLong(d.asOf) })}
              </Text>
              <Text size="sm">{t('progress.dashboard.overallRule')}</Text>
            </Stack>
          </Tile>
        )}
      </SimpleGrid>
      {d && (
        <>
          <Tile title={t('progress.dashboard.opgaven')} to="/progress" testId="tile-opgaven">
            {d.opgaven.length === 0 ? (
              <Stack gap="xs" align="flex-start">
                <Text>{t('progress.dashboard.opgavenEmpty')}</Text>
                <Button component={Link} to="/agenda" variant="light">
                  {t('progress.dashboard.chooseOpgaven')}
                </Button>
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('progress.dashboard.column.opgave')}</Table.Th>
                      <Table.Th>{t('progress.dashboard.column.status')}</Table.Th>
                      <Table.Th>{t('progress.dashboard.column.progress')}</Table.Th>
                      <Table.Th>{t('progress.dashboard.column.trend')}</Table.Th>
                      <Table.Th>{t('progress.dashboard.column.actions')}</Table.Th>
                      <Table.Th>{t('progress.dashboard.column.nextDue')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.opgaven.map((o) => (
                      <Table.Tr key={o.teamOpgaveId} data-testid="dashboard-opgave" data-team-opgave-id={o.teamOpgaveId}>
                        <Table.Td>
                          <Anchor component={Link} to="/progress">
                            {en ? o.titleEn : o.titleNl}
                          </Anchor>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <StatusBadge status={o.latest?.status ?? null} size="sm" />
                        </Table.Td>
                        <Table.Td data-testid="dashboard-progress">{o.latest ? `${o.latest.progress}%` : '—'}</Table.Td>
                        <Table.Td>
                          <Trend trend={o.trend} delta={o.progressDelta} />
                        </Table.Td>
                        <Table.Td>
                          {o.actions.total === 0 ? '—' : `${o.actions.done}/${o.actions.total}`}
                          {o.actions.overdue > 0 && ` (${t('progress.actionsOverdue', { count: o.actions.overdue })})`}
                        </Table.Td>
                        <Table.Td>
                          {o.nextDue ? formatDate(o.nextDue) : '—'}
                          {o.checkinOverdue && (
                            <Text span fw={700} c="red.9" size="sm">
                              {' '}
                              ({t('progress.overdue', { count: o.daysOverdue })})
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Tile>
          <DashboardMoneyTile money={d.money} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Tile title={t('progress.dashboard.overdueTitle')} to="/progress" testId="tile-overdue">
              {d.overdueCheckins.length === 0 && d.overdueActions.length === 0 ? (
                <Text>{t('progress.dashboard.nothingOverdue')}</Text>
              ) : (
                <Stack gap="sm">
                  {d.overdueCheckins.length > 0 && (
                    <div>
                      <Text fw={600}>{t('progress.dashboard.overdueCheckins')}</Text>
                      <List size="sm" data-testid="overdue-checkins">
                        {d.overdueCheckins.map((c) => (
                          <List.Item key={c.teamOpgaveId}>
                            <Anchor component={Link} to="/progress">
                              {en ? c.titleEn : c.titleNl}
                            </Anchor>{' '}
                            — {t('progress.dashboard.dueSince', { date: formatDate(c.dueDate) })},{' '}
                            {t('progress.overdue', { count: c.daysOverdue })}
                          </List.Item>
                        ))}
                      </List>
                    </div>
                  )}
                  {d.overdueActions.length > 0 && (
                    <div>
                      <Text fw={600}>{t('progress.dashboard.overdueActions')}</Text>
                      <List size="sm" data-testid="overdue-actions">
                        {d.overdueActions.map((a) => (
                          <List.Item key={a.actionId}>
                            <Anchor component={Link} to="/agenda">
                              {a.title}
                            </Anchor>{' '}
                            ({en ? a.opgaveTitleEn : a.opgaveTitleNl}) — {t('progress.dashboard.dueSince', { date: formatDate(a.dueDate) })},{' '}
                            {t('progress.overdue', { count: a.daysOverdue })}
                          </List.Item>
                        ))}
                      </List>
                    </div>
                  )}
                </Stack>
              )}
            </Tile>
            <Tile title={t('progress.dashboard.activity')} to="/progress" testId="tile-activity">
              {d.recentActivity.length === 0 ? (
                <Text>{t('progress.dashboard.activityEmpty')}</Text>
              ) : (
                <List size="sm" listStyleType="none" spacing={4}>
                  {d.recentActivity.map((a, i) => (
                    <List.Item key={`${a.at}-${i}`}>
                      <Text span size="xs" c="dimmed">
                        {formatDate(a.at.slice(0, 10))}
                      </Text>{' '}
                      <Anchor component={Link} to={a.route}>
                        {t(`progress.dashboard.activityKind.${a.kind}`)}
                      </Anchor>
                      : {en ? a.subjectEn : a.subjectNl}
                    </List.Item>
                  ))}
                </List>
              )}
            </Tile>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
