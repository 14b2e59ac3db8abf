import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dependent, DependentRecord } from '@api/agenda';
import { call } from '../../shared/api';
import { notifyError } from '../../shared/errors';

interface Props {
  teamId: number;
  record: DependentRecord;
  id: number;
  name: string;
  onClose(): void;
  onRemove(): Promise<void>;
  onArchive(): Promise<void>;
}

/** Asks before deleting and says what depends on the record; when something does, offers archiving instead. */
export function RemoveDialog({ teamId, record, id, name, onClose, onRemove, onArchive }: Props) {
  const { t } = useTranslation();
  const [deps, setDeps] = useState<Dependent[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('agenda.dependents', { teamId, record, id }).then(setDeps, (err) => {
      notifyError(err);
      onClose();
    });
  }, [teamId, record, id, onClose]);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
      onClose();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  const label = (d: Dependent) =>
    ['action', 'team_opgave', 'cluster', 'action_partner'].includes(d.table)
      ? t(`agenda.remove.tables.${d.table}`, { count: d.count })
      : t('agenda.remove.tables.other', { count: d.count, table: d.table });
  return (
    <Modal opened onClose={onClose} title={`${t('agenda.remove.title')} ${name}`}>
      {deps && (
        <Stack data-testid="remove-dialog">
          {deps.length === 0 ? (
            <Text>{t('agenda.remove.none')}</Text>
          ) : (
            <>
              <Text>{t('agenda.remove.has')}</Text>
              <List>
                {deps.map((d) => (
                  <List.Item key={d.table}>{label(d)}</List.Item>
                ))}
              </List>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button variant="light" loading={busy} onClick={() => void run(onArchive)}>
              {t('agenda.remove.archiveInstead')}
            </Button>
            {deps.length === 0 && (
              <Button color="red" loading={busy} onClick={() => void run(onRemove)}>
                {t('agenda.remove.confirm')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
