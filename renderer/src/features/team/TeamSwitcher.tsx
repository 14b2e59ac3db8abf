import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveTeam, useTeamStore } from './store';

/** The team in view; a choice appears once the store holds more than one team (a district chief). */
export function TeamSwitcher() {
  const { t } = useTranslation();
  const team = useActiveTeam();
  const teams = useTeamStore((s) => s.teams);
  const setActive = useTeamStore((s) => s.setActive);
  if (teams.length < 2) {
    return (
      <Text size="sm" c="dimmed" data-testid="header-team">
        {team?.name}
      </Text>
    );
  }
  return (
    <Select
      aria-label={t('team.switchLabel')}
      size="xs"
      w={260}
      allowDeselect={false}
      value={team ? String(team.id) : null}
      onChange={(v) => v && setActive(Number(v))}
      data={teams.map((x) => ({ value: String(x.id), label: x.name }))}
      data-testid="team-switcher"
    />
  );
}
