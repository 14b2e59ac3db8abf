import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../shared/errors';
import { TeamForm } from './TeamForm';
import { useTeamStore } from './store';
import { DistrictWelcome } from '../district/DistrictSettings';

/** First start on an empty store: one short form creates the team. */
export function WelcomePage() {
  const { t } = useTranslation();
  const create = useTeamStore((s) => s.create);
  return (
    <Container size="sm" py="xl" component="main" id="main">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('team.welcomeTitle')}</Title>
          <Text mt="xs">{t('team.welcomeIntro')}</Text>
        </div>
        <Paper withBorder p="lg" radius="md">
          <TeamForm
            submitLabel={t('team.createButton')}
            onSubmit={async (profile) => {
              const team = await create(profile);
              notifySaved(t('team.created', { name: team.name }));
            }}
          />
        </Paper>
        <DistrictWelcome />
      </Stack>
    </Container>
  );
}
