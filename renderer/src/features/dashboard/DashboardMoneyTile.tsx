import { Anchor, Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardMoney } from '@api/dashboard';
import { formatMoney } from '../../ui/format';
import { MissingReceiptsLine } from '../receipts/MissingReceipts';

const LEVEL_COLOR = { ok: 'teal', warning: 'orange', over: 'red' } as const;

/** Versterkingsgelden of the period's year: available, committed, spent, remaining, with the 80%/100% signal. */
export function DashboardMoneyTile({ money }: { money: DashboardMoney }) {
  const { t } = useTranslation();
  const { totals } = money;
  const figures: [string, string, number][] = [
    ['available', t('budget.totals.available'), totals.availableCents],
    ['committed', t('budget.totals.committed'), totals.committedCents],
    ['spent', t('budget.totals.spent'), totals.spentCents],
    ['left', t('budget.totals.left'), totals.leftCents],
  ];
  const title = `${t('nav.funds')} ${money.year}`;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="tile-money" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          <Anchor component={Link} to="/funds" inherit>
            {title}
          </Anchor>
        </Title>
        <Badge color={LEVEL_COLOR[totals.level]} variant="light" data-level={totals.level}>
          {t(`budget.level.${totals.level}`)}
          {totals.usedPercent !== null ? ` · ${totals.usedPercent}%` : ''}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {figures.map(([key, label, cents]) => (
          <div key={key}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg" data-testid={`money-${key}`}>
              {formatMoney(cents)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {money.missingReceipts && (
        <div style={{ marginTop: 12 }}>
          <MissingReceiptsLine missing={money.missingReceipts} testId="dashboard-missing-receipts" />
        </div>
      )}
    </Card>
  );
}
