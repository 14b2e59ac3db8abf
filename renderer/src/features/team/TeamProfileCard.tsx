import { Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Team } from '@api/team';
import { formatDecimal, formatInteger } from '../../ui/format';
import { NormSignal } from './NormSignal';

export function TeamProfileCard({ team }: { team: Team }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('team.fields.eenheid'), t(`eenheid.${team.eenheid}`)],
    [t('team.fields.district'), team.district || '—'],
    [t('team.fields.gemeenten'), team.gemeenten.join(', ') || '—'],
    [t('team.fields.formationFte'), formatDecimal(team.formationFte)],
    [t('team.fields.inhabitants'), formatInteger(team.inhabitants)],
    [t('team.fields.areaKm2'), formatDecimal(team.areaKm2)],
    [t('team.fields.wijkagenten'), formatInteger(team.wijkagenten)],
  ];
  return (
    <Card withBorder radius="md" padding="lg" data-testid="team-profile">
      <Stack gap="sm">
        <Title order={2} size="h3" data-testid="team-name">
          {team.name}
        </Title>
        <List listStyleType="none" spacing={2}>
          {facts.map(([label, value]) => (
            <List.Item key={label}>
              <Group gap="xs">
                <Text size="sm" c="dimmed" w={200}>
                  {label}
                </Text>
                <Text size="sm">{value}</Text>
              </Group>
            </List.Item>
          ))}
        </List>
        <NormSignal inhabitants={team.inhabitants} wijkagenten={team.wijkagenten} formationFte={team.formationFte} />
      </Stack>
    </Card>
  );
}
