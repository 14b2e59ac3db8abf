import { Alert, Badge, Button, Card, Group, List, SegmentedControl, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cluster, ClusterOverview } from '@api/clusters';
import { notifyError, notifySaved } from '../../shared/errors';
import { HistoryButton } from '../undo/HistoryButton';
import { formatDate, formatDecimal, formatInteger } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyRow, SortTh, useSorted, type SortValue } from '../agenda/table';
import { useActiveTeam } from '../team/store';
import { ClusterForm, EMPTY_PART, EndForm, NormText, SplitForm, type ClusterValues } from './ClusterForms';
import { useClustersStore } from './store';
import { localIsoDate } from '@api/dates';
import { ScrollTable } from '../../ui/ScrollTable';
import { useReadyMark } from '../../ui/ready';

type Col = 'name' | 'inhabitants' | 'fte' | 'wijkagenten' | 'norm' | 'start' | 'end';
const sortValue = (c: Cluster, key: Col): SortValue =>
  key === 'name' ? c.name : key === 'norm' ? c.norm.difference : key === 'start' ? c.startDate : key === 'end' ? c.endDate : c[key];
type Dialog = { kind: 'create' } | { kind: 'edit' | 'end' | 'split'; cluster: Cluster };
const STATE_COLOR = { gepland: 'grape', actief: 'blue', beeindigd: 'gray' } as const;

function OverviewCard({ o }: { o: ClusterOverview }) {
  const { t } = useTranslation();
  const rows: ['inhabitants' | 'fte' | 'wijkagenten', (n: number) => string][] = [
    ['inhabitants', formatInteger],
    ['fte', formatDecimal],
    ['wijkagenten', formatInteger],
  ];
  return (
    <Card withBorder radius="md" padding="lg" data-testid="cluster-overview">
      <Title order={2} size="h3" mb="sm">
        {t('clusters.overview.title')}
      </Title>
      {o.clusters.length === 0 ? (
        <Text c="dimmed">{t('clusters.overview.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clusters.overview.row')}</Table.Th>
                <Table.Th>{t('clusters.overview.sum')}</Table.Th>
                <Table.Th>{t('clusters.overview.team')}</Table.Th>
                <Table.Th>{t('clusters.overview.difference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([k, fmt]) => {
                const diff = o.difference[k];
                return (
                  <Table.Tr key={k} data-testid={`overview-${k}`}>
                    <Table.Td>{t(`clusters.overview.${k}`)}</Table.Td>
                    <Table.Td>{fmt(o.sum[k])}</Table.Td>
                    <Table.Td>{fmt(o.team[k])}</Table.Td>
                    <Table.Td c={diff === 0 ? undefined : 'var(--tc-warning-text)'}>
                      {fmt(diff)} — {diff > 0 ? t('clusters.overview.gap') : diff < 0 ? t('clusters.overview.overlap') : t('clusters.overview.equal')}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('clusters.overview.normTitle')}:
            </Text>
            <NormText inhabitants={o.sum.inhabitants} wijkagenten={o.sum.wijkagenten} />
          </Group>
          {o.overlappingAreas.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                {t('clusters.overview.overlappingAreas')}
              </Text>
              <List size="sm" data-testid="overlapping-areas">
                {o.overlappingAreas.map((a) => (
                  <List.Item key={a.area}>
                    {a.area}: {a.clusters.join(', ')}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {o.uncoveredGemeenten.length > 0 && (
            <Text size="sm">
              <strong>{t('clusters.overview.uncovered')}:</strong> {o.uncoveredGemeenten.join(', ')}
            </Text>
          )}
          {o.foreignGemeenten.length > 0 && (
            <Text size="sm">
              <strong>{t('clusters.overview.foreign')}:</strong> {o.foreignGemeenten.join(', ')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

/** Klein binnen groot: the team's clusters, their history, and the norm per cluster and together. */
export default function ClustersPage() {
  const { t } = useTranslation();
  const team = useActiveTeam();
  const { clusters, overview, status, load, create, update, end, split, archive } = useClustersStore();
  const mark = useReadyMark(status === 'ready');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<'running' | 'ended' | 'all'>('running');
  const today = localIsoDate(new Date());

  useEffect(() => {
    if (team) load(team.id).catch(notifyError);
  }, [team, load]);

  const byId = useMemo(() => new Map(clusters.map((c) => [c.id, c])), [clusters]);
  const filtered = useMemo(() => {
    const q = search.trim().toLocaleLowerCase('nl-NL');
    return clusters.filter(
      (c) =>
        (show === 'all' || (show === 'ended') === (c.state === 'beeindigd')) &&
        (!q || [c.name, c.lead, ...c.areas, ...c.gemeenten].some((s) => s.toLocaleLowerCase('nl-NL').includes(q))),
    );
  }, [clusters, search, show]);
  const { sorted, sort, toggle } = useSorted<Cluster, Col>(filtered, { key: 'name', dir: 'asc' }, sortValue);

  if (!team) return null;
  const emptyValues: ClusterValues = { ...EMPTY_PART, gemeenten: team.gemeenten.length === 1 ? team.gemeenten : [], startDate: today, endDate: '' };
  const done = (message: string) => {
    setDialog(null);
    notifySaved(message);
  };
  const cols: [Col, string][] = [
    ['name', t('clusters.columns.name')],
    ['inhabitants', t('clusters.columns.inhabitants')],
    ['fte', t('clusters.columns.fte')],
    ['wijkagenten', t('clusters.columns.wijkagenten')],
    ['norm', t('clusters.columns.norm')],
    ['start', t('clusters.columns.start')],
    ['end', t('clusters.columns.end')],
  ];

  return (
    <Stack gap="lg" ref={mark} data-screen="clusters">
      <PageHeader title={t('clusters.title')} actions={<Button onClick={() => setDialog({ kind: 'create' })}>{t('clusters.add')}</Button>} />
      <Text>{t('clusters.intro')}</Text>
      {status === 'ready' && clusters.length === 0 ? (
        <Alert color="blue" title={t('clusters.emptyTitle')} data-testid="clusters-empty">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('clusters.emptyText')}</Text>
            <Button onClick={() => setDialog({ kind: 'create' })}>{t('clusters.emptyAction')}</Button>
          </Stack>
        </Alert>
      ) : (
        <>
          {overview && <OverviewCard o={overview} />}
          <Group align="flex-end">
            <TextInput label={t('clusters.search')} placeholder={t('clusters.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="cluster-show-label">
                {t('clusters.stateFilter')}
              </Text>
              <SegmentedControl
                aria-labelledby="cluster-show-label"
                value={show}
                onChange={(v) => setShow(v)}
                data={(['running', 'ended', 'all'] as const).map((s) => ({ value: s, label: t(`clusters.states.${s}`) }))}
              />
            </Stack>
          </Group>
          <ScrollTable label={t('clusters.title')} minWidth={980}>
          <Table striped data-testid="clusters-table">
            <Table.Thead>
              <Table.Tr>
                {cols.map(([key, label]) => (
                  <SortTh key={key} column={key} sort={sort} onSort={toggle} label={label} sortLabel={t('clusters.sortBy', { column: label })} />
                ))}
                <Table.Th>
                  <VisuallyHidden>{t('clusters.columns.buttons')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.length === 0 && <EmptyRow cols={cols.length + 1}>{t('clusters.noMatches')}</EmptyRow>}
              {sorted.map((c) => (
                <Table.Tr key={c.id} data-testid="cluster-row" data-name={c.name}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {c.name}
                      </Text>
                      <Badge size="xs" color={STATE_COLOR[c.state]}>
                        {t(`clusters.state.${c.state}`)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {[...c.areas, ...c.gemeenten].join(', ')}
                    </Text>
                    {c.lead && (
                      <Text size="xs" c="dimmed">
                        {t('clusters.lead', { lead: c.lead })}
                      </Text>
                    )}
                    {c.splitFromId && byId.get(c.splitFromId) && (
                      <Text size="xs" data-testid="split-from">
                        {t('clusters.splitFrom', { name: byId.get(c.splitFromId)!.name })}
                      </Text>
                    )}
                    {c.splitIntoIds.length > 0 && (
                      <Text size="xs" data-testid="split-into">
                        {t('clusters.splitInto', { names: c.splitIntoIds.map((id) => byId.get(id)?.name ?? `#${id}`).join(', ') })}
                      </Text>
                    )}
                    {c.endReason && !c.splitIntoIds.length && (
                      <Text size="xs" c="dimmed">
                        {c.endReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="tc-nowrap">{formatInteger(c.inhabitants)}</Table.Td>
                  <Table.Td className="tc-nowrap">{formatDecimal(c.fte)}</Table.Td>
                  <Table.Td className="tc-nowrap">{formatInteger(c.wijkagenten)}</Table.Td>
                  <Table.Td>
                    <NormText inhabitants={c.inhabitants} wijkagenten={c.wijkagenten} />
                  </Table.Td>
                  <Table.Td className="tc-nowrap">{formatDate(c.startDate)}</Table.Td>
                  <Table.Td className="tc-nowrap">{c.endDate ? formatDate(c.endDate) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" aria-label={t('clusters.editOf', { name: c.name })} onClick={() => setDialog({ kind: 'edit', cluster: c })}>
                        {t('clusters.edit')}
                      </Button>
                      {c.endDate === null && (
                        <>
                          <Button size="xs" variant="subtle" aria-label={t('clusters.splitOf', { name: c.name })} onClick={() => setDialog({ kind: 'split', cluster: c })}>
                            {t('clusters.split')}
                          </Button>
                          <Button size="xs" variant="subtle" color="orange" aria-label={t('clusters.endOf', { name: c.name })} onClick={() => setDialog({ kind: 'end', cluster: c })}>
                            {t('clusters.end')}
                          </Button>
                        </>
                      )}
                      {c.state === 'beeindigd' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          aria-label={t('clusters.archiveOf', { name: c.name })}
                          onClick={() =>
                            void archive({ teamId: team.id, clusterId: c.id, archived: true }).then(() => notifySaved(t('clusters.archived')), notifyError)
                          }
                        >
                          {t('common.archive')}
                        </Button>
                      )}
                      <HistoryButton teamId={team.id} record="cluster" id={c.id} name={c.name} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </ScrollTable>
        </>
      )}

      {dialog?.kind === 'create' && (
        <ClusterForm
          title={t('clusters.newTitle')}
          initial={emptyValues}
          withEnd={false}
          teamGemeenten={team.gemeenten}
          onClose={() => setDialog(null)}
          onSubmit={async (fields) => {
            const c = await create({ teamId: team.id, ...fields });
            done(t('clusters.created', { name: c.name }));
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ClusterForm
          title={t('clusters.editTitle')}
          initial={{ ...dialog.cluster, endDate: dialog.cluster.endDate ?? '' }}
          withEnd
          teamGemeenten={team.gemeenten}
          onClose={() => setDialog(null)}
          onSubmit={async (fields) => {
            await update({ teamId: team.id, clusterId: dialog.cluster.id, fields });
            done(t('clusters.saved'));
          }}
        />
      )}
      {dialog?.kind === 'end' && (
        <EndForm
          cluster={dialog.cluster}
          today={today}
          onClose={() => setDialog(null)}
          onSubmit={async (endDate, reason) => {
            await end({ teamId: team.id, clusterId: dialog.cluster.id, endDate, reason });
            done(t('clusters.ended', { name: dialog.cluster.name }));
          }}
        />
      )}
      {dialog?.kind === 'split' && (
        <SplitForm
          cluster={dialog.cluster}
          today={today}
          teamGemeenten={team.gemeenten}
          onClose={() => setDialog(null)}
          onSubmit={async (date, parts) => {
            await split({ teamId: team.id, clusterId: dialog.cluster.id, date, parts });
            done(t('clusters.splitDone'));
          }}
        />
      )}
    </Stack>
  );
}
