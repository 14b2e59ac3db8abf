import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { TeamProfileCard } from '../team/TeamProfileCard';
import { useActiveTeam } from '../team/store';

export function DashboardPage() {
  const { t } = useTranslation();
  const team = useActiveTeam();
  if (!team) return null;
  return (
    <Stack>
      <PageHeader
        title={t('dashboard.title')}
        actions={
          <Button component={Link} to="/settings" variant="light">
            {t('dashboard.editProfile')}
          </Button>
        }
      />
      <TeamProfileCard team={team} />
    </Stack>
  );
}
