import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Trend as TrendKind } from '@api/progress';

const ARROW: Record<TrendKind, string> = { up: '▲', down: '▼', flat: '▶', none: '–' };

/** Trend as arrow plus words and the change in percentage points: readable in black and white. */
export function Trend({ trend, delta, compact = false }: { trend: TrendKind; delta: number | null; compact?: boolean }) {
  const { t } = useTranslation();
  const signed = delta === null ? '' : `${delta > 0 ? '+' : ''}${delta}`;
  const change = delta !== null ? ` (${t('progress.trend.delta', { delta: signed })})` : '';
  // Compact (the home screen's table): the word only; the change is in the tooltip.
  return (
    <Text size="sm" span data-testid="trend" data-trend={trend} title={compact && change ? change.trim() : undefined}>
      <span aria-hidden="true">{ARROW[trend]} </span>
      {t(`progress.trend.${trend}`)}
      {!compact && change}
    </Text>
  );
}
