import { Alert, Button, Card, Group, Loader, Modal, NativeSelect, Pagination, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RHYTHMS, type Checkin, type CheckinPage, type OpgaveOverview, type Rhythm } from '@api/progress';
import { notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatPercent } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PeriodPicker } from '../../ui/period/PeriodPicker';
import { usePeriodStore } from '../../ui/period/store';
import { useActiveTeam } from '../team/store';
import { HistoryButton } from '../undo/HistoryButton';
import { CheckinForm } from './CheckinForm';
import { CheckinNotes } from './CheckinNotes';
import { StatusBadge } from './StatusBadge';
import { useProgressStore } from './store';
import { Trend } from './Trend';
import { ScrollTable } from '../../ui/ScrollTable';
import { preloadable } from '../../ui/preloadable';
import { useReadyMark } from '../../ui/ready';
import { WhenVisible } from '../../ui/WhenVisible';

const ProgressCharts = preloadable(() => import('./ProgressCharts').then((m) => m.default));

/** The code this screen fetches apart (see app/routes.tsx). */
export const preloadParts = () => ProgressCharts.preload();

/** Heights kept for a card and the history table until they are drawn (about their drawn size at 1366×768). */
const CARD_HEIGHT = 250;
const TABLE_HEIGHT = 900;

type Dialog = { mode: 'new'; teamOpgaveId?: number } | { mode: 'correct'; checkin: Checkin } | null;

function OpgaveCard({ o, onCheckin, onRhythm }: { o: OpgaveOverview; onCheckin(): void; onRhythm(r: Rhythm): void }) {
  const { t, i18n } = useTranslation();
  const title = i18n.language === 'en' ? o.titleEn : o.titleNl;
  return (
    <Card withBorder radius="md" padding="md" data-testid="progress-opgave" data-team-opgave-id={o.teamOpgaveId} component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">
            {title}
          </Title>
          <StatusBadge status={o.latest?.status ?? null} />
        </Group>
        {o.latest ? (
          <Text size="sm">
            {t('progress.latest')}: <span className="tc-nowrap">{formatDate(o.latest.date)}</span> · {t('progress.charts.progress')}{' '}
            <strong data-testid="latest-progress">{o.latest.progress}%</strong> · {t('progress.fields.confidence')}{' '}
            <strong data-testid="latest-confidence">{o.latest.confidence}</strong>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('progress.noCheckin')}
          </Text>
        )}
        {o.latest && <CheckinNotes checkin={o.latest} testId="latest-notes" />}
        <Trend trend={o.trend} delta={o.progressDelta} />
        <Text size="sm" data-testid="next-due" data-overdue={o.checkinOverdue}>
          {o.nextDue ? (
            <>
              {t('progress.nextDue')} <span className="tc-nowrap">{formatDate(o.nextDue)}</span>
            </>
          ) : (
            t('progress.noneDue')
          )}
          {o.checkinOverdue && (
            <Text span fw={700} c="red.9">
              {' '}
              — {t('progress.overdue', { count: o.daysOverdue })}
            </Text>
          )}
        </Text>
        <Text size="sm">
          {t('progress.actions')}:{' '}
          {o.actions.total === 0
            ? t('progress.actionsNone')
            : t('progress.actionsDone', { done: o.actions.done, total: o.actions.total, share: formatPercent(o.actions.shareDone ?? 0) })}
          {o.actions.overdue > 0 && ` · ${t('progress.actionsOverdue', { count: o.actions.overdue })}`}
        </Text>
        <Group justify="space-between" align="flex-end">
          {/* The system's own list: eight of Mantine's searchable selects cost the screen a good part of its first render. */}
          <NativeSelect
            label={t('progress.rhythm.label')}
            size="xs"
            w={180}
            value={o.rhythm}
            data={RHYTHMS.map((r) => ({ value: r, label: t(`progress.rhythm.${r}`) }))}
            onChange={(e) => onRhythm(e.currentTarget.value as Rhythm)}
          />
          <Button size="sm" onClick={onCheckin} aria-label={`${t('progress.newCheckin')}: ${title}`}>
            {t('progress.newCheckin')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * The history table, a page at a time from the core: ten years of a busy team are thousands of rows,
 * and a table of all of them (or sending all of them) held the screen for seconds. Newest first, so
 * the first page is what changed.
 */
function CheckinTable({
  teamId,
  page: answer,
  titleOf,
  onCorrect,
  onPage,
}: {
  teamId: number;
  page: CheckinPage;
  titleOf(id: number): string;
  onCorrect(c: Checkin): void;
  onPage(page: number): void;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const { total, page: current, pageSize, checkins: shown } = answer;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (current - 1) * pageSize;
  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Stack gap="xs">
      <ScrollTable label={t('progress.history')} minWidth={760}>
        <Table striped withTableBorder data-testid="checkin-table" data-total={total}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('progress.fields.opgave')}</Table.Th>
              <Table.Th>{t('progress.fields.date')}</Table.Th>
              <Table.Th>{t('progress.fields.status')}</Table.Th>
              <Table.Th>{t('progress.charts.progress')}</Table.Th>
              <Table.Th>{t('progress.fields.confidence')}</Table.Th>
              <Table.Th>{t('progress.notes.title')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => {
              const old = c.correctedById !== null;
              const open = expanded.has(c.id);
              const name = `${titleOf(c.teamOpgaveId)} ${formatDate(c.date)}`;
              return (
                <Fragment key={c.id}>
                <Table.Tr data-testid="checkin-row" data-corrected={old} style={old ? { textDecoration: 'line-through', opacity: 0.7 } : undefined}>
                  <Table.Td>{titleOf(c.teamOpgaveId)}</Table.Td>
                  <Table.Td className="tc-nowrap">{formatDate(c.date)}</Table.Td>
                  <Table.Td className="tc-nowrap">{t(`progress.status.${c.status}`)}</Table.Td>
                  <Table.Td>{c.progress}%</Table.Td>
                  <Table.Td>{c.confidence}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-expanded={open}
                      aria-controls={`checkin-notes-${c.id}`}
                      aria-label={t(open ? 'progress.notes.hideOf' : 'progress.notes.showOf', { name })}
                      onClick={() => toggle(c.id)}
                    >
                      {t(open ? 'progress.notes.hide' : 'progress.notes.show')}
                    </Button>
                    {c.correctsId !== null && (
                      <Text size="xs" c="dimmed">
                        {t('progress.correctionOf', { reason: c.correctionReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {old ? (
                      <Text size="xs">{t('progress.corrected')}</Text>
                    ) : (
                      <Button size="xs" variant="subtle" onClick={() => onCorrect(c)} aria-label={`${t('progress.correct')}: ${titleOf(c.teamOpgaveId)} ${formatDate(c.date)}`}>
                        {t('progress.correct')}
                      </Button>
                    )}
                    <HistoryButton teamId={teamId} record="checkin" id={c.id} name={`${titleOf(c.teamOpgaveId)} ${formatDate(c.date)}`} />
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr id={`checkin-notes-${c.id}`} data-testid="checkin-notes-row">
                    <Table.Td colSpan={7}>
                      <CheckinNotes checkin={c} />
                    </Table.Td>
                  </Table.Tr>
                )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {total > 0 && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" data-testid="checkin-range" aria-live="polite">
            {t('progress.historyRange', { from: first + 1, to: first + shown.length, total })}
          </Text>
          {pages > 1 && (
            <nav aria-label={t('progress.historyPages')}>
              <Pagination
                size="sm"
                total={pages}
                value={current}
                onChange={onPage}
                withEdges
                getItemProps={(p) => ({ 'aria-label': t('progress.historyPage', { page: p }) })}
                getControlProps={(control) => ({ 'aria-label': t(`progress.historyControl.${control}`) })}
              />
            </nav>
          )}
        </Group>
      )}
    </Stack>
  );
}

export function ProgressPage() {
  const { t, i18n } = useTranslation();
  const team = useActiveTeam();
  const choice = usePeriodStore((s) => s.choice);
  const { overview, history, checkins, status, load, showPage, createCheckin, setRhythm } = useProgressStore();
  const [dialog, setDialog] = useState<Dialog>(null);
  const mark = useReadyMark(status === 'ready' && !!overview && !!history && !!checkins);

  useEffect(() => {
    if (team) load(team.id, choice).catch(notifyError);
  }, [team, choice, load]);

  if (!team) return null;
  if (!overview || !history || !checkins) {
    return status === 'error' ? <Alert color="red">{t('errors.INTERNAL')}</Alert> : <Loader role="status" aria-label={t('app.loading')} />;
  }
  const titles = new Map(overview.opgaven.map((o) => [o.teamOpgaveId, i18n.language === 'en' ? o.titleEn : o.titleNl]));

  return (
    <Stack gap="lg" ref={mark} data-screen="progress">
      <PageHeader
        title={t('progress.title')}
        actions={
          overview.opgaven.length > 0 && (
            <Button onClick={() => setDialog({ mode: 'new' })}>{t('progress.newCheckin')}</Button>
          )
        }
      />
      <Text>{t('progress.intro')}</Text>
      <PeriodPicker />
      {overview.opgaven.length === 0 ? (
        <Card withBorder padding="lg" data-testid="progress-empty">
          <Title order={2} size="h4">
            {t('progress.emptyTitle')}
          </Title>
          <Text mt="xs">{t('progress.emptyText')}</Text>
          <Button component={Link} to="/agenda" mt="md" variant="light">
            {t('progress.emptyAction')}
          </Button>
        </Card>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {overview.opgaven.map((o, i) => {
              const card = (
                <OpgaveCard
                  key={o.teamOpgaveId}
                  o={o}
                  onCheckin={() => setDialog({ mode: 'new', teamOpgaveId: o.teamOpgaveId })}
                  onRhythm={(r) => void setRhythm(team.id, o.teamOpgaveId, r).then(() => notifySaved(t('progress.rhythmSaved')), notifyError)}
                />
              );
              // The first row fills a laptop's window under the header; the others are drawn when in view, or at idle.
              return i < 2 ? card : <WhenVisible key={o.teamOpgaveId} height={CARD_HEIGHT} fixed={false} margin="0px" idle>{card}</WhenVisible>;
            })}
          </SimpleGrid>
          <Title order={2} size="h3">
            {t('progress.charts.title')}
          </Title>
          <Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}>
            <ProgressCharts history={history} />
          </Suspense>
          <Title order={2} size="h3">
            {t('progress.history')}
          </Title>
          <WhenVisible height={TABLE_HEIGHT} fixed={false} margin="0px" idle>
            <CheckinTable key={`${overview.period.from}/${overview.period.to}`} teamId={team.id} page={checkins}
              titleOf={(id) => titles.get(id) ?? ''}
              onCorrect={(c) => setDialog({ mode: 'correct', checkin: c })}
              onPage={(p) => void showPage(team.id, p).catch(notifyError)}
            />
          </WhenVisible>
        </>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.mode === 'correct' ? t('progress.correct') : t('progress.newCheckin')}
        size="lg"
      >
        {dialog && (
          <CheckinForm
            opgaven={overview.opgaven.filter((o) => o.agendaStatus !== 'gestopt')}
            today={overview.today}
            initialOpgaveId={dialog.mode === 'new' ? dialog.teamOpgaveId : undefined}
            correcting={dialog.mode === 'correct' ? dialog.checkin : undefined}
            onCancel={() => setDialog(null)}
            onSubmit={async (input) => {
              await createCheckin(team.id, input);
              notifySaved(dialog.mode === 'correct' ? t('progress.correctionSaved') : t('progress.saved'));
              setDialog(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
