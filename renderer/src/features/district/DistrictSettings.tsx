import { Button, Paper, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDistrictStore } from './store';

/** Settings: the district overview in the menu or not. */
export function DistrictSettings({ locked }: { locked?: boolean }) {
  const { t } = useTranslation();
  const { enabled, setEnabled } = useDistrictStore();
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h3" mb="xs">
        {t('district.settings.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('district.settings.intro')}
      </Text>
      <Switch
        checked={enabled || !!locked}
        disabled={locked}
        onChange={(e) => setEnabled(e.currentTarget.checked)}
        label={t('district.settings.show')}
        data-testid="district-switch"
      />
    </Paper>
  );
}

/** The welcome's second door: a district chief without a team of their own. */
export function DistrictWelcome() {
  const { t } = useTranslation();
  const setEnabled = useDistrictStore((s) => s.setEnabled);
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb={4}>
        {t('district.welcome.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('district.welcome.intro')}
      </Text>
      <Button variant="light" onClick={() => setEnabled(true)} data-testid="start-district">
        {t('district.welcome.start')}
      </Button>
    </Paper>
  );
}

