import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../ui/format';

/** "7 pinpasbetalingen zonder bon, € 412,30", leading to the filtered expense list. */
export function MissingReceiptsLine({ missing, testId }: { missing: { count: number; totalCents: number }; testId: string }) {
  const { t } = useTranslation();
  if (missing.count === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={testId} data-count={0}>
        {t('receipts.missingNone')}
      </Text>
    );
  return (
    <Alert color="orange" variant="light" p="xs" data-testid={testId} data-count={missing.count}>
      <Anchor component={Link} to="/funds/expenses?bon=ontbreekt" size="sm" fw={600} c="var(--tc-warning-text)">
        {t('receipts.missingSummary', { count: missing.count, sum: formatMoney(missing.totalCents) })}
      </Anchor>
    </Alert>
  );
}
