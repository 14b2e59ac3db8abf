import { Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { Team } from '../../../../electron/api/team';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../shared/errors';
import { setLanguage, type Language } from '../../i18n';
import { formatDate, formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { BackupSection } from '../backup/BackupSection';
import { NewTeamSection } from '../team/NewTeamSection';
import { UndoSection } from '../undo/UndoSection';
import { TeamForm } from '../team/TeamForm';
import { useActiveTeam, useTeamStore } from '../team/store';
import { DistrictSettings } from '../district/DistrictSettings';
import { useReadyMark } from '../../ui/ready';
import { WhenVisible } from '../../ui/WhenVisible';

/** Room kept for the sections under the team's profile until they are drawn. */
const BELOW_HEIGHT = 1600;

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const team = useActiveTeam();
  // Each section that reads something says so while it reads (aria-busy), which the mark waits for.
  const mark = useReadyMark(true);
  return (
    <Stack gap="lg" ref={mark} data-screen="settings">
      <PageHeader title={t('settings.title')} />
      {team && <TeamProfileSection team={team} />}
      {/* Under the team's profile, which fills a laptop's window: drawn when in view, or at idle. */}
      <WhenVisible height={team ? BELOW_HEIGHT : 0} fixed={false} margin="0px" idle>
      <Stack gap="lg">
      {team && <UndoSection />}
      <NewTeamSection />
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" mb="md" id="language-label">
          {t('settings.language')}
        </Title>
        <SegmentedControl
          aria-labelledby="language-label"
          value={i18n.language}
          onChange={(value) => setLanguage(value as Language)}
          data={[
            { value: 'nl', label: t('settings.languageNl') },
            { value: 'en', label: t('settings.languageEn') },
          ]}
        />
        <Text size="xs" c="dimmed" mt="xs">
          {t('settings.formatExample', { money: formatMoney(123456), date: formatDate('2026-11-28') })}
        </Text>
      </Paper>
      <DistrictSettings locked={!team} />
      <BackupSection />
      </Stack>
      </WhenVisible>
    </Stack>
  );
}

function TeamProfileSection({ team }: { team: Team }) {
  const { t } = useTranslation();
  const update = useTeamStore((s) => s.update);
  const { id, createdAt: _c, updatedAt: _u, norm: _n, formation: _f, ...profile } = team;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h3" mb="md">
        {t('team.profileTitle')}
      </Title>
      <TeamForm
        key={`${id}-${team.updatedAt}`}
        initial={profile}
        submitLabel={t('common.save')}
        onSubmit={async (next) => {
          await update(id, next);
          notifySaved(t('team.profileUpdated'));
        }}
      />
    </Paper>
  );
}
