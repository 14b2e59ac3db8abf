import { Alert, Anchor, Button, Card, Grid, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyError } from '../../shared/errors';
import { formatDate } from '../../ui/format';
import { useMonths } from '../../ui/months';
import type { Dashboard } from '@api/dashboard';
import { PageHeader } from '../../ui/PageHeader';
import { ScrollTable } from '../../ui/ScrollTable';
import { PeriodPicker } from '../../ui/period/PeriodPicker';
import { usePeriodStore } from '../../ui/period/store';
import { StatusBadge } from '../progress/StatusBadge';
import { Trend } from '../progress/Trend';
import { TeamProfileCard } from '../team/TeamProfileCard';
import { useActiveTeam } from '../team/store';
import { DashboardMoneyTile } from './DashboardMoneyTile';
import { useDashboardStore } from './store';
import { useReadyMark } from '../../ui/ready';
import { WhenVisible } from '../../ui/WhenVisible';

/** Room kept for the team's profile and the recent activity until they are drawn. */
const BELOW_HEIGHT = 420;

/** A tile whose title leads to its screen. */
function Tile({ title, to, testId, children }: { title: string; to: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
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

  const d = team && data && data.team.id === team.id ? data : null;
  const mark = useReadyMark(!!d);
  if (!team) return null;
  // The first view on a 1280×720 laptop: the team's status, the money and what is overdue side by
  // side, the chosen opgaven with their status under them. The profile follows below the fold.
  return (
    <Stack gap="sm" ref={mark} data-screen="dashboard">
      <PageHeader title={t('dashboard.title')} actions={<PeriodPicker />} />
      {!d ? (
        status === 'error' ? <Alert color="red">{t('errors.INTERNAL')}</Alert> : <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 3 }}>
                <Tile title={t('progress.dashboard.overall')} to="/progress" testId="tile-overall">
                  <Group gap="sm" wrap="wrap">
                    <div data-testid="overall-status">
                      <StatusBadge status={d.overall} size="lg" />
                    </div>
                    <Text size="sm" c="dimmed">
                      {t('progress.dashboard.asOf', { date: months.dateLong(d.asOf) })}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" mt={6} lineClamp={2} title={t('progress.dashboard.overallRule')}>
                    {t('progress.dashboard.overallRule')}
                  </Text>
                </Tile>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <DashboardMoneyTile money={d.money} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <OverdueTile d={d} en={en} />
            </Grid.Col>
          </Grid>
          <OpgavenTile d={d} en={en} />
          {/* Below the fold on a laptop: drawn when in view, or at idle. */}
          <WhenVisible height={BELOW_HEIGHT} fixed={false} margin="0px" idle>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Stack gap="xs">
              <TeamProfileCard team={team} />
              <Button component={Link} to="/settings" variant="light" style={{ alignSelf: 'flex-start' }}>
                {t('dashboard.editProfile')}
              </Button>
            </Stack>
            <Tile title={t('progress.dashboard.activity')} to="/progress" testId="tile-activity">
              {d.recentActivity.length === 0 ? (
                <Text>{t('progress.dashboard.activityEmpty')}</Text>
              ) : (
                <List size="sm" listStyleType="none" spacing={4}>
                  {d.recentActivity.map((a, i) => (
                    <List.Item key={`${a.at}-${i}`}>
                      <Text span size="xs" c="dimmed" className="tc-nowrap">
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
          </WhenVisible>
        </>
      )}
    </Stack>
  );
}

function OpgavenTile({ d, en }: { d: Dashboard; en: boolean }) {
  const { t } = useTranslation();
  return (
    <Tile title={t('progress.dashboard.opgaven')} to="/progress" testId="tile-opgaven">
      {d.opgaven.length === 0 ? (
        <Stack gap="xs" align="flex-start">
          <Text>{t('progress.dashboard.opgavenEmpty')}</Text>
          <Button component={Link} to="/agenda" variant="light">
            {t('progress.dashboard.chooseOpgaven')}
          </Button>
        </Stack>
      ) : (
        <ScrollTable label={t('progress.dashboard.opgaven')} minWidth={760}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('progress.dashboard.column.opgave')}</Table.Th>
                <Table.Th>{t('progress.dashboard.column.status')}</Table.Th>
                <Table.Th>{t('progress.dashboard.column.progress')}</Table.Th>
                <Table.Th>{t('progress.dashboard.column.trend')}</Table.Th>
                <Table.Th>{t('progress.dashboard.column.actions')}</Table.Th>
                <Table.Th className="tc-nowrap">{t('progress.dashboard.column.nextDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.opgaven.map((o) => (
                <Table.Tr key={o.teamOpgaveId} data-testid="dashboard-opgave" data-team-opgave-id={o.teamOpgaveId}>
                  <Table.Td>
                    <Anchor component={Link} to="/progress" size="sm">
                      {en ? o.titleEn : o.titleNl}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="tc-nowrap">
                    <StatusBadge status={o.latest?.status ?? null} size="sm" />
                  </Table.Td>
                  <Table.Td data-testid="dashboard-progress">{o.latest ? `${o.latest.progress}%` : '—'}</Table.Td>
                  <Table.Td className="tc-nowrap">
                    <Trend trend={o.trend} delta={o.progressDelta} compact />
                  </Table.Td>
                  <Table.Td className="tc-nowrap">
                    {o.actions.total === 0 ? '—' : `${o.actions.done}/${o.actions.total}`}
                    {o.actions.overdue > 0 && ` (${t('progress.actionsOverdue', { count: o.actions.overdue })})`}
                  </Table.Td>
                  <Table.Td className="tc-nowrap">
                    {o.checkinOverdue ? (
                      <Text span fw={700} c="red.9" size="sm" title={o.nextDue ? formatDate(o.nextDue) : undefined}>
                        {t('progress.overdue', { count: o.daysOverdue })}
                      </Text>
                    ) : o.nextDue ? (
                      formatDate(o.nextDue)
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Tile>
  );
}

/** One line per overdue item: the name (shortened if it must, whole in its tooltip) and how late. */
function OverdueItem({ to, title, late, due }: { to: string; title: string; late: string; due: string }) {
  return (
    <List.Item className="tc-overdue-item">
      <Anchor component={Link} to={to} size="sm" truncate="end" title={title} style={{ minWidth: 0, flex: 1 }}>
        {title}
      </Anchor>
      <Text span size="sm" fw={600} c="red.9" className="tc-nowrap" title={due}>
        {late}
      </Text>
    </List.Item>
  );
}

/** At most this many overdue items on the home screen; the rest is one click away. */
const OVERDUE_SHOWN = 3;

function OverdueTile({ d, en }: { d: Dashboard; en: boolean }) {
  const { t } = useTranslation();
  const checkins = d.overdueCheckins.slice(0, OVERDUE_SHOWN);
  const actions = d.overdueActions.slice(0, Math.max(0, OVERDUE_SHOWN - checkins.length));
  const more = d.overdueCheckins.length + d.overdueActions.length - checkins.length - actions.length;
  return (
    <Tile title={t('progress.dashboard.overdueTitle')} to="/progress" testId="tile-overdue">
      {d.overdueCheckins.length === 0 && d.overdueActions.length === 0 ? (
        <Text size="sm">{t('progress.dashboard.nothingOverdue')}</Text>
      ) : (
        <Stack gap={6}>
          {checkins.length > 0 && (
            <div>
              <Text fw={600} size="sm">
                {t('progress.dashboard.overdueCheckins')}
              </Text>
              <List size="sm" listStyleType="none" data-testid="overdue-checkins">
                {checkins.map((c) => (
                  <OverdueItem key={c.teamOpgaveId} to="/progress" title={en ? c.titleEn : c.titleNl} late={t('progress.overdue', { count: c.daysOverdue })} due={t('progress.dashboard.dueSince', { date: formatDate(c.dueDate) })} />
                ))}
              </List>
            </div>
          )}
          {actions.length > 0 && (
            <div>
              <Text fw={600} size="sm">
                {t('progress.dashboard.overdueActions')}
              </Text>
              <List size="sm" listStyleType="none" data-testid="overdue-actions">
                {actions.map((a) => (
                  <OverdueItem
                    key={a.actionId}
                    to="/agenda"
                    title={a.title}
                    late={t('progress.overdue', { count: a.daysOverdue })}
                    due={`${en ? a.opgaveTitleEn : a.opgaveTitleNl}, ${t('progress.dashboard.dueSince', { date: formatDate(a.dueDate) })}`}
                  />
                ))}
              </List>
            </div>
          )}
          {more > 0 && (
            <Anchor component={Link} to="/progress" size="sm" data-testid="overdue-more">
              {t('progress.dashboard.overdueMore', { count: more })}
            </Anchor>
          )}
        </Stack>
      )}
    </Tile>
  );
}
