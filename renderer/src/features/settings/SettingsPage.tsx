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
import { useBackupStore } from '../backup/store';
import { useUndoStore } from '../undo/store';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const team = useActiveTeam();
  const backupRead = useBackupStore((s) => s.info !== null);
  const undoRead = useUndoStore((s) => s.state !== null);
  const mark = useReadyMark(backupRead && (!team || undoRead));
  return (
    <Stack gap="lg" ref={mark} data-screen="settings">
      <PageHeader title={t('settings.title')} />
      {team && <TeamProfileSection team={team} />}
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
