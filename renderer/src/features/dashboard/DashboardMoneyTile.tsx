import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardMoney } from '@api/dashboard';
import { formatMoney } from '../../ui/format';
import { MissingReceiptsLine } from '../receipts/MissingReceipts';

const LEVEL_COLOR = { ok: 'teal', warning: 'orange', over: 'red' } as const;

/**
 * Versterkingsgelden of the period's year: available, committed, spent, remaining, with the
 * 80%/100% signal. Before the district's allocation is recorded there is nothing to be within,
 * so the tile says so and leads to the step that records it.
 */
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
  const noBudget = totals.availableCents === 0;
  return (
    <Card withBorder radius="md" padding="md" data-testid="tile-money" component="section" aria-label={title} data-no-budget={noBudget || undefined}>
      <Group justify="space-between" mb="xs" gap="xs" align="flex-start">
        <Title order={2} size="h4">
          <Anchor component={Link} to="/funds" inherit>
            {title}
          </Anchor>
        </Title>
        {!noBudget && (
          <Badge color={LEVEL_COLOR[totals.level]} variant="light" data-level={totals.level}>
            {t(`budget.level.${totals.level}`)}
            {totals.usedPercent !== null ? ` · ${totals.usedPercent}%` : ''}
          </Badge>
        )}
      </Group>
      {noBudget && (
        <Stack gap={6} mb={totals.spentCents || totals.committedCents ? 'sm' : 0} align="flex-start" data-testid="money-no-budget">
          <Text fw={700}>{t('budget.noBudget.title', { year: money.year })}</Text>
          <Text size="sm">{t('budget.noBudget.step')}</Text>
          <Button component={Link} to="/funds" size="xs" variant="light">
            {t('budget.noBudget.action')}
          </Button>
        </Stack>
      )}
      {(!noBudget || totals.spentCents !== 0 || totals.committedCents !== 0) && <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
        {figures.map(([key, label, cents]) => (
          <div key={key}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="md" data-testid={`money-${key}`} className="tc-nowrap">
              {formatMoney(cents)}
            </Text>
          </div>
        ))}
      </SimpleGrid>}
      {money.missingReceipts && (
        <div style={{ marginTop: 12 }}>
          <MissingReceiptsLine missing={money.missingReceipts} testId="dashboard-missing-receipts" />
        </div>
      )}
    </Card>
  );
}
