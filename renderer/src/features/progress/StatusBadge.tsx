import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverallStatus } from '@api/progress';

/**
 * White text on these reads at 5.4:1 or more (WCAG AA asks 4.5:1); Mantine's green.9 gave "OP
 * KOERS" only 4.36:1. Filled badges look the same in the light and the dark theme.
 */
const COLOR: Record<OverallStatus, string> = {
  'op-koers': '#1e6b30',
  'aandacht-nodig': '#8a4b00',
  achter: 'red.9',
  afgerond: 'blue.9',
  'geen-gegevens': 'gray.7',
};

/** A status in words (readable without colour), with a colour as a second cue. */
export function StatusBadge({ status, size = 'md' }: { status: OverallStatus | null; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  const s = status ?? 'geen-gegevens';
  return (
    <Badge color={COLOR[s]} variant={s === 'geen-gegevens' ? 'outline' : 'filled'} size={size} data-status={s} data-testid="status-badge">
      {t(`progress.status.${s}`)}
    </Badge>
  );
}
