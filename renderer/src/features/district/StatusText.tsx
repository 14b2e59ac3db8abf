import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverallStatus } from '@api/progress';

const COLOR: Record<OverallStatus, string | undefined> = {
  'op-koers': 'green.9',
  'aandacht-nodig': 'orange.9',
  achter: 'red.9',
  afgerond: 'blue.9',
  'geen-gegevens': 'dimmed',
};

/** A status in words for a table cell: never cut off, colour only as a second cue. */
export function StatusText({ status }: { status: OverallStatus | null }) {
  const { t } = useTranslation();
  const s = status ?? 'geen-gegevens';
  return (
    <Text size="sm" c={COLOR[s]} fw={s === 'achter' || s === 'aandacht-nodig' ? 600 : undefined} data-status={s} style={{ whiteSpace: 'nowrap' }}>
      {t(`district.status.${s}`)}
    </Text>
  );
}
