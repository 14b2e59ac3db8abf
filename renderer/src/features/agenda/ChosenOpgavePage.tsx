import { Accordion, Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ACTION_STATUSES, OPGAVE_STATUSES, type Action, type ActionStatus, type OpgaveStatus } from '@api/agenda';
import { notifyError, notifySaved } from '../../shared/errors';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useClustersStore } from '../clusters/store';
import { useActiveTeam } from '../team/store';
import { ActionForm, EMPTY_ACTION, type ActionValues } from './ActionForm';
import { STATUS_COLOR } from './AgendaOverview';
import { ChoiceForm, emptyChoice, type ChoiceValues } from './ChoiceForm';
import { RemoveDialog } from './RemoveDialog';
import { useAgendaStore } from './store';
import { EmptyRow, periodLabel, SortTh, useSorted } from './table';

type Col = 'title' | 'status' | 'owner' | 'due' | 'cluster';
const ACTION_COLOR: Record<ActionStatus, string> = { idee: 'gray', gepland: 'blue', lopend: 'indigo', afgerond: 'teal', gestopt: 'dark' };

/** One chosen opgave: the team's answers and ambition, its status and history, and its actions. */
export function ChosenOpgavePage() {
  const { t, i18n } = useTranslation();
  const team = useActiveTeam();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { detail, catalogue, templates, partners, loadOverview, loadDetail, update, setStatus, archive, remove, choose, createAction, updateAction, setActionStatus, archiveAction } =
    useAgendaStore();
  const clusters = useClustersStore((s) => s.clusters);
  const loadClusters = useClustersStore((s) => s.load);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [again, setAgain] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [actionForm, setActionForm] = useState<{ action: Action | null; initial: ActionValues } | null>(null);
  const [template, setTemplate] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);

  useEffect(() => {
    if (!team || !Number.isInteger(id)) return;
    setMissing(false);
    Promise.all([loadOverview(team.id), loadClusters(team.id), loadDetail(team.id, id)]).catch(() => setMissing(true));
  }, [team, id, loadOverview, loadDetail, loadClusters]);

  const actions = useMemo(() => {
    if (!detail || detail.id !== id) return [];
    const q = search.trim().toLocaleLowerCase('nl-NL');
    return detail.actions.filter(
      (a) =>
        (showArchived || !a.archived) &&
        (!statusFilter || a.status === statusFilter) &&
        (!q || [a.title, a.owner, a.description, ...a.partners.map((p) => p.name)].some((s) => s.toLocaleLowerCase('nl-NL').includes(q))),
    );
  }, [detail, id, search, statusFilter, showArchived]);
  const { sorted, sort, toggle } = useSorted<Action, Col>(actions, { key: 'due', dir: 'asc' }, (a, key) =>
    key === 'title' ? a.title : key === 'status' ? ACTION_STATUSES.indexOf(a.status) : key === 'owner' ? a.owner : key === 'due' ? a.dueDate : a.clusterName,
  );
  const closeRemove = useCallback(() => setRemoving(false), []);

  if (!team) return null;
  if (missing)
    return (
      <Stack>
        <Anchor component={Link} to="/agenda">
          ← {t('agenda.back')}
        </Anchor>
        <Alert color="orange">{t('agenda.notFound')}</Alert>
      </Stack>
    );
  if (!detail || detail.id !== id) return <Text>{t('app.loading')}</Text>;

  const d = detail;
  const titleOf = (o: { titleNl: string; titleEn: string }) => (i18n.language === 'en' ? o.titleEn : o.titleNl);
  const period = periodLabel(d.periodStart, d.periodEnd, formatDate);
  const values: ChoiceValues = {
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    ambition: d.ambition,
    answers: d.opgave.questionsNl.map((_, i) => d.answers[i] ?? ''),
    owner: d.owner,
    priority: String(d.priority),
    pace: d.pace,
    startDate: d.startDate,
    targetDate: d.targetDate ?? '',
  };
  const nextYear = Number(d.history[d.history.length - 1]!.periodEnd.slice(0, 4)) + 1;
  const ref = { teamId: team.id, teamOpgaveId: d.id };

  const act = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn();
      notifySaved(message);
    } catch (err) {
      notifyError(err);
    }
  };

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
    <Stack gap="lg">
      <Anchor component={Link} to="/agenda">
        ← {t('agenda.back')}
      </Anchor>
      <PageHeader
        title={`${titleOf(d)} · ${period}`}
        actions={
          <>
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button
              variant="default"
              onClick={() => act(() => archive({ ...ref, archived: !d.archived }), t(d.archived ? 'agenda.detail.unarchived' : 'agenda.detail.archived'))}
            >
              {t(d.archived ? 'agenda.detail.unarchive' : 'agenda.detail.archive')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setRemoving(true)}>
              {t('agenda.detail.remove')}
            </Button>
          </>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Group gap="lg" align="flex-end">
            <Select
              label={t('agenda.detail.statusLabel')}
              allowDeselect={false}
              data={OPGAVE_STATUSES.map((s) => ({ value: s, label: t(`agenda.status.${s}`) }))}
              value={d.status}
              onChange={(v) => v && act(() => setStatus({ ...ref, status: v as OpgaveStatus }), t('agenda.detail.statusChanged', { status: t(`agenda.status.${v}`) }))}
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
            {d.opgave.questionsNl.map((q, i) => (
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

      <Accordion variant="separated">
        <Accordion.Item value="about">
          <Accordion.Control>{t('agenda.detail.about')}</Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <Text size="sm">{d.opgave.descriptionNl}</Text>
              {d.opgave.focusPointsNl.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('agenda.detail.focus')}
                  </Text>
                  <List size="sm">
                    {d.opgave.focusPointsNl.map((f) => (
                      <List.Item key={f}>{f}</List.Item>
                    ))}
                  </List>
                </>
              )}
              {d.opgave.exampleNl && (
                <>
                  <Text size="sm" fw={600}>
                    {t('agenda.detail.example')}
                  </Text>
                  <Text size="sm">{d.opgave.exampleNl}</Text>
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
                <Button variant="light" size="xs" onClick={() => setAgain(true)}>
                  {t('agenda.detail.chooseAgain', { year: nextYear })}
                </Button>
              </Group>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

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
                          act(
                            () => setActionStatus({ teamId: team.id, actionId: a.id, status: v as ActionStatus }, d.id),
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
                    <Table.Td>
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
                            act(
                              () => archiveAction({ teamId: team.id, actionId: a.id, archived: !a.archived }, d.id),
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
          </>
        )}
      </section>

      {editing && (
        <ChoiceForm
          opened
          onClose={() => setEditing(false)}
          title={t('agenda.form.editTitle')}
          catalogue={catalogue}
          opgaveId={d.opgaveId}
          initial={values}
          onSubmit={async (_o, fields) => {
            await update({ ...ref, fields });
            setEditing(false);
            notifySaved(t('agenda.form.saved'));
          }}
        />
      )}
      {again && (
        <ChoiceForm
          opened
          onClose={() => setAgain(false)}
          title={t('agenda.form.chooseTitle')}
          catalogue={catalogue}
          opgaveId={d.opgaveId}
          initial={{ ...emptyChoice(nextYear, d.opgave.questionsNl.length), ambition: d.ambition, owner: d.owner, answers: values.answers }}
          onSubmit={async (opgaveId, fields) => {
            const c = await choose({ teamId: team.id, opgaveId, ...fields });
            setAgain(false);
            notifySaved(t('agenda.form.chosen', { title: titleOf(c) }));
            void navigate(`/agenda/${c.id}`);
          }}
        />
      )}
      {actionForm && (
        <ActionForm
          title={t(actionForm.action ? 'agenda.actions.editTitle' : 'agenda.actions.newTitle')}
          initial={actionForm.initial}
          partners={partners}
          clusters={clusters}
          onClose={() => setActionForm(null)}
          onSubmit={async (fields) => {
            if (actionForm.action) {
              await updateAction({ teamId: team.id, actionId: actionForm.action.id, fields }, d.id);
              notifySaved(t('agenda.actions.saved'));
            } else {
              await createAction({ teamId: team.id, teamOpgaveId: d.id, ...fields });
              notifySaved(t('agenda.actions.created', { title: fields.title }));
            }
            setActionForm(null);
          }}
        />
      )}
      {removing && (
        <RemoveDialog
          teamId={team.id}
          record="teamOpgave"
          id={d.id}
          name={titleOf(d)}
          onClose={closeRemove}
          onArchive={async () => {
            await archive({ ...ref, archived: true });
            notifySaved(t('agenda.detail.archived'));
          }}
          onRemove={async () => {
            await remove(ref);
            notifySaved(t('agenda.remove.removed'));
            void navigate('/agenda');
          }}
        />
      )}
    </Stack>
  );
}
