import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverallStatus } from '@api/progress';

const COLOR: Record<OverallStatus, string> = {
  'op-koers': 'green.9',
  'aandacht-nodig': 'yellow.9',
  achter: 'red.9',
  afgerond: 'blue.9',
  'geen-gegevens': 'gray.7',
};

/** A status in words (readable without colour), with a colour as a second cue. */
export function StatusBadge({ status, size = 'md' }: { status: OverallStatus | null; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  const s = status ?? 'geen-gegevens';
  return (
    <Badge color={COLOR[s]} variant={s === 'geen-gegevens' ? 'outline' : 'filled'} size={size} data-status={s} data-testid="status-badge" style={{ overflow: 'visible' }}>
      {t(`progress.status.${s}`)}
    </Badge>
  );
}
