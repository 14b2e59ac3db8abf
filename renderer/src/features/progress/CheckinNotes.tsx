import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Checkin } from '@api/progress';

const NOTES = ['wentWell', 'blockers', 'nextSteps'] as const;

/** What the team wrote at a check-in: what went well, what is in the way, the next steps. */
export function CheckinNotes({ checkin, testId }: { checkin: Checkin; testId?: string }) {
  const { t } = useTranslation();
  const written = NOTES.filter((k) => checkin[k].trim() !== '');
  if (written.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('progress.notes.none')}
      </Text>
    );
  return (
    <Stack gap={4} component="dl" m={0} data-testid={testId}>
      {written.map((k) => (
        <div key={k} data-note={k}>
          <Text component="dt" size="xs" fw={700}>
            {t(`progress.fields.${k}`)}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {checkin[k]}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
