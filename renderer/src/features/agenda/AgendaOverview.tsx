import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OPGAVE_STATUSES, type ChosenOpgave, type Opgave, type OpgaveKind } from '@api/agenda';
import { notifyError, notifySaved } from '../../shared/errors';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useActiveTeam } from '../team/store';
import { ChoiceForm, emptyChoice } from './ChoiceForm';
import { useAgendaStore } from './store';
import { EmptyRow, periodLabel, SortTh, useSorted, type SortValue } from './table';
import { ScrollTable } from '../../ui/ScrollTable';
import { useReadyMark } from '../../ui/ready';
import { WhenVisible } from '../../ui/WhenVisible';

/** A row of the table of choices, kept for it until the table is drawn. */
const ROW_HEIGHT = 41;

export const STATUS_COLOR: Record<string, string> = { actief: 'blue', gepauzeerd: 'yellow', afgerond: 'teal', gestopt: 'gray' };

type Col = 'opgave' | 'period' | 'status' | 'priority' | 'owner' | 'actions';
const sortValue = (c: ChosenOpgave, key: Col): SortValue =>
  key === 'opgave' ? c.opgaveId : key === 'period' ? c.periodStart : key === 'status' ? OPGAVE_STATUSES.indexOf(c.status) : key === 'priority' ? c.priority : key === 'owner' ? c.owner : c.counts.total;

/** The eight opgaven as cards (extern and intern), and every choice the team made, sortable and filterable. */
export function AgendaOverview() {
  const { t, i18n } = useTranslation();
  const team = useActiveTeam();
  const navigate = useNavigate();
  const { catalogue, chosen, status, loadOverview, choose } = useAgendaStore();
  const mark = useReadyMark(status === 'ready');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<string>(String(thisYear));
  const [choosing, setChoosing] = useState<{ opgaveId: number | null; year: number } | null>(null);
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);

  useEffect(() => {
    if (team) loadOverview(team.id).catch(notifyError);
  }, [team, loadOverview]);

  const titleOf = (o: { titleNl: string; titleEn: string }) => (i18n.language === 'en' ? o.titleEn : o.titleNl);
  const live = chosen.filter((c) => !c.archived);
  const years = useMemo(() => {
    const set = new Set<number>([thisYear, thisYear + 1]);
    for (const c of live) for (let y = Number(c.periodStart.slice(0, 4)); y <= Number(c.periodEnd.slice(0, 4)); y++) set.add(y);
    return [...set].sort();
  }, [live, thisYear]);
  const inYear = (c: ChosenOpgave) => c.periodStart <= `${year}-12-31` && c.periodEnd >= `${year}-01-01`;

  const filtered = useMemo(() => {
    const q = search.trim().toLocaleLowerCase('nl-NL');
    return chosen.filter(
      (c) =>
        (showArchived || !c.archived) &&
        (!statusFilter || c.status === statusFilter) &&
        (!q || [c.titleNl, c.titleEn, c.owner, c.ambition].some((s) => s.toLocaleLowerCase('nl-NL').includes(q))),
    );
  }, [chosen, search, statusFilter, showArchived]);
  const { sorted, sort, toggle } = useSorted<ChosenOpgave, Col>(filtered, { key: 'period', dir: 'desc' }, sortValue);

  if (!team) return null;

  const card = (o: Opgave) => {
    const mine = live.filter((c) => c.opgaveId === o.id && inYear(c));
    return (
      <Card key={o.id} withBorder radius="md" padding="md" component="article" aria-labelledby={`opgave-${o.id}`} data-testid={`opgave-card-${o.code}`}>
        <Stack gap="xs" h="100%">
          <Title order={3} size="h4" id={`opgave-${o.id}`}>
            {titleOf(o)}
          </Title>
          <Text size="sm" c="dimmed" lineClamp={3}>
            {i18n.language === 'en' ? o.descriptionEn : o.descriptionNl}
          </Text>
          {mine.map((c) => (
            <Group key={c.id} gap="xs" data-testid="chosen-summary">
              <Badge color={STATUS_COLOR[c.status]}>{t(`agenda.status.${c.status}`)}</Badge>
              <Text size="sm">{t('agenda.chosenIn', { period: periodLabel(c.periodStart, c.periodEnd, formatDate) })}</Text>
              <Text size="sm">{t('agenda.counts', { total: c.counts.total, open: c.counts.open })}</Text>
              {c.counts.overdue > 0 && <Badge color="red">{t('agenda.overdueCount', { count: c.counts.overdue })}</Badge>}
              <Anchor component={Link} to={`/agenda/${c.id}`} size="sm" aria-label={`${t('agenda.open')}: ${titleOf(o)}`}>
                {t('agenda.open')}
              </Anchor>
            </Group>
          ))}
          {mine.length === 0 && (
            <Group mt="auto">
              <Button
                variant="light"
                size="sm"
                onClick={() => setChoosing({ opgaveId: o.id, year: Number(year) })}
                aria-label={`${t('agenda.chooseFor', { period: year })}: ${titleOf(o)}`}
              >
                {t('agenda.chooseFor', { period: year })}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    );
  };

  const kindTitle = { extern: t('agenda.extern'), intern: t('agenda.intern') };
  const kindHint = { extern: t('agenda.externHint'), intern: t('agenda.internHint') };
  const section = (kind: OpgaveKind) => (
    <section aria-labelledby={`kind-${kind}`}>
      <Group gap="xs" align="baseline" mb="xs">
        <Title order={2} size="h3" id={`kind-${kind}`}>
          {kindTitle[kind]}
        </Title>
        <Text size="sm" c="dimmed">
          {kindHint[kind]}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>{catalogue.filter((o) => o.kind === kind).map(card)}</SimpleGrid>
    </section>
  );

  const cols: [Col, string][] = [
    ['opgave', t('agenda.columns.opgave')],
    ['period', t('agenda.columns.period')],
    ['status', t('agenda.columns.status')],
    ['priority', t('agenda.columns.priority')],
    ['owner', t('agenda.columns.owner')],
    ['actions', t('agenda.columns.actions')],
  ];

  return (
    <Stack gap="lg" ref={mark} data-screen="agenda">
      <PageHeader
        title={t('agenda.title')}
        actions={
          <Select
            label={t('agenda.period')}
            data={years.map(String)}
            value={year}
            onChange={(v) => v && setYear(v)}
            allowDeselect={false}
            w={120}
          />
        }
      />
      <Text>{t('agenda.intro')}</Text>
      {live.length === 0 && (
        <Alert color="blue" title={t('agenda.emptyTitle')} data-testid="agenda-empty">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('agenda.emptyText')}</Text>
            <Button onClick={() => setChoosing({ opgaveId: null, year: Number(year) })}>{t('agenda.emptyAction')}</Button>
          </Stack>
        </Alert>
      )}
      {section('extern')}
      {section('intern')}

      {chosen.length > 0 && (
        <section aria-labelledby="all-chosen">
          <Title order={2} size="h3" id="all-chosen" mb="xs">
            {t('agenda.allChosen')}
          </Title>
          <Group mb="sm" align="flex-end">
            <TextInput label={t('agenda.search')} placeholder={t('agenda.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={300} />
            <Select
              label={t('agenda.statusFilter')}
              placeholder={t('agenda.allStatuses')}
              clearable
              data={OPGAVE_STATUSES.map((s) => ({ value: s, label: t(`agenda.status.${s}`) }))}
              value={statusFilter}
              onChange={setStatusFilter}
              w={200}
            />
            <Checkbox label={t('agenda.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb={8} />
          </Group>
          {/* Below the eight cards; ten years of choices are a long table: drawn when in view, or at idle. */}
          <WhenVisible height={ROW_HEIGHT * (sorted.length + 1)} fixed={false} margin="0px" idle>
          <ScrollTable label={t('agenda.allChosen')} minWidth={760}>
          <Table striped highlightOnHover data-testid="chosen-table">
            <Table.Thead>
              <Table.Tr>
                {cols.map(([key, label]) => (
                  <SortTh key={key} column={key} sort={sort} onSort={toggle} label={label} sortLabel={t('agenda.sortBy', { column: label })} />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.length === 0 && <EmptyRow cols={cols.length}>{t('agenda.noMatches')}</EmptyRow>}
              {sorted.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/agenda/${c.id}`}>
                      {titleOf(c)}
                    </Anchor>
                    {c.archived && (
                      <Badge ml="xs" color="gray" variant="outline">
                        {t('agenda.archivedBadge')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{periodLabel(c.periodStart, c.periodEnd, formatDate)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[c.status]}>{t(`agenda.status.${c.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{t(`agenda.priority.${c.priority}`)}</Table.Td>
                  <Table.Td>{c.owner || '—'}</Table.Td>
                  <Table.Td>{t('agenda.counts', { total: c.counts.total, open: c.counts.open })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </ScrollTable>
          </WhenVisible>
        </section>
      )}

      {choosing && (
        <ChoiceForm
          opened
          onClose={() => setChoosing(null)}
          title={t('agenda.form.chooseTitle')}
          catalogue={catalogue}
          opgaveId={choosing.opgaveId}
          initial={emptyChoice(choosing.year, catalogue.find((o) => o.id === choosing.opgaveId)?.questionsNl.length ?? 0)}
          onSubmit={async (opgaveId, fields) => {
            const c = await choose({ teamId: team.id, opgaveId, ...fields });
            setChoosing(null);
            notifySaved(t('agenda.form.chosen', { title: titleOf(c) }));
            void navigate(`/agenda/${c.id}`);
          }}
        />
      )}
    </Stack>
  );
}
