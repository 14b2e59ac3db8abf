import { Alert, Badge, Button, Checkbox, Group, Select, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type Action, type ChosenOpgaveDetail } from '@api/agenda';
import { notifySaved } from '../../shared/errors';
import { formatDate } from '../../ui/format';
import { useClustersStore } from '../clusters/store';
import { act } from './act';
import { ActionForm, EMPTY_ACTION, type ActionValues } from './ActionForm';
import { useAgendaStore } from './store';
import { EmptyRow, SortTh, useSorted, type SortValue } from './table';
import { ScrollTable } from '../../ui/ScrollTable';

type Col = 'title' | 'status' | 'owner' | 'due' | 'cluster';
const sortValue = (a: Action, key: Col): SortValue =>
  key === 'title' ? a.title : key === 'status' ? ACTION_STATUSES.indexOf(a.status) : key === 'owner' ? a.owner : key === 'due' ? a.dueDate : a.clusterName;

/** The actions of one chosen opgave: from a template or from scratch, searched, sorted and edited. */
export function ActionsSection({ teamId, d }: { teamId: number; d: ChosenOpgaveDetail }) {
  const { t, i18n } = useTranslation();
  const { templates, partners, createAction, updateAction, setActionStatus, archiveAction } = useAgendaStore();
  const clusters = useClustersStore((s) => s.clusters);
  const [actionForm, setActionForm] = useState<{ action: Action | null; initial: ActionValues } | null>(null);
  const [template, setTemplate] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);

  const actions = useMemo(() => {
    const q = search.trim().toLocaleLowerCase('nl-NL');
    return d.actions.filter(
      (a) =>
        (showArchived || !a.archived) &&
        (!statusFilter || a.status === statusFilter) &&
        (!q || [a.title, a.owner, a.description, ...a.partners.map((p) => p.name)].some((s) => s.toLocaleLowerCase('nl-NL').includes(q))),
    );
  }, [d, search, statusFilter, showArchived]);
  const { sorted, sort, toggle } = useSorted<Action, Col>(actions, { key: 'due', dir: 'asc' }, sortValue);

  const fromTemplate = (code: string | null) => {
    setTemplate(null);
    const tpl = templates.find((x) => x.code === code);
    if (!tpl) return;
    setActionForm({
      action: null,
      initial: { ...EMPTY_ACTION, title: tpl.titleNl, description: tpl.descriptionNl, partners: tpl.partners.map((p) => p.name), templateCode: tpl.code },
    });
  };
  const templateOptions = [...templates]
    .sort((a, b) => Number(b.opgaveCode === d.code) - Number(a.opgaveCode === d.code))
    .map((x) => ({ value: x.code, label: i18n.language === 'en' ? x.titleEn : x.titleNl }));

  const cols: [Col, string][] = [
    ['title', t('agenda.columns.title')],
    ['status', t('agenda.columns.status')],
    ['owner', t('agenda.columns.owner')],
    ['due', t('agenda.columns.due')],
    ['cluster', t('agenda.columns.cluster')],
  ];

  return (
    <>
      <section aria-labelledby="actions-title">
        <Group justify="space-between" align="flex-end" mb="sm">
          <Title order={2} size="h3" id="actions-title">
            {t('agenda.actions.title')}
          </Title>
          <Group align="flex-end">
            <Select
              label={t('agenda.actions.templateLabel')}
              placeholder={t('agenda.actions.templatePlaceholder')}
              data={templateOptions}
              value={template}
              onChange={fromTemplate}
              searchable
              w={320}
            />
            <Button onClick={() => setActionForm({ action: null, initial: EMPTY_ACTION })}>{t('agenda.actions.add')}</Button>
          </Group>
        </Group>
        {d.actions.length === 0 ? (
          <Alert color="blue" title={t('agenda.actions.emptyTitle')} data-testid="actions-empty">
            <Text size="sm">{t('agenda.actions.emptyText')}</Text>
          </Alert>
        ) : (
          <>
            <Group mb="sm" align="flex-end">
              <TextInput label={t('agenda.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
              <Select
                label={t('agenda.statusFilter')}
                placeholder={t('agenda.allStatuses')}
                clearable
                data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`agenda.actionStatus.${s}`) }))}
                value={statusFilter}
                onChange={setStatusFilter}
                w={200}
              />
              <Checkbox label={t('agenda.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb={8} />
            </Group>
            <ScrollTable label={t('agenda.actions.title')} minWidth={900}>
            <Table striped data-testid="actions-table">
              <Table.Thead>
                <Table.Tr>
                  {cols.map(([key, label]) => (
                    <SortTh key={key} column={key} sort={sort} onSort={toggle} label={label} sortLabel={t('agenda.sortBy', { column: label })} />
                  ))}
                  <Table.Th>{t('agenda.columns.partners')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('agenda.columns.buttons')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.length === 0 && <EmptyRow cols={cols.length + 2}>{t('agenda.noMatches')}</EmptyRow>}
                {sorted.map((a) => (
                  <Table.Tr key={a.id} data-testid="action-row" opacity={a.archived ? 0.6 : 1}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {a.title}
                      </Text>
                      {a.archived && (
                        <Badge color="gray" variant="outline" size="xs">
                          {t('agenda.archivedBadge')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('agenda.actions.statusOf', { title: a.title })}
                        size="xs"
                        w={130}
                        allowDeselect={false}
                        data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`agenda.actionStatus.${s}`) }))}
                        value={a.status}
                        onChange={(v) =>
                          v &&
                          void act(
                            () => setActionStatus({ teamId: teamId, actionId: a.id, status: v }, d.id),
                            t('agenda.actions.saved'),
                          )
                        }
                      />
                      {a.doneDate && (
                        <Text size="xs" c="dimmed">
                          {t('agenda.actions.doneOn', { date: formatDate(a.doneDate) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{a.owner || '—'}</Table.Td>
                    <Table.Td className="tc-nowrap">
                      {a.dueDate ? formatDate(a.dueDate) : '—'}
                      {a.overdue && (
                        <Badge color="red" size="xs" ml={4}>
                          {t('agenda.actions.overdue')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{a.clusterName ?? '—'}</Table.Td>
                    <Table.Td>{a.partners.map((p) => p.name).join(', ') || '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t('agenda.actions.editOf', { title: a.title })}
                          onClick={() =>
                            setActionForm({
                              action: a,
                              initial: {
                                title: a.title,
                                description: a.description,
                                owner: a.owner,
                                partners: a.partners.map((p) => p.name),
                                clusterId: a.clusterId ? String(a.clusterId) : null,
                                startDate: a.startDate ?? '',
                                dueDate: a.dueDate ?? '',
                                status: a.status,
                                templateCode: a.templateCode,
                              },
                            })
                          }
                        >
                          {t('agenda.actions.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          aria-label={t(a.archived ? 'agenda.actions.unarchiveOf' : 'agenda.actions.archiveOf', { title: a.title })}
                          onClick={() =>
                            void act(
                              () => archiveAction({ teamId: teamId, actionId: a.id, archived: !a.archived }, d.id),
                              t(a.archived ? 'agenda.actions.unarchived' : 'agenda.actions.archived'),
                            )
                          }
                        >
                          {t(a.archived ? 'agenda.detail.unarchive' : 'common.archive')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            </ScrollTable>
          </>
        )}
      </section>
      {actionForm && (
        <ActionForm
          title={t(actionForm.action ? 'agenda.actions.editTitle' : 'agenda.actions.newTitle')}
          initial={actionForm.initial}
          partners={partners}
          clusters={clusters}
          onClose={() => setActionForm(null)}
          onSubmit={async (fields) => {
            if (actionForm.action) {
              await updateAction({ teamId: teamId, actionId: actionForm.action.id, fields }, d.id);
              notifySaved(t('agenda.actions.saved'));
            } else {
              await createAction({ teamId: teamId, teamOpgaveId: d.id, ...fields });
              notifySaved(t('agenda.actions.created', { title: fields.title }));
            }
            setActionForm(null);
          }}
        />
      )}
    </>
  );
}
