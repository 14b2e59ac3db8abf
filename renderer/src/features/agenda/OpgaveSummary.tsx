import { Accordion, Anchor, Badge, Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPGAVE_STATUSES, type ChosenOpgaveDetail } from '@api/agenda';
import { formatDate } from '../../ui/format';
import { act } from './act';
import { useOpgaveText } from './catalogue-en';
import { STATUS_COLOR } from './AgendaOverview';
import { useAgendaStore } from './store';
import { periodLabel } from './table';

/** The team's choice: status, owner and dates, ambition and answers. */
export function OpgaveSummary({ teamId, d }: { teamId: number; d: ChosenOpgaveDetail }) {
  const { t } = useTranslation();
  const text = useOpgaveText();
  const setStatus = useAgendaStore((s) => s.setStatus);
  const ref = { teamId, teamOpgaveId: d.id };
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Group gap="lg" align="flex-end">
          <Select
            label={t('agenda.detail.statusLabel')}
            allowDeselect={false}
            data={OPGAVE_STATUSES.map((s) => ({ value: s, label: t(`agenda.status.${s}`) }))}
            value={d.status}
            onChange={(v) => v && void act(() => setStatus({ ...ref, status: v }), t('agenda.detail.statusChanged', { status: t(`agenda.status.${v}`) }))}
            w={200}
          />
          <Text size="sm" c="dimmed" data-testid="status-since">
            {t('agenda.detail.statusSince', { date: formatDate(d.statusDate) })}
          </Text>
          {d.archived && <Badge color="gray">{t('agenda.archivedBadge')}</Badge>}
        </Group>
        <Group gap="xl">
          <Text size="sm">
            {t('agenda.form.owner')}: <strong>{d.owner || '—'}</strong>
          </Text>
          <Text size="sm">
            {t('agenda.form.priority')}: <strong>{t(`agenda.priority.${d.priority}`)}</strong>
          </Text>
          <Text size="sm">
            {t('agenda.form.pace')}: <strong>{t(`agenda.pace.${d.pace}`)}</strong>
          </Text>
          <Text size="sm">
            {t('agenda.form.startDate')}: <strong>{formatDate(d.startDate)}</strong>
          </Text>
          <Text size="sm">
            {t('agenda.form.targetDate')}: <strong>{d.targetDate ? formatDate(d.targetDate) : '—'}</strong>
          </Text>
        </Group>
        <Title order={2} size="h4">
          {t('agenda.detail.ambition')}
        </Title>
        <Text data-testid="ambition" style={{ whiteSpace: 'pre-wrap' }}>
          {d.ambition || t('agenda.detail.noAmbition')}
        </Text>
        <Title order={2} size="h4">
          {t('agenda.detail.answers')}
        </Title>
        <Stack gap="xs" data-testid="answers">
          {text.questions(d.opgave).map((q, i) => (
            <div key={q}>
              <Text size="sm" fw={600}>
                {q}
              </Text>
              <Text size="sm" c={d.answers[i] ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {d.answers[i] || t('agenda.detail.noAnswer')}
              </Text>
            </div>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

/** What the opgave is about (from the catalogue) and the team's earlier periods with it. */
export function OpgaveBackground({ d, nextYear, onChooseAgain }: { d: ChosenOpgaveDetail; nextYear: number; onChooseAgain(): void }) {
  const { t } = useTranslation();
  const text = useOpgaveText();
  const focusPoints = text.focusPoints(d.opgave);
  const example = text.example(d.opgave);
  return (
    <Accordion variant="separated">
      <Accordion.Item value="about">
        <Accordion.Control>{t('agenda.detail.about')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <Text size="sm">{text.description(d.opgave)}</Text>
            {focusPoints.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('agenda.detail.focus')}
                </Text>
                <List size="sm">
                  {focusPoints.map((f) => (
                    <List.Item key={f}>{f}</List.Item>
                  ))}
                </List>
              </>
            )}
            {example && (
              <>
                <Text size="sm" fw={600}>
                  {t('agenda.detail.example')}
                </Text>
                <Text size="sm">{example}</Text>
              </>
            )}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
      <Accordion.Item value="history">
        <Accordion.Control>{t('agenda.detail.history')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs" data-testid="history">
            {d.history.map((h) => (
              <Group key={h.id} gap="sm">
                {h.id === d.id ? (
                  <Text size="sm" fw={600}>
                    {periodLabel(h.periodStart, h.periodEnd, formatDate)} ({t('agenda.detail.thisPeriod')})
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/agenda/${h.id}`} size="sm">
                    {periodLabel(h.periodStart, h.periodEnd, formatDate)}
                  </Anchor>
                )}
                <Badge color={STATUS_COLOR[h.status]}>{t(`agenda.status.${h.status}`)}</Badge>
                <Text size="sm">{t('agenda.counts', { total: h.counts.total, open: h.counts.open })}</Text>
              </Group>
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={onChooseAgain}>
                {t('agenda.detail.chooseAgain', { year: nextYear })}
              </Button>
            </Group>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
