import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { notifySaved } from '../../shared/errors';
import { formatDate } from '../../ui/format';
import { HistoryButton } from '../undo/HistoryButton';
import { PageHeader } from '../../ui/PageHeader';
import { useClustersStore } from '../clusters/store';
import { useActiveTeam } from '../team/store';
import { act } from './act';
import { ActionsSection } from './ActionsSection';
import { ChoiceForm, emptyChoice, type ChoiceValues } from './ChoiceForm';
import { OpgaveBackground, OpgaveSummary } from './OpgaveSummary';
import { RemoveDialog } from './RemoveDialog';
import { useAgendaStore } from './store';
import { periodLabel } from './table';
import { useReadyMark } from '../../ui/ready';

/** One chosen opgave: the team's answers and ambition, its status and history, and its actions. */
export function ChosenOpgavePage() {
  const { t, i18n } = useTranslation();
  const team = useActiveTeam();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { detail, catalogue, loadOverview, loadDetail, update, archive, remove, choose } = useAgendaStore();
  const loadClusters = useClustersStore((s) => s.load);
  // The opgave id whose load failed; a new id starts clean without a reset in the effect.
  const [missingId, setMissingId] = useState<number | null>(null);
  const missing = missingId === id;
  const [editing, setEditing] = useState(false);
  const [again, setAgain] = useState(false);
  const [removing, setRemoving] = useState(false);

  useEffect(() => {
    if (!team || !Number.isInteger(id)) return;
    Promise.all([loadOverview(team.id), loadClusters(team.id), loadDetail(team.id, id)]).catch(() => setMissingId(id));
  }, [team, id, loadOverview, loadDetail, loadClusters]);
  const closeRemove = useCallback(() => setRemoving(false), []);
  const mark = useReadyMark(missing || detail?.id === id);

  if (!team) return null;
  if (missing)
    return (
      <Stack ref={mark} data-screen="agenda">
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

  return (
    <Stack gap="lg" ref={mark} data-screen="agenda">
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
              onClick={() => void act(() => archive({ ...ref, archived: !d.archived }), t(d.archived ? 'agenda.detail.unarchived' : 'agenda.detail.archived'))}
            >
              {t(d.archived ? 'agenda.detail.unarchive' : 'agenda.detail.archive')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setRemoving(true)}>
              {t('agenda.detail.remove')}
            </Button>
            <HistoryButton teamId={team.id} record="team_opgave" id={d.id} name={titleOf(d)} />
          </>
        }
      />
      <OpgaveSummary teamId={team.id} d={d} />
      <OpgaveBackground d={d} nextYear={nextYear} onChooseAgain={() => setAgain(true)} />
      <ActionsSection teamId={team.id} d={d} />

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
