import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Team } from '@api/team';
import { formatDecimal, formatInteger } from '../../ui/format';
import { Name } from '../../ui/NoBreak';
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
      <Stack gap="xs">
        <Title order={2} size="h4" data-testid="team-name">
          <Name text={team.name} />
        </Title>
        {/* Compact: the profile is looked up, not read every day; two columns of label: value. */}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={2} m={0}>
          {facts.map(([label, value]) => (
            <Text key={label} size="sm" component="div">
              <Text span size="sm" c="dimmed" component="dt" display="inline">
                {label}:
              </Text>{' '}
              <Text span size="sm" component="dd" display="inline" m={0}>
                {value}
              </Text>
            </Text>
          ))}
        </SimpleGrid>
        <NormSignal inhabitants={team.inhabitants} wijkagenten={team.wijkagenten} formationFte={team.formationFte} />
      </Stack>
    </Card>
  );
}
