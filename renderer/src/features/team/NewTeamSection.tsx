import { Button, Modal, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../shared/errors';
import { TeamForm } from './TeamForm';
import { useTeamStore } from './store';

/** Another basisteam in the same store, e.g. for a district chief; the new team comes into view. */
export function NewTeamSection() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const create = useTeamStore((s) => s.create);
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h3" mb="xs">
        {t('team.otherTeamsTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('team.otherTeamsIntro')}
      </Text>
      <Button variant="light" onClick={() => setOpen(true)}>
        {t('team.addTeam')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('team.addTeam')} size="lg">
        <TeamForm
          submitLabel={t('team.createButton')}
          onSubmit={async (profile) => {
            const team = await create(profile);
            setOpen(false);
            notifySaved(t('team.created', { name: team.name }));
          }}
        />
      </Modal>
    </Paper>
  );
}
